import GenCore

extension Lexer {
    /// INT = digit , { digit | "_" } ;
    /// FLOAT = INT , "." , digit , { digit | "_" } , [ exponent ] | INT , exponent ;
    ///
    /// A literal followed by letters, digits or another `.digit` (e.g. `1.2.3`, `12abc`) is one malformed number.
    mutating func lexNumber() -> TokenKind {
        let start = position
        skipDigits()
        var isFloat = false
        if peek() == UInt8(ascii: "."), Self.isDigit(peek(1)) {
            position += 1
            skipDigits()
            isFloat = true
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            if let valid = lexExponent(start) {
                guard valid else { return .error }
                isFloat = true
            }
        }
        if Self.isIdentifierContinue(peek()) || (peek() == UInt8(ascii: ".") && Self.isDigit(peek(1))) {
            while Self.isIdentifierContinue(peek()) || (peek() == UInt8(ascii: ".") && Self.isIdentifierContinue(peek(1))) {
                position += 1
            }
            report(Messages.malformedNumber(text(start, position)), start, position)
            return .error
        }
        var digits = ""
        digits.reserveCapacity(position - start)
        for byte in bytes[start..<position] where byte != UInt8(ascii: "_") {
            digits.unicodeScalars.append(Unicode.Scalar(byte))
        }
        if isFloat, let value = Double(digits) { return .float(value) }
        if !isFloat, let value = Int(digits) { return .int(value) }
        report(Messages.integerTooLarge(text(start, position)), start, position)
        return .error
    }

    mutating func skipDigits() {
        while Self.isDigit(peek()) || peek() == UInt8(ascii: "_") { position += 1 }
    }

    /// exponent = ( "e" | "E" ) , [ "+" | "-" ] , digit , { digit | "_" } ;
    ///
    /// nil when the `e` starts something else (e.g. `2em` is reported as malformed by the caller); false when
    /// the exponent has no digits (reported here).
    mutating func lexExponent(_ start: Int) -> Bool? {
        var offset = 1
        if peek(1) == UInt8(ascii: "+") || peek(1) == UInt8(ascii: "-") { offset = 2 }
        if Self.isDigit(peek(offset)) {
            position += offset
            skipDigits()
            return true
        }
        if offset == 1, Self.isIdentifierContinue(peek(1)) { return nil }
        position += offset
        report(Messages.missingExponentDigits(text(start, position)), start, position)
        return false
    }
}

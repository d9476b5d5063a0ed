import GenCore

/// Turns source text into tokens with trivia. Never throws: problems become diagnostics (and `.error` tokens
/// where a token is needed) and lexing goes on to the end of the file.
///
/// Works on UTF-8 bytes; identifiers, numbers and punctuation are ASCII, other characters may appear only in
/// strings and comments. Lexical rules are in grammar/gen.ebnf and quoted above the functions below.
public struct Lexer {
    /// How many string interpolations may nest inside each other.
    public static let interpolationDepthLimit = 16

    let source: SourceFile
    let bytes: [UInt8]
    var position = 0
    var diagnostics: [Diagnostic] = []
    var interpolationDepth = 0
    /// Set when an interpolation nested too deeply, so the enclosing strings do not each report being unterminated.
    var abandonedInterpolation = false

    init(_ source: SourceFile) {
        self.source = source
        self.bytes = source.bytes
    }

    /// All tokens of `source`, ending with one `.endOfFile` token, and the lexical diagnostics.
    public static func tokenize(_ source: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        tokens.reserveCapacity(source.bytes.count / 4 + 1)
        while true {
            let token = lexer.nextToken()
            tokens.append(token)
            if token.kind == .endOfFile { break }
        }
        return (tokens, lexer.diagnostics)
    }

    // MARK: - Helpers

    func span(_ start: Int, _ end: Int) -> Span {
        Span(file: source.id, start: start, end: end)
    }

    func peek(_ offset: Int = 0) -> UInt8 {
        let index = position + offset
        return index < bytes.count ? bytes[index] : 0
    }

    var isAtEnd: Bool { position >= bytes.count }

    mutating func report(_ message: DiagnosticMessage, _ start: Int, _ end: Int, label: String? = nil, hint: String? = nil) {
        diagnostics.append(Diagnostic(message, at: span(start, end), label: label, hint: hint))
    }

    /// The text of a byte range, for messages.
    func text(_ start: Int, _ end: Int) -> String {
        let end = min(end, bytes.count)
        guard start < end else { return "" }
        // Through a buffer pointer: String's fast validating path (an ArraySlice takes a slow generic path).
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    // MARK: - Tokens

    /// Lexes leading trivia, one token and its trailing trivia.
    mutating func nextToken() -> Token {
        let token = nextTokenWithoutTrailingTrivia()
        if interpolationDepth == 0 { abandonedInterpolation = false }  // each top-level string starts afresh
        return withTrailingTrivia(token)
    }

    mutating func nextTokenWithoutTrailingTrivia() -> Token {
        let triviaStart = position
        let crossedNewline = skipLeadingTrivia()
        let start = position
        let kind = lexTokenKind()
        return Token(
            kind: kind, span: span(start, position), leadingTriviaLength: start - triviaStart,
            isAtStartOfLine: crossedNewline || (triviaStart == 0 && interpolationDepth == 0))
    }

    mutating func withTrailingTrivia(_ token: Token) -> Token {
        let start = position
        skipTrailingTrivia()
        guard position > start else { return token }
        return Token(
            kind: token.kind, span: token.span, leadingTriviaLength: Int(token.leadingTriviaLength),
            trailingTriviaLength: position - start, isAtStartOfLine: token.isAtStartOfLine)
    }

    mutating func lexTokenKind() -> TokenKind {
        guard position < bytes.count else { return .endOfFile }
        let byte = bytes[position]
        if Self.isIdentifierStart(byte) { return lexWord() }
        if Self.isDigit(byte) { return lexNumber() }
        if byte == UInt8(ascii: "\"") { return lexString() }
        return lexPunctuation(byte)
    }

    /// IDENT = letter , { letter | digit } ;
    mutating func lexWord() -> TokenKind {
        let start = position
        position += 1
        while position < bytes.count, Self.isIdentifierContinue(bytes[position]) { position += 1 }
        let keyword = bytes.withUnsafeBufferPointer { buffer in
            Keyword.match(UnsafeBufferPointer(rebasing: buffer[start..<position]))
        }
        if let keyword { return .keyword(keyword) }
        if position < bytes.count, bytes[position] >= 0x80 { return lexNonASCIIName(start) }
        return .identifier(text(start, position))
    }

    /// A name containing non-ASCII letters (`café`): reported once, kept as one identifier so parsing goes on.
    mutating func lexNonASCIIName(_ start: Int) -> TokenKind {
        while position < bytes.count, bytes[position] >= 0x80 || Self.isIdentifierContinue(bytes[position]) { position += 1 }
        let name = text(start, position)
        report(Messages.nonASCIIName(name), start, position)
        return .identifier(name)
    }

    /// `'text'`: reported with a fix-it to double quotes and lexed as a string, so parsing goes on.
    mutating func lexSingleQuotedString(_ start: Int) -> TokenKind? {
        var end = start + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "'"), !isLineBreak(at: end) { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: "'") else { return nil }
        position = end + 1
        let content = text(start + 1, end)
        diagnostics.append(Diagnostic(
            Messages.singleQuotedString(), at: span(start, position),
            fixIt: FixIt(replacing: span(start, position), with: "\"" + content + "\"")))
        return .string(StringLiteral(segments: [.text(content, span(start + 1, end))], isMultiline: false))
    }

    mutating func lexPunctuation(_ byte: UInt8) -> TokenKind {
        let start = position
        position += 1
        switch byte {
        case UInt8(ascii: "("): return .leftParen
        case UInt8(ascii: ")"): return .rightParen
        case UInt8(ascii: "{"): return .leftBrace
        case UInt8(ascii: "}"): return .rightBrace
        case UInt8(ascii: "["): return .leftBracket
        case UInt8(ascii: "]"): return .rightBracket
        case UInt8(ascii: ","): return .comma
        case UInt8(ascii: ":"): return .colon
        case UInt8(ascii: "?"): return .question
        case UInt8(ascii: "+"): return .plus
        case UInt8(ascii: "*"): return .star
        case UInt8(ascii: "/"): return .slash
        case UInt8(ascii: "%"): return .percent
        case UInt8(ascii: "-"): return take(UInt8(ascii: ">")) ? .arrow : .minus
        case UInt8(ascii: "="): return take(UInt8(ascii: "=")) ? .equalEqual : .equal
        case UInt8(ascii: "!"): return take(UInt8(ascii: "=")) ? .bangEqual : .bang
        case UInt8(ascii: "<"): return take(UInt8(ascii: "=")) ? .lessEqual : .less
        case UInt8(ascii: ">"): return take(UInt8(ascii: "=")) ? .greaterEqual : .greater
        case UInt8(ascii: "."):
            guard take(UInt8(ascii: ".")) else { return .dot }
            return take(UInt8(ascii: "<")) ? .dotDotLess : .dotDot
        case UInt8(ascii: "&"):
            if take(UInt8(ascii: "&")) { return .ampAmp }
            report(Messages.unexpectedCharacter("`&`"), start, position, hint: "the logical and is `&&`")
            return .error
        case UInt8(ascii: "|"):
            if take(UInt8(ascii: "|")) { return .pipePipe }
            report(Messages.unexpectedCharacter("`|`"), start, position, hint: "the logical or is `||`")
            return .error
        default:
            return lexUnexpectedCharacter(start)
        }
    }

    /// Consumes `byte` if it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Reports the character at `start` (a whole UTF-8 sequence) and returns an error token.
    mutating func lexUnexpectedCharacter(_ start: Int) -> TokenKind {
        if bytes[start] == UInt8(ascii: "'"), let string = lexSingleQuotedString(start) { return string }
        position = min(start + Self.sequenceLength(bytes[start]), bytes.count)
        if bytes[start] >= 0x80, position < bytes.count, bytes[position] >= 0x80 || Self.isIdentifierContinue(bytes[position]) {
            return lexNonASCIIName(start)
        }
        while position < bytes.count, Self.isContinuationByte(bytes[position]) { position += 1 }
        let character = text(start, position)
        let scalar = character.unicodeScalars.first.map(\.value) ?? 0
        let shown = scalar < 0x20 || scalar == 0x7F ? "U+" + String(scalar, radix: 16, uppercase: true).leftPadded(to: 4) : "`\(character)`"
        var hint: String?
        switch character {
        case "'": hint = "strings use double quotes: \"...\""
        case "#": hint = "comments start with `//`"
        case ";": hint = "a declaration ends at the end of its line; remove the `;`"
        case "@", "$", "`", "~", "^", "\\": hint = nil
        default: hint = scalar > 0x7F ? "names are ASCII letters, digits and `_`; other characters go in strings" : nil
        }
        // A run of the same character is one error (20 KB of NUL bytes made 20,000 errors and took minutes).
        let length = position - start
        var repeats = 1
        while position + length <= bytes.count, bytes[position..<(position + length)].elementsEqual(bytes[start..<(start + length)]) {
            position += length
            repeats += 1
        }
        report(Messages.unexpectedCharacter(repeats > 1 ? "\(shown) (\(repeats) in a row)" : shown), start, position, hint: hint)
        return .error
    }

    // MARK: - Character classes

    /// letter = ? "A" to "Z" ? | ? "a" to "z" ? | "_" ;
    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }

    static func isIdentifierContinue(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || isDigit(byte)
    }

    /// digit = ? "0" to "9" ? ;
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// hex_digit = digit | ? "a" to "f" ? | ? "A" to "F" ? ;
    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }

    static func isContinuationByte(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// Length of the UTF-8 sequence introduced by a lead byte (1 for anything unexpected).
    static func sequenceLength(_ byte: UInt8) -> Int {
        switch byte {
        case 0xF0...0xF7: 4
        case 0xE0...0xEF: 3
        case 0xC0...0xDF: 2
        default: 1
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}

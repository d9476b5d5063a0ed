import GenCore

extension Lexer {
    /// STRING = '"' , { string_char | escape | interpolation } , '"' | multiline_string ;
    ///
    /// string_char = ? any character except '"', "\" and a line break ? ;
    mutating func lexString() -> TokenKind {
        if peek(1) == UInt8(ascii: "\""), peek(2) == UInt8(ascii: "\"") { return lexMultilineString() }
        let start = position
        position += 1
        if let plain = lexPlainString(start) { return plain }
        var builder = SegmentBuilder(file: source.id, start: position)
        while true {
            guard position < bytes.count, !isLineBreak(at: position) else {
                builder.flush(at: position)
                reportUnterminated(Messages.unterminatedString(), start, start + 1)
                break
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                builder.flush(at: position)
                position += 1
                break
            }
            if byte == UInt8(ascii: "\\") {
                if peek(1) == UInt8(ascii: "(") {
                    builder.flush(at: position)
                    guard lexInterpolation(into: &builder, multiline: false) else {
                        reportUnterminated(Messages.unterminatedString(), start, start + 1)
                        break
                    }
                } else {
                    lexEscape(into: &builder)
                }
                continue
            }
            builder.append(byte)
            position += 1
        }
        return .string(StringLiteral(segments: builder.segments, isMultiline: false))
    }

    /// Fast path for the common string without escapes or interpolation: one String straight from the bytes.
    mutating func lexPlainString(_ start: Int) -> TokenKind? {
        var end = position
        while end < bytes.count {
            switch bytes[end] {
            case UInt8(ascii: "\""):
                let text = self.text(position, end)
                let segment = StringLiteral.Segment.text(text, span(position, end))
                position = end + 1
                return .string(StringLiteral(segments: [segment], isMultiline: false))
            case UInt8(ascii: "\\"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                return nil
            default:
                end += 1
            }
        }
        return nil
    }

    /// line_break = ? LF ? | ? CR LF ? ;
    func isLineBreak(at index: Int) -> Bool {
        bytes[index] == UInt8(ascii: "\n") || (bytes[index] == UInt8(ascii: "\r") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n"))
    }

    /// escape = "\" , ( "n" | "t" | "r" | '"' | "\" | "0" | "u{" , hex_digit , { hex_digit } , "}" ) ;
    ///
    /// An unknown escape is reported and dropped; lexing of the string goes on.
    mutating func lexEscape(into builder: inout SegmentBuilder) {
        let start = position
        position += 1
        guard position < bytes.count, !isLineBreak(at: position) else {
            report(Messages.unknownEscape("\\"), start, position)
            return
        }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "n"): builder.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "t"): builder.append(UInt8(ascii: "\t"))
        case UInt8(ascii: "r"): builder.append(UInt8(ascii: "\r"))
        case UInt8(ascii: "\""): builder.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): builder.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "0"): builder.append(0)
        case UInt8(ascii: "u"): lexUnicodeEscape(start, into: &builder)
        default:
            while position < bytes.count, Self.isContinuationByte(bytes[position]) { position += 1 }
            report(Messages.unknownEscape(text(start, position)), start, position)
        }
    }

    /// The `{1F600}` part of `\u{1F600}`.
    mutating func lexUnicodeEscape(_ start: Int, into builder: inout SegmentBuilder) {
        guard take(UInt8(ascii: "{")) else {
            report(Messages.unknownUnicodeEscape(text(start, position)), start, position)
            return
        }
        let digitsStart = position
        while position < bytes.count, Self.isHexDigit(bytes[position]), position - digitsStart < 9 { position += 1 }
        let digits = text(digitsStart, position)
        let closed = take(UInt8(ascii: "}"))
        guard closed, (1...8).contains(digits.count), let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else {
            report(Messages.unknownUnicodeEscape(text(start, position)), start, position)
            return
        }
        builder.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    /// interpolation = "\(" , expr , ")" ;
    ///
    /// Lexes the embedded tokens (nested strings included) up to the matching `)`. Returns false when the line
    /// (single-line strings) or the file ended first.
    mutating func lexInterpolation(into builder: inout SegmentBuilder, multiline: Bool) -> Bool {
        let start = position
        position += 2
        interpolationDepth += 1
        defer { interpolationDepth -= 1 }
        if interpolationDepth > Self.interpolationDepthLimit {
            if !abandonedInterpolation { report(Messages.nestingTooDeep(Self.interpolationDepthLimit), start, position) }
            abandonedInterpolation = true
            skipRestOfLine()
            builder.restart(at: position)
            return false
        }
        var tokens: [Token] = []
        var depth = 0
        while true {
            let before = position
            let token = nextTokenWithoutTrailingTrivia()
            let endsLine = token.isAtStartOfLine && !multiline
            if token.kind == .endOfFile || endsLine {
                position = endsLine ? before : position
                reportUnclosedInterpolation(start)
                builder.restart(at: position)
                return false
            }
            if token.kind == .leftParen { depth += 1 }
            if token.kind == .rightParen {
                if depth == 0 {
                    let eof = Token(kind: .endOfFile, span: token.span.startPoint, leadingTriviaLength: Int(token.leadingTriviaLength))
                    if tokens.isEmpty { report(Messages.emptyInterpolation(), start, position) }
                    builder.interpolation(tokens + [eof], span(start, position))
                    return true
                }
                depth -= 1
            }
            tokens.append(withTrailingTrivia(token))
        }
    }

    /// Reports an unterminated string, unless it sits inside an interpolation (the interpolation reports the
    /// missing `)`) or an enclosing interpolation has already explained the problem.
    mutating func reportUnterminated(_ message: DiagnosticMessage, _ start: Int, _ end: Int) {
        if interpolationDepth > 0 { return }
        if abandonedInterpolation {
            abandonedInterpolation = false
            return
        }
        report(message, start, end, label: "string starts here")
    }

    /// Reports an interpolation that the line or file ended inside of, once for all enclosing strings.
    mutating func reportUnclosedInterpolation(_ start: Int) {
        guard !abandonedInterpolation else { return }
        abandonedInterpolation = true
        diagnostics.append(Diagnostic(
            Messages.expectedClosingDelimiter(")", "the interpolation"), at: span(position, position), label: "expected `)`",
            secondary: [DiagnosticLabel("unclosed `\\(` opened here", at: span(start, start + 2))]))
    }

    mutating func skipRestOfLine() {
        while position < bytes.count, !isLineBreak(at: position) { position += 1 }
    }
}

/// Collects the decoded text and interpolations of a string literal.
struct SegmentBuilder {
    let file: FileID
    private(set) var segments: [StringLiteral.Segment] = []
    private var buffer: [UInt8] = []
    private var textStart: Int

    init(file: FileID, start: Int) {
        self.file = file
        self.textStart = start
    }

    mutating func append(_ byte: UInt8) { buffer.append(byte) }
    mutating func append(contentsOf bytes: [UInt8]) { buffer.append(contentsOf: bytes) }

    /// Ends the current text segment at `end` (kept even when empty if it is the only segment).
    mutating func flush(at end: Int) {
        if !buffer.isEmpty || (segments.isEmpty && end >= textStart) {
            segments.append(.text(String(decoding: buffer, as: UTF8.self), Span(file: file, start: textStart, end: end)))
        }
        buffer.removeAll(keepingCapacity: true)
        textStart = end
    }

    mutating func interpolation(_ tokens: [Token], _ span: Span) {
        if segments.count == 1, case .text(let text, _) = segments[0], text.isEmpty { segments.removeAll() }
        segments.append(.interpolation(tokens, span))
        textStart = span.end
    }

    mutating func restart(at position: Int) {
        textStart = position
    }

    /// Moves the start of the current text segment while it has no text yet (skipped indentation).
    mutating func restartIfEmpty(at position: Int) {
        if buffer.isEmpty { textStart = position }
    }

    var textStartOffset: Int { textStart }
}

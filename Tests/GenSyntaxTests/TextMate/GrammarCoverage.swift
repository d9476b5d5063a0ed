import Foundation
import GenCore
@testable import GenSyntax

/// Compares a TextMate grammar's scopes with the real lexer's tokens: every keyword token must get a keyword
/// scope (`true`, `false`, `none`: a language constant), every byte of a string a string scope, of a comment a
/// comment scope, of a number a numeric scope. Interpolated expressions are checked like any other tokens.
struct GrammarCoverage {
    let source: SourceFile
    let scopes: [[String]]
    private(set) var problems: [String] = []
    private(set) var checked: [String: Int] = [:]

    init(_ source: SourceFile, tokenizer: TextMateTokenizer) {
        self.source = source
        scopes = tokenizer.scopesPerByte(source.text)
        for token in Lexer.tokenize(source).tokens { check(token) }
    }

    private mutating func check(_ token: Token) {
        checkComments(token.leadingTriviaSpan)
        checkComments(token.trailingTriviaSpan)
        switch token.kind {
        case .keyword(let keyword):
            let constant = [Keyword.true, .false, .none].contains(keyword)
            expect(token.span, what: "keyword", innermost: constant ? "constant.language." : "keyword.")
        case .int, .float:
            expect(token.span, what: "number", innermost: "constant.numeric.")
        case .string(let literal):
            checked["string", default: 0] += 1
            expect(Span(file: token.span.file, start: token.span.start, length: 1), what: "string quote", anywhere: "string.")
            expect(Span(file: token.span.file, start: token.span.end - 1, length: 1), what: "string quote", anywhere: "string.")
            for segment in literal.segments {
                switch segment {
                case .text(_, let span): expect(span, what: "string text", anywhere: "string.")
                case .interpolation(let tokens, _): tokens.forEach { check($0) }
                }
            }
        default:
            break
        }
    }

    private mutating func checkComments(_ span: Span) {
        var offset = span.start
        for piece in TriviaPiece.decode(span, in: source) {
            let length = piece.byteLength
            if piece.commentText != nil {
                checked["comment", default: 0] += 1
                expect(Span(file: span.file, start: offset, length: length), what: "comment", anywhere: "comment.")
            }
            offset += length
        }
    }

    private mutating func expect(_ span: Span, what: String, innermost prefix: String) {
        if what != "string quote" { checked[what, default: 0] += 1 }
        guard let bad = (span.start..<span.end).first(where: { !(scopes[$0].last ?? "").hasPrefix(prefix) }) else { return }
        report(bad, span: span, what: what, wanted: prefix)
    }

    private mutating func expect(_ span: Span, what: String, anywhere prefix: String) {
        guard let bad = (span.start..<span.end).first(where: { !scopes[$0].contains { $0.hasPrefix(prefix) } }) else { return }
        report(bad, span: span, what: what, wanted: prefix)
    }

    private mutating func report(_ offset: Int, span: Span, what: String, wanted: String) {
        let location = LineIndex(source).location(of: offset)
        problems.append("\(source.path):\(location): \(what) `\(source.text(of: span))` "
                        + "wants \(wanted)* but has \(scopes[offset].joined(separator: " "))")
    }
}

extension TriviaPiece {
    /// The piece's length in bytes, as the lexer measured it.
    var byteLength: Int {
        switch self {
        case .spaces(let count), .tabs(let count), .newlines(let count): count
        case .carriageReturnLineFeeds(let count): 2 * count
        case .lineComment(let text), .docComment(let text), .blockComment(let text), .unexpectedText(let text): text.utf8.count
        }
    }
}

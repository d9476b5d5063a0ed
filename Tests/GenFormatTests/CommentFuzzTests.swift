import GenCore
import GenFormat
import GenSyntax
import Testing

/// Seeded fuzzing of comment and line-break placement: real scripts with comments, blank lines and line breaks
/// inserted at random token boundaries. Every variant that still parses must format (the formatter's own check
/// then guarantees same AST and same comments) and formatting must be idempotent.
@Suite struct CommentFuzzTests {
    static let variants = 400

    static let insertions = [
        " // fuzz line\n", "\n// fuzz own line\n", " /* fuzz inline */ ", "\n/* fuzz\n   multi-line */\n", "\n\n\n",
        "\n", "  ", "/// fuzz doc\n", " /* a */ /* b */ ", "\n  // indented\n\n",
    ]

    static func mutate(_ text: String, rng: inout SeededRandom) -> String {
        let source = SourceFile(path: "m.gen", text: text)
        let tokens = Lexer.tokenize(source).tokens.dropLast()
        guard !tokens.isEmpty else { return text }
        var bytes = Array(text.utf8)
        let count = 1 + Int(rng.next() % 6)
        let offsets = (0..<count).map { _ in
            let token = tokens[tokens.startIndex + Int(rng.next() % UInt64(tokens.count))]
            return rng.next() % 2 == 0 ? token.span.end : token.span.start
        }
        for offset in offsets.sorted(by: >) {
            let insertion = insertions[Int(rng.next() % UInt64(insertions.count))]
            bytes.insert(contentsOf: Array(insertion.utf8), at: offset)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func insertedCommentsSurviveFormatting() throws {
        let corpus = try corpusFiles().map { try readCorpusFile($0).text }
        var rng = SeededRandom(seed: 2024)
        var formattedCount = 0
        for index in 0..<Self.variants {
            let text = Self.mutate(corpus[index % corpus.count], rng: &rng)
            let source = SourceFile(path: "variant\(index).gen", text: text)
            guard !Parser.parse(source).diagnostics.hasErrors else { continue }
            let result = Formatter.format(source)
            guard let once = result.text else {
                Issue.record("variant \(index) did not format: \(result.diagnostics.map(\.message))\n\(text)")
                continue
            }
            formattedCount += 1
            #expect(formatted(once) == once, "variant \(index) is not idempotent:\n\(text)")
        }
        // Most insertions keep the script valid; if few did, the test would prove little.
        #expect(formattedCount > Self.variants / 2)
    }
}

import GenCore
import Testing
@testable import GenSyntax

/// Seeded mutation fuzzing of the lexer, parser, REPL entry point and renderer: no crash, no hang, every
/// diagnostic inside its file, tokens that cover the source exactly, and a rendering for every diagnostic.
@Suite struct FuzzTests {
    static let inputsPerRun = 10_000

    /// Fixture sources to mutate: the language example and every error case.
    static func corpus() throws -> [[UInt8]] {
        var sources = [Array(try Fixtures.text("parse/language.gen").utf8)]
        for file in ErrorFixtures.files() {
            sources += try ErrorFixtures.cases(in: file).map { Array($0.source.utf8) }
        }
        return sources
    }

    /// Bytes that make interesting mutations: delimiters, quotes, escapes, operators, line breaks, non-ASCII.
    static let alphabet = Array("{}()[]\"\\\n/*.,:=-<>!&|?'#0123456789eE_ \t\r".utf8) + [0xC3, 0xA9, 0xF0, 0x9F, 0x98, 0x80, 0x00]

    static func mutate(_ input: [UInt8], corpus: [[UInt8]], rng: inout SeededRandom) -> [UInt8] {
        var bytes = input
        for _ in 0..<(1 + Int(rng.next() % 4)) {
            let position = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count))
            switch rng.next() % 6 {
            case 0 where !bytes.isEmpty:  // flip
                bytes[position] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
            case 1 where !bytes.isEmpty:  // delete a run
                bytes.removeSubrange(position..<min(bytes.count, position + 1 + Int(rng.next() % 8)))
            case 2 where !bytes.isEmpty:  // duplicate a run
                let run = bytes[position..<min(bytes.count, position + 1 + Int(rng.next() % 16))]
                bytes.insert(contentsOf: run, at: position)
            case 3:  // splice in a piece of another fixture
                let other = corpus[Int(rng.next() % UInt64(corpus.count))]
                guard !other.isEmpty else { continue }
                let start = Int(rng.next() % UInt64(other.count))
                bytes.insert(contentsOf: other[start..<min(other.count, start + 1 + Int(rng.next() % 40))], at: position)
            case 4:  // insert random bytes
                bytes.insert(contentsOf: (0..<(1 + rng.next() % 4)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, at: position)
            default:  // insert an interesting byte
                bytes.insert(alphabet[Int(rng.next() % UInt64(alphabet.count))], at: position)
            }
        }
        return bytes
    }

    /// Checks every invariant for one input; returns a description of the first violation.
    static func violation(in text: String) -> String? {
        let source = SourceFile(id: FileID(3), path: "fuzz.gen", text: text)
        let size = source.bytes.count
        let (tokens, _) = Lexer.tokenize(source)
        var offset = 0
        for token in tokens {
            guard token.leadingTriviaSpan.start == offset, token.span.start >= offset, token.trailingTriviaSpan.end <= size else {
                return "tokens do not cover the source at byte \(offset)"
            }
            offset = token.trailingTriviaSpan.end
        }
        guard offset == size, tokens.last?.kind == .endOfFile else { return "tokens stop at \(offset) of \(size)" }
        let (program, diagnostics) = Parser.parse(source)
        let (_, replDiagnostics) = Parser.parseReplInput(source)
        _ = ASTDump.render(program)
        for diagnostic in diagnostics + replDiagnostics {
            let spans = [diagnostic.span] + diagnostic.secondary.map(\.span) + diagnostic.notes.compactMap(\.span)
                + (diagnostic.fixIt.map { [$0.span] } ?? [])
            for span in spans where span.file != source.id || span.start < 0 || span.end > size {
                return "span \(span) of \(diagnostic.id) is outside the file (\(size) bytes)"
            }
        }
        let all = diagnostics
        let rendered = DiagnosticRenderer.render(all, files: [source])
        // Each diagnostic renders a header `fuzz.gen:L:C: severity: message` with a real line and column.
        let index = LineIndex(source)
        let expected = all.map { "fuzz.gen:\(index.location(of: $0.span.start)): \($0.severity.rawValue): \($0.message)" }
        let headers = rendered.split(separator: "\n").filter { $0.hasPrefix("fuzz.gen:") }.map(String.init)
        guard headers == expected else { return "rendered headers \(headers) differ from \(expected)" }
        return nil
    }

    @Test func mutatedFixturesNeverBreakTheFrontEnd() throws {
        let corpus = try Self.corpus()
        var rng = SeededRandom(seed: 0x6E6)
        var failures: [String] = []
        for round in 0..<Self.inputsPerRun {
            let seed = corpus[round % corpus.count]
            let bytes = Self.mutate(seed, corpus: corpus, rng: &rng)
            let text = String(decoding: bytes, as: UTF8.self)
            if let problem = Self.violation(in: text) {
                failures.append("round \(round): \(problem)\n--- input ---\n\(text)")
                if failures.count >= 3 { break }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
    }

    @Test func randomBytesNeverBreakTheFrontEnd() {
        var rng = SeededRandom(seed: 0xB17E5)
        var failures: [String] = []
        for round in 0..<2_000 {
            let count = Int(rng.next() % 200)
            let bytes = (0..<count).map { _ in
                rng.next() % 3 == 0 ? Self.alphabet[Int(rng.next() % UInt64(Self.alphabet.count))] : UInt8(truncatingIfNeeded: rng.next())
            }
            let text = String(decoding: bytes, as: UTF8.self)
            if let problem = Self.violation(in: text) {
                failures.append("round \(round): \(problem)")
                if failures.count >= 3 { break }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
    }
}

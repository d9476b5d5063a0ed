import Foundation
import Testing
import GenCore
import GenSyntax
@testable import GenEngine

/// Seeded fuzzing of the whole checker (parse, resolve, type-check, compile-time evaluation with the real
/// interpreter, lowering) on the examples: 5,000 structure-aware mutations (literals and names swapped for
/// awkward values) and 5,000 byte-level ones per run. No trap (one would end the test process), no check that
/// takes over 5 s, every diagnostic inside its file and renderable.
@Suite struct CheckerFuzzTests {
    static let perKind = 5_000
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples")

    static func corpus() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { $0.hasSuffix(".gen") }.sorted()
            .map { try String(contentsOf: examples.appendingPathComponent($0), encoding: .utf8) }
    }

    /// Values that have broken checkers: repeats, extremes, empties, template slots, escapes, huge and tiny numbers.
    static let awkward = [
        "0", "-1", "1", "2", "0.5", "1.5", "-0.0", "1e308", "1e-308", "9223372036854775807", "-9223372036854775808",
        "\"\"", "\" \"", "\"{y}\"", "\"\\\\\"", "\"\\u{0}\"", "\"(\"", "\"[0-9]{99999}\"", "\"lost_card\"", "\"a\"",
        "true", "none", "[]", "{}", "[1, 1]", "{a: 1.5}", "sample", "spec", "quality", "passed", "len(\"x\")",
    ]

    /// Replaces 1-3 literal or identifier tokens of `text` with awkward values or with other tokens of the file.
    static func structureMutation(_ text: String, rng: inout SeededRandom) -> String {
        let (tokens, _) = Lexer.tokenize(SourceFile(path: "m.gen", text: text))
        let targets = tokens.filter {
            switch $0.kind {
            case .int, .float, .string, .identifier: true
            default: false
            }
        }
        guard !targets.isEmpty else { return text }
        var bytes = Array(text.utf8)
        var edits: [(Range<Int>, String)] = []
        for _ in 0..<(1 + Int(rng.next() % 3)) {
            let target = targets[Int(rng.next() % UInt64(targets.count))]
            let other = targets[Int(rng.next() % UInt64(targets.count))]
            let replacement = rng.next() % 3 == 0
                ? String(decoding: bytes[Int(other.span.start)..<Int(other.span.end)], as: UTF8.self)
                : awkward[Int(rng.next() % UInt64(awkward.count))]
            edits.append((Int(target.span.start)..<Int(target.span.end), replacement))
        }
        // Apply from the end so earlier ranges stay valid; overlapping edits are skipped.
        var lowest = Int.max
        for (range, replacement) in edits.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) where range.upperBound <= lowest {
            bytes.replaceSubrange(range, with: Array(replacement.utf8))
            lowest = range.lowerBound
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func byteMutation(_ text: String, rng: inout SeededRandom) -> String {
        var bytes = Array(text.utf8)
        let alphabet = Array("{}()[]\"\\\n.,:=-<>!&|?0123456789_ ".utf8) + [0x00, 0xC3, 0xFF]
        for _ in 0..<(1 + Int(rng.next() % 4)) {
            let position = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count))
            switch rng.next() % 3 {
            case 0 where !bytes.isEmpty: bytes[position] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
            case 1 where !bytes.isEmpty: bytes.removeSubrange(position..<min(bytes.count, position + 1 + Int(rng.next() % 12)))
            default: bytes.insert(alphabet[Int(rng.next() % UInt64(alphabet.count))], at: position)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One check: its duration and the first broken invariant, if any.
    static func check(_ text: String, engine: Engine) -> String? {
        let clock = ContinuousClock()
        var compilation: Compilation?
        let elapsed = clock.measure {
            compilation = engine.compile(source: text, path: "fuzz.gen", directory: examples)
        }
        guard let compilation else { return "no compilation" }
        if elapsed > .seconds(5) { return "checking took \(elapsed)" }
        for diagnostic in compilation.diagnostics {
            guard let file = compilation.files.first(where: { $0.id == diagnostic.span.file }) else { continue }
            if diagnostic.span.end > file.bytes.count { return "diagnostic past the end of its file: \(diagnostic.message)" }
        }
        if !compilation.diagnostics.isEmpty, compilation.rendered().isEmpty { return "diagnostics rendered as nothing" }
        return nil
    }

    func run(_ mutate: (String, inout SeededRandom) -> String, seed: UInt64) throws {
        let corpus = try Self.corpus()
        #expect(corpus.count >= 5)
        let engine = Engine(variables: [:])
        var rng = SeededRandom(seed: seed)
        var failures: [String] = []
        for index in 0..<Self.perKind {
            let text = mutate(corpus[index % corpus.count], &rng)
            if let problem = Self.check(text, engine: engine) { failures.append("#\(index): \(problem)") }
            if failures.count >= 5 { break }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test func structureAwareMutationsOfTheExamples() throws {
        try run(Self.structureMutation, seed: 0x5EED_0001)
    }

    @Test func byteLevelMutationsOfTheExamples() throws {
        try run(Self.byteMutation, seed: 0x5EED_0002)
    }
}

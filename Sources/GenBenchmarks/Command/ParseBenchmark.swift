import GenCLI
import GenCore
import GenSyntax

/// Measures how fast the lexer and parser get through a large generated script.
public struct ParseBenchmark: Sendable {
    /// Timings of one measured phase over all runs, in seconds.
    public struct Timings: Sendable {
        public let seconds: [Double]

        public var best: Double { seconds.min() ?? 0 }

        public var median: Double {
            let sorted = seconds.sorted()
            guard !sorted.isEmpty else { return 0 }
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
    }

    public let lines: Int
    public let bytes: Int
    public let tokens: Int
    /// Diagnostics of the generated script (0 unless the generator and the parser disagree).
    public let diagnostics: Int
    /// Lexing and parsing together (`Parser.parse`).
    public let parse: Timings
    /// Lexing alone (`Lexer.tokenize`), to show how the time splits.
    public let lex: Timings

    /// Generates a script of about `lines` lines and lexes+parses it `runs` times.
    public static func run(lines: Int, runs: Int, seed: UInt64 = 1) -> ParseBenchmark {
        var generator = ScriptGenerator(seed: seed)
        let text = generator.script(lines: lines)
        let source = SourceFile(path: "bench.gen", text: text)
        let clock = ContinuousClock()
        var parseTimes: [Double] = []
        var lexTimes: [Double] = []
        var tokenCount = 0
        var diagnosticCount = 0
        for _ in 0..<max(runs, 1) {
            var lexed = 0
            let lexTime = clock.measure { lexed = Lexer.tokenize(source).tokens.count }
            var parsed: (program: Program, diagnostics: [Diagnostic])?
            let parseTime = clock.measure { parsed = Parser.parse(source) }
            tokenCount = lexed
            diagnosticCount = parsed?.diagnostics.count ?? 0
            lexTimes.append(lexTime.seconds)
            parseTimes.append(parseTime.seconds)
        }
        let lineCount = text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        return ParseBenchmark(
            lines: lineCount, bytes: source.bytes.count, tokens: tokenCount, diagnostics: diagnosticCount,
            parse: Timings(seconds: parseTimes), lex: Timings(seconds: lexTimes))
    }
}

extension Duration {
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}

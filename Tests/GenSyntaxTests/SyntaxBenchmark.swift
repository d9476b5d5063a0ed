import Foundation
import GenCore
import GenSyntax
import Testing

/// Front-end throughput on a 50,000-line script. Prints figures, asserts nothing about speed; runs only with
/// GEN_BENCH=1 (meaningful in release: `GEN_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter SyntaxBenchmark`).
@Suite struct SyntaxBenchmark {
    static func script(lines target: Int) throws -> String {
        let body = try Fixtures.text("parse/language.gen").split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2)
        var lines = ["gen 0.1"]
        var copy = 0
        while lines.count < target {
            copy += 1
            lines += body.map { line in
                line.hasPrefix("import") ? "// " + line : line.replacingOccurrences(of: "Intent", with: "Intent\(copy)")
            }
        }
        return lines.joined(separator: "\n") + "\n"  // whole copies only, so the script stays valid
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["GEN_BENCH"] == "1"))
    func linesPerSecond() throws {
        let text = try Self.script(lines: 50_000)
        let lineCount = Double(text.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) })
        let source = SourceFile(path: "bench.gen", text: text)
        let clock = ContinuousClock()
        var best = Duration.seconds(1_000)
        var bestLex = Duration.seconds(1_000)
        var tokenCount = 0
        var bestWithFree = Duration.seconds(1_000)
        for _ in 0..<5 {
            bestLex = min(bestLex, clock.measure { tokenCount = Lexer.tokenize(source).tokens.count })
            var result: (program: Program, diagnostics: [Diagnostic])?
            best = min(best, clock.measure { result = Parser.parse(source) })  // the AST is freed outside the timing
            #expect(result?.diagnostics.isEmpty == true)
            bestWithFree = min(bestWithFree, clock.measure { result = Parser.parse(source) })  // and here inside it
            result = nil
        }
        let withFree = Double(bestWithFree.components.attoseconds) / 1e18 + Double(bestWithFree.components.seconds)
        let seconds = Double(best.components.attoseconds) / 1e18 + Double(best.components.seconds)
        let lexSeconds = Double(bestLex.components.attoseconds) / 1e18 + Double(bestLex.components.seconds)
        print(String(format: "syntax benchmark: %.0f lines, %d bytes, %d tokens; lex %.1f ms (%.0f lines/s); lex+parse %.1f ms (%.0f lines/s); lex+parse+free %.1f ms (%.0f lines/s)",
                     lineCount, source.bytes.count, tokenCount, lexSeconds * 1000, lineCount / lexSeconds, seconds * 1000, lineCount / seconds, withFree * 1000, lineCount / withFree))
    }
}

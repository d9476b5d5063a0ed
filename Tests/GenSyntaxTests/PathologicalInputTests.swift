import GenCore
import Testing
@testable import GenSyntax

/// Inputs that made the front end slow or its output huge.
@Suite struct PathologicalInputTests {
    /// 20 KB of NUL bytes made 20,000 errors, each reprinting the line: minutes and gigabytes.
    @Test func aRunOfOneBadCharacterIsOneError() {
        let text = "gen 0.1\n" + String(repeating: "\u{0}", count: 20_000) + "\n"
        let (_, diagnostics) = Lexer.tokenize(SourceFile(path: "nul.gen", text: text))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "unexpected character U+0000 (20000 in a row)")
        #expect(diagnostics.first?.span.length == 20_000)
    }
}

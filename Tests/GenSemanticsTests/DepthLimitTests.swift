import Testing
@testable import GenSemantics

/// Chains that overflowed the stack (SIGSEGV) are errors with a clear message.
@Suite struct DepthLimitTests {
    @Test func aLongChainOfConstantsIsAnErrorNotACrash() {
        var lines = ["gen 0.1"]
        for index in 0..<1_200 { lines.append("let a\(index) = a\(index + 1) + 1") }
        lines.append("let a1200 = 1")
        let rendered = renderedDiagnostics(lines.joined(separator: "\n"))
        #expect(rendered.contains("is reached through a chain of more than 256 declarations"), "\(rendered.prefix(300))")
    }

    @Test func aLongChainOfImportsIsAnErrorNotACrash() {
        var text = "gen 0.1\nimport \"./m0.gen\"\nlet root = 1\n"
        for index in 0..<400 { text += "//> file: m\(index).gen\ngen 0.1\nimport \"./m\(index + 1).gen\"\nlet v\(index) = 1\n" }
        text += "//> file: m400.gen\ngen 0.1\nlet v = 1\n"
        let rendered = renderedDiagnostics(text)
        #expect(rendered.contains("error: imports nest more than 128 modules deep"), "\(rendered.prefix(300))")
    }
}

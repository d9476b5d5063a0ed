import Foundation
import GenCore
import Testing
@testable import GenSyntax

/// Every shipped script (examples/*.gen, stdlib/*.gen) is syntactically valid, and its tokens reproduce it exactly.
@Suite struct ExampleScriptTests {
    static let root = Fixtures.grammarFile.deletingLastPathComponent().deletingLastPathComponent()

    static func scripts() -> [String] {
        ["examples", "stdlib"].flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? [])
                .filter { $0.hasSuffix(".gen") }.map { "\(folder)/\($0)" }
        }.sorted()
    }

    @Test func thereAreExamples() {
        #expect(Self.scripts().count >= 5)
    }

    @Test(arguments: scripts())
    func parsesWithoutDiagnostics(path: String) throws {
        let source = SourceFile(path: path, text: try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8))
        let (program, diagnostics) = Parser.parse(source)
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer.render(diagnostics, files: [source]))")
        #expect(program.version != nil && !program.declarations.isEmpty)
        let rebuilt = program.tokens.map { token in
            source.text(of: token.leadingTriviaSpan) + token.text(in: source) + source.text(of: token.trailingTriviaSpan)
        }.joined()
        #expect(rebuilt == source.text)
    }
}

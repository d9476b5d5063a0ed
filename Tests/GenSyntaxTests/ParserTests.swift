import GenCore
import Testing
@testable import GenSyntax

@Suite struct ParserTests {
    @Test func languageExampleParsesWithoutDiagnostics() throws {
        let source = try Fixtures.source("parse/language.gen")
        let (program, diagnostics) = Parser.parse(source)
        #expect(DiagnosticRenderer.render(diagnostics, files: [source]) == "")
        #expect(program.version?.version == "0.1")
        #expect(program.declarations.count == 15)
        #expect(program.imports.map(\.path) == ["std/arms", "./shared/rules.gen"])
        let mismatch = goldenMismatch(ASTDump.render(program), "parse/language.ast")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }
}

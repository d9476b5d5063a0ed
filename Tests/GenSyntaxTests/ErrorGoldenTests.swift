import Foundation
import GenCore
import Testing
import GenTestSupport
@testable import GenSyntax

/// The syntax error fixtures (Fixtures/errors/*.gen), in GenTestSupport's chunked golden format; each
/// expectation is the rendering of all diagnostics of the case's source as `test.gen`.
enum ErrorFixtures {
    static let directory = Fixtures.directory.appendingPathComponent("errors")

    static func files() -> [String] { GoldenChunks.files(in: directory) }

    static func cases(in file: String) throws -> [GoldenCase] { try GoldenChunks.cases(in: file, directory: directory) }

    static func render(_ source: String) -> String {
        var rendered = renderedDiagnostics(source)
        while rendered.hasSuffix("\n") { rendered.removeLast() }
        return rendered
    }

    static func update(_ file: String) throws { try GoldenChunks.update(file, directory: directory, render: render) }
}

@Suite struct ErrorGoldenTests {
    @Test(arguments: ErrorFixtures.files())
    func renderedDiagnosticsMatch(file: String) throws {
        if GoldenChunks.updating { try ErrorFixtures.update(file) }
        let cases = try ErrorFixtures.cases(in: file)
        #expect(!cases.isEmpty)
        for errorCase in cases {
            let actual = ErrorFixtures.render(errorCase.source)
            #expect(!actual.isEmpty, "\(errorCase): no diagnostic")
            #expect(actual == errorCase.expected, "\(errorCase): actual rendering:\n\(actual)")
        }
    }

    @Test func thereAreAtLeast45DistinctCases() throws {
        let all = try ErrorFixtures.files().flatMap { try ErrorFixtures.cases(in: $0) }
        #expect(Set(all.map(\.name)).count == all.count, "case names must be unique")
        #expect(all.count >= 45)
        let ids = Set(all.flatMap { Parser.parse(SourceFile(path: "test.gen", text: $0.source)).diagnostics.map(\.id) })
        #expect(ids.count >= 30, "distinct message ids covered: \(ids.count)")
    }
}

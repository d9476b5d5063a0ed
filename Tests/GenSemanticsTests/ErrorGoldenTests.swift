import Foundation
import GenCore
import Testing
import GenTestSupport
@testable import GenSemantics

/// The semantic error fixtures (Fixtures/errors/*.gen), in GenTestSupport's chunked golden format; a
/// line `//> file: b.gen` in a source starts another in-memory file the script may import.
enum SemanticErrorFixtures {
    static let directory = Paths.fixtures.appendingPathComponent("errors")

    static func files() -> [String] { GoldenChunks.files(in: directory) }

    static func cases(in file: String) throws -> [GoldenCase] { try GoldenChunks.cases(in: file, directory: directory) }

    static func update(_ file: String) throws {
        try GoldenChunks.update(file, directory: directory, render: renderedDiagnostics)
    }
}

@Suite struct ErrorGoldenTests {
    @Test(arguments: SemanticErrorFixtures.files())
    func renderedDiagnosticsMatch(file: String) throws {
        if GoldenChunks.updating { try SemanticErrorFixtures.update(file) }
        let cases = try SemanticErrorFixtures.cases(in: file)
        #expect(!cases.isEmpty)
        for errorCase in cases {
            let actual = renderedDiagnostics(errorCase.source)
            #expect(actual.contains("error:") || actual.contains("warning:"), "\(errorCase): no diagnostic")
            #expect(actual == errorCase.expected, "\(errorCase): actual rendering:\n\(actual)")
        }
    }

    @Test func thereAreAtLeast45DistinctCases() throws {
        let all = try SemanticErrorFixtures.files().flatMap { try SemanticErrorFixtures.cases(in: $0) }
        #expect(Set(all.map(\.name)).count == all.count, "case names must be unique")
        #expect(all.count >= 45)
        let ids = Set(all.flatMap { checkText($0.source).diagnostics.map(\.id) })
        #expect(ids.count >= 40, "distinct message ids covered: \(ids.count)")
    }
}

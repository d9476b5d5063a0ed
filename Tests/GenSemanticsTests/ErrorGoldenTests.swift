import Foundation
import GenCore
import Testing
@testable import GenSemantics

/// One case of a chunked semantic-error fixture.
struct SemanticErrorCase: CustomStringConvertible {
    let file: String
    let name: String
    let source: String
    let expected: String

    var description: String { "\(file): \(name)" }
}

/// Chunked fixtures (Fixtures/errors/*.gen), as in GenSyntaxTests: cases separated by a line `---`, each
///
///     ### name of the case
///     <source; `//> file: b.gen` starts another in-memory file the script may import>
///     ===
///     <expected rendering of all diagnostics>
///
/// Run with `UPDATE_GOLDEN=1` to rewrite expectations from actual renderings (then review the diff).
enum SemanticErrorFixtures {
    static let directory = Paths.fixtures.appendingPathComponent("errors")

    static func files() -> [String] { Paths.files(in: directory, ending: ".gen") }

    static func cases(in file: String) throws -> [SemanticErrorCase] {
        let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        return text.components(separatedBy: "\n---\n").compactMap { chunk in
            var lines = chunk.components(separatedBy: "\n")
            guard let header = lines.first, header.hasPrefix("### ") else { return nil }
            lines.removeFirst()
            let split = lines.firstIndex(of: "===") ?? lines.count
            let source = lines[..<split].joined(separator: "\n") + "\n"
            var expected = split < lines.count ? lines[(split + 1)...].joined(separator: "\n") : ""
            while expected.hasSuffix("\n") { expected.removeLast() }
            return SemanticErrorCase(file: file, name: String(header.dropFirst(4)), source: source, expected: expected)
        }
    }

    static func update(_ file: String) throws {
        let chunks = try cases(in: file).map { c in "### \(c.name)\n\(c.source.dropLast())\n===\n\(renderedDiagnostics(c.source))" }
        try (chunks.joined(separator: "\n---\n") + "\n").write(to: directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
    }
}

@Suite struct ErrorGoldenTests {
    @Test(arguments: SemanticErrorFixtures.files())
    func renderedDiagnosticsMatch(file: String) throws {
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" { try SemanticErrorFixtures.update(file) }
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

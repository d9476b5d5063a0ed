import Foundation
import GenCore
import Testing
@testable import GenSyntax

/// One case of a chunked error fixture: a name, a source and the expected rendering of its diagnostics.
struct ErrorCase: CustomStringConvertible {
    let file: String
    let name: String
    let source: String
    let expected: String

    var description: String { "\(file): \(name)" }
}

/// Chunked error fixtures (Fixtures/errors/*.gen): cases separated by a line `---`; each case is
///
///     ### name of the case
///     <source lines>
///     ===
///     <expected rendering of all diagnostics, as `test.gen`>
///
/// To add a case, write the header and source with an empty expectation and run with `UPDATE_GOLDEN=1`, which
/// rewrites the fixture files with the actual renderings (then review the diff).
enum ErrorFixtures {
    static let directory = Fixtures.directory.appendingPathComponent("errors")

    static func files() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".gen") }.sorted()
    }

    static func cases(in file: String) throws -> [ErrorCase] {
        let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        return text.components(separatedBy: "\n---\n").compactMap { chunk in
            var lines = chunk.components(separatedBy: "\n")
            guard let header = lines.first, header.hasPrefix("### ") else { return nil }
            lines.removeFirst()
            let split = lines.firstIndex(of: "===") ?? lines.count
            let source = lines[..<split].joined(separator: "\n") + "\n"
            var expected = split < lines.count ? lines[(split + 1)...].joined(separator: "\n") : ""
            while expected.hasSuffix("\n") { expected.removeLast() }
            return ErrorCase(file: file, name: String(header.dropFirst(4)), source: source, expected: expected)
        }
    }

    static func render(_ source: String) -> String {
        var rendered = renderedDiagnostics(source)
        while rendered.hasSuffix("\n") { rendered.removeLast() }
        return rendered
    }

    /// Rewrites a fixture file with actual renderings.
    static func update(_ file: String) throws {
        let chunks = try cases(in: file).map { c in
            "### \(c.name)\n\(c.source.dropLast())\n===\n\(render(c.source))"
        }
        try (chunks.joined(separator: "\n---\n") + "\n").write(to: directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
    }
}

@Suite struct ErrorGoldenTests {
    @Test(arguments: ErrorFixtures.files())
    func renderedDiagnosticsMatch(file: String) throws {
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" { try ErrorFixtures.update(file) }
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

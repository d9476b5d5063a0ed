import Foundation
import GenCore
@testable import GenSyntax

/// Helpers shared by the GenSyntax tests.
enum Fixtures {
    /// Tests/GenSyntaxTests/Fixtures
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Sources/GenSyntax (for the tests that read the parser's own comments).
    static let sourcesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/GenSyntax")

    static let grammarFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("grammar/gen.ebnf")

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(relativePath), encoding: .utf8)
    }

    static func source(_ relativePath: String) throws -> SourceFile {
        SourceFile(path: relativePath, text: try text(relativePath))
    }
}

/// Parses text as a file named `test.gen`.
func parse(_ text: String, path: String = "test.gen") -> (Program, [Diagnostic]) {
    Parser.parse(SourceFile(path: path, text: text))
}

/// The rendered diagnostics of parsing `text`.
func renderedDiagnostics(_ text: String, path: String = "test.gen") -> String {
    let source = SourceFile(path: path, text: text)
    let (_, diagnostics) = Parser.parse(source)
    return DiagnosticRenderer.render(diagnostics, files: [source])
}

/// Compares `actual` with the golden file `relativePath` under Fixtures. A missing golden file is created (and the
/// check fails, so it gets reviewed); on a mismatch the actual text is written next to it as `.actual`.
func goldenMismatch(_ actual: String, _ relativePath: String) -> String? {
    let url = Fixtures.directory.appendingPathComponent(relativePath)
    let actualURL = url.appendingPathExtension("actual")
    guard let expected = try? String(contentsOf: url, encoding: .utf8), !expected.isEmpty else {
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        return "created missing golden file \(relativePath); review it"
    }
    if expected == actual {
        try? FileManager.default.removeItem(at: actualURL)
        return nil
    }
    try? actual.write(to: actualURL, atomically: true, encoding: .utf8)
    return "\(relativePath) differs; actual output written to \(actualURL.path):\n\(actual)"
}

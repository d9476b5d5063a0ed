import Foundation
import GenCore
import GenFormat
import GenSyntax

/// The package root, found from this file's path (Tests/GenFormatTests/FormatTestSupport.swift).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Every .gen file the round-trip tests run on: examples, stdlib and the parser's parse fixtures.
func corpusFiles() -> [String] {
    let directories = ["examples", "stdlib", "Tests/GenSyntaxTests/Fixtures/parse"]
    var paths: [String] = []
    for directory in directories {
        let url = packageRoot.appendingPathComponent(directory)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        paths += names.filter { $0.hasSuffix(".gen") }.sorted().map { "\(directory)/\($0)" }
    }
    return paths
}

func readCorpusFile(_ relativePath: String) throws -> SourceFile {
    let text = try String(contentsOf: packageRoot.appendingPathComponent(relativePath), encoding: .utf8)
    return SourceFile(path: relativePath, text: text)
}

/// Formats text, or returns the rendered diagnostics prefixed with "FAILED".
func formatted(_ text: String, width: Int = 100) -> String {
    let source = SourceFile(path: "test.gen", text: text)
    switch Formatter(lineWidth: width).format(source) {
    case .formatted(let output): return output
    case .failed(let diagnostics): return "FAILED\n" + DiagnosticRenderer.render(diagnostics, files: [source])
    }
}

/// Every comment of a text, in order, as the lexer sees them.
func commentTexts(_ text: String) -> [String] {
    let (tokens, _) = Lexer.tokenize(SourceFile(path: "c.gen", text: text))
    let source = SourceFile(path: "c.gen", text: text)
    var comments: [String] = []
    for token in tokens {
        comments += token.leadingTrivia(in: source).compactMap(\.commentText)
        comments += token.trailingTrivia(in: source).compactMap(\.commentText)
    }
    return comments
}

/// The AST dump of a text (which must parse).
func astDump(_ text: String) -> String {
    ASTDump.render(Parser.parse(SourceFile(path: "a.gen", text: text)).program)
}

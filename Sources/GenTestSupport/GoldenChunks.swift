import Foundation

/// Chunked golden files, shared by the syntax and semantic error tests: cases separated by a line `---`,
///
///     ### name of the case
///     <source lines>
///     ===
///     <expected output>
///
/// Run a suite with `UPDATE_GOLDEN=1` to rewrite the expectations from actual output (then review the diff).
public struct GoldenCase: Sendable, CustomStringConvertible {
    public let file: String
    public let name: String
    public let source: String
    public let expected: String

    public var description: String { "\(file): \(name)" }
}

public enum GoldenChunks {
    public static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    /// The `.gen` fixture files in a directory, sorted.
    public static func files(in directory: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".gen") }.sorted()
    }

    public static func cases(in file: String, directory: URL) throws -> [GoldenCase] {
        let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        return text.components(separatedBy: "\n---\n").compactMap { chunk in
            var lines = chunk.components(separatedBy: "\n")
            guard let header = lines.first, header.hasPrefix("### ") else { return nil }
            lines.removeFirst()
            let split = lines.firstIndex(of: "===") ?? lines.count
            let source = lines[..<split].joined(separator: "\n") + "\n"
            var expected = split < lines.count ? lines[(split + 1)...].joined(separator: "\n") : ""
            while expected.hasSuffix("\n") { expected.removeLast() }
            return GoldenCase(file: file, name: String(header.dropFirst(4)), source: source, expected: expected)
        }
    }

    /// Rewrites a fixture file with each case's actual output.
    public static func update(_ file: String, directory: URL, render: (String) -> String) throws {
        let chunks = try cases(in: file, directory: directory).map { c in
            "### \(c.name)\n\(c.source.dropLast())\n===\n\(render(c.source))"
        }
        try (chunks.joined(separator: "\n---\n") + "\n")
            .write(to: directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
    }
}

import Foundation
import GenCore
import GenLSP

/// `gen-bench lsp`: how long after a one-character change `gen lsp` republishes the diagnostics of a
/// 5,000-line script (the issue's target: within 50 ms). The server runs in process, fed the same JSON-RPC
/// messages an editor sends; the clock runs from the `didChange` to the `publishDiagnostics` it causes.
public enum LSPBenchmark {
    public static func run(lines: Int, changes: Int) -> String {
        var generator = ScriptGenerator(seed: 1)
        let text = generator.script(lines: lines)
        let uri = "file:///tmp/gen-bench-lsp/bench.gen"
        var published: Date?
        var diagnosticCount = 0
        let server = LanguageServer { message in
            guard message["method"]?.stringValue == "textDocument/publishDiagnostics" else { return }
            published = Date()
            diagnosticCount = message["params"]?["diagnostics"]?.arrayValue?.count ?? 0
        }
        server.handle(request(1, "initialize", .object([:])))
        server.handle(notification("textDocument/didOpen", .object(["textDocument": .object([
            "uri": .string(uri), "languageId": .string("gen"), "version": .int(1), "text": .string(text),
        ])])))
        let openStart = Date()
        server.publishPendingDiagnostics()
        let openTime = (published ?? openStart).timeIntervalSince(openStart)

        // One character typed at the end of the first line (a comment), then deleted, and so on.
        let firstLineLength = text.prefix { $0 != "\n" }.utf16.count
        var times: [Double] = []
        for change in 0..<changes {
            let typing = change % 2 == 0
            let edit = JSONValue.object([
                "range": .object([
                    "start": .object(["line": .int(0), "character": .int(firstLineLength)]),
                    "end": .object(["line": .int(0), "character": .int(firstLineLength + (typing ? 0 : 1))]),
                ]),
                "text": .string(typing ? "!" : ""),
            ])
            let start = Date()
            server.handle(notification("textDocument/didChange", .object([
                "textDocument": .object(["uri": .string(uri), "version": .int(change + 2)]), "contentChanges": .array([edit]),
            ])))
            server.publishPendingDiagnostics()
            times.append((published ?? start).timeIntervalSince(start) * 1000)
        }
        let sorted = times.sorted()
        func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))] }
        let bytes = text.utf8.count
        var report = "gen-bench lsp: a \(lines)-line script (\(String(format: "%.0f", Double(bytes) / 1000)) KB, \(diagnosticCount) diagnostics), \(changes) one-character changes\n"
        report += "  open: \(String(format: "%.1f", openTime * 1000)) ms to the first diagnostics\n"
        report += "  change to republished diagnostics: median \(String(format: "%.1f", percentile(0.5))) ms, "
        report += "p90 \(String(format: "%.1f", percentile(0.9))) ms, max \(String(format: "%.1f", sorted.last ?? 0)) ms (target: under 50 ms)\n"
        report += percentile(0.5) < 50 ? "  PASS\n" : "  FAIL\n"
        return report
    }

    private static func request(_ id: Int, _ method: String, _ params: JSONValue) -> JSONValue {
        .object(["jsonrpc": .string("2.0"), "id": .int(id), "method": .string(method), "params": params])
    }

    private static func notification(_ method: String, _ params: JSONValue) -> JSONValue {
        .object(["jsonrpc": .string("2.0"), "method": .string(method), "params": params])
    }
}

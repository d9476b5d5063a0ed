import Foundation
import GenCore
import GenLSP

/// Drives a `LanguageServer` in process: sends requests and notifications, keeps what it sent back.
final class LSPTestClient {
    private(set) var received: [JSONValue] = []
    private(set) var server: LanguageServer!
    private var nextID = 1

    init(root: URL? = nil) {
        server = LanguageServer { [unowned self] in self.received.append($0) }
        var params: [String: JSONValue] = ["capabilities": .object([:])]
        if let root { params["rootUri"] = .string(root.absoluteString) }
        _ = request("initialize", .object(params))
        notify("initialized", .object([:]))
    }

    @discardableResult
    func request(_ method: String, _ params: JSONValue) -> JSONValue {
        let id = nextID
        nextID += 1
        server.handle(.object(["jsonrpc": .string("2.0"), "id": .int(id), "method": .string(method), "params": params]))
        return received.last { $0["id"] == .int(id) } ?? .null
    }

    func notify(_ method: String, _ params: JSONValue) {
        server.handle(.object(["jsonrpc": .string("2.0"), "method": .string(method), "params": params]))
    }

    func open(_ uri: String, _ text: String) {
        notify("textDocument/didOpen", .object(["textDocument": .object([
            "uri": .string(uri), "languageId": .string("gen"), "version": .int(1), "text": .string(text),
        ])]))
        server.publishPendingDiagnostics()
    }

    func change(_ uri: String, version: Int, _ changes: [JSONValue]) {
        notify("textDocument/didChange", .object([
            "textDocument": .object(["uri": .string(uri), "version": .int(version)]), "contentChanges": .array(changes),
        ]))
    }

    /// `{range, text}`: an incremental change.
    static func edit(_ startLine: Int, _ startCharacter: Int, _ endLine: Int, _ endCharacter: Int, _ text: String) -> JSONValue {
        .object([
            "range": .object([
                "start": .object(["line": .int(startLine), "character": .int(startCharacter)]),
                "end": .object(["line": .int(endLine), "character": .int(endCharacter)]),
            ]),
            "text": .string(text),
        ])
    }

    func at(_ uri: String, _ line: Int, _ character: Int, _ extra: [String: JSONValue] = [:]) -> JSONValue {
        var params: [String: JSONValue] = [
            "textDocument": .object(["uri": .string(uri)]),
            "position": .object(["line": .int(line), "character": .int(character)]),
        ]
        params.merge(extra) { $1 }
        return .object(params)
    }

    /// The published diagnostics of `uri`, the latest notification.
    func diagnostics(_ uri: String) -> [JSONValue]? {
        received.last { $0["method"]?.stringValue == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.stringValue == uri }?["params"]?["diagnostics"]?.arrayValue
    }

    func publications(_ uri: String) -> Int {
        received.filter { $0["method"]?.stringValue == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.stringValue == uri }.count
    }

    /// A temporary folder holding `files` (name to text), removed by the caller.
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gen-lsp-\(UUID().uuidString)")
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder.standardizedFileURL
    }
}

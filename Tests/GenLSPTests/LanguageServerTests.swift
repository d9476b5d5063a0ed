import Foundation
import GenCore
import GenLSP
import Testing

/// One JSON-RPC exchange per request, against the server in process.
@Suite struct LanguageServerTests {
    let uri = "file:///tmp/gen-lsp-tests/intents.gen"

    @Test func initializeAnnouncesIncrementalSyncAndEveryProvider() {
        var sent: [JSONValue] = []
        let server = LanguageServer { sent.append($0) }
        server.handle(.object(["jsonrpc": .string("2.0"), "id": .int(7), "method": .string("initialize"), "params": .object([:])]))
        let capabilities = sent.first?["result"]?["capabilities"]
        #expect(sent.first?["id"] == .int(7))
        #expect(capabilities?["textDocumentSync"]?["change"] == .int(2))
        for provider in ["hoverProvider", "completionProvider", "definitionProvider", "documentSymbolProvider", "documentFormattingProvider", "renameProvider"] {
            #expect(capabilities?[provider] != nil, "\(provider)")
        }
    }

    @Test func requestsBeforeInitializeAreRefused() {
        var sent: [JSONValue] = []
        let server = LanguageServer { sent.append($0) }
        server.handle(.object(["jsonrpc": .string("2.0"), "id": .int(1), "method": .string("textDocument/hover"), "params": .object([:])]))
        #expect(sent.first?["error"]?["code"] == .int(-32002))
    }

    @Test func unknownMethodsGetMethodNotFoundAndNotificationsNoReply() {
        let client = LSPTestClient()
        let before = client.received.count
        client.notify("workspace/somethingNew", .object([:]))
        client.notify("textDocument/didChange", .string("not an object"))
        #expect(client.received.count == before)
        let reply = client.request("textDocument/teleport", .object([:]))
        #expect(reply["error"]?["code"] == .int(-32601))
        #expect(reply["error"]?["message"] == .string("unknown method `textDocument/teleport`"))
    }

    @Test func badParamsAreAnErrorNotACrash() {
        let client = LSPTestClient()
        #expect(client.request("textDocument/hover", .object([:]))["error"]?["code"] == .int(-32602))
        #expect(client.request("textDocument/hover", client.at("file:///nowhere.gen", 0, 0))["error"]?["code"] == .int(-32602))
        client.open(uri, Scripts.good)
        #expect(client.request("textDocument/hover", client.at(uri, -5, 99_999))["result"] != nil)
    }

    @Test func shutdownThenExitEndsWithZero() {
        let client = LSPTestClient()
        #expect(client.request("shutdown", .null)["result"] == .null)
        #expect(client.request("textDocument/hover", client.at(uri, 0, 0))["error"]?["code"] == .int(-32600))
        client.notify("exit", .null)
        #expect(client.server.exitCode == 0)
    }

    @Test func openingPublishesTheMessagesOfGenCheckWithHint() throws {
        let client = LSPTestClient()
        client.open(uri, Scripts.good)
        #expect(client.diagnostics(uri) == [])
        client.open(uri, Scripts.misspelt)
        let diagnostic = try #require(client.diagnostics(uri)?.first)
        #expect(diagnostic["severity"] == .int(1))
        #expect(diagnostic["message"] == .string("`naive` has no parameter `temprature`\nhint: did you mean `temperature`?"))
        let range = diagnostic["range"]
        #expect(range?["start"] == .object(["line": .int(21), "character": .int(24)]))
        #expect(range?["end"] == .object(["line": .int(21), "character": .int(34)]))
    }

    @Test func relatedSpansBecomeRelatedInformation() throws {
        let client = LSPTestClient()
        client.open(uri, Scripts.good + "let max_len = 3\n")
        let duplicate = try #require(client.diagnostics(uri)?.first { $0["message"]?.stringValue?.contains("max_len") == true })
        let related = try #require(duplicate["relatedInformation"]?.arrayValue?.first)
        #expect(related["message"] == .string("first declared here"))
        #expect(related["location"]?["uri"] == .string(uri))
        #expect(related["location"]?["range"]?["start"] == .object(["line": .int(5), "character": .int(4)]))
    }

    @Test func aBurstOfChangesIsCheckedOnceWithTheLastVersion() throws {
        let client = LSPTestClient()
        client.open(uri, Scripts.good)
        let checks = client.server.checkCount
        // Type `temprature` back into `temperature` one edit at a time: `temperature` -> ... on line 21.
        client.change(uri, version: 2, [LSPTestClient.edit(21, 24, 21, 35, "temprature")])
        client.change(uri, version: 3, [LSPTestClient.edit(21, 24, 21, 34, "tempe")])
        client.change(uri, version: 4, [LSPTestClient.edit(21, 29, 21, 29, "rature")])
        client.server.publishPendingDiagnostics()
        #expect(client.server.checkCount == checks + 1)
        #expect(client.diagnostics(uri) == [])
        let last = client.received.last { $0["method"]?.stringValue == "textDocument/publishDiagnostics" }
        #expect(last?["params"]?["version"] == .int(4))
    }

    @Test func editingAnImportRechecksTheScriptThatImportsIt() throws {
        let folder = try LSPTestClient.folder([
            "main.gen": "gen 0.1\nimport \"./lib.gen\"\nlet x: int = limit\n",
            "lib.gen": "gen 0.1\nlet limit = 3\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let client = LSPTestClient(root: folder)
        let main = folder.appendingPathComponent("main.gen").absoluteString
        let lib = folder.appendingPathComponent("lib.gen").absoluteString
        client.open(main, "gen 0.1\nimport \"./lib.gen\"\nlet x: int = limit\n")
        client.open(lib, "gen 0.1\nlet limit = 3\n")
        #expect(client.diagnostics(main)?.contains { $0["message"]?.stringValue?.contains("limit") == true } == false)
        // Unsaved: the import is read from the editor, not the disk.
        client.change(lib, version: 2, [LSPTestClient.edit(1, 4, 1, 9, "cap")])
        client.server.publishPendingDiagnostics()
        #expect(client.diagnostics(main)?.contains { $0["message"]?.stringValue?.contains("`limit`") == true } == true)
    }

    @Test func closingClearsTheDiagnostics() {
        let client = LSPTestClient()
        client.open(uri, Scripts.misspelt)
        client.notify("textDocument/didClose", .object(["textDocument": .object(["uri": .string(uri)])]))
        #expect(client.diagnostics(uri) == [])
    }
}

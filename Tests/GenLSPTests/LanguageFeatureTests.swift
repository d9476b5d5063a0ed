import Foundation
import GenCore
import GenLSP
import Testing

/// Hover, completion, definition, symbols, formatting and rename on `Scripts.good`.
@Suite struct LanguageFeatureTests {
    let uri = "file:///tmp/gen-lsp-tests/intents.gen"

    func client(_ text: String = Scripts.good) -> LSPTestClient {
        let client = LSPTestClient()
        client.open(uri, text)
        return client
    }

    func hover(_ client: LSPTestClient, _ line: Int, _ character: Int) -> String {
        client.request("textDocument/hover", client.at(uri, line, character))["result"]?["contents"]?["value"]?.stringValue ?? ""
    }

    @Test func hoverShowsTypesDocsKindsParametersAndFields() {
        let client = client()
        let constant = hover(client, 26, 36)  // max_len in the rule
        #expect(constant.contains("let max_len = 240") && constant.contains("type: `int`") && constant.contains("How long a message may be."))
        let preset = hover(client, 20, 15)  // balanced, from std/arms
        #expect(preset.contains("fn balanced(using: model) -> arm") && preset.contains("The usual middle ground") && preset.contains("std/arms"))
        let kind = hover(client, 21, 12)  // naive
        #expect(kind.contains("arm kind") && kind.contains("temperature: float"))
        let parameter = hover(client, 21, 26)  // temperature:
        #expect(parameter.contains("temperature: float = 0.7 in [0, 2]"))
        let field = hover(client, 26, 26)  // sample.text
        #expect(field.contains("text: string(min: 12, max: max_len)"))
        let function = hover(client, 26, 16)  // len
        #expect(function.contains("len("))
        #expect(client.request("textDocument/hover", client.at(uri, 1, 0))["result"] == .null)
    }

    func labels(_ client: LSPTestClient, _ line: Int, _ character: Int) -> [String] {
        let items = client.request("textDocument/completion", client.at(uri, line, character))["result"]?["items"]?.arrayValue ?? []
        return items.compactMap { $0["label"]?.stringValue }
    }

    @Test func completionOffersWhatFitsThePosition() {
        let client = client()
        let top = labels(client, 1, 0)
        #expect(top.contains("schema") && top.contains("arm") && top.contains("import") && !top.contains("max_len"))
        #expect(labels(client, 26, 26) == ["text", "label"])  // after `sample.`
        let parameters = labels(client, 21, 24)  // `naive(local, |`
        #expect(parameters.contains("temperature") && parameters.contains("top_p") && parameters.contains("max_len"))
        let expression = labels(client, 26, 34)
        #expect(expression.contains("max_len") && expression.contains("balanced") && expression.contains("len") && expression.contains("if"))
        #expect(!expression.contains("schema"))
        let quality = labels(client, 26, 2)
        #expect(quality.contains("rule") && quality.contains("dedup"))
    }

    @Test func completionDescribesKindParametersWithTypesAndRanges() throws {
        let client = client()
        let items = client.request("textDocument/completion", client.at(uri, 21, 24))["result"]?["items"]?.arrayValue ?? []
        let temperature = try #require(items.first { $0["label"] == .string("temperature") })
        #expect(temperature["detail"] == .string("temperature: float = 0.7 in [0, 2]"))
        #expect(temperature["insertText"] == .string("temperature: "))
    }

    @Test func definitionFindsDeclarationsFieldsAndStdlib() throws {
        let client = client()
        let local = client.request("textDocument/definition", client.at(uri, 21, 18))["result"]
        #expect(local?["uri"] == .string(uri))
        #expect(local?["range"]?["start"] == .object(["line": .int(7), "character": .int(6)]))
        let field = client.request("textDocument/definition", client.at(uri, 26, 26))["result"]
        #expect(field?["range"]?["start"] == .object(["line": .int(10), "character": .int(2)]))
        let preset = try #require(client.request("textDocument/definition", client.at(uri, 20, 15))["result"])
        let path = try #require(preset["uri"]?.stringValue.flatMap { URL(string: $0)?.path })
        #expect(path.hasSuffix("arms.gen"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let line = try #require(preset["range"]?["start"]?["line"].flatMap { if case .int(let n) = $0 { n } else { nil } })
        #expect(text.components(separatedBy: "\n")[line].hasPrefix("fn balanced("))
    }

    @Test func definitionCrossesRelativeImports() throws {
        let folder = try LSPTestClient.folder(["lib/rules.gen": "gen 0.1\n\nlet limit = 3\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let client = LSPTestClient(root: folder)
        let main = folder.appendingPathComponent("main.gen").absoluteString
        client.open(main, "gen 0.1\nimport \"./lib/rules.gen\" as rules\nlet x = rules.limit\n")
        let target = client.request("textDocument/definition", client.at(main, 2, 16))["result"]
        #expect(target?["uri"] == .string(folder.appendingPathComponent("lib/rules.gen").absoluteString))
        #expect(target?["range"]?["start"] == .object(["line": .int(2), "character": .int(4)]))
    }

    @Test func documentSymbolsListDeclarationsWithSchemaFields() {
        let client = client()
        let symbols = client.request("textDocument/documentSymbol", .object(["textDocument": .object(["uri": .string(uri)])]))["result"]?.arrayValue ?? []
        #expect(symbols.compactMap { $0["name"]?.stringValue } == ["max_len", "local", "Intent", "intents", "steady", "bold"])
        let fields = symbols.first { $0["name"] == .string("Intent") }?["children"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(fields == ["text", "label"])
    }

    @Test func formattingIsOneWholeDocumentEditAndNoneOnSyntaxErrors() throws {
        let messy = Scripts.good.replacingOccurrences(of: "let max_len = 240", with: "let   max_len=240")
        let client = client(messy)
        let params = JSONValue.object(["textDocument": .object(["uri": .string(uri)]), "options": .object(["tabSize": .int(2), "insertSpaces": .bool(true)])])
        let edits = try #require(client.request("textDocument/formatting", params)["result"]?.arrayValue)
        #expect(edits.count == 1)
        #expect(edits.first?["newText"] == .string(Scripts.good))
        #expect(edits.first?["range"]?["start"] == .object(["line": .int(0), "character": .int(0)]))
        client.open(uri, "gen 0.1\nlet x = (\n")
        #expect(client.request("textDocument/formatting", params)["result"] == .array([]))
    }

    @Test func renameEditsEveryUseAcrossTheWorkspace() throws {
        let folder = try LSPTestClient.folder([
            "lib.gen": "gen 0.1\nlet limit = 3\nfn twice(limit: int) -> int = limit * 2\nlet y = limit + 1\n",
            "a.gen": "gen 0.1\nimport \"./lib.gen\"\nlet a = limit\n",
            "b.gen": "gen 0.1\nimport \"./lib.gen\" as lib\nlet b = {limit: lib.limit}\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let client = LSPTestClient(root: folder)
        let lib = folder.appendingPathComponent("lib.gen").absoluteString
        client.open(lib, try String(contentsOf: folder.appendingPathComponent("lib.gen"), encoding: .utf8))
        let prepared = client.request("textDocument/prepareRename", client.at(lib, 1, 5))["result"]
        #expect(prepared?["placeholder"] == .string("limit"))
        let edit = client.request("textDocument/rename", client.at(lib, 1, 5, ["newName": .string("cap")]))["result"]
        let changes = try #require(edit?["changes"]?.objectValue)
        func starts(_ name: String) -> [JSONValue] {
            (changes[folder.appendingPathComponent(name).absoluteString]?.arrayValue ?? []).compactMap { $0["range"]?["start"] }
        }
        // lib: the declaration and `limit + 1`, not the parameter of `twice` or its uses.
        #expect(starts("lib.gen") == [.object(["line": .int(1), "character": .int(4)]), .object(["line": .int(3), "character": .int(8)])])
        #expect(starts("a.gen") == [.object(["line": .int(2), "character": .int(8)])])
        // b: `lib.limit`, not the record key.
        #expect(starts("b.gen") == [.object(["line": .int(2), "character": .int(20)])])
    }

    @Test func renameRefusesKeywordsBuiltinsAndStdlib() {
        let client = client()
        for (line, character) in [(5, 1), (26, 16), (21, 12), (20, 15)] {  // let, len, naive, balanced
            let reply = client.request("textDocument/prepareRename", client.at(uri, line, character))
            #expect(reply["error"]?["code"] == .int(-32803), "\(line):\(character)")
        }
        let badName = client.request("textDocument/rename", client.at(uri, 5, 5, ["newName": .string("if")]))
        #expect(badName["error"]?["message"]?.stringValue?.contains("`if`") == true)
    }
}

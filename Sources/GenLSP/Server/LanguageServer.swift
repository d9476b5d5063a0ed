import Foundation
import GenCore
import GenEngine

/// The language server's state and its answers: one instance per connection, used from one thread.
///
/// Requests are answered at once; checks after edits wait in `unpublished` until the connection has no
/// message waiting (`publishPendingDiagnostics`), so a burst of keystrokes costs one check, not one each.
public final class LanguageServer {
    public typealias Send = (JSONValue) -> Void

    private let send: Send
    private let engine: Engine
    private let executable: URL
    /// What `initialize` reports as the server's version.
    private let version: String
    private var analyzer: Analyzer
    private let catalog: CapabilityCatalog
    private var documents: [String: TextDocument] = [:]
    private var analyses: [String: DocumentAnalysis] = [:]
    /// Open documents whose diagnostics are out of date, in the order they changed.
    private var unpublished: [String] = []
    private(set) var workspaceRoot: URL?
    private var initialized = false
    private var shutdownRequested = false
    /// Set by `exit`: 0 after `shutdown`, 1 without (as LSP asks).
    public private(set) var exitCode: Int32?
    /// How many checks ran: tests assert that a burst of edits is checked once.
    public private(set) var checkCount = 0

    public init(
        engine: Engine = Engine(), executable: URL = URL(fileURLWithPath: CommandLine.arguments.first ?? "gen"), version: String = "0.1.0",
        send: @escaping Send
    ) {
        self.send = send
        self.version = version
        self.engine = engine
        self.executable = executable
        self.analyzer = Analyzer(engine: engine, stdlib: StdlibFiles(searchRoots: StdlibFiles.searchRoots(workspace: nil, executable: executable)))
        self.catalog = CapabilityCatalog(engine.checkEnvironment(scriptDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))
    }

    public var hasPendingChecks: Bool { !unpublished.isEmpty }

    public func handle(_ frame: MessageFramer.Frame) {
        switch frame {
        case .message(let message): handle(message)
        case .invalidJSON: send(Self.response(id: .null, error: .parseError("the message body is not JSON")))
        }
    }

    public func handle(_ message: JSONValue) {
        guard let method = message["method"]?.stringValue else {
            // A response to a request of ours (we send none) or garbage with an id: answer only the latter.
            if message["result"] == nil, message["error"] == nil, let id = message["id"] {
                send(Self.response(id: id, error: .invalidRequest("a request needs a `method`")))
            }
            return
        }
        let params = Params(value: message["params"] ?? .object([:]))
        guard let id = message["id"] else {
            // Notifications never get a reply, not even an error.
            try? notification(method, params)
            return
        }
        do {
            send(.object(["jsonrpc": .string("2.0"), "id": id, "result": try request(method, params)]))
        } catch {
            send(Self.response(id: id, error: error))
        }
    }

    /// Checks and publishes every document whose diagnostics are out of date.
    public func publishPendingDiagnostics() {
        while !unpublished.isEmpty {
            let uri = unpublished.removeFirst()
            guard let analysis = currentAnalysis(uri) else { continue }
            send(PublishedDiagnostics.notification(for: analysis))
        }
    }

    private func request(_ method: String, _ params: Params) throws(ResponseError) -> JSONValue {
        if method == "initialize" { return initialize(params) }
        guard initialized else { throw .serverNotInitialized() }
        guard !shutdownRequested else { throw .invalidRequest("the server is shutting down") }
        switch method {
        case "shutdown":
            shutdownRequested = true
            return .null
        case "textDocument/hover":
            return HoverProvider(catalog: catalog).hover(try analysis(params), at: try params.position())
        case "textDocument/completion":
            return CompletionProvider(catalog: catalog).completion(try analysis(params), at: try params.position())
        case "textDocument/definition":
            return DefinitionProvider().definition(try analysis(params), at: try params.position())
        case "textDocument/documentSymbol":
            return DocumentSymbolProvider().symbols(try analysis(params))
        case "textDocument/formatting":
            return FormattingProvider().edits(try document(params.documentURI()))
        case "textDocument/prepareRename":
            return try RenameProvider(catalog: catalog).prepare(try analysis(params), at: try params.position())
        case "textDocument/rename":
            let files = WorkspaceFiles.texts(root: workspaceRoot, open: openTexts)
            return try RenameProvider(catalog: catalog).rename(
                try analysis(params), at: try params.position(), to: try params.string("newName"), files: files)
        default:
            throw .methodNotFound(method)
        }
    }

    private func notification(_ method: String, _ params: Params) throws(ResponseError) {
        switch method {
        case "exit": exitCode = shutdownRequested ? 0 : 1
        case "initialized", "$/cancelRequest", "$/setTrace", "textDocument/didSave": break
        case "textDocument/didOpen":
            let item = try params.object("textDocument")
            let uri = try item.string("uri")
            documents[uri] = TextDocument(uri: uri, version: (try? item.int("version")) ?? 0, text: try item.string("text"))
            changed(uri)
        case "textDocument/didChange":
            let uri = try params.documentURI()
            guard var document = documents[uri] else { return }
            for change in try params.array("contentChanges") { try document.apply(change) }
            document.version = (try? params.object("textDocument").int("version")) ?? document.version + 1
            documents[uri] = document
            changed(uri)
        case "textDocument/didClose":
            let uri = try params.documentURI()
            documents[uri] = nil
            analyses[uri] = nil
            unpublished.removeAll { $0 == uri }
            send(PublishedDiagnostics.cleared(uri: uri))
        case "workspace/didChangeWatchedFiles":
            // A file on disk changed (an import that is not open): check every open document again.
            analyses = [:]
            for uri in documents.keys.sorted() where !unpublished.contains(uri) { unpublished.append(uri) }
        default: break
        }
    }

    private func initialize(_ params: Params) -> JSONValue {
        initialized = true
        let rootURI = params.value["rootUri"]?.stringValue ?? params.value["workspaceFolders"]?.arrayValue?.first?["uri"]?.stringValue
        workspaceRoot = rootURI.flatMap(FileURI.path(of:)).map { URL(fileURLWithPath: $0) }
            ?? params.value["rootPath"]?.stringValue.map { URL(fileURLWithPath: $0) }
        analyzer = Analyzer(engine: engine, stdlib: StdlibFiles(searchRoots: StdlibFiles.searchRoots(workspace: workspaceRoot, executable: executable)))
        return .object([
            "capabilities": .object([
                "textDocumentSync": .object(["openClose": .bool(true), "change": .int(2)]),
                "hoverProvider": .bool(true),
                "completionProvider": .object(["triggerCharacters": .array([".", "(", ","].map(JSONValue.string))]),
                "definitionProvider": .bool(true),
                "documentSymbolProvider": .bool(true),
                "documentFormattingProvider": .bool(true),
                "renameProvider": .object(["prepareProvider": .bool(true)]),
            ]),
            "serverInfo": .object(["name": .string("gen"), "version": .string(version)]),
        ])
    }

    /// A document changed: it and every open document importing it need checking again.
    private func changed(_ uri: String) {
        analyses[uri] = nil
        var stale = [uri]
        if let path = FileURI.path(of: uri) {
            stale += analyses.filter { $0.value.importedPaths.contains(path) }.map(\.key).sorted()
        }
        for dependent in stale {
            analyses[dependent] = nil
            if !unpublished.contains(dependent) { unpublished.append(dependent) }
        }
    }

    private var openTexts: [String: String] {
        var texts: [String: String] = [:]
        for (uri, document) in documents { if let path = FileURI.path(of: uri) { texts[path] = document.text } }
        return texts
    }

    private func document(_ uri: String) throws(ResponseError) -> TextDocument {
        guard let document = documents[uri] else { throw .invalidParams("`\(uri)` is not open") }
        return document
    }

    private func analysis(_ params: Params) throws(ResponseError) -> DocumentAnalysis {
        let uri = try params.documentURI()
        _ = try document(uri)
        guard let analysis = currentAnalysis(uri) else { throw .invalidParams("`\(uri)` is not open") }
        return analysis
    }

    private func currentAnalysis(_ uri: String) -> DocumentAnalysis? {
        guard let document = documents[uri] else { return nil }
        if let analysis = analyses[uri], analysis.version == document.version { return analysis }
        checkCount += 1
        let fallback = workspaceRoot ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let analysis = analyzer.analyze(document, openTexts: openTexts, fallbackDirectory: fallback)
        analyses[uri] = analysis
        return analysis
    }

    static func response(id: JSONValue, error: ResponseError) -> JSONValue {
        .object(["jsonrpc": .string("2.0"), "id": id, "error": error.json])
    }
}

import Foundation
import Testing
import GenCore
import GenTestSupport

/// Issue 17's secret scan: a marker key in the environment, servers that echo it back in every way they can,
/// and a grep of everything the run wrote and printed (stdout, stderr, the store and its WAL, exports, report,
/// card, and what `gen inspect` and `gen report` print). The marker must appear nowhere.
@Suite(.serialized) struct SecretScanTests {
    static let variable = "GEN_SECRET_SCAN_API_KEY"
    static let marker = "sk-scan-" + UUID().uuidString.replacingOccurrences(of: "-", with: "")

    /// How a faulty server echoes the request's Authorization header.
    enum Echo: String, CaseIterable {
        case htmlPage, sampleText, serverError, unauthorized, modelList

        func respond(_ request: StubRequest) -> StubResponse? {
            let header = request.header("authorization") ?? ""
            switch self {
            case .modelList where request.route.hasSuffix("/models"):
                return .json(.object(["object": .string("list"), "data": .array([.object(["id": .string("smollm2")])]),
                                      "echo": .string(header)]))
            case _ where !request.route.hasSuffix("/chat/completions"):
                return nil
            case .htmlPage:
                return .text("<html><body>Request headers: Authorization: \(header)</body></html>", headers: ["content-type": "text/html"])
            case .sampleText:
                let sample = CanonicalJSON.string(.object(["text": .string("my key is \(header) ok"), "label": .string("ham")]))
                return .json(OpenAIStubBodies.chatCompletion(sample))
            case .serverError:
                return .json(.object(["error": .string("bad auth \(header)")]), status: 500)
            case .unauthorized:
                return .json(.object(["error": .object(["message": .string("invalid key \(header)")])]), status: 401)
            case .modelList:
                return nil
            }
        }
    }

    func leaks(in directory: URL, printed: [String]) throws -> [String] {
        var found = printed.enumerated().filter { $0.element.contains(Self.marker) }.map { "printed output #\($0.offset)" }
        let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            if data.range(of: Data(Self.marker.utf8)) != nil { found.append(file.lastPathComponent) }
        }
        return found
    }

    @Test(arguments: Echo.allCases)
    func noFaultLeaksTheKey(_ echo: Echo) async throws {
        setenv(Self.variable, Self.marker, 1)
        let server = try StubHTTPServer { request, _ in echo.respond(request) ?? StubModelServer.answer(request) }
        defer { server.stop() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // The key goes in the header and in the URL's query: both must stay out of every output.
        let script = try directory.file("scan.gen", StubModelServer.script(
            url: server.baseURL + "?api_key=" + Self.marker, count: 3, modelOptions: ", api_key_env: \"\(Self.variable)\""))
        let out = directory.url.appendingPathComponent("run")
        let run = await gen(["run", script, "--out", out.path, "--count", "3"])
        var printed = [run.out, run.err]
        if FileManager.default.fileExists(atPath: out.appendingPathComponent("run.sqlite").path) {
            let inspect = await gen(["inspect", out.path])
            let report = await gen(["report", out.path])
            printed += [inspect.out, inspect.err, report.out, report.err]
        }
        // The script holds the key in its URL (the user wrote it there); everything Gen wrote is in `out`.
        #expect(try leaks(in: out, printed: printed).isEmpty, "\(echo): \(run.out)\n\(run.err)")
        #expect(run.code != 0 || echo == .modelList || echo == .sampleText, "\(echo) exited \(run.code)")
    }

    @Test func aSecretReadThroughEnvNeverReachesThePromptOrTheOutput() async throws {
        setenv("GEN_SECRET_SCAN_NOTE", Self.marker, 1)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let script = try directory.file("note.gen", StubModelServer.script(url: "http://127.0.0.1:9/v1", count: 3)
            .replacingOccurrences(of: "domain: \"Text messages people receive\"", with: "domain: env(\"GEN_SECRET_SCAN_NOTE\")"))
        let check = await gen(["check", script])
        #expect(check.code == 65)
        #expect(check.err.contains("would be sent to the model") || check.out.contains("would be sent to the model"), "\(check.out)\(check.err)")
        let run = await gen(["run", script, "--out", directory.url.appendingPathComponent("run").path])
        #expect(run.code == 65)
        #expect(try leaks(in: directory.url, printed: [check.out, check.err, run.out, run.err]).isEmpty)
    }
}

import Foundation
import Testing
import GenTestSupport

/// A run whose server sits behind an HTTP proxy named in the environment: every request goes through the proxy.
/// (A child process, so the variable reaches libcurl without touching the tests running beside it.)
@Suite struct ProxyRunTests {
    @Test func aRunBehindHTTPProxySendsEveryRequestThroughTheProxy() async throws {
        let proxy = try StubModelServer.start()
        defer { proxy.stop() }
        let directory = StubModelServer.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("sms.gen")
        // A name that resolves nowhere: only the proxy can reach it.
        try StubModelServer.script(url: "http://models.gen-proxy.invalid/v1", count: 4).write(to: script, atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        for name in ["no_proxy", "NO_PROXY", "GEN_HTTP_TRANSPORT", "GEN_LLM_URL"] { environment[name] = nil }
        environment["http_proxy"] = proxy.baseURL.replacingOccurrences(of: "/v1", with: "")
        let process = Process()
        process.executableURL = try LiveKillResumeTests.genBinary()
        process.arguments = ["run", script.path, "--seed", "1", "--out", directory.appendingPathComponent("run").path]
        process.environment = environment
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)")
        let paths = proxy.requests.map(\.path)
        #expect(paths.contains("http://models.gen-proxy.invalid/v1/chat/completions"), "\(paths.prefix(3))")
        #expect(!paths.isEmpty && paths.allSatisfy { $0.hasPrefix("http://models.gen-proxy.invalid/v1/") }, "absolute-form, as a proxy is asked")
    }
}

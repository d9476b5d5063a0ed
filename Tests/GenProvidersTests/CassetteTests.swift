import Foundation
import Testing
import GenCore
@testable import GenProviders

/// Answers "answer N to <last message>" for its Nth call with that message, so occurrences are visible.
actor CountingClient: LLMClient {
    private var calls: [String: Int] = [:]

    func chat(_ request: ChatRequest) async throws -> ChatResponse {
        let key = request.messages.last?.content ?? ""
        let n = calls[key, default: 0]
        calls[key] = n + 1
        if key == "fail" { throw LLMError.timeout(url: "http://x/v1", seconds: 1, attempts: 2) }
        return ChatResponse(text: "answer \(n) to \(key)", finishReason: .stop, usage: TokenUsage(promptTokens: 3, completionTokens: 2),
                            latency: .milliseconds(12) + .nanoseconds(7) + .init(secondsComponent: 0, attosecondsComponent: 5))
    }

    func embed(_ texts: [String], model: String) async throws -> EmbeddingResponse {
        EmbeddingResponse(vectors: texts.map { [Double($0.count), 0.1, -1.0 / 3.0] }, usage: TokenUsage(promptTokens: texts.count))
    }
}

struct CassetteTests {
    static func request(_ text: String, temperature: Double = 0.7) -> ChatRequest {
        ChatRequest(model: "smollm2", messages: [.system("You write SMS."), .user(text)], temperature: temperature, topP: 0.9,
                    maxTokens: 64, seed: 7, outputSchema: .object(["type": .string("object"), "required": .array([.string("text")])]))
    }

    @Test func theFingerprintIsTheCanonicalRequestAndIgnoresKeyOrder() {
        let a = Self.request("hi")
        var b = a
        // The same schema built in another order must hash the same.
        var members: [String: JSONValue] = [:]
        members["required"] = .array([.string("text")])
        members["type"] = .string("object")
        b.outputSchema = .object(members)
        #expect(RequestFingerprint.of(RequestFingerprint.canonical(a)) == RequestFingerprint.of(RequestFingerprint.canonical(b)))
        #expect(CanonicalJSON.string(RequestFingerprint.canonical(a)) == """
            {"kind":"chat","max_tokens":64,"messages":[{"content":"You write SMS.","role":"system"},{"content":"hi","role":"user"}],\
            "model":"smollm2","response_format":{"name":"output","schema":{"required":["text"],"type":"object"}},"seed":7,\
            "stop":[],"temperature":0.7,"top_p":0.9}
            """)
        // A pinned hash: a change to the canonical form invalidates every cassette, so it must be deliberate.
        #expect(RequestFingerprint.of(RequestFingerprint.canonical(a)).count == 64)
        #expect(RequestFingerprint.of(RequestFingerprint.canonical(a)) == SHA256.hex(CanonicalJSON.string(RequestFingerprint.canonical(a))))
    }

    @Test func floatsPrintInTheirShortestFormSoEqualValuesHashEqual() {
        let written = Self.request("hi", temperature: 1)
        let computed = Self.request("hi", temperature: 0.1 * 10)
        #expect(CanonicalJSON.string(RequestFingerprint.canonical(written)).contains("\"temperature\":1.0"))
        #expect(RequestFingerprint.of(RequestFingerprint.canonical(written)) == RequestFingerprint.of(RequestFingerprint.canonical(computed)))
        let other = Self.request("hi", temperature: 0.1 + 0.2)
        #expect(CanonicalJSON.string(RequestFingerprint.canonical(other)).contains("\"temperature\":0.30000000000000004"))
        #expect(RequestFingerprint.of(RequestFingerprint.canonical(other)) != RequestFingerprint.of(RequestFingerprint.canonical(written)))
    }

    @Test func anExchangeRoundTripsThroughItsLineAndTheFileIsSorted() async throws {
        let recorder = CassetteRecorder()
        let client = RecordingClient(base: CountingClient(), recorder: recorder)
        let recorded = try await client.chat(Self.request("b"))
        _ = try await client.chat(Self.request("a"))
        _ = try await client.embed(["one", "three"], model: "embed")
        let cassette = await recorder.cassette
        let reread = try Cassette(text: cassette.text, path: "c.jsonl")
        #expect(reread == cassette)
        #expect(reread.text == cassette.text)
        #expect(cassette.exchanges.map(\.fingerprint) == cassette.exchanges.map(\.fingerprint).sorted())
        #expect(cassette.text.split(separator: "\n").count == 3)
        // What the recorded run saw is what a replay gives: latency cut to whole nanoseconds.
        let replay = ReplayingClient(name: "local", replayer: CassetteReplayer(cassette: reread, path: "c.jsonl"))
        #expect(try await replay.chat(Self.request("b")) == recorded)
        #expect(recorded.latency == .nanoseconds(12_000_007))
        let vectors = try await replay.embed(["one", "three"], model: "embed").vectors
        #expect(vectors == [[3, 0.1, -1.0 / 3.0], [5, 0.1, -1.0 / 3.0]])
    }

    @Test func identicalConcurrentRequestsReplayTheirAnswersByOccurrence() async throws {
        let recorder = CassetteRecorder()
        let client = RecordingClient(base: CountingClient(), recorder: recorder)
        // Recorded one after another, so occurrence k holds "answer k".
        for _ in 0..<8 { _ = try await client.chat(Self.request("same")) }
        _ = try await client.chat(Self.request("other"))
        let cassette = await recorder.cassette
        #expect(cassette.exchanges.filter { $0.request["messages"]?.arrayValue?.last?["content"] == .string("same") }
            .map(\.occurrence).sorted() == Array(0..<8))
        // Replayed concurrently: every recorded answer comes back once, none twice, whatever the arrival order.
        let replayer = CassetteReplayer(cassette: cassette, path: "c.jsonl")
        let replay = ReplayingClient(name: "local", replayer: replayer)
        let texts = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { try await replay.chat(Self.request("same")).text } }
            group.addTask { try await replay.chat(Self.request("other")).text }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(texts.sorted() == ((0..<8).map { "answer \($0) to same" } + ["answer 0 to other"]).sorted())
        // A ninth identical call is past the recording.
        await #expect(throws: LLMError.self) { _ = try await replay.chat(Self.request("same")) }
        #expect(await replayer.firstMiss?.contains("holds this request 8 time(s); this was call 9") == true)
    }

    @Test func aFailureTheRunLivedThroughIsReplayedWithItsMessage() async throws {
        let recorder = CassetteRecorder()
        let client = RecordingClient(base: CountingClient(), recorder: recorder)
        await #expect(throws: LLMError.self) { _ = try await client.chat(Self.request("fail")) }
        let replay = ReplayingClient(name: "local", replayer: CassetteReplayer(cassette: await recorder.cassette, path: "c.jsonl"))
        do {
            _ = try await replay.chat(Self.request("fail"))
            Issue.record("the recorded failure was not replayed")
        } catch {
            #expect("\(error)" == "\(LLMError.timeout(url: "http://x/v1", seconds: 1, attempts: 2))")
        }
    }

    @Test func aRequestNotInTheCassetteIsNamedWithWhatDiffers() async throws {
        let recorder = CassetteRecorder()
        _ = try await RecordingClient(base: CountingClient(), recorder: recorder).chat(Self.request("Write one SMS about lunch", temperature: 0.3))
        let replayer = CassetteReplayer(cassette: await recorder.cassette, path: "sms.gen.cassette.jsonl")
        let replay = ReplayingClient(name: "local", replayer: replayer)
        let changed = Self.request("Write one SMS about lunch", temperature: 0.7)
        do {
            _ = try await ModelCallSite.$current.withValue("arm `bold`") { try await replay.chat(changed) }
            Issue.record("a request missing from the cassette was answered")
        } catch let error as LLMError {
            #expect(error.stopsRun)
            let message = "\(error)"
            let fingerprint = RequestFingerprint.of(RequestFingerprint.canonical(changed))
            #expect(message.contains("the cassette sms.gen.cassette.jsonl has no answer for a request of model `local` (smollm2) made by arm `bold`"))
            #expect(message.contains("request: \"Write one SMS about lunch\", fingerprint \(fingerprint.prefix(16))"))
            #expect(message.contains("differs in: temperature (recorded 0.3, now 0.7)"))
            #expect(message.contains("re-record it with `gen run SCRIPT --record sms.gen.cassette.jsonl`"))
        }
        #expect(await replayer.firstMiss != nil)
    }

    @Test func recordingNeverWritesASecret() async throws {
        let secret = "sk-live-7f3a9c2e11"
        let recorder = CassetteRecorder(redact: { $0.replacingOccurrences(of: secret, with: "[REDACTED]") })
        let client = RecordingClient(base: CountingClient(), recorder: recorder)
        _ = try await client.chat(Self.request("my key is \(secret)"))
        _ = try await ModelCallSite.$current.withValue("check `\(secret)`") { try await client.embed([secret], model: "embed") }
        let text = await recorder.cassette.text
        #expect(!text.contains(secret))
        #expect(!text.contains(String(secret.prefix(12))))
        #expect(text.contains("[REDACTED]"))
    }

    @Test func aBadLineIsNamedByItsNumber() {
        #expect(throws: CassetteError.badLine(path: "c.jsonl", line: 2, reason: "missing `fingerprint`")) {
            _ = try Cassette(text: "\n{\"occurrence\":0}\n", path: "c.jsonl")
        }
        #expect(throws: CassetteError.badLine(path: "c.jsonl", line: 1, reason: "not a JSON object")) {
            _ = try Cassette(text: "{oops\n", path: "c.jsonl")
        }
        #expect(throws: CassetteError.unreadable(path: "/nonexistent/c.jsonl")) {
            _ = try Cassette.load(from: URL(fileURLWithPath: "/nonexistent/c.jsonl"))
        }
    }
}

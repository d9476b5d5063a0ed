import GenCLI
import Foundation
import GenCore
import GenEngine
import GenProviders
import GenTestSupport

/// `gen-bench run`: samples per second through the whole loop (prompt, HTTP, parsing, quality, reward,
/// store commit) against a stub OpenAI server that answers at once, at several concurrency levels; and the
/// engine's own overhead per sample, measured with an in-process client so no HTTP time is included.
enum RunBenchmark {
    struct Row {
        var label: String
        var candidates: Int
        var seconds: Double
        var perSecond: Double { seconds > 0 ? Double(candidates) / seconds : 0 }
        var microsecondsPerSample: Double { candidates > 0 ? seconds / Double(candidates) * 1e6 : 0 }
    }

    static func run(count: Int, concurrencies: [Int]) async throws -> String {
        // A stub that answers at once with varied samples (a real model rarely repeats itself exactly).
        let server = try StubHTTPServer { request, _ in
            if request.path.hasSuffix("/models") {
                return .json(.object(["object": .string("list"), "data": .array([.object(["id": .string("smollm2")])])]))
            }
            let seed = request.json?["seed"]?.doubleValue ?? 0
            let prompt = request.json?["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
            return .json(OpenAIStubBodies.chatCompletion(InstantClient.sample(seed: UInt64(seed), spam: prompt.contains("\"spam\"")),
                                                         promptTokens: 60, completionTokens: 20))
        }
        defer { server.stop() }
        var rows: [Row] = []
        for concurrency in concurrencies {
            rows.append(try await measure("stub HTTP, concurrency \(concurrency)", url: server.baseURL, count: count,
                                          concurrency: concurrency, clients: nil))
        }
        let instant: [String: any LLMClient] = ["local": InstantClient()]
        rows.append(try await measure("in-process client (engine overhead)", url: server.baseURL, count: count,
                                      concurrency: 64, clients: instant))
        var text = "gen-bench run: \(count) accepted per row, batch 64, the stub answers at once\n"
        #if DEBUG
        text += "note: this is a debug build; build with `swift build -c release --product gen` for real figures\n"
        #endif
        text += "setup".padding(to: 40) + "candidates  seconds  samples/s  µs/sample\n"
        for row in rows {
            text += row.label.padding(to: 40) + String(row.candidates).padding(to: 12)
                + String(format: "%.2f", row.seconds).padding(to: 9) + String(format: "%.0f", row.perSecond).padding(to: 11)
                + String(format: "%.0f", row.microsecondsPerSample) + "\n"
        }
        return text
    }

    static func measure(_ label: String, url: String, count: Int, concurrency: Int,
                        clients: [String: any LLMClient]?) async throws -> Row {
        let directory = StubModelServer.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("bench.gen")
        let text = StubModelServer.script(url: url, count: count, modelOptions: "")
            .replacingOccurrences(of: "max_concurrency: 4", with: "max_concurrency: \(concurrency)")
            .replacingOccurrences(of: "batch: 4", with: "batch: 64\n  max_candidates: \(count * 4)")
        try text.write(to: script, atomically: true, encoding: .utf8)
        let started = DispatchTime.now().uptimeNanoseconds
        let result = try await Engine(variables: [:]).run(
            RunRequest(scriptPath: script.path, outDirectory: directory.appendingPathComponent("run"), seed: 1),
            clients: clients)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return Row(label: label, candidates: result.outcome.progress.candidates, seconds: seconds)
    }
}

/// Answers every chat request at once with a sample made from the request's seed: no network, no wait.
struct InstantClient: LLMClient {
    static let words: [String] = {
        let stems = ["meet", "call", "lunch", "prize", "claim", "free", "train", "late", "home", "mum", "text", "offer",
                     "cash", "week", "party", "soon", "work", "bus", "film", "tonight", "reply", "stop", "win", "deal",
                     "class", "exam", "pizza", "game", "phone", "ticket", "gift", "card", "voucher", "club", "beach", "rain"]
        return stems.flatMap { [$0, $0 + "s", $0 + "ing", "the " + $0] }
    }()

    func chat(_ request: ChatRequest) async throws -> ChatResponse {
        let spam = request.messages.last?.content.contains("\"spam\"") == true
        return ChatResponse(text: Self.sample(seed: UInt64(request.seed ?? 0), spam: spam), finishReason: .stop,
                            usage: TokenUsage(promptTokens: 60, completionTokens: 20))
    }

    /// A sample from the seed: varied word choices, so the benchmark measures accepted samples rather
    /// than near-duplicate rejections.
    static func sample(seed: UInt64, spam: Bool) -> String {
        var rng = SeededRandom(seed: seed)
        let text = (0..<14).map { _ in words[rng.nextIndex(words.count)] }.joined(separator: " ")
        return CanonicalJSON.string(.object(["text": .string(text), "label": .string(spam ? "spam" : "ham")]))
    }

    func embed(_ texts: [String], model: String) async throws -> EmbeddingResponse {
        throw LLMError.malformedResponse(url: "in-process", reason: "no embeddings in the benchmark client")
    }
}

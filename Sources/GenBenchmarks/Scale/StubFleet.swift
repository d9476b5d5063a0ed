import Foundation
import GenCore
import GenTestSupport
import Synchronization

/// The model servers `gen-bench scale` drives: `endpoints` OpenAI-compatible stubs on loopback ports, each
/// answering chat completions after a lognormal delay (median `median` seconds, log-space spread `sigma`) and
/// serving at most `concurrency` requests at once; further requests wait in the endpoint's queue, as vLLM's
/// `max_num_seqs` makes them. Each answer is a well-formed sample made from the request's seed.
///
/// Run in a child process (`gen-bench stub-fleet`), so the benchmark's own CPU time is the engine's alone.
public final class StubFleet: Sendable {
    public struct Settings: Sendable, Equatable {
        public var endpoints: Int
        public var concurrency: Int
        public var median: Double
        public var sigma: Double
        public var seed: UInt64

        public init(endpoints: Int, concurrency: Int = 16, median: Double = 1.0, sigma: Double = 0.5, seed: UInt64 = 1) {
            self.endpoints = endpoints
            self.concurrency = concurrency
            self.median = median
            self.sigma = sigma
            self.seed = seed
        }

        /// The mean of the lognormal delay.
        public var meanLatency: Double { Lognormal(median: median, sigma: sigma).mean }

        /// Requests per second the fleet serves when every endpoint is always busy: endpoints x concurrency / mean latency.
        public var idealRate: Double { meanLatency > 0 ? Double(endpoints * concurrency) / meanLatency : 0 }

        /// The `stub-fleet` arguments that start this fleet in another process.
        public var arguments: [String] {
            ["stub-fleet", "--endpoints", "\(endpoints)", "--concurrency", "\(concurrency)", "--median", "\(median)",
             "--sigma", "\(sigma)", "--seeds", "\(seed)"]
        }
    }

    public let settings: Settings
    let servers: [StubHTTPServer]

    public init(_ settings: Settings) throws {
        self.settings = settings
        var servers: [StubHTTPServer] = []
        for index in 0..<settings.endpoints {
            let endpoint = Endpoint(settings: settings, index: index)
            // Keep-alive, as vLLM and every production server: a client pays for a connection once, not per request.
            servers.append(try StubHTTPServer(keepAlive: true) { request, _ in endpoint.answer(request) })
        }
        self.servers = servers
    }

    /// Every endpoint's base URL, `http://127.0.0.1:PORT/v1`.
    public var baseURLs: [String] { servers.map(\.baseURL) }

    public func stop() {
        for server in servers { server.stop() }
    }

    /// The most requests any one endpoint held at once, served and queued.
    public var maxHeld: Int { servers.map(\.maxInFlight).max() ?? 0 }

    /// One endpoint: its queue (a counting semaphore; each connection has its own thread) and its delays.
    final class Endpoint: Sendable {
        let settings: Settings
        let slots: DispatchSemaphore
        let random: Mutex<SeededRandom>

        init(settings: Settings, index: Int) {
            self.settings = settings
            self.slots = DispatchSemaphore(value: settings.concurrency)
            self.random = Mutex(SeededRandom(seed: settings.seed).derived("endpoint \(index)"))
        }

        func answer(_ request: StubRequest) -> StubResponse {
            if request.route.hasSuffix("/models") {
                return .json(.object(["object": .string("list"), "data": .array([.object(["id": .string("smollm2")])])]))
            }
            let delay = random.withLock { Lognormal(median: settings.median, sigma: settings.sigma).draw(&$0) }
            slots.wait()
            Thread.sleep(forTimeInterval: delay)
            slots.signal()
            let seed = request.json?["seed"]?.doubleValue ?? 0
            let prompt = request.json?["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
            return .json(OpenAIStubBodies.chatCompletion(
                InstantClient.sample(seed: UInt64(seed), spam: prompt.contains("\"spam\"")), promptTokens: 60, completionTokens: 20))
        }
    }
}

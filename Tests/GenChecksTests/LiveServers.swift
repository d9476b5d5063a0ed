import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GenChecks
import GenProviders

/// The local llama-cpp-python servers the live tests use (`scripts/llm-server.sh start`): chat on 8080,
/// embeddings on 8081 (ports follow the script's GEN_LLM_PORT / GEN_EMBED_PORT).
enum LiveServers {
    struct Missing: Error, CustomStringConvertible {
        var url: String
        var reason: String
        var description: String {
            "no model server answers at \(url) (\(reason)): run `scripts/llm-server.sh start` in the repository first"
        }
    }

    static let environment = ProcessInfo.processInfo.environment
    static let chatURL = "http://127.0.0.1:\(environment["GEN_LLM_PORT"] ?? "8080")/v1"
    static let embedURL = "http://127.0.0.1:\(environment["GEN_EMBED_PORT"] ?? "8081")/v1"

    /// Fails (never skips) when either server is down, saying how to start them.
    static func requireUp() async throws {
        for url in [chatURL, embedURL] {
            var request = URLRequest(url: URL(string: url + "/models")!)
            // Long: a refused connection fails at once, but a server still finishing an earlier test's (or another
            // process's) generation answers /models only after it; 5 s failed a run on a busy machine.
            request.timeoutInterval = 60
            do {
                let (_, response) = try await URLSession.shared.data(for: request)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                guard status == 200 else { throw Missing(url: url, reason: "HTTP \(status)") }
            } catch let missing as Missing {
                throw missing
            } catch {
                throw Missing(url: url, reason: error.localizedDescription)
            }
        }
    }

    /// A checker with `local` (chat, judge) and `embedder` (embeddings) over the live servers.
    static func checker(cache: any CheckCache = InMemoryCheckCache()) throws -> StandardModelChecker {
        func model(_ name: String, _ url: String) throws -> CheckModel {
            let client = try OpenAICompatibleClient(
                configuration: ClientConfiguration(baseURL: url, timeout: 120, maxConcurrency: 2, retry: RetryPolicy(maxAttempts: 2)))
            return CheckModel(name: name, client: client, model: "smollm2", cacheIdentity: url + "|smollm2")
        }
        return StandardModelChecker(
            models: ["local": try model("local", chatURL), "embedder": try model("embedder", embedURL)], cache: cache)
    }
}

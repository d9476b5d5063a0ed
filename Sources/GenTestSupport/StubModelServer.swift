import Foundation
import GenCore

/// An OpenAI-compatible stub that writes SMS samples: the label the prompt asks for, a text made from
/// the request's seed (so a seeded run is reproducible), and about a third of the answers cut off mid-JSON.
public enum StubModelServer {
    public static func start() throws -> StubHTTPServer {
        try StubHTTPServer { request, _ in answer(request) }
    }

    /// The well-behaved answer to one request (also used by the fault tests around their faults).
    public static func answer(_ request: StubRequest) -> StubResponse {
        if request.route.hasSuffix("/models") {
            return .json(.object(["object": .string("list"), "data": .array([.object(["id": .string("smollm2")])])]))
        }
        let body = request.json
        let prompt = body?["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
        let label = prompt.contains("\"spam\"") ? "spam" : "ham"
        let seed = body?["seed"].flatMap { $0.doubleValue } ?? 0
        let temperature = body?["temperature"]?.doubleValue ?? 0
        let number = Int(seed) % 997
        if number % 3 == 0 {
            return .json(OpenAIStubBodies.chatCompletion("{\"text\": \"cut off", finishReason: "length"))
        }
        // `per_call`: an array of the asked-for size, each element labelled as its numbered ask; the prompt is paid once.
        if let count = body?["response_format"]?["json_schema"]?["schema"]?["minItems"]?.doubleValue.map({ Int($0) }) {
            let asks = prompt.split(separator: "\n").filter { $0.first?.isNumber == true }
            let samples = (0..<count).map { index in
                sample(label: index < asks.count && asks[index].contains("\"spam\"") ? "spam" : "ham",
                       variant: number * 20 + index, temperature: temperature)
            }
            return .json(OpenAIStubBodies.chatCompletion(
                CanonicalJSON.string(.array(samples)), promptTokens: 60, completionTokens: 20 * count))
        }
        let text = CanonicalJSON.string(sample(label: label, variant: number, temperature: temperature))
        return .json(OpenAIStubBodies.chatCompletion(text, promptTokens: 60, completionTokens: 20))
    }

    static func sample(label: String, variant number: Int, temperature: Double) -> JSONValue {
        // Low temperatures repeat themselves: a small vocabulary makes near-duplicates the dedup catches.
        let variant = temperature < 0.5 ? number % 3 : number
        let text = label == "spam"
            ? "WIN a free prize number \(variant) now, reply YES to claim it today"
            : "hey are we still meeting at \(variant % 12 + 1) for lunch with the team \(variant)"
        return .object(["text": .string(text), "label": .string(label)])
    }

    public static func script(url: String, count: Int = 12, modelOptions: String = "") -> String {
        """
        gen 0.1
        model local = openai(base_url: "\(url)", model: "smollm2", max_concurrency: 4\(modelOptions))
        schema Sms {
          text: string(min: 5, max: 160)
          label: enum("ham", "spam")
        }
        spec sms {
          domain: "Text messages people receive"
          output: Sms
          count: \(count)
          batch: 4
        }
        arm careful = naive(local, temperature: 0.2)
        arm steady = naive(local, temperature: 0.7)
        arm bold = naive(local, temperature: 1.1)
        router epsilon_greedy(epsilon: 0.3, decay: 0.9, min: 0.05)
        quality {
          rule "schema" valid(sample)
          rule "no urls" !matches(sample.text, "https?://")
          dedup near(0.7)
        }
        reward = passed * (0.6 * quality + 0.4 * novelty)
        """
    }

    public static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gen-engine-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

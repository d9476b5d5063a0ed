import Foundation
import GenCore

/// The OpenAI `/v1/embeddings` wire form. Servers answer with one pooled vector per input, or (decoder
/// models on llama.cpp) one vector per token; per-token answers are mean-pooled here.
enum EmbeddingWireFormat {
    static func body(texts: [String], model: String) -> Data {
        let value = JSONValue.object(["model": .string(model), "input": .array(texts.map(JSONValue.string))])
        return Data(CanonicalJSON.string(value).utf8)
    }

    static func decode(_ body: Data, expectedCount: Int) throws(WireError) -> EmbeddingResponse {
        let envelope = try EmbeddingEnvelope.decode(body)
        let items = envelope.data
        guard items.count == expectedCount else {
            throw WireError("asked for \(expectedCount) embeddings, got \(items.count)")
        }
        var slots = [[Double]?](repeating: nil, count: expectedCount)
        var pooled = false
        for (position, item) in items.enumerated() {
            let index = item.index ?? position
            guard slots.indices.contains(index), slots[index] == nil else {
                throw WireError("embedding index \(index) is out of range or repeated")
            }
            switch item.embedding {
            case .pooled(let vector):
                guard !vector.isEmpty else { throw WireError("embedding \(index) is missing or empty") }
                slots[index] = vector
            case .perToken(let tokens):
                guard let width = tokens.first?.count, width > 0, tokens.allSatisfy({ $0.count == width }) else {
                    throw WireError("embedding \(index) is neither a list of numbers nor a list of equal-width number lists")
                }
                slots[index] = meanPool(tokens)
                pooled = true
            }
        }
        let vectors = slots.compactMap { $0 }
        if let width = vectors.first?.count, vectors.contains(where: { $0.count != width }) {
            throw WireError("embedding vectors have different widths")
        }
        let usage = TokenUsage(promptTokens: envelope.usage?.promptTokens ?? 0, completionTokens: 0)
        return EmbeddingResponse(vectors: vectors, usage: usage, pooledFromTokens: pooled)
    }

    /// The element-wise mean of equal-width vectors.
    static func meanPool(_ vectors: [[Double]]) -> [Double] {
        guard let width = vectors.first?.count else { return [] }
        var sum = [Double](repeating: 0, count: width)
        for vector in vectors {
            for column in 0..<width { sum[column] += vector[column] }
        }
        let count = Double(vectors.count)
        return sum.map { $0 / count }
    }
}

/// The embeddings answer decoded straight into numbers. Per-token answers are megabytes of numbers, and
/// going through `JSONValue` took seconds per call in debug builds; typed decoding avoids that.
struct EmbeddingEnvelope: Decodable {
    enum Embedding: Decodable {
        case pooled([Double])
        case perToken([[Double]])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let vector = try? container.decode([Double].self) {
                self = .pooled(vector)
            } else {
                self = .perToken(try container.decode([[Double]].self))
            }
        }
    }

    struct Item: Decodable {
        var index: Int?
        var embedding: Embedding
    }

    struct Usage: Decodable {
        var promptTokens: Int?

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
        }
    }

    var data: [Item]
    var usage: Usage?

    /// Decodes the body, or says in words what is wrong with it.
    static func decode(_ body: Data) throws(WireError) -> EmbeddingEnvelope {
        do {
            return try JSONDecoder().decode(EmbeddingEnvelope.self, from: body)
        } catch {
            throw diagnose(body)
        }
    }

    /// The slow, thorough look at a body the typed decoder refused.
    private static func diagnose(_ body: Data) -> WireError {
        let value: JSONValue
        do { value = try WireError.parseJSON(body) } catch { return error }
        guard let items = value["data"]?.arrayValue else { return WireError("no `data` list in the embeddings answer") }
        for (position, item) in items.enumerated() {
            guard let rows = item["embedding"]?.arrayValue, !rows.isEmpty else {
                return WireError("embedding \(position) is missing or empty")
            }
            if !rows.allSatisfy({ $0.doubleValue != nil }) {
                return WireError("embedding \(position) is neither a list of numbers nor a list of equal-width number lists")
            }
        }
        return WireError("the embeddings answer does not have the OpenAI shape")
    }
}

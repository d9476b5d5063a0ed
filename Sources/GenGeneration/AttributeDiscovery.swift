import Foundation
import GenCore
import GenProviders

/// Attribute discovery (`discover("what varies", n: 8)`): the arm's model is asked once per label for n
/// distinct values of a dimension, as a JSON array of strings. The run stores the answer, so a resumed run
/// draws from the same values and never asks again.
public enum AttributeDiscovery {
    /// One question: a dimension of an arm, for one label (nil when the spec has no label enum).
    public struct Request: Sendable, Equatable {
        public var arm: String
        public var dimension: String
        public var description: String
        public var count: Int
        public var label: String?

        public init(arm: String, dimension: String, description: String, count: Int, label: String?) {
            self.arm = arm
            self.dimension = dimension
            self.description = description
            self.count = count
            self.label = label
        }
    }

    /// The values found and what finding them cost (every call, the failed ones included).
    public struct Outcome: Sendable, Equatable {
        public var values: [String]
        public var tokens: Int
        /// The part of `tokens` the model wrote, for the price of output tokens.
        public var completionTokens = 0
        public var calls: Int

        public init(values: [String], tokens: Int, calls: Int) {
            self.values = values
            self.tokens = tokens
            self.calls = calls
        }
    }

    /// Calls per question: a short or unreadable answer is asked again, this many times in all.
    public static let maxAttempts = 3
    /// Longer values are dropped: a value is a few words the prompt quotes, not a paragraph.
    public static let maxValueLength = 80

    /// Asks until `count` distinct values are found or the attempts run out; fewer values than asked are kept,
    /// none is an error that names the arm, the dimension and the label. A server error that stops runs is thrown.
    static func discover(
        _ request: Request, client: any LLMClient, model: String, domain: String, temperature: Double?
    ) async throws -> Outcome {
        var outcome = Outcome(values: [], tokens: 0, calls: 0)
        var lastProblem = "no answer"
        while outcome.calls < maxAttempts, outcome.values.count < request.count {
            outcome.calls += 1
            let chat = ChatRequest(
                model: model, messages: messages(request, domain: domain, have: outcome.values),
                temperature: temperature, maxTokens: 32 * request.count + 64,
                seed: outcome.calls, outputSchema: schema(count: request.count), schemaName: "Values")
            do {
                let response = try await ModelCallSite.$current.withValue("attribute discovery") { try await client.chat(chat) }
                outcome.tokens += response.usage.promptTokens + response.usage.completionTokens
                outcome.completionTokens += response.usage.completionTokens
                let found = values(in: response.text)
                if found.isEmpty { lastProblem = "no values in the answer: " + String(response.text.prefix(80)) }
                outcome.values = merge(outcome.values, found, limit: request.count)
            } catch let error as LLMError where error.stopsRun {
                throw error
            } catch {
                lastProblem = "\(error)"
            }
        }
        guard !outcome.values.isEmpty else {
            throw AttributeDiscoveryError(request: request, calls: outcome.calls, problem: lastProblem)
        }
        return outcome
    }

    static func messages(_ request: Request, domain: String, have: [String]) -> [ChatMessage] {
        var user = "Domain: \(domain)\n"
        if let label = request.label { user += "Label: \(label)\n" }
        user += "Attribute `\(request.dimension)`: \(request.description)\n\n"
        user += "List \(request.count) distinct, concrete values of this attribute"
            + (request.label.map { " for samples labelled \"\($0)\"" } ?? "")
            + ", each a few words. Answer with a JSON array of \(request.count) strings and nothing else."
        if !have.isEmpty {
            user += "\nAlready listed (give others): " + have.map { "\"\($0)\"" }.joined(separator: ", ")
        }
        return [.system("You propose values of attributes for synthetic data. Reply with a JSON array of strings only."), .user(user)]
    }

    /// Structured output for an array of short strings.
    static func schema(count: Int) -> JSONValue {
        .object([
            "type": .string("array"),
            "items": .object(["type": .string("string"), "minLength": .int(1), "maxLength": .int(maxValueLength)]),
            "minItems": .int(1), "maxItems": .int(count),
        ])
    }

    /// The strings of a JSON array in `text` (fenced, with prose around, or inside an object's member); else
    /// the items of a bulleted or numbered list.
    static func values(in text: String) -> [String] {
        let parsed = (try? ModelOutputParser.parse(text, as: .jsonArray).get())
            ?? (try? ModelOutputParser.parse(text, as: .jsonObject).get()).flatMap { object in
                object.objectValue?.values.first { $0.arrayValue != nil }
            }
        let raw: [String]
        if let items = parsed?.arrayValue {
            raw = items.compactMap { $0.stringValue ?? $0.objectValue?.values.first(where: { $0.stringValue != nil })?.stringValue }
        } else {
            // Only list lines: a line of prose ("Sure, here they are:") is not a value.
            let bullet = #"^\s*(?:[-*•]|\d+[.)])\s+"#
            raw = text.split(whereSeparator: \.isNewline).map(String.init)
                .filter { $0.range(of: bullet, options: .regularExpression) != nil }
                .map { $0.replacingOccurrences(of: bullet, with: "", options: .regularExpression) }
        }
        return merge([], raw, limit: .max)
    }

    /// `existing` followed by the new values that are usable: trimmed of spaces and quotes, not empty, not
    /// overlong, not already there in any letter case; at most `limit` in all.
    static func merge(_ existing: [String], _ new: [String], limit: Int) -> [String] {
        var result = existing
        var seen = Set(existing.map { $0.lowercased() })
        for value in new {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'`,;:")))
            guard result.count < limit, !trimmed.isEmpty, trimmed.count <= maxValueLength,
                  seen.insert(trimmed.lowercased()).inserted else { continue }
            result.append(trimmed)
        }
        return result
    }
}

/// A discovered dimension that got no values: the run stops before its first batch.
public struct AttributeDiscoveryError: Error, CustomStringConvertible {
    public var request: AttributeDiscovery.Request
    public var calls: Int
    public var problem: String

    public init(request: AttributeDiscovery.Request, calls: Int, problem: String) {
        self.request = request
        self.calls = calls
        self.problem = problem
    }

    public var description: String {
        "arm `\(request.arm)`: attribute discovery for `\(request.dimension)`"
            + (request.label.map { " (label \"\($0)\")" } ?? "")
            + " found no values in \(calls) call\(calls == 1 ? "" : "s") (last: \(problem)); "
            + "list the values instead (\(request.dimension): [\"...\"]) or use a model that follows JSON instructions"
    }
}

import Foundation
import GenCore
import GenProviders

/// A judge's answer read against its rubric: one 1-5 score per criterion (missing ones count 0), with notes
/// for what did not fit (missing, extra or out-of-range entries).
struct JudgeVerdict: Equatable {
    struct Entry: Equatable {
        var criterion: String
        /// The 1-5 score, nil when the judge gave none.
        var score: Double?
        var note: String?

        /// The score mapped to [0, 1]; a missing score counts 0.
        var normalized: Double { score.map { ($0 - 1) / 4 } ?? 0 }
    }

    var entries: [Entry]
    var notes: [String]

    /// The mean of the normalized scores, in [0, 1].
    var score: Double {
        entries.isEmpty ? 0 : entries.reduce(0) { $0 + $1.normalized } / Double(entries.count)
    }

    /// Reads `text` (a JSON object keyed by criterion, or `{criteria: [{criterion, score}]}`); fails with a
    /// reason when it is not JSON or scores none of the criteria.
    static func read(_ text: String, rubric: JudgeRubric) -> Result<JudgeVerdict, OutputRejection> {
        let json: JSONValue
        switch ModelOutputParser.parse(text, as: .jsonObject) {
        case .success(let value): json = value
        case .failure(let rejection): return .failure(rejection)
        }
        var scores = [Double?](repeating: nil, count: rubric.criteria.count)
        var entryNotes = [String?](repeating: nil, count: rubric.criteria.count)
        var notes: [String] = []
        for (name, value) in pairs(json) {
            guard let index = match(name, in: rubric.criteria) else {
                notes.append("extra criterion ignored: \(name)")
                continue
            }
            guard let raw = number(value) else {
                entryNotes[index] = "not a number: \(CanonicalJSON.string(value)); counted as 0"
                continue
            }
            let clamped = min(5, max(1, raw))
            if clamped != raw { entryNotes[index] = "score \(raw) outside 1-5, clamped" }
            scores[index] = clamped
        }
        guard scores.contains(where: { $0 != nil }) else {
            return .failure(OutputRejection("no criterion scored in \(CanonicalJSON.string(json).prefix(200))"))
        }
        let entries = rubric.criteria.indices.map { index in
            Entry(
                criterion: rubric.criteria[index], score: scores[index],
                note: entryNotes[index] ?? (scores[index] == nil ? "missing: counted as 0" : nil))
        }
        return .success(JudgeVerdict(entries: entries, notes: notes))
    }

    /// (criterion name, score value) pairs from either accepted shape.
    private static func pairs(_ json: JSONValue) -> [(String, JSONValue)] {
        if let list = json["criteria"]?.arrayValue {
            return list.compactMap { item in
                guard let name = (item["criterion"] ?? item["name"])?.stringValue else { return nil }
                return (name, item["score"] ?? .null)
            }
        }
        let members = json["criteria"]?.objectValue ?? json.objectValue ?? [:]
        return members.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The criterion a key names: the same words (case, spacing and end punctuation aside), or its number
    /// (`2`, `c2`, `criterion 2`).
    private static func match(_ name: String, in criteria: [String]) -> Int? {
        let key = normalize(name)
        if let index = criteria.firstIndex(where: { normalize($0) == key }) { return index }
        let digits = key.drop { !$0.isNumber }
        let prefix = key.prefix { !$0.isNumber }.trimmingCharacters(in: .whitespaces)
        guard ["", "c", "criterion", "criterion_", "criterion #"].contains(prefix),
              let number = Int(digits), criteria.indices.contains(number - 1) else { return nil }
        return number - 1
    }

    private static func normalize(_ text: String) -> String {
        text.lowercased()
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
    }

    private static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .int, .double: return value.doubleValue
        case .string(let text): return Double(text.trimmingCharacters(in: .whitespaces))
        case .object: return value["score"].flatMap(number)
        default: return nil
        }
    }

    var json: JSONValue {
        .object([
            "criteria": .array(entries.map { entry in
                var fields: [String: JSONValue] = [
                    "criterion": .string(entry.criterion),
                    "score": entry.score.map(JSONValue.double) ?? .null,
                    "normalized": .double(entry.normalized),
                ]
                if let note = entry.note { fields["note"] = .string(note) }
                return .object(fields)
            }),
            "notes": .array(notes.map(JSONValue.string)),
        ])
    }
}

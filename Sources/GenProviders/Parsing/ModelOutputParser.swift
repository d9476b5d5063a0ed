import Foundation
import GenCore

/// What the caller expects the model to have written.
public enum OutputShape: Sendable, Hashable {
    /// One JSON object (a sample).
    case jsonObject
    /// One JSON array (a batch of samples).
    case jsonArray
    /// Free text.
    case text
}

/// Pulls the intended value out of what a model actually wrote: raw JSON, JSON in ``` fences, JSON with
/// prose before or after, trailing junk (`<|im_end|>`, extra braces). It rejects, with a reason, what it
/// cannot read: cut-off JSON ("truncated JSON: missing `}`"), single-quoted pseudo-JSON, no JSON at all.
///
/// Decided: single quotes are rejected, not repaired. Turning `'` into `"` corrupts apostrophes in the
/// text itself ("I've"), and a rejection with its reason lets the router learn that an arm writes bad
/// output. Trailing commas are repaired, since removing them can never change a string.
public enum ModelOutputParser {
    /// Outputs longer than this are rejected unread: the scan for a JSON span is quadratic in the worst case
    /// (20 KB of `{` took 32 s per sample), and no sample is this long.
    public static let maxOutputBytes = 65_536
    /// Opening brackets tried as the start of the answer before giving up.
    static let maxBracketAttempts = 64

    public static func parse(_ output: String, as shape: OutputShape) -> Result<JSONValue, OutputRejection> {
        guard output.utf8.count <= maxOutputBytes else {
            return .failure(OutputRejection("output of \(output.utf8.count) bytes is over the \(maxOutputBytes)-byte limit"))
        }
        let trimmed = output.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}")))
        guard !trimmed.isEmpty else { return .failure(OutputRejection("empty output")) }
        switch shape {
        case .text: return parseText(trimmed)
        case .jsonObject, .jsonArray: return parseJSON(trimmed, shape: shape)
        }
    }

    private static func parseText(_ text: String) -> Result<JSONValue, OutputRejection> {
        let unwrapped = CodeFence.contents(of: text).first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? text
        return unwrapped.isEmpty ? .failure(OutputRejection("empty output")) : .success(.string(unwrapped))
    }

    private static func parseJSON(_ text: String, shape: OutputShape) -> Result<JSONValue, OutputRejection> {
        // Fenced blocks first: when a model fences its answer, prose around it may hold stray brackets.
        var firstProblem: OutputRejection?
        for block in CodeFence.contents(of: text) + [text] {
            switch extract(from: Substring(block), shape: shape) {
            case .success(let value): return .success(value)
            case .failure(let problem): firstProblem = firstProblem ?? problem
            }
        }
        return .failure(firstProblem ?? OutputRejection("no JSON found"))
    }

    /// The first top-level bracketed span that parses as JSON of the wanted shape. Spans are skipped
    /// whole, so a fragment nested in a broken object is never mistaken for the answer.
    private static func extract(from text: Substring, shape: OutputShape) -> Result<JSONValue, OutputRejection> {
        var problems = ProblemNotes()
        var searchFrom = text.startIndex
        // Each failed start rescans what follows it: bounded, so hostile output (20 KB of `{` took 32 s) is linear.
        var attempts = 0
        while let start = text[searchFrom...].firstIndex(where: { $0 == "{" || $0 == "[" }) {
            attempts += 1
            guard attempts <= maxBracketAttempts else {
                return .failure(problems.best ?? OutputRejection("no JSON \(name(of: shape)) found in the first \(maxBracketAttempts) brackets"))
            }
            let jsonLike = looksLikeJSON(text, openerAt: start)
            switch JSONCandidateScanner.scan(text, from: start) {
            case .complete(let span):
                searchFrom = span.endIndex
                guard let value = decode(span) else {
                    problems.note(diagnose(span), jsonLike: jsonLike)
                    continue
                }
                if fits(value, shape) { return .success(value) }
                problems.note(OutputRejection("expected a JSON \(name(of: shape)), found \(describe(value))"), jsonLike: jsonLike)
            case .truncated(let missing):
                // A cut-off span that reads like JSON is the answer, cut short; a stray `{` in prose is not.
                if jsonLike {
                    return .failure(problems.jsonLike ?? OutputRejection("truncated JSON: missing \(closers(missing))"))
                }
                searchFrom = text.index(after: start)
            case .unbalanced(let at):
                problems.note(OutputRejection("invalid JSON: mismatched brackets"), jsonLike: jsonLike)
                searchFrom = text.index(after: at)
            }
        }
        return .failure(problems.best ?? OutputRejection("no JSON \(name(of: shape)) found"))
    }

    /// True when the character after the opening bracket is one JSON (or single-quoted pseudo-JSON) allows.
    private static func looksLikeJSON(_ text: Substring, openerAt start: Substring.Index) -> Bool {
        let next = text[text.index(after: start)...].first { !$0.isWhitespace }
        guard let next else { return true }
        if text[start] == "{" { return next == "\"" || next == "'" || next == "}" }
        return "{[\"'-0123456789tfn]".contains(next)
    }

    /// The closers a cut-off span needs, shortened when a wall of brackets needs thousands.
    private static func closers(_ missing: String) -> String {
        missing.count <= 20 ? "`\(missing)`" : "`\(missing.prefix(20))…` (\(missing.count) in all)"
    }

    private static func fits(_ value: JSONValue, _ shape: OutputShape) -> Bool {
        switch (shape, value) {
        case (.jsonObject, .object), (.jsonArray, .array): return true
        default: return false
        }
    }

    private static func name(of shape: OutputShape) -> String {
        shape == .jsonArray ? "array" : "object"
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .array: return "a JSON array"
        case .object: return "a JSON object"
        default: return "a JSON scalar"
        }
    }

    /// Strict JSON, then JSON with trailing commas removed.
    private static func decode(_ span: Substring) -> JSONValue? {
        if let value = CanonicalJSON.parse(String(span)) { return value }
        return CanonicalJSON.parse(JSONCandidateScanner.removingTrailingCommas(span))
    }

    /// Why a balanced span is still not JSON, in words a user can act on.
    private static func diagnose(_ span: Substring) -> OutputRejection {
        if span.range(of: #"[{,\[:]\s*'"#, options: .regularExpression) != nil {
            return OutputRejection("invalid JSON: strings use single quotes")
        }
        let excerpt = span.count > 60 ? span.prefix(60) + "…" : span
        return OutputRejection("invalid JSON: `\(excerpt)`")
    }
}

/// The problems met while scanning, preferring those of spans that look like JSON over stray prose brackets.
private struct ProblemNotes {
    private(set) var jsonLike: OutputRejection?
    private var other: OutputRejection?

    mutating func note(_ problem: OutputRejection, jsonLike isJSONLike: Bool) {
        if isJSONLike { jsonLike = jsonLike ?? problem } else { other = other ?? problem }
    }

    var best: OutputRejection? { jsonLike ?? other }
}

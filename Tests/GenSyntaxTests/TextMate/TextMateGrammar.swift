import Foundation

/// A TextMate grammar read from its JSON: the features `editors/vscode/syntaxes/gen.tmLanguage.json` uses
/// (match, begin/end, name, contentName, captures, patterns, include of `#name` and `$self`), with each regex
/// compiled by NSRegularExpression (ICU). A regex ICU rejects, or a feature this reader lacks, is an error.
final class TextMateGrammar {
    final class Rule {
        var name: String?
        var contentName: String?
        var match: NSRegularExpression?
        var begin: NSRegularExpression?
        var end: NSRegularExpression?
        var captures: [Int: String] = [:]
        var beginCaptures: [Int: String] = [:]
        var endCaptures: [Int: String] = [:]
        var patterns: [Rule] = []
        /// `#name` or `$self`, resolved when the rule is used.
        var include: String?
    }

    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    let scopeName: String
    let root: Rule
    private(set) var repository: [String: Rule] = [:]

    init(json: Data) throws {
        guard let object = try JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw Problem(description: "the grammar is not a JSON object")
        }
        scopeName = object["scopeName"] as? String ?? ""
        root = Rule()
        let repositoryObject = object["repository"] as? [String: Any] ?? [:]
        for (key, value) in repositoryObject {
            guard let ruleObject = value as? [String: Any] else { throw Problem(description: "repository entry \(key) is not an object") }
            repository[key] = try Self.rule(ruleObject, at: "#\(key)")
        }
        root.patterns = try Self.patterns(object["patterns"], at: "patterns")
        try checkIncludes(root, seen: [])
    }

    /// The rules `rule`'s patterns stand for, includes expanded (an include of a begin/end rule is that rule).
    func expanded(_ patterns: [Rule]) -> [Rule] {
        patterns.flatMap { rule -> [Rule] in
            guard let include = rule.include else { return [rule] }
            let target = include == "$self" ? root : repository[String(include.dropFirst())]!
            return target.match != nil || target.begin != nil ? [target] : expanded(target.patterns)
        }
    }

    private func checkIncludes(_ rule: Rule, seen: Set<ObjectIdentifier>) throws {
        guard !seen.contains(ObjectIdentifier(rule)) else { return }
        if let include = rule.include, include != "$self", repository[String(include.dropFirst())] == nil || !include.hasPrefix("#") {
            throw Problem(description: "include \(include) names no repository entry")
        }
        for child in rule.patterns { try checkIncludes(child, seen: seen.union([ObjectIdentifier(rule)])) }
    }

    static let known: Set<String> = [
        "name", "contentName", "match", "begin", "end", "captures", "beginCaptures", "endCaptures", "patterns", "include", "comment",
    ]

    private static func rule(_ object: [String: Any], at path: String) throws -> Rule {
        if let unknown = object.keys.first(where: { !known.contains($0) }) {
            throw Problem(description: "\(path): `\(unknown)` is not a feature the test tokenizer reads")
        }
        let rule = Rule()
        rule.name = object["name"] as? String
        rule.contentName = object["contentName"] as? String
        rule.include = object["include"] as? String
        rule.match = try regex(object["match"], at: path + ".match")
        rule.begin = try regex(object["begin"], at: path + ".begin")
        rule.end = try regex(object["end"], at: path + ".end")
        if (rule.begin == nil) != (rule.end == nil) { throw Problem(description: "\(path): begin without end, or end without begin") }
        rule.captures = try captures(object["captures"], at: path)
        rule.beginCaptures = try captures(object["beginCaptures"], at: path)
        rule.endCaptures = try captures(object["endCaptures"], at: path)
        if rule.begin != nil, rule.beginCaptures.isEmpty { rule.beginCaptures = rule.captures }
        if rule.begin != nil, rule.endCaptures.isEmpty { rule.endCaptures = rule.captures }
        rule.patterns = try patterns(object["patterns"], at: path)
        return rule
    }

    private static func patterns(_ value: Any?, at path: String) throws -> [Rule] {
        guard let value else { return [] }
        guard let list = value as? [[String: Any]] else { throw Problem(description: "\(path).patterns is not a list of objects") }
        return try list.enumerated().map { try rule($1, at: "\(path)[\($0)]") }
    }

    private static func regex(_ value: Any?, at path: String) throws -> NSRegularExpression? {
        guard let value else { return nil }
        guard let pattern = value as? String else { throw Problem(description: "\(path) is not a string") }
        // Oniguruma-only syntax that ICU reads differently (\h is a hex digit there) or not at all (\G, \A mid-line).
        for oniguruma in ["\\h", "\\G", "(?~", "\\K"] where pattern.contains(oniguruma) {
            throw Problem(description: "\(path) uses Oniguruma-only `\(oniguruma)`")
        }
        do {
            return try NSRegularExpression(pattern: pattern)
        } catch {
            throw Problem(description: "\(path): `\(pattern)` does not compile: \(error)")
        }
    }

    private static func captures(_ value: Any?, at path: String) throws -> [Int: String] {
        guard let object = value as? [String: [String: Any]] else { return [:] }
        var result: [Int: String] = [:]
        for (key, capture) in object {
            guard let index = Int(key), let name = capture["name"] as? String else {
                throw Problem(description: "\(path): capture \(key) needs a number and a name")
            }
            result[index] = name
        }
        return result
    }
}

import GenCore

/// One difference between two pipeline graphs, at a readable path (`arms[bold].parameters.temperature`).
public struct GraphChange: Sendable, Equatable {
    public var path: String
    /// nil when the path only exists in the second graph.
    public var before: JSONValue?
    /// nil when the path only exists in the first graph.
    public var after: JSONValue?
}

/// A semantic diff of two graphs' JSON, not a text diff: source positions and the script's path and hash are
/// left out (moving a line changes nothing the runtime does), and lists of named things (arms, models, checks)
/// are matched by name, so reordering them is no change.
public enum GraphDiff {
    static let ignoredKeys: Set<String> = ["source", "script"]

    public static func changes(_ before: JSONValue, _ after: JSONValue) -> [GraphChange] {
        var changes: [GraphChange] = []
        walk(before, after, path: "", into: &changes)
        return changes
    }

    static func walk(_ a: JSONValue?, _ b: JSONValue?, path: String, into changes: inout [GraphChange]) {
        switch (a, b) {
        case (.object(let left)?, .object(let right)?):
            for key in Set(left.keys).union(right.keys).subtracting(ignoredKeys).sorted() {
                walk(left[key], right[key], path: path.isEmpty ? key : path + "." + key, into: &changes)
            }
        case (.array(let left)?, .array(let right)?):
            if let leftNamed = named(left), let rightNamed = named(right) {
                for name in Set(leftNamed.keys).union(rightNamed.keys).sorted() {
                    walk(leftNamed[name], rightNamed[name], path: path + "[\(name)]", into: &changes)
                }
            } else {
                for index in 0..<max(left.count, right.count) {
                    walk(index < left.count ? left[index] : nil, index < right.count ? right[index] : nil,
                         path: path + "[\(index)]", into: &changes)
                }
            }
        default:
            let cleanA = a.map(withoutIgnoredKeys), cleanB = b.map(withoutIgnoredKeys)
            if cleanA != cleanB { changes.append(GraphChange(path: path, before: cleanA, after: cleanB)) }
        }
    }

    /// Elements by their `name`, when every element is an object with a distinct string name (an empty list is
    /// named too, so a check list that went from none to some reads `quality[schema]`, not `quality[0]`).
    static func named(_ items: [JSONValue]) -> [String: JSONValue]? {
        var byName: [String: JSONValue] = [:]
        for item in items {
            guard let name = item["name"]?.stringValue, byName[name] == nil else { return nil }
            byName[name] = item
        }
        return byName
    }

    static func withoutIgnoredKeys(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            .object(members.filter { !ignoredKeys.contains($0.key) }.mapValues(withoutIgnoredKeys))
        case .array(let items): .array(items.map(withoutIgnoredKeys))
        default: value
        }
    }
}

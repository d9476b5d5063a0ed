import GenCore

/// Chatito-style expansion of template patterns, with no model involved.
///
/// A pattern is literal text with groups in braces: `{name}` draws a value of the slot `name`,
/// `{a|b|c}` picks one alternative, `{a|}` makes `a` optional. Slot values may themselves hold groups,
/// expanded recursively up to a fixed depth so a slot that names itself cannot loop.
public struct TemplateExpander: Sendable {
    public var slots: [String: [String]]
    static let maximumDepth = 8

    public init(slots: [String: [String]]) {
        self.slots = slots
    }

    /// Problems a script author should hear about before a run: unknown slots, unbalanced braces, empty slots.
    public func problems(in pattern: String) -> [String] {
        var found: [String] = []
        var depth = 0
        var group = ""
        for character in pattern {
            switch character {
            case "{":
                if depth > 0 { found.append("nested `{` in pattern \"\(pattern)\"") }
                depth += 1
                group = ""
            case "}":
                if depth == 0 {
                    found.append("`}` without `{` in pattern \"\(pattern)\"")
                } else {
                    depth -= 1
                    if !group.contains("|") {
                        if let values = slots[group] {
                            if values.isEmpty { found.append("slot `\(group)` has no values") }
                        } else {
                            found.append("unknown slot `\(group)` in pattern \"\(pattern)\"")
                        }
                    }
                }
            default:
                if depth > 0 { group.append(character) }
            }
        }
        if depth > 0 { found.append("unclosed `{` in pattern \"\(pattern)\"") }
        return found
    }

    /// Expands one pattern with the given generator; unknown slots are kept literally (checked earlier).
    public func expand(_ pattern: String, using rng: inout SeededRandom) -> String {
        expand(pattern, depth: 0, rng: &rng)
    }

    func expand(_ pattern: String, depth: Int, rng: inout SeededRandom) -> String {
        var output = ""
        var group: String? = nil
        for character in pattern {
            if character == "{", group == nil {
                group = ""
            } else if character == "}", let body = group {
                output += resolve(body, depth: depth, rng: &rng)
                group = nil
            } else if group != nil {
                group?.append(character)
            } else {
                output.append(character)
            }
        }
        if let unfinished = group { output += "{" + unfinished }
        return collapseSpaces(output)
    }

    func resolve(_ body: String, depth: Int, rng: inout SeededRandom) -> String {
        let choice: String
        if body.contains("|") {
            let alternatives = body.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            choice = alternatives[rng.nextIndex(alternatives.count)]
        } else if let values = slots[body], !values.isEmpty {
            choice = values[rng.nextIndex(values.count)]
        } else {
            return "{" + body + "}"
        }
        guard depth < Self.maximumDepth, choice.contains("{") else { return choice }
        return expand(choice, depth: depth + 1, rng: &rng)
    }

    /// An empty optional group leaves two spaces behind; a sample should not.
    func collapseSpaces(_ text: String) -> String {
        var result = ""
        var previousWasSpace = false
        for character in text {
            if character == " " {
                if !previousWasSpace { result.append(character) }
                previousWasSpace = true
            } else {
                result.append(character)
                previousWasSpace = false
            }
        }
        return result.trimmingSpaces()
    }

    /// The number of distinct strings a pattern can produce (saturating), to warn when a template arm
    /// cannot possibly reach the target count without duplicates.
    public func variety(of pattern: String) -> Int {
        var total = 1
        var group: String? = nil
        for character in pattern {
            if character == "{", group == nil {
                group = ""
            } else if character == "}", let body = group {
                let options = body.contains("|") ? body.split(separator: "|", omittingEmptySubsequences: false).count : (slots[body]?.count ?? 1)
                total = total.multipliedReportingOverflow(by: max(1, options)).overflow ? Int.max : total * max(1, options)
                group = nil
            } else if group != nil {
                group?.append(character)
            }
        }
        return total
    }
}

extension String {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}

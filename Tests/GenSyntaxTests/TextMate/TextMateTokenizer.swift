import Foundation

/// Runs a `TextMateGrammar` over a text the way editors do (one line at a time, `\n` included, a stack of open
/// begin/end rules carried from line to line; the earliest match wins, the open rule's `end` on a tie, then
/// pattern order) and gives the scope stack of every byte.
struct TextMateTokenizer {
    let grammar: TextMateGrammar

    /// One open begin/end rule: its scopes outside (for `begin` and `end`) and inside (`contentName` added).
    private struct Frame {
        let rule: TextMateGrammar.Rule
        let outer: [String]
        let inner: [String]
        let patterns: [TextMateGrammar.Rule]
    }

    /// The scopes of each UTF-8 byte of `text`, outermost first (the grammar's own scope name included).
    func scopesPerByte(_ text: String) -> [[String]] {
        let perUnit = scopesPerUTF16Unit(text)
        var result: [[String]] = []
        result.reserveCapacity(text.utf8.count)
        var unit = 0
        for scalar in text.unicodeScalars {
            result.append(contentsOf: repeatElement(perUnit[unit], count: UTF8.width(scalar)))
            unit += UTF16.width(scalar)
        }
        return result
    }

    func scopesPerUTF16Unit(_ text: String) -> [[String]] {
        let top = [grammar.scopeName]
        var stack = [Frame(rule: grammar.root, outer: top, inner: top, patterns: grammar.expanded(grammar.root.patterns))]
        var result: [[String]] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let hasNewline = index < lines.count - 1
            let scopes = tokenizeLine(String(line) + "\n", stack: &stack)
            result.append(contentsOf: hasNewline ? scopes : Array(scopes.dropLast()))
        }
        return result
    }

    private func tokenizeLine(_ line: String, stack: inout [Frame]) -> [[String]] {
        let text = line as NSString
        let length = text.length
        var scopes = [[String]](repeating: [], count: length)
        var position = 0
        // Editors see a line as a whole: `^` only at its start, lookbehind across the search position.
        let options: NSRegularExpression.MatchingOptions = [.withoutAnchoringBounds, .withTransparentBounds]
        while position <= length {
            let frame = stack[stack.count - 1]
            let range = NSRange(location: position, length: length - position)
            var best: (match: NSTextCheckingResult, rule: TextMateGrammar.Rule?)?
            if let end = frame.rule.end, let match = end.firstMatch(in: line, options: options, range: range) {
                best = (match, nil)
            }
            for rule in frame.patterns {
                guard let regex = rule.match ?? rule.begin,
                      let match = regex.firstMatch(in: line, options: options, range: range) else { continue }
                if best == nil || match.range.location < best!.match.range.location { best = (match, rule) }
            }
            guard let (match, rule) = best else {
                fill(&scopes, position..<length, with: frame.inner)
                break
            }
            fill(&scopes, position..<match.range.location, with: frame.inner)
            let matchEnd = match.range.location + match.range.length
            if let rule, rule.begin != nil {
                let outer = frame.inner + [rule.name].compactMap { $0 }
                apply(match, scopes: outer, captures: rule.beginCaptures, to: &scopes)
                stack.append(Frame(rule: rule, outer: outer, inner: outer + [rule.contentName].compactMap { $0 },
                                   patterns: grammar.expanded(rule.patterns)))
            } else if let rule {
                apply(match, scopes: frame.inner + [rule.name].compactMap { $0 }, captures: rule.captures, to: &scopes)
            } else {
                apply(match, scopes: frame.outer, captures: frame.rule.endCaptures, to: &scopes)
                stack.removeLast()
            }
            // An empty match that opened nothing would match again at the same place: step over one unit.
            position = matchEnd == position && (rule == nil ? false : rule!.begin == nil) ? position + 1 : matchEnd
            if position >= length { break }
        }
        return scopes
    }

    private func apply(_ match: NSTextCheckingResult, scopes base: [String], captures: [Int: String], to scopes: inout [[String]]) {
        let whole = match.range.location..<(match.range.location + match.range.length)
        fill(&scopes, whole, with: base)
        for (index, name) in captures.sorted(by: { $0.key < $1.key }) where index < match.numberOfRanges {
            let range = match.range(at: index)
            guard range.location != NSNotFound else { continue }
            for unit in range.location..<(range.location + range.length) { scopes[unit] = base + [name] }
        }
    }

    private func fill(_ scopes: inout [[String]], _ range: Range<Int>, with value: [String]) {
        for unit in range where unit < scopes.count { scopes[unit] = value }
    }
}

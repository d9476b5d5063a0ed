/// Reads a pattern (the ICU/PCRE syntax users write, minus what needs backtracking) into a `RegexNode`.
/// Offsets in errors count Unicode scalars. Groups nest at most `LinearRegex.maxNestingDepth` deep, so the
/// recursive descent, the compiler and the node's own recursion stay far from the native stack's limit.
struct RegexParser {
    struct Flags: Equatable {
        var caseInsensitive = false
        var dotAll = false
        var multiline = false
        var extended = false
    }

    let scalars: [Unicode.Scalar]
    var position = 0
    var flags = Flags()
    var depth = 0

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    static func parse(_ pattern: String) throws(RegexSyntaxError) -> RegexNode {
        var parser = RegexParser(pattern)
        let node = try parser.parseAlternation()
        if parser.position < parser.scalars.count {
            throw parser.error("unmatched `)`", at: parser.position, hint: "write \\) for a literal parenthesis")
        }
        return node
    }

    var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    func peek(_ ahead: Int) -> Unicode.Scalar? {
        position + ahead < scalars.count ? scalars[position + ahead] : nil
    }

    mutating func next() -> Unicode.Scalar? {
        guard let scalar = peek else { return nil }
        position += 1
        return scalar
    }

    func error(_ message: String, at offset: Int, length: Int = 1, hint: String? = nil) -> RegexSyntaxError {
        RegexSyntaxError(message, offset: offset, length: min(length, max(1, scalars.count - offset)), hint: hint)
    }

    /// A literal scalar, comparing folds under `(?i)` when it has other cases.
    func literal(_ value: UInt32) -> RegexNode {
        if flags.caseInsensitive && CaseFolding.hasVariants(value) { return .scalar(CaseFolding.fold(value), foldCase: true) }
        return .scalar(value, foldCase: false)
    }

    mutating func parseAlternation() throws(RegexSyntaxError) -> RegexNode {
        var branches = [try parseConcatenation()]
        while peek == "|" {
            position += 1
            branches.append(try parseConcatenation())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    mutating func parseConcatenation() throws(RegexSyntaxError) -> RegexNode {
        var items: [RegexNode] = []
        while true {
            skipExtendedTrivia()
            guard let scalar = peek, scalar != "|", scalar != ")" else { break }
            let start = position
            guard let atom = try parseAtom() else { continue }
            items.append(try parseQuantifier(atom, atomStart: start))
        }
        return items.count == 1 ? items[0] : items.isEmpty ? .empty : .concat(items)
    }

    /// One atom, or nil for what matches nothing by itself: `(?i)` and `(?#comment)`.
    mutating func parseAtom() throws(RegexSyntaxError) -> RegexNode? {
        let start = position
        guard let scalar = next() else { return .empty }
        switch scalar {
        case "(": return try parseGroup(start)
        case "[": return .set(try parseClass(start))
        case ".": return .any(dotAll: flags.dotAll)
        case "^": return .assertion(flags.multiline ? .lineStart : .textStart)
        case "$": return .assertion(flags.multiline ? .lineEnd : .textEndOrFinalTerminator)
        case "\\": return try parseEscape(start)
        case "*", "+", "?", "{":
            throw error("`\(scalar)` has nothing to repeat", at: start, hint: "write \\\(scalar) to match it literally")
        default: return literal(scalar.value)
        }
    }

    /// Under `(?x)`, white space and `#` comments between atoms are not part of the pattern.
    mutating func skipExtendedTrivia() {
        guard flags.extended else { return }
        while let scalar = peek {
            if scalar.properties.isWhitespace {
                position += 1
            } else if scalar == "#" {
                while let skipped = next(), skipped != "\n" {}
            } else {
                return
            }
        }
    }
}

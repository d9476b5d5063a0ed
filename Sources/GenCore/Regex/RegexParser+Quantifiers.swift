/// `*`, `+`, `?`, `{m}`, `{m,}`, `{m,n}` and their lazy (`?`) and possessive (`+`) forms. For "is there a
/// match" a lazy quantifier is the same as a greedy one; a possessive one is read as greedy (documented).
extension RegexParser {
    static let maxRepetitionCount = 100_000

    mutating func parseQuantifier(_ atom: RegexNode, atomStart: Int) throws(RegexSyntaxError) -> RegexNode {
        skipExtendedTrivia()
        let start = position
        let bounds: (min: Int, max: Int?)
        switch peek {
        case "*": bounds = (0, nil)
        case "+": bounds = (1, nil)
        case "?": bounds = (0, 1)
        case "{": bounds = try parseInterval()
        default: return atom
        }
        if position == start { position += 1 }
        if peek == "?" || peek == "+" { position += 1 }
        skipExtendedTrivia()
        if let following = peek, "*+?{".unicodeScalars.contains(following) {
            throw error(
                "a quantifier cannot follow another", at: position,
                hint: "group the first one to repeat it again, e.g. (?:a{2})+")
        }
        let node = RegexNode.repetition(atom, min: bounds.min, max: bounds.max)
        if node.programSize > LinearRegex.maxProgramSize {
            throw error(
                "this repetition makes the pattern too large (over \(LinearRegex.maxProgramSize) instructions)",
                at: atomStart, length: position - atomStart, hint: "use smaller counts, e.g. {1,100} instead of {1,10000}")
        }
        return node
    }

    /// `{m}`, `{m,}` or `{m,n}`; leaves `position` after the `}`. Anything else after `{` is an error, as in
    /// ICU: a literal brace is written `\{`.
    private mutating func parseInterval() throws(RegexSyntaxError) -> (min: Int, max: Int?) {
        let start = position
        position += 1
        let malformed = error(
            "`{` must start a repetition such as {2}, {2,} or {1,3}", at: start,
            hint: "write \\{ to match a brace literally")
        guard let low = try parseCount() else { throw malformed }
        var high: Int? = low
        if peek == "," {
            position += 1
            high = try parseCount()
        }
        guard next() == "}" else { throw malformed }
        if let high, low > high {
            throw error("the repetition {\(low),\(high)} has its minimum above its maximum", at: start, length: position - start)
        }
        return (low, high)
    }

    private mutating func parseCount() throws(RegexSyntaxError) -> Int? {
        let start = position
        var value = 0
        while let scalar = peek, ("0"..."9").contains(scalar) {
            value = min(value * 10 + Int(scalar.value - 0x30), Self.maxRepetitionCount + 1)
            position += 1
        }
        guard position > start else { return nil }
        if value > Self.maxRepetitionCount {
            throw error("a repetition count is over \(Self.maxRepetitionCount)", at: start, length: position - start)
        }
        return value
    }
}

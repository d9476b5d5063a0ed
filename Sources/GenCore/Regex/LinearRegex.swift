/// A regular expression that matches in time linear in the text (RE2's approach): a parser, a Thompson
/// compiler and an NFA simulation, with no backtracking, so no pattern can stall on model output.
///
/// The syntax is the ICU/PCRE subset users write (literals and escapes, `.`, classes, `\d \w \s \b`,
/// anchors, groups, alternation, greedy/lazy/possessive quantifiers, inline flags `(?imsx)`), over Unicode
/// scalars. Backreferences, lookaround, atomic groups and recursion are compile errors that say so.
///
/// ```swift
/// let card = try LinearRegex("[0-9]{12,19}")
/// try card.occurs(in: text)          // anywhere in the text
/// try card.matchesWhole(text)        // the whole text, as a schema's `pattern`
/// ```
public struct LinearRegex: Sendable {
    /// Steps one match may take before it gives up with `RegexBudgetExceeded`. A 100 KB text and a
    /// 100-instruction pattern need at most about 20 million.
    public static let defaultStepBudget = 50_000_000
    /// Instructions a compiled pattern may have (`{m,n}` copies its operand, so counts multiply).
    public static let maxProgramSize = 20_000
    /// How deeply groups may nest.
    public static let maxNestingDepth = 200

    public let pattern: String
    private let search: RegexProgram
    private let whole: RegexProgram

    public init(_ pattern: String) throws(RegexSyntaxError) {
        let node = try RegexParser.parse(pattern)
        self.pattern = pattern
        search = try RegexCompiler.compile(node)
        whole = try RegexCompiler.compile(.concat([.assertion(.textStart), node, .assertion(.textEnd)]))
    }

    /// Whether the pattern matches somewhere in the text.
    public func occurs(in text: String, stepBudget: Int = defaultStepBudget) throws(RegexBudgetExceeded) -> Bool {
        try run(in: text, whole: false, stepBudget: stepBudget).matched
    }

    /// Whether the pattern matches the whole text, as if written `\A(?:pattern)\z`.
    public func matchesWhole(_ text: String, stepBudget: Int = defaultStepBudget) throws(RegexBudgetExceeded) -> Bool {
        try run(in: text, whole: true, stepBudget: stepBudget).matched
    }

    /// The answer and the steps it took, for tests and benchmarks that bound the work.
    public func run(in text: String, whole: Bool = false, stepBudget: Int = defaultStepBudget) throws(RegexBudgetExceeded) -> RegexRun {
        let program = whole ? self.whole : search
        // The usual answer for a rule (no card number, no URL): no scalar a match could begin with, found
        // before anything is allocated.
        if !program.anchoredAtStart, let filter = program.startFilter,
           !text.unicodeScalars.contains(where: { filter.mayStart($0.value, program) }) {
            return RegexRun(matched: false, steps: 0)
        }
        var scalars: [UInt32] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { scalars.append(scalar.value) }
        return try RegexMatcher.run(program, on: scalars, stepBudget: stepBudget)
    }

    /// Instructions in the search program: the matcher's work per text position is at most twice this.
    public var programSize: Int { search.instructions.count }
}

/// One match's answer and cost.
public struct RegexRun: Sendable, Equatable {
    public let matched: Bool
    /// Instructions visited: at most 2 × program size × (text length + 1).
    public let steps: Int
}

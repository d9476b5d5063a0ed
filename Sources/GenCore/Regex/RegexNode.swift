/// The parsed form of a pattern. Groups leave no trace (only "is there a match" is ever asked), and flags
/// are already applied: a case-insensitive literal is a `.scalar` with `foldCase`, `.` knows whether it
/// crosses lines.
indirect enum RegexNode: Sendable, Equatable {
    case empty
    case scalar(UInt32, foldCase: Bool)
    /// `.`; `dotAll` under `(?s)`.
    case any(dotAll: Bool)
    case set(ScalarClass)
    case assertion(RegexAssertion)
    case concat([RegexNode])
    case alternation([RegexNode])
    /// `max` nil is unbounded.
    case repetition(RegexNode, min: Int, max: Int?)

    /// Instructions the compiler will emit for this node, saturating instead of overflowing: the cap on
    /// program size is checked against it before anything is emitted.
    var programSize: Int {
        switch self {
        case .empty: return 0
        case .scalar, .any, .set, .assertion: return 1
        case .concat(let items): return items.reduce(0) { Self.add($0, $1.programSize) }
        case .alternation(let branches):
            return branches.reduce(2 * (branches.count - 1)) { Self.add($0, $1.programSize) }
        case .repetition(let node, let min, let max):
            let size = node.programSize
            let required = Self.multiply(size, min)
            guard let max else { return Self.add(required, min == 0 ? size + 2 : 1) }
            return Self.add(required, Self.multiply(size + 1, max - min))
        }
    }

    /// True when every match must start at the beginning of the text (`\A...`, `^...` without `(?m)`), so
    /// the matcher need not try later starting points.
    var isAnchoredAtStart: Bool {
        switch self {
        case .assertion(let assertion): return assertion == .textStart
        case .concat(let items):
            for item in items {
                if item.isAnchoredAtStart { return true }
                if item.programSize > 0 && !item.isZeroWidth { return false }
            }
            return false
        case .alternation(let branches): return !branches.isEmpty && branches.allSatisfy(\.isAnchoredAtStart)
        case .repetition(let node, let min, _): return min > 0 && node.isAnchoredAtStart
        default: return false
        }
    }

    private var isZeroWidth: Bool {
        switch self {
        case .empty, .assertion: return true
        case .concat(let items): return items.allSatisfy(\.isZeroWidth)
        default: return false
        }
    }

    private static func add(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }

    private static func multiply(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? Int.max : product
    }
}

/// Zero-width tests at a position between two scalars.
enum RegexAssertion: UInt8, Sendable, Equatable {
    /// `\A`, and `^` without `(?m)`.
    case textStart
    /// `\z`.
    case textEnd
    /// `\Z`, and `$` without `(?m)`: the end, or just before a line terminator that ends the text.
    case textEndOrFinalTerminator
    /// `^` under `(?m)`.
    case lineStart
    /// `$` under `(?m)`.
    case lineEnd
    case wordBoundary
    case notWordBoundary
}

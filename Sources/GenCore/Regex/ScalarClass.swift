/// A set of scalars: ranges, named properties, negation and case folding, as `[^a-z\d]`, `\w` or `(?i)[k]`
/// parse to. ASCII membership is precomputed into a bitmap, since most model output is ASCII.
struct ScalarClass: Sendable, Equatable {
    /// Sorted and merged by `finished()`.
    var ranges: [ClosedRange<UInt32>] = []
    /// Each with whether it is negated (`\D`, `\P{L}`, `[:^alpha:]`).
    var properties: [Item] = []
    var negated = false
    var foldCase = false
    private var ascii: (low: UInt64, high: UInt64) = (0, 0)

    struct Item: Sendable, Equatable {
        let property: ScalarProperty
        let negated: Bool
    }

    init(negated: Bool = false, foldCase: Bool = false) {
        self.negated = negated
        self.foldCase = foldCase
    }

    /// A class of one property: `\d`, `\W`, `\p{Lu}`.
    init(_ property: ScalarProperty, negated: Bool, foldCase: Bool) {
        self.init(foldCase: foldCase)
        properties = [Item(property: property, negated: negated)]
    }

    static func == (lhs: ScalarClass, rhs: ScalarClass) -> Bool {
        lhs.ranges == rhs.ranges && lhs.properties == rhs.properties && lhs.negated == rhs.negated
            && lhs.foldCase == rhs.foldCase
    }

    /// The class ready to match: ranges merged and the ASCII bitmap filled.
    func finished() -> ScalarClass {
        var copy = self
        copy.ranges = Self.merged(ranges)
        copy.ascii = (0, 0)
        for value in UInt32(0)..<0x80 where copy.slowContains(value) {
            if value < 64 { copy.ascii.low |= 1 << UInt64(value) } else { copy.ascii.high |= 1 << UInt64(value - 64) }
        }
        return copy
    }

    func contains(_ value: UInt32) -> Bool {
        if value < 64 { return ascii.low & (1 << UInt64(value)) != 0 }
        if value < 0x80 { return ascii.high & (1 << UInt64(value - 64)) != 0 }
        return slowContains(value)
    }

    private func slowContains(_ value: UInt32) -> Bool {
        var found = rawContains(value)
        if !found && foldCase { found = CaseFolding.variants(value).contains(where: rawContains) }
        return found != negated
    }

    private func rawContains(_ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < value { low = middle + 1 } else { high = middle }
        }
        if low < ranges.count, ranges[low].contains(value) { return true }
        return properties.contains { $0.property.contains(value) != $0.negated }
    }

    private static func merged(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var result: [ClosedRange<UInt32>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound &+ 1 {
                result[result.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}

/// Places categories (batches, arms, reasons) in equal bands along an axis, with padding between and around them.
public struct BandScale: Sendable, Equatable {
    public var categories: [String]
    public var range: (lower: Double, upper: Double)
    /// Share of each step left empty between bands, in [0, 1).
    public var paddingInner: Double
    /// Share of one step left empty at each end.
    public var paddingOuter: Double

    public init(categories: [String], range: (Double, Double), paddingInner: Double = 0.2, paddingOuter: Double = 0.1) {
        self.categories = categories
        self.range = range
        self.paddingInner = min(max(paddingInner, 0), 0.95)
        self.paddingOuter = max(paddingOuter, 0)
    }

    public static func == (lhs: BandScale, rhs: BandScale) -> Bool {
        lhs.categories == rhs.categories && lhs.range == rhs.range && lhs.paddingInner == rhs.paddingInner
            && lhs.paddingOuter == rhs.paddingOuter
    }

    /// Distance from one band's start to the next.
    public var step: Double {
        let count = Double(categories.count)
        let slots = count - paddingInner + 2 * paddingOuter
        return slots > 0 ? (range.upper - range.lower) / slots : 0
    }

    /// Width of one band.
    public var bandwidth: Double { step * (1 - paddingInner) }

    /// Start of the band at `index`.
    public func start(at index: Int) -> Double {
        range.lower + step * (paddingOuter + Double(index))
    }

    /// Start of the named category's band, or nil when it is not a category.
    public func start(of category: String) -> Double? {
        categories.firstIndex(of: category).map { start(at: $0) }
    }

    /// Middle of the band at `index`.
    public func center(at index: Int) -> Double {
        start(at: index) + bandwidth / 2
    }

    /// Indices to label so labels at least `minSpacing` apart never overlap: every k-th band, always the first.
    public func labelledIndices(minSpacing: Double) -> [Int] {
        guard !categories.isEmpty else { return [] }
        let every = step > 0 ? max(1, Int((minSpacing / step).rounded(.up))) : categories.count
        return Array(stride(from: 0, to: categories.count, by: every))
    }
}

/// The arms a router chooses among, in declared order, with their statistics.
///
/// Policies work on indices into this table (fast, no string hashing per slot); ids appear only at the
/// `Router` boundary and in the saved state.
public struct ArmTable: Sendable, Equatable {
    /// Arm ids in declared order.
    public let ids: [String]
    /// Statistics, parallel to `ids`.
    public var statistics: [ArmStatistics]
    private let positions: [String: Int]

    /// A table of fresh arms; ids must be non-empty and unique.
    public init(ids: [String]) throws(RouterError) {
        try self.init(ids: ids, statistics: ids.map { _ in ArmStatistics() })
    }

    /// A table with known statistics (used when restoring state).
    public init(ids: [String], statistics: [ArmStatistics]) throws(RouterError) {
        guard !ids.isEmpty else { throw .noArms }
        guard ids.count == statistics.count else {
            throw .malformedState("\(ids.count) arm ids but \(statistics.count) statistics")
        }
        var positions: [String: Int] = [:]
        for (index, id) in ids.enumerated() {
            guard positions[id] == nil else { throw .duplicateArm(id) }
            positions[id] = index
        }
        self.ids = ids
        self.statistics = statistics
        self.positions = positions
    }

    public var count: Int { ids.count }

    /// The index of an arm id, or nil when the table has no such arm.
    public func index(of id: String) -> Int? {
        positions[id]
    }

    /// Sum of the arms' effective counts (the `t` of UCB1).
    public var totalCount: Double {
        statistics.reduce(0) { $0 + $1.count }
    }
}

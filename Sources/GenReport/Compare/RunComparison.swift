import GenCore

/// Two runs side by side, usually of two versions of a policy: what changed in the pipeline graph, the headline
/// figures, and each arm's results. Acceptance, tokens and dollars per accepted sample, distinct-2 and accuracy say
/// whether the difference is beyond noise (their 95% intervals, `NoiseIntervals`, do not overlap); counts are shown
/// as measured.
public struct RunComparison {
    public var nameA: String
    public var nameB: String
    public var graphChanges: [GraphChange]
    let a: RunFigures
    let b: RunFigures
    let arms: [(name: String, a: ArmFigures?, b: ArmFigures?)]

    public init(_ first: ReportData, _ second: ReportData, nameA: String, nameB: String) {
        self.nameA = nameA
        self.nameB = nameB
        graphChanges = GraphDiff.changes(first.run.graph, second.run.graph)
        a = RunFigures(first)
        b = RunFigures(second)
        let names = first.arms + second.arms.filter { !first.arms.contains($0) }
        arms = names.map { ($0, ArmFigures(first, arm: $0), ArmFigures(second, arm: $0)) }
    }

    /// True when the acceptance rates' 95% intervals do not overlap; nil when a run has no candidates.
    public var acceptanceDiffersBeyondNoise: Bool? { differsBeyondNoise("acceptance_rate") }

    /// Each figure with an interval: both runs' intervals and whether they fail to overlap (nil when a run lacks it).
    var noise: [(figure: String, a: IntervalEstimate?, b: IntervalEstimate?, differs: Bool?)] {
        zip(a.intervals, b.intervals).map { left, right in
            let differs = left.interval.flatMap { l in right.interval.map { !l.overlaps($0) } }
            return (left.figure, left.interval, right.interval, differs)
        }
    }

    /// Whether `figure` ("accuracy", ...) differs beyond noise; nil when either run lacks its interval.
    public func differsBeyondNoise(_ figure: String) -> Bool? {
        noise.first { $0.figure == figure }?.differs ?? nil
    }

    /// Canonical JSON: sorted keys, so the comparison of the same runs is always the same bytes.
    public var json: JSONValue {
        func side(_ figures: RunFigures) -> JSONValue {
            var fields: [String: JSONValue] = ["status": .string(figures.status)]
            for (name, value) in figures.rows { fields[name] = value.map(JSONValue.double) ?? .null }
            for (figure, interval) in figures.intervals {
                if let interval { fields[figure + "_interval"] = .array([.double(interval.low), .double(interval.high)]) }
            }
            return .object(fields)
        }
        return .object([
            "a": .string(nameA), "b": .string(nameB),
            "graph_changes": .array(graphChanges.map { change in
                .object(["path": .string(change.path), "before": change.before ?? .null, "after": change.after ?? .null])
            }),
            "figures": .object(["a": side(a), "b": side(b)]),
            "acceptance_differs_beyond_noise": acceptanceDiffersBeyondNoise.map(JSONValue.bool) ?? .null,
            "differs_beyond_noise": .object(Dictionary(uniqueKeysWithValues: noise.map { ($0.figure, $0.differs.map(JSONValue.bool) ?? .null) })),
            "arms": .array(arms.map { arm in
                .object(["arm": .string(arm.name), "a": arm.a?.json ?? .null, "b": arm.b?.json ?? .null])
            }),
        ])
    }
}

import GenCharts
import GenCore

/// `gen compare`'s text form: the graph changes, then the figures and each arm's results in two columns.
extension RunComparison {
    public var text: String {
        var lines = ["A: \(nameA)", "B: \(nameB)", ""]
        if graphChanges.isEmpty {
            lines.append("pipeline graph: no change")
        } else {
            lines.append("pipeline graph: \(graphChanges.count) change(s)")
            for change in graphChanges {
                lines.append("  \(change.path): \(Self.shown(change.before)) -> \(Self.shown(change.after))")
            }
        }
        lines.append("")
        var table = [["figure", "A", "B"]]
        for (left, right) in zip(a.rows, b.rows) {
            table.append([left.0, Self.number(left.1), Self.number(right.1)])
        }
        table.append(["status", a.status, b.status])
        lines += TextTable.render(header: table[0], rows: Array(table.dropFirst())).split(separator: "\n").map(String.init)
        for figure in noise {
            guard let left = figure.a, let right = figure.b, let differs = figure.differs else { continue }
            let name = left.name, ranges = "\(Self.range(left)) and \(Self.range(right))"
            lines.append(differs
                ? "\(name) differs beyond noise (95% intervals \(ranges) do not overlap)"
                : "\(name) difference within noise (95% intervals \(ranges) overlap)")
            if figure.figure == "distinct_2", a.accepted * 10 < b.accepted * 9 || b.accepted * 10 < a.accepted * 9 {
                lines.append("  (the runs accepted \(a.accepted) and \(b.accepted) samples: distinct-2 falls as a pool grows, "
                    + "so compare it between runs of the same size)")
            }
        }
        lines.append("")
        var armTable = [["arm", "pulls A", "pulls B", "accepted A", "accepted B", "pass A", "pass B", "reward A", "reward B", "tok/acc A", "tok/acc B"]]
        for arm in arms {
            armTable.append([
                arm.name, Self.count(arm.a?.pulls), Self.count(arm.b?.pulls), Self.count(arm.a?.accepted), Self.count(arm.b?.accepted),
                Self.number(arm.a?.passRate), Self.number(arm.b?.passRate), Self.number(arm.a?.meanReward), Self.number(arm.b?.meanReward),
                Self.number(arm.a?.tokensPerAccepted), Self.number(arm.b?.tokensPerAccepted),
            ])
        }
        lines += TextTable.render(header: armTable[0], rows: Array(armTable.dropFirst())).split(separator: "\n").map(String.init)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A value on one line; an object shows its plain members (kind, name, ...) and elides nested ones, which are
    /// mostly expression trees (the JSON form has them whole).
    static func shown(_ value: JSONValue?) -> String {
        guard let value else { return "(absent)" }
        var text = CanonicalJSON.string(value)
        if case .object(let members) = value {
            let plain = members.filter { if case .object = $0.value { false } else if case .array = $0.value { false } else { true } }
            if plain.count < members.count {
                text = String(CanonicalJSON.string(.object(plain)).dropLast()) + (plain.isEmpty ? "...}" : ",...}")
            }
        }
        return text.count > 120 ? String(text.prefix(117)) + "..." : text
    }

    static func number(_ value: Double?) -> String {
        value.map(GenCore.NumberText.figure) ?? "-"
    }

    /// An interval at the scale of its larger end.
    static func range(_ interval: IntervalEstimate) -> String {
        let decimals = GenCore.NumberText.decimals(forMagnitude: max(abs(interval.low), abs(interval.high)))
        return "\(GenCore.NumberText.fixed(interval.low, decimals))\u{2013}\(GenCore.NumberText.fixed(interval.high, decimals))"
    }

    static func count(_ value: Int?) -> String { value.map(String.init) ?? "-" }
}

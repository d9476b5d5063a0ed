import Foundation
import GenCore
import GenPipeline

/// Declared dimensions of variation for an arm (AttrPrompt, Yu et al. 2023): each slot samples one value per
/// dimension, and the prompt asks for a sample with those attributes. Prompts diversified over attributes
/// make more varied data than one class-conditional prompt at a higher temperature.
///
/// In a script: `attributes: {topic: ["pricing", "delivery"], style: ["formal", "chatty"]}`. A dimension may
/// instead give values per label (`subtopic: {sports: ["tennis", "rugby"], world: ["elections", "trade"]}`);
/// a label it does not list leaves the dimension out. A value listed twice is drawn twice as often. A dimension
/// may also be `discover("what varies", n: 8)`: the arm's model proposes its values per label at run start
/// (`AttributeDiscovery`), and they are filled in with `fill` before the first slot draws.
public struct AttributeSpace: Sendable, Equatable {
    public struct Dimension: Sendable, Equatable {
        public var name: String
        /// Values for every label, when the dimension is a plain list.
        public var values: [String]
        /// Values per label, when the dimension is a record of lists (or once discovered per label).
        public var byLabel: [String: [String]]
        /// Where the values come from when the script does not list them (`discover(...)`); filled at run start.
        public var source: AttributeSource? = nil

        func choices(for label: String?) -> [String] {
            if !values.isEmpty { return values }
            return label.flatMap { byLabel[$0] } ?? []
        }
    }

    /// Sorted by name, so a slot's draw does not depend on how the script ordered the record.
    public var dimensions: [Dimension]
    /// What was wrong in the declaration (checked by `gen check` through the arm kind's validator).
    public var problems: [String]

    public init(_ value: JSONValue?) {
        dimensions = []
        problems = []
        guard let value, value != .null else { return }
        guard let members = value.objectValue else {
            problems.append("`attributes` must be a record of lists, e.g. {topic: [\"pricing\", \"delivery\"]}")
            return
        }
        for (name, member) in members.sorted(by: { $0.key < $1.key }) {
            if let source = AttributeSource(member) {
                problems += Self.problems(name, source)
                dimensions.append(Dimension(name: name, values: [], byLabel: [:], source: source))
            } else if let list = member.arrayValue {
                let values = list.compactMap(\.stringValue)
                if values.isEmpty || values.count != list.count {
                    problems.append("attribute `\(name)` needs a non-empty list of strings")
                }
                dimensions.append(Dimension(name: name, values: values, byLabel: [:]))
            } else if let record = member.objectValue {
                var byLabel: [String: [String]] = [:]
                for (label, list) in record {
                    let values = (list.arrayValue ?? []).compactMap(\.stringValue)
                    if values.isEmpty { problems.append("attribute `\(name)` for label \"\(label)\" needs a non-empty list of strings") }
                    byLabel[label] = values
                }
                dimensions.append(Dimension(name: name, values: [], byLabel: byLabel))
            } else {
                problems.append("attribute `\(name)` must be a list of strings or a record of lists per label")
            }
        }
    }

    public var isEmpty: Bool { dimensions.isEmpty }

    /// A source's problems the checker could not see at the call (values that came through a function).
    static func problems(_ name: String, _ source: AttributeSource) -> [String] {
        var problems: [String] = []
        if source.kind != AttributeSource.discoverKind { problems.append("attribute `\(name)`: unknown source `\(source.kind)`") }
        if !AttributeSource.counts.contains(source.count) {
            problems.append("attribute `\(name)`: discover's n is \(source.count); it must be in \(AttributeSource.counts.lowerBound)...\(AttributeSource.counts.upperBound)")
        }
        if let description = source.description, description.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append("attribute `\(name)`: discover's description is empty; leave it out to use the dimension's name")
        }
        return problems
    }

    /// The dimensions whose values the model proposes at run start.
    public var discovered: [Dimension] { dimensions.filter { $0.source != nil } }

    /// Sets a discovered dimension's values for `label` (nil: for every label).
    public mutating func fill(_ dimension: String, label: String?, values: [String]) {
        guard let index = dimensions.firstIndex(where: { $0.name == dimension }) else { return }
        if let label { dimensions[index].byLabel[label] = values } else { dimensions[index].values = values }
    }

    /// Per-label keys that are not labels of the spec.
    public func unknownLabels(_ labels: [String]) -> [String] {
        dimensions.flatMap { dimension in
            dimension.byLabel.keys.sorted().filter { !labels.contains($0) }.map { "attribute `\(dimension.name)`: \"\($0)\" is not a label" }
        }
    }

    /// One value per dimension that has values for `label`, drawn with `rng` (the slot's seeded generator).
    public func draw(label: String?, rng: inout SeededRandom) -> [(name: String, value: String)] {
        dimensions.compactMap { dimension in
            let choices = dimension.choices(for: label)
            return choices.isEmpty ? nil : (dimension.name, choices[rng.nextIndex(choices.count)])
        }
    }
}

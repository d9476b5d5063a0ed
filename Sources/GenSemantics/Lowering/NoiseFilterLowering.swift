import GenCore
import GenPipeline
import GenSyntax

/// `noise_filter: true | false | {folds: 5, max_share: 0.1}` in `evaluate`: each key checked like an attribute
/// (unknown key -> did you mean, wrong type, out of range), pointing at the key or value that is wrong.
extension CheckSession {
    /// Sets `setting` (nil when off); false when the attribute has an error.
    func noiseFilter(_ attribute: CheckedAttribute?, into setting: inout NoiseFilterNode?) -> Bool {
        setting = nil
        guard let attribute, let value = attribute.value else { return true }
        let span = attribute.attribute.value.span
        switch value {
        case .bool(let on):
            setting = on ? .defaults : nil
            return true
        case .object(let members):
            var fields: [String: RecordField] = [:]
            if case .record(let written) = attribute.attribute.value.kind {
                for field in written { fields[field.key] = field }
            }
            var chosen = NoiseFilterNode.defaults
            var failed = false
            for key in members.keys.sorted() {
                guard let spec = BlockSchemas.noiseFilter.first(where: { $0.name == key }), let member = members[key] else {
                    report(Messages.unknownAttribute(key, "noise_filter"), at: fields[key]?.keySpan ?? span,
                           hint: Self.didYouMean(key, BlockSchemas.noiseFilter.map(\.name))
                               ?? Messages.validNames("keys", BlockSchemas.noiseFilter.map(\.name)))
                    failed = true
                    continue
                }
                let valueSpan = fields[key]?.value.span ?? span
                let named = ParameterSpec(name: "noise_filter." + key, type: spec.type, minimum: spec.minimum, maximum: spec.maximum,
                                          minimumExclusive: spec.minimumExclusive, summary: spec.summary)
                guard let number = member.doubleValue, spec.type != .int || Self.isInt(member) else {
                    report(Messages.attributeType(named.name, spec.type.described, Self.describe(member)), at: valueSpan)
                    failed = true
                    continue
                }
                guard checkRange(named, member, at: valueSpan) else {
                    failed = true
                    continue
                }
                if key == "folds" { chosen.folds = Int(number) } else { chosen.maxShare = number }
            }
            setting = failed ? nil : chosen
            return !failed
        default:
            report(Messages.attributeType("noise_filter", "true, false or {folds: int, max_share: float}", Self.describe(value)), at: span)
            return false
        }
    }

    static func isInt(_ value: JSONValue) -> Bool {
        if case .int = value { return true }
        return false
    }

    /// A compile-time value's kind, in the words of type messages.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "bool"
        case .int: "int"
        case .double: "float"
        case .string: "string"
        case .array: "a list"
        case .object: "a record"
        }
    }
}

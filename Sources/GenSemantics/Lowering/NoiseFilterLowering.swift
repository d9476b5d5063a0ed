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
            guard checkRecordMembers("noise_filter", BlockSchemas.noiseFilter, members, written: fields, at: span, unknown: {
                Messages.unknownAttribute($0, "noise_filter")
            }) else { return false }
            var chosen = NoiseFilterNode.defaults
            if let folds = members["folds"]?.doubleValue { chosen.folds = Int(folds) }
            if let share = members["max_share"]?.doubleValue { chosen.maxShare = share }
            setting = chosen
            return true
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

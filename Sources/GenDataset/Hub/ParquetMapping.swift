import GenCore
import GenPipeline
import GenReport

/// The script's output schema as a Parquet schema, and samples as rows for it: strings as UTF-8 BYTE_ARRAY,
/// ints INT64, floats DOUBLE, bools BOOLEAN, objects as groups, lists in the standard LIST form, and the
/// enum label as INT64 class indices (the `ClassLabel` the Hub metadata declares).
public struct ParquetMapping: Sendable {
    public let spec: SpecNode
    public let provenance: Bool

    public init(spec: SpecNode, provenance: Bool) {
        self.spec = spec
        self.provenance = provenance
    }

    /// The label's class names when the label field is an enum.
    public var labelNames: [String]? {
        guard let field = spec.labelField, case .enumeration(let names)? = spec.output.field(named: field)?.type else { return nil }
        return names
    }

    public var schema: ParquetSchema {
        var fields = spec.output.fields.map { field in
            let repetition: ParquetNode.Repetition = field.isOptional ? .optional : .required
            if field.name == spec.labelField, labelNames != nil { return ParquetNode(field.name, repetition, .primitive(.int64, utf8: false)) }
            return Self.node(field.name, field.type, repetition)
        }
        if provenance {
            fields += [ParquetNode("_arm", .required, .primitive(.byteArray, utf8: true)),
                       ParquetNode("_batch", .required, .primitive(.int64, utf8: false)),
                       ParquetNode("_reward", .required, .primitive(.double, utf8: false))]
        }
        return ParquetSchema(fields: fields)
    }

    static func node(_ name: String, _ type: SchemaFieldType, _ repetition: ParquetNode.Repetition) -> ParquetNode {
        switch type {
        case .string, .enumeration: return ParquetNode(name, repetition, .primitive(.byteArray, utf8: true))
        case .int: return ParquetNode(name, repetition, .primitive(.int64, utf8: false))
        case .float: return ParquetNode(name, repetition, .primitive(.double, utf8: false))
        case .bool: return ParquetNode(name, repetition, .primitive(.boolean, utf8: false))
        case .list(let element, _, _): return ParquetNode(name, repetition, .list(element: node("element", element, .optional)))
        case .object(let fields):
            return ParquetNode(name, repetition, .group(fields.map { node($0.name, $0.type, $0.isOptional ? .optional : .required) }))
        }
    }

    /// The footer's `huggingface` value: the features `datasets` restores (ClassLabel names included).
    public var huggingfaceMetadata: String {
        let features = HubField.columns(spec, provenance: provenance)
        let object = JSONValue.object(Dictionary(features.map { ($0.name, $0.feature.json) }, uniquingKeysWith: { first, _ in first }))
        return CanonicalJSON.string(.object(["info": .object(["features": object])]))
    }

    /// A sample as a Parquet row: the label replaced by its class index.
    public func row(_ sample: [String: JSONValue]) throws -> [String: JSONValue] {
        guard let names = labelNames, let field = spec.labelField, let value = sample[field], value != .null else { return sample }
        guard case .string(let label) = value, let index = names.firstIndex(of: label) else {
            throw ParquetValueError(description: "label `\(field)` is \(CanonicalJSON.string(value)), not one of \(names.joined(separator: ", "))")
        }
        var row = sample
        row[field] = .int(index)
        return row
    }
}

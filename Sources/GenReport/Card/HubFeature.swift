import GenCore
import GenPipeline

/// A column's type in the Hugging Face `datasets` feature system: the one mapping from the script's schema that
/// both the card's `dataset_info` YAML and the Parquet footer's `huggingface` metadata are written from.
public indirect enum HubFeature: Sendable, Equatable {
    /// `Value(dtype)`: string, int64, float64 or bool.
    case value(String)
    /// `ClassLabel(names)`: stored as the name's index, so `datasets` shows the names.
    case classLabel([String])
    case list(HubFeature)
    case structure([HubField])

    /// The feature for a schema type; `label` marks the spec's enum label field.
    public init(_ type: SchemaFieldType, label: Bool = false) {
        switch type {
        case .enumeration(let names) where label: self = .classLabel(names)
        case .string, .enumeration: self = .value("string")
        case .int: self = .value("int64")
        case .float: self = .value("float64")
        case .bool: self = .value("bool")
        case .list(let element, _, _): self = .list(HubFeature(element))
        case .object(let fields): self = .structure(fields.map { HubField(name: $0.name, feature: HubFeature($0.type)) })
        }
    }

    /// As `Features.to_dict()` writes it (what `datasets` reads from a Parquet footer's `huggingface` key).
    public var json: JSONValue {
        switch self {
        case .value(let dtype): return .object(["dtype": .string(dtype), "_type": .string("Value")])
        case .classLabel(let names): return .object(["names": .array(names.map(JSONValue.string)), "_type": .string("ClassLabel")])
        case .list(let element): return .array([element.json])
        case .structure(let fields): return .object(Dictionary(fields.map { ($0.name, $0.feature.json) }, uniquingKeysWith: { first, _ in first }))
        }
    }

    /// The YAML keys under a feature's `- name:` line, in the Hub card's simplified form (`dtype: string`,
    /// `list: string`, `struct:` with named fields, `class_label` names keyed by index).
    public var yamlLines: [String] {
        switch self {
        case .value(let dtype): return ["dtype: " + dtype]
        case .classLabel(let names):
            return ["dtype:", "  class_label:", "    names:"] + names.enumerated().map { "      '\($0.offset)': " + CardText.yaml($0.element) }
        case .list(.value(let dtype)): return ["list: " + dtype]
        case .list(.structure(let fields)): return ["list:"] + HubField.yaml(fields)
        case .list(let element): return ["list:"] + element.yamlLines.map { "  " + $0 }
        case .structure(let fields): return ["struct:"] + HubField.yaml(fields)
        }
    }
}

public struct HubField: Sendable, Equatable {
    public var name: String
    public var feature: HubFeature

    public init(name: String, feature: HubFeature) {
        self.name = name
        self.feature = feature
    }

    /// The dataset's columns: the schema's fields (the label as a class label), then the provenance columns
    /// `gen run --provenance` / `gen export --provenance` add.
    /// `nestedAsText`: lists and objects are JSON text (CSV cells), so their feature is a string.
    public static func columns(_ spec: SpecNode, provenance: Bool, nestedAsText: Bool = false) -> [HubField] {
        var fields = spec.output.fields.map { field in
            var feature = HubFeature(field.type, label: field.name == spec.labelField)
            if nestedAsText, case .list = feature { feature = .value("string") }
            if nestedAsText, case .structure = feature { feature = .value("string") }
            return HubField(name: field.name, feature: feature)
        }
        if provenance {
            fields += [HubField(name: "_arm", feature: .value("string")), HubField(name: "_batch", feature: .value("int64")),
                       HubField(name: "_reward", feature: .value("float64"))]
        }
        return fields
    }

    /// `- name: x` then the feature's keys, indented as a YAML list item.
    static func yaml(_ fields: [HubField]) -> [String] {
        fields.flatMap { ["- name: " + CardText.yaml($0.name)] + $0.feature.yamlLines.map { "  " + $0 } }
    }
}

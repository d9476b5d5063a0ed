import GenCore
import GenSyntax
import GenPipeline

/// The attributes each block declaration accepts: type, default, whether required, valid range.
/// A `.schema` type means "the name of a schema"; `.mapping` means an evaluation task `classify(a -> b)`.
enum BlockSchemas {
    static let spec: [ParameterSpec] = [
        ParameterSpec(name: "domain", type: .string, isRequired: true, summary: "what the samples are about"),
        ParameterSpec(name: "output", type: .schema(""), isRequired: true, summary: "the schema every sample has"),
        ParameterSpec(name: "count", type: .int, isRequired: true, minimum: 0, minimumExclusive: true, summary: "how many samples to accept"),
        ParameterSpec(name: "batch", type: .int, defaultValue: .int(8), minimum: 0, maximum: 1024, minimumExclusive: true,
                      summary: "samples requested per round"),
        ParameterSpec(name: "constraints", type: .list(.string), defaultValue: .array([]), summary: "rules a person would write down"),
        ParameterSpec(name: "examples", type: .list(.record(fields: [:], open: true)), defaultValue: .array([]), summary: "seed samples"),
        ParameterSpec(name: "label", type: .string, summary: "the field quotas steer (default: an enum field named `label`)"),
        ParameterSpec(name: "quotas", type: .record(fields: [:], open: true), summary: "weight per label value (>= 0)"),
        ParameterSpec(name: "max_candidates", type: .int, minimum: 0, minimumExclusive: true, summary: "limit on generated candidates"),
        ParameterSpec(name: "max_tokens", type: .int, minimum: 0, minimumExclusive: true, summary: "limit on tokens spent"),
        ParameterSpec(name: "max_dollars", type: .float, minimum: 0, minimumExclusive: true,
                      summary: "limit on dollars spent, at the models' declared `price`"),
        ParameterSpec(name: "pipeline", type: .int, defaultValue: .int(1), minimum: 1, maximum: 64,
                      summary: "how many batches generate at once (1: one at a time)"),
    ]

    static let evaluate: [ParameterSpec] = [
        ParameterSpec(name: "task", type: .mapping(.any, .any), isRequired: true, summary: "what the small model learns"),
        ParameterSpec(name: "test", type: .list(.record(fields: [:], open: true)), defaultValue: .array([]), summary: "real held-out rows"),
        ParameterSpec(name: "train", type: .list(.record(fields: [:], open: true)), defaultValue: .array([]), summary: "extra real training rows"),
        ParameterSpec(name: "every", type: .int, defaultValue: .int(100), minimum: 0, minimumExclusive: true, summary: "accepted samples between evaluations"),
        ParameterSpec(name: "weight", type: .float, defaultValue: .double(0.5), minimum: 0, maximum: 1, summary: "weight of the delayed reward"),
        ParameterSpec(name: "classifier", type: .string, summary: "the small model"),
        ParameterSpec(name: "noise_filter", type: .any, defaultValue: .bool(false),
                      summary: "demote likely-mislabelled samples: true, or {folds, max_share}"),
    ]

    /// The keys of `noise_filter: {...}` (see `NoiseFilterNode`).
    static let noiseFilter: [ParameterSpec] = [
        ParameterSpec(name: "folds", type: .int, defaultValue: .int(NoiseFilterNode.defaults.folds), minimum: 2, maximum: 20,
                      summary: "cross-validation folds"),
        ParameterSpec(name: "max_share", type: .float, defaultValue: .double(NoiseFilterNode.defaults.maxShare), minimum: 0, maximum: 1,
                      minimumExclusive: true, summary: "most of the target count the run may demote"),
    ]

    static let scoreWeight = ParameterSpec(name: "weight", type: .float, defaultValue: .int(1), minimum: 0, summary: "weight in `quality`")
    static let scoreThreshold = ParameterSpec(name: "threshold", type: .float, minimum: 0, maximum: 1, summary: "score below which a sample is rejected")
}

/// One checked attribute of a block.
struct CheckedAttribute {
    let attribute: GenSyntax.Attribute
    /// The compile-time value (absent for schema names and tasks, which are read from the syntax).
    let value: JSONValue?
    let type: GenType
}



extension CheckSession {
    /// Checks a block's attributes against its schema; values are evaluated at compile time.
    func checkAttributes(_ body: BlockBody<Attribute>, schema: [ParameterSpec], block: String, blockSpan: Span, module: Int) -> [String: CheckedAttribute] {
        var checked: [String: CheckedAttribute] = [:]
        var seen: [String: Span] = [:]
        let context = ExprContext(module: module, place: .constant)
        for attribute in body.items {
            let name = attribute.key.name
            guard let spec = schema.first(where: { $0.name == name }) else {
                report(Messages.unknownAttribute(name, block), at: attribute.key.span,
                       hint: Self.didYouMean(name, schema.map(\.name).filter { seen[$0] == nil })
                           ?? Messages.validNames("attributes", schema.map(\.name)))
                continue
            }
            if let first = seen[name] {
                report(Messages.duplicateAttribute(name), at: attribute.key.span, secondary: [DiagnosticLabel("first given here", at: first)])
                continue
            }
            seen[name] = attribute.key.span
            switch spec.type {
            case .schema, .mapping:
                checked[name] = CheckedAttribute(attribute: attribute, value: nil, type: spec.type)
                continue
            default: break
            }
            guard let ir = check(attribute.value, expecting: spec.type, context, message: { Messages.attributeType(name, spec.type.described, $0) }),
                  let value = constantValue(ir, span: attribute.value.span) else { continue }
            guard checkRange(spec, value, at: attribute.value.span) else { continue }
            checked[name] = CheckedAttribute(attribute: attribute, value: value, type: ir.type)
        }
        for spec in schema where spec.isRequired && seen[spec.name] == nil {
            report(Messages.missingAttribute(spec.name, block), at: blockSpan, hint: "add `\(spec.name): ...` (\(spec.summary))")
        }
        return checked
    }
}

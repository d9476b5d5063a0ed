import Gen

/// A host's own in-process quality check: the share of upper-case letters, in [0, 1]. It runs with the
/// cheap stages, before any model is asked; `score "calm" 1 - shouting(sample.text)` uses it.
struct ShoutingCheck: InProcessCheck {
    let signature = QualityCheckSpec(kind: KindSpec(family: "check", name: "shouting", parameters: [
        ParameterSpec(name: "text", type: .string, isRequired: true, summary: "the text to measure"),
    ], positional: ["text"], summary: "share of upper-case letters"), result: .float, execution: .inProcess)

    func evaluate(_ arguments: [Value], context: InProcessCheckContext) throws -> Value {
        guard case .string(let text)? = arguments.first else { return .float(0) }
        let letters = text.filter(\.isLetter)
        return .float(letters.isEmpty ? 0 : Double(letters.filter(\.isUppercase).count) / Double(letters.count))
    }
}

/// A host function: true when the text names no competitor.
enum BrandSafe {
    static let signature = FunctionSignature(
        name: "brand_safe", parameters: [SignatureParameter(name: "text", type: .string)], result: .bool,
        summary: "true when the text names no competitor")

    static func call(_ arguments: [Value], _ context: inout CallContext) throws -> Value {
        guard case .string(let text)? = arguments.first else { return .bool(false) }
        return .bool(!["acme", "globex"].contains { text.lowercased().contains($0) })
    }
}

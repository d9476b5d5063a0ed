import GenPipeline
import GenRouter

/// Router policies as the checker sees them, derived from the router's own registry so the two can
/// never disagree about a parameter's name, default or range (including `floor`'s per-arm bound, 1/K).
enum RouterKindSpecs {
    static func specs(_ registry: PolicyRegistry) -> [KindSpec] {
        registry.names.compactMap { name in
            guard let kind = try? registry.kind(named: name) else { return nil }
            return KindSpec(
                family: "router", name: name,
                parameters: kind.parameters.map { parameter in
                    ParameterSpec(
                        name: parameter.name, type: .float, defaultValue: .double(parameter.defaultValue),
                        minimum: parameter.range.lower, maximum: parameter.range.upper.isInfinite ? nil : parameter.range.upper,
                        minimumExclusive: !parameter.range.lowerInclusive, maximumExclusive: !parameter.range.upperInclusive,
                        maximumPerArm: parameter.range.upperPerArm, summary: parameter.summary)
                },
                summary: kind.summary)
        }
    }
}

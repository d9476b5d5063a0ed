import GenCore

/// What a model costs, as the script declares it with `price: {input: 0.15, output: 0.60}`: dollars per million
/// prompt (input) and completion (output) tokens. A model without one has no known cost (not a cost of $0).
public struct ModelPrice: Codable, Sendable, Equatable {
    /// Dollars per million prompt tokens.
    public var input: Double
    /// Dollars per million completion tokens.
    public var output: Double

    public init(input: Double, output: Double) {
        self.input = input
        self.output = output
    }

    /// As the graph and the report show it: `$0.15 / $0.6 per million input / output tokens`.
    public var summary: String {
        "$\(NumberText.compact(input)) / $\(NumberText.compact(output)) per million input / output tokens"
    }

    /// The dollars `prompt` read and `completion` written tokens cost at this price.
    public func dollars(prompt: Int, completion: Int) -> Double {
        Double(prompt) * input / 1_000_000 + Double(completion) * output / 1_000_000
    }

    /// `total` plus what `prompt` and `completion` tokens cost at `price`. Unknown stays unknown (nil) until a priced
    /// call adds to it; an unpriced call adds nothing.
    public static func adding(_ total: Double?, _ price: ModelPrice?, prompt: Int, completion: Int) -> Double? {
        guard let price else { return total }
        return (total ?? 0) + price.dollars(prompt: prompt, completion: completion)
    }

    /// Sums of costs that may be unknown: nil only when every part is.
    public static func sum(_ parts: [Double?]) -> Double? {
        let known = parts.compactMap { $0 }
        return known.isEmpty ? nil : known.reduce(0, +)
    }
}

extension PipelineGraph {
    /// The declared price of the model named `model` (its IR name), nil when it has none or there is no model.
    public func price(of model: String?) -> ModelPrice? {
        guard let model else { return nil }
        return models.first { $0.name == model }?.price
    }

    /// The price of the model `arm` generates with.
    public func price(ofArm arm: String) -> ModelPrice? {
        price(of: arms.first { $0.name == arm }?.model)
    }

    /// Whether any model of the script declares a price: when none does, costs are unknown, not zero.
    public var hasPrices: Bool { models.contains { $0.price != nil } }

    /// The models an arm or a model check calls that declare no price, when another does: the run's dollars leave
    /// their calls out, and every place that shows the dollars says so. Empty when all or none are priced.
    public var unpricedModels: [String] {
        guard hasPrices else { return [] }
        let used = Set(arms.compactMap(\.model) + quality.flatMap { $0.modelChecks.compactMap(\.model) })
        return models.filter { used.contains($0.name) && $0.price == nil }.map(\.name)
    }
}

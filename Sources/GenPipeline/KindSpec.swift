import GenCore

/// The declared parameters of one kind of thing a script creates with a call: an arm kind (`naive`),
/// a router policy (`ucb1`), a model provider (`openai`), a dedup method (`near`).
///
/// Runtime components publish these; the semantic checker reads them to check names, types and ranges
/// before a run, and to suggest the right name for a typo. So adding a kind never touches the checker.
public struct KindSpec: Codable, Sendable, Equatable {
    /// What the kind makes: "arm", "router", "model", "dedup", "diversity".
    public var family: String
    public var name: String
    public var parameters: [ParameterSpec]
    /// Parameters that may be given without a name, in this order (e.g. `naive(local, ...)` passes `model`).
    public var positional: [String]
    public var summary: String

    public init(family: String, name: String, parameters: [ParameterSpec], positional: [String] = [], summary: String) {
        self.family = family
        self.name = name
        self.parameters = parameters
        self.positional = positional
        self.summary = summary
    }

    public func parameter(named name: String) -> ParameterSpec? {
        parameters.first { $0.name == name }
    }
}

/// One parameter: its type, default (nil = required) and valid numeric range.
public struct ParameterSpec: Codable, Sendable, Equatable {
    public var name: String
    public var type: GenType
    public var defaultValue: JSONValue?
    public var isRequired: Bool
    public var minimum: Double?
    public var maximum: Double?
    /// Whether the bounds themselves are excluded: top_p is in (0, 1], so `minimumExclusive` is true.
    public var minimumExclusive: Bool
    public var maximumExclusive: Bool
    /// When true the upper bound is `maximum / K` for a run over K arms (a router's exploration floor: K arms
    /// cannot each be guaranteed more than 1/K of a batch). Checked once the number of arms is known.
    public var maximumPerArm: Bool
    /// A kind family the argument's value may call inside it (an arm's `attributes` may hold
    /// `discover(...)`, of the "attribute" family); nil for none. Optional so stored specs still decode.
    public var innerFamily: String?
    /// The keys a record-valued parameter takes (`price: {input, output}`), each checked like a parameter (unknown
    /// key, type, range, required); nil when the record's keys are free. Optional so stored specs still decode.
    public var fields: [ParameterSpec]?
    /// The only values a string parameter takes (`mode: "online" | "batch"`); nil when any string goes. Optional so
    /// stored specs still decode.
    public var choices: [String]?
    public var summary: String

    public init(
        name: String, type: GenType, defaultValue: JSONValue? = nil, isRequired: Bool = false,
        minimum: Double? = nil, maximum: Double? = nil, minimumExclusive: Bool = false, maximumExclusive: Bool = false,
        maximumPerArm: Bool = false, innerFamily: String? = nil, fields: [ParameterSpec]? = nil, choices: [String]? = nil,
        summary: String
    ) {
        self.innerFamily = innerFamily
        self.fields = fields
        self.choices = choices
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.isRequired = isRequired
        self.minimum = minimum
        self.maximum = maximum
        self.minimumExclusive = minimumExclusive
        self.maximumExclusive = maximumExclusive
        self.maximumPerArm = maximumPerArm
        self.summary = summary
    }

    /// The type as messages and listings show it: a record with declared keys lists them (`{input: float, output: float}`).
    public var typeName: String {
        if let choices { return choices.map { "\"\($0)\"" }.joined(separator: " | ") }
        guard let fields else { return type.displayName }
        return "{" + fields.map { "\($0.name): \($0.type.displayName)" }.joined(separator: ", ") + "}"
    }

    /// True when a number lies in the valid range; `arms` (when known) applies a per-arm upper bound.
    public func accepts(_ value: Double, arms: Int? = nil) -> Bool {
        if value.isNaN { return false }
        if let minimum, minimumExclusive ? value <= minimum : value < minimum { return false }
        if let maximum = upperBound(arms: arms), maximumExclusive ? value >= maximum : value > maximum { return false }
        return true
    }

    /// The upper bound with `arms` arms: `maximum / K` for a per-arm bound, else `maximum`.
    public func upperBound(arms: Int?) -> Double? {
        guard let maximum else { return nil }
        guard maximumPerArm, let arms, arms > 0 else { return maximum }
        return maximum / Double(arms)
    }

    /// The range as a person writes it: `[0, 2]`, `(0, 1]`, `> 0`, `[0, 1/K]`.
    public var rangeDescription: String? {
        switch (minimum, maximum) {
        case let (low?, high?):
            let top = Self.number(high) + (maximumPerArm ? "/K" : "")
            return (minimumExclusive ? "(" : "[") + Self.number(low) + ", " + top + (maximumExclusive ? ")" : "]")
        case let (low?, nil): return (minimumExclusive ? "> " : ">= ") + Self.number(low)
        case let (nil, high?): return (maximumExclusive ? "< " : "<= ") + Self.number(high)
        case (nil, nil): return nil
        }
    }

    public static func number(_ value: Double) -> String { NumberText.compact(value) }
}

extension ParameterSpec {
    /// `temperature: float = 0.7 in [0, 2]`, as `gen help capabilities` and editor hovers show a parameter;
    /// a required parameter has no default, an optional one without a default ends in `?`.
    public var signatureText: String {
        var text = "\(name): \(typeName)"
        if !isRequired, let value = defaultValue, value != .null { text += " = " + CanonicalJSON.string(value) }
        if !isRequired, defaultValue == nil || defaultValue == .null { text += "?" }
        if let range = rangeDescription { text += (range.first == ">" || range.first == "<" ? " " : " in ") + range }
        return text
    }
}

extension KindSpec {
    /// `naive(model: model, temperature: float = 0.7 in [0, 2], ...)`.
    public var signatureText: String {
        name + "(" + parameters.map(\.signatureText).joined(separator: ", ") + ")"
    }
}

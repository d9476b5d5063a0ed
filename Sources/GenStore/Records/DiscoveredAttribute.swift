/// The values an arm's model proposed for one attribute dimension and label at run start (`discover(...)`),
/// and what asking cost: the tokens of every call, counted in the run's and the arm's tokens.
public struct DiscoveredAttribute: Sendable, Equatable {
    public var arm: String
    public var dimension: String
    /// nil when the spec has no label enum: the values serve every slot.
    public var label: String?
    public var values: [String]
    public var calls: Int
    public var tokens: Int
    /// What asking cost at the arm's model's price; nil without a price (or in stores before schema version 4).
    public var dollars: Double?

    public init(arm: String, dimension: String, label: String?, values: [String], calls: Int, tokens: Int, dollars: Double? = nil) {
        self.dollars = dollars
        self.arm = arm
        self.dimension = dimension
        self.label = label
        self.values = values
        self.calls = calls
        self.tokens = tokens
    }
}

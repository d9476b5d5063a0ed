import GenCore
import GenPipeline

/// What an arm knows when it generates: the spec (domain, constraints, schema, seed examples) and what
/// the run has accepted so far. Built once per batch by the run loop.
public struct GenerationContext: Sendable {
    public var domain: String
    public var constraints: [String]
    public var schema: OutputSchema
    public var schemaName: String
    /// The field the quotas steer (an enum field such as `label`), if any.
    public var labelField: String?
    /// Examples the script gave (`examples:`), shown to naive arms.
    public var seedExamples: [JSONValue]
    /// Accepted samples so far (most recent last), the pool few-shot arms draw from.
    public var accepted: [JSONValue]

    public init(
        domain: String, constraints: [String], schema: OutputSchema, schemaName: String, labelField: String?,
        seedExamples: [JSONValue], accepted: [JSONValue]
    ) {
        self.domain = domain
        self.constraints = constraints
        self.schema = schema
        self.schemaName = schemaName
        self.labelField = labelField
        self.seedExamples = seedExamples
        self.accepted = accepted
    }
}

/// One sample an arm is asked for: its position in the batch, the label the quotas want, and a seed
/// derived from the run seed so the request is reproducible.
public struct SlotRequest: Sendable, Equatable {
    public var slot: Int
    public var targetLabel: String?
    public var seed: UInt64

    public init(slot: Int, targetLabel: String?, seed: UInt64) {
        self.slot = slot
        self.targetLabel = targetLabel
        self.seed = seed
    }
}

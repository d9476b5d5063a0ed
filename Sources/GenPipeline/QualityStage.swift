import GenCore

/// One entry of the `quality { }` block, in declared order: each case carries exactly what it needs.
public enum QualityStage: Sendable, Equatable {
    /// A hard filter: a boolean expression over `sample`.
    case rule(ExpressionStage)
    /// A soft score in [0, 1] with a weight in the `quality` metric and an optional threshold (a gate).
    case score(ExpressionStage, weight: Double, threshold: Double?)
    /// Duplicate removal against the accepted pool and the batch; `threshold` is nil for `exact`.
    case dedup(DedupMethod, threshold: Double?, source: SourceRef)
    /// A novelty gate: samples less novel than `minimum` are rejected.
    case diversity(DiversityMethod, minimum: Double, source: SourceRef)
    /// A dedup or diversity method a host registered (kind `.dedup` or `.diversity`), with its checked parameters.
    case hostGate(Kind, name: String, parameters: [String: JSONValue], source: SourceRef)

    public enum Kind: String, Codable, Sendable {
        case rule, score, dedup, diversity
    }

    public var kind: Kind {
        switch self {
        case .rule: .rule
        case .score: .score
        case .dedup: .dedup
        case .diversity: .diversity
        case .hostGate(let kind, _, _, _): kind
        }
    }

    /// The declared name of a rule or score; the method's name for dedup and diversity.
    public var name: String {
        switch self {
        case .rule(let stage), .score(let stage, _, _): stage.name
        case .dedup(let method, _, _): method.rawValue
        case .diversity(let method, _, _): method.rawValue
        case .hostGate(_, let name, _, _): name
        }
    }

    public var source: SourceRef {
        switch self {
        case .rule(let stage), .score(let stage, _, _): stage.source
        case .dedup(_, _, let source), .diversity(_, _, let source), .hostGate(_, _, _, let source): source
        }
    }

    /// The rule's or score's expression and checks; nil for dedup and diversity.
    public var expressionStage: ExpressionStage? {
        switch self {
        case .rule(let stage), .score(let stage, _, _): stage
        case .dedup, .diversity, .hostGate: nil
        }
    }

    /// Checks the expression uses (hoisted so the runtime performs them first); none for dedup and diversity.
    public var modelChecks: [ModelCheckNode] { expressionStage?.modelChecks ?? [] }
}

/// A rule's or score's name, expression and the checks hoisted out of it.
public struct ExpressionStage: Codable, Sendable, Equatable {
    public var name: String
    public var expression: IRExpr
    /// Checks the expression calls (model-backed or in process), evaluated before it.
    public var modelChecks: [ModelCheckNode]
    public var source: SourceRef

    public init(name: String, expression: IRExpr, modelChecks: [ModelCheckNode], source: SourceRef) {
        self.name = name
        self.expression = expression
        self.modelChecks = modelChecks
        self.source = source
    }
}

/// The dedup methods the in-process pool implements; GenQuality's `QualityMethods` declares their parameters.
public enum DedupMethod: String, Codable, Sendable, CaseIterable {
    case exact, near, semantic
}

/// The diversity gates the in-process pool implements.
public enum DiversityMethod: String, Codable, Sendable, CaseIterable {
    case novelty
}

extension PipelineGraph {
    /// The quality block's score names, in declared order (the reward's `scores` record).
    public var scoreNames: [String] {
        quality.compactMap { if case .score(let stage, _, _) = $0 { stage.name } else { nil } }
    }
}

/// The stored form keeps the flat shape earlier versions wrote (kind, name, expression, modelChecks, weight,
/// threshold, method, parameters, source), so a run started by one version resumes in the next.
extension QualityStage: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, name, expression, modelChecks, weight, threshold, method, parameters, source
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(Kind.self, forKey: .kind)
        let source = try container.decode(SourceRef.self, forKey: .source)
        let parameters = try container.decodeIfPresent([String: JSONValue].self, forKey: .parameters) ?? [:]
        switch kind {
        case .rule, .score:
            let stage = ExpressionStage(
                name: try container.decode(String.self, forKey: .name), expression: try container.decode(IRExpr.self, forKey: .expression),
                modelChecks: try container.decodeIfPresent([ModelCheckNode].self, forKey: .modelChecks) ?? [], source: source)
            self = kind == .rule
                ? .rule(stage)
                : .score(stage, weight: try container.decode(Double.self, forKey: .weight),
                         threshold: try container.decodeIfPresent(Double.self, forKey: .threshold))
        case .dedup:
            let name = try container.decode(String.self, forKey: .method)
            self = DedupMethod(rawValue: name).map { .dedup($0, threshold: parameters["threshold"]?.doubleValue, source: source) }
                ?? .hostGate(.dedup, name: name, parameters: parameters, source: source)
        case .diversity:
            let name = try container.decode(String.self, forKey: .method)
            self = DiversityMethod(rawValue: name).map { .diversity($0, minimum: parameters["min"]?.doubleValue ?? 0, source: source) }
                ?? .hostGate(.diversity, name: name, parameters: parameters, source: source)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(name, forKey: .name)
        try container.encode(source, forKey: .source)
        try container.encode(modelChecks, forKey: .modelChecks)
        switch self {
        case .rule(let stage):
            try container.encode(stage.expression, forKey: .expression)
            try container.encode(0.0, forKey: .weight)
            try container.encode([String: JSONValue](), forKey: .parameters)
        case .score(let stage, let weight, let threshold):
            try container.encode(stage.expression, forKey: .expression)
            try container.encode(weight, forKey: .weight)
            try container.encodeIfPresent(threshold, forKey: .threshold)
            try container.encode([String: JSONValue](), forKey: .parameters)
        case .dedup(let method, let threshold, _):
            try container.encode(0.0, forKey: .weight)
            try container.encode(method.rawValue, forKey: .method)
            try container.encode(threshold.map { ["threshold": JSONValue.double($0)] } ?? [:], forKey: .parameters)
        case .diversity(let method, let minimum, _):
            try container.encode(0.0, forKey: .weight)
            try container.encode(method.rawValue, forKey: .method)
            try container.encode(["min": JSONValue.double(minimum)], forKey: .parameters)
        case .hostGate(_, let name, let parameters, _):
            try container.encode(0.0, forKey: .weight)
            try container.encode(name, forKey: .method)
            try container.encode(parameters, forKey: .parameters)
        }
    }
}

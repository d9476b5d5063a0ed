/// How a report's figures were obtained; cross-validation on synthetic data must never pass for a real test.
public enum EvaluationProtocol: Sendable, Hashable, Codable {
    /// Trained on the training set, scored on a separate (normally real) test set with this name.
    case heldOut(String)
    /// k-fold cross-validation on the training data itself (used when there is no real test set).
    case crossValidation(Int)

    /// A one-line label for headers and tables.
    public var summary: String {
        switch self {
        case .heldOut(let testSetName): "held-out test set '\(testSetName)'"
        case .crossValidation(let folds):
            "CROSS-VALIDATION (\(folds)-fold) on the training data itself, no real test set: not comparable to held-out figures"
        }
    }

    private enum CodingKeys: String, CodingKey { case kind, testSet, folds }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .kind) {
        case "heldOut": self = .heldOut(try container.decode(String.self, forKey: .testSet))
        case "crossValidation": self = .crossValidation(try container.decode(Int.self, forKey: .folds))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container, debugDescription: "unknown evaluation protocol '\(other)'")
        }
    }

    /// Encodes as `{"kind": "heldOut", "testSet": ...}` or `{"kind": "crossValidation", "folds": k}`.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .heldOut(let testSetName):
            try container.encode("heldOut", forKey: .kind)
            try container.encode(testSetName, forKey: .testSet)
        case .crossValidation(let folds):
            try container.encode("crossValidation", forKey: .kind)
            try container.encode(folds, forKey: .folds)
        }
    }
}

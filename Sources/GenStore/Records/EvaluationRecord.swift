import Foundation
import GenCore

/// One downstream evaluation (train on the accepted pool, test on real data) with its per-arm credit.
public struct EvaluationRecord: Codable, Sendable, Equatable {
    /// The last batch recorded before the evaluation ran.
    public var batchIndex: Int
    /// Size of the accepted pool it trained on.
    public var afterAccepted: Int
    /// How it was measured: "train-synthetic-test-real", "cross-validation"...
    public var protocolName: String
    /// Accuracy, macro-F1, per-label figures...
    public var metrics: JSONValue
    /// Credit per arm (Shapley or leave-one-arm-out share of the gain).
    public var credit: [String: Double]
    /// The router's state after the credit was fed back; resuming restores it when no batch came after.
    public var routerState: JSONValue?
    public var createdAt: Date

    public init(
        batchIndex: Int, afterAccepted: Int, protocolName: String, metrics: JSONValue, credit: [String: Double],
        routerState: JSONValue? = nil, createdAt: Date = Date()
    ) {
        self.batchIndex = batchIndex
        self.afterAccepted = afterAccepted
        self.protocolName = protocolName
        self.metrics = metrics
        self.credit = credit
        self.routerState = routerState
        self.createdAt = createdAt
    }
}

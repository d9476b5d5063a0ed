import Foundation
import GenCore

/// One batch as the run loop saw it, written together with its candidates in one transaction.
public struct BatchRecord: Codable, Sendable, Equatable {
    /// 0-based, consecutive within a run; recording an index twice is refused.
    public var index: Int
    /// Slots the router gave each arm.
    public var allocation: [String: Int]
    /// The router's state after this batch's feedback: what a resumed run restores.
    public var routerState: JSONValue
    /// Every generator's state after this batch, by component name ("router", "arms", ...).
    public var rngState: [String: UInt64]
    /// Batch-level figures for the report: epsilon, diversity (Vendi, distinct-n), novelty, quotas...
    public var metrics: JSONValue
    public var tokens: Int
    public var startedAt: Date
    public var endedAt: Date

    public init(
        index: Int, allocation: [String: Int], routerState: JSONValue, rngState: [String: UInt64],
        metrics: JSONValue = .object([:]), tokens: Int, startedAt: Date, endedAt: Date
    ) {
        self.index = index
        self.allocation = allocation
        self.routerState = routerState
        self.rngState = rngState
        self.metrics = metrics
        self.tokens = tokens
        self.startedAt = startedAt
        self.endedAt = endedAt
    }
}

/// What `record(batch:candidates:)` committed.
public struct BatchReceipt: Sendable, Equatable {
    public var batchIndex: Int
    /// The accepted ordinals given to this batch's accepted candidates, in slot order.
    public var acceptedOrdinals: [Int]
    /// Accepted samples in the run after this batch.
    public var acceptedTotal: Int
}

import Foundation
import GenCore

/// Where a run stands. `stopped` means interrupted on purpose (Ctrl-C, budget) and resumable.
public enum RunStatus: String, Codable, Sendable, CaseIterable {
    case running, stopped, completed, failed

    /// Whether the run is over (its `endedAt` is set).
    public var isTerminal: Bool { self != .running }
}

/// What `gen run` knows when it starts a run.
public struct NewRun: Codable, Sendable, Equatable {
    public var scriptPath: String
    public var scriptSHA256: String
    public var seed: UInt64
    /// The pipeline graph as JSON (it names environment variables, never their values).
    public var graph: JSONValue
    /// How many accepted samples the spec asks for.
    public var targetCount: Int
    public var startedAt: Date

    public init(
        scriptPath: String, scriptSHA256: String, seed: UInt64, graph: JSONValue, targetCount: Int,
        startedAt: Date = Date()
    ) {
        self.scriptPath = scriptPath
        self.scriptSHA256 = scriptSHA256
        self.seed = seed
        self.graph = graph
        self.targetCount = targetCount
        self.startedAt = startedAt
    }
}

/// A run as stored.
public struct RunInfo: Codable, Sendable, Equatable {
    public var id: Int64
    public var scriptPath: String
    public var scriptSHA256: String
    public var seed: UInt64
    public var graph: JSONValue
    public var targetCount: Int
    public var status: RunStatus
    /// Why the run stopped or failed, in words.
    public var statusDetail: String?
    public var startedAt: Date
    public var endedAt: Date?
}

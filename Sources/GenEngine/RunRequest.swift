import Foundation
import GenPipeline

/// What `gen run` asks for, after its flags are parsed.
public struct RunRequest: Sendable {
    public var scriptPath: String
    /// The run directory: run.sqlite, dataset.jsonl, rejected.jsonl, report.html, DATASET_CARD.md.
    public var outDirectory: URL
    /// nil: the default seed (new run) or the stored one (resume).
    public var seed: UInt64?
    /// Overrides the spec's `count`.
    public var count: Int?
    /// Continue the run stored in `outDirectory` instead of starting one.
    public var resume: Bool
    /// Add `_arm`, `_batch`, `_reward` to each line of dataset.jsonl.
    public var provenance: Bool
    /// While the run goes, dataset.jsonl and rejected.jsonl are rewritten from the store after a batch once
    /// this many seconds have passed since the last time, so a killed run leaves files at most this far
    /// behind (the store has everything; `--resume` or the end of the run rewrites them). 0: every batch.
    public var exportInterval: Double
    /// Replaces the script's router for a new run (the stored graph has the replacement): how
    /// `gen-bench savings` runs a script's arms under uniform allocation for comparison.
    public var routerOverride: RouterNode?
    /// Rewrites the compiled graph of a new run before it is stored (after `routerOverride`): how
    /// `gen-bench utility` derives the plain baseline from a script.
    public var graphTransform: (@Sendable (PipelineGraph) -> PipelineGraph)?
    /// Record every model exchange to a cassette, or answer every model call from one with no server.
    public var cassette: CassetteUse?

    public init(scriptPath: String, outDirectory: URL, seed: UInt64? = nil, count: Int? = nil, resume: Bool = false,
                provenance: Bool = false, exportInterval: Double = 30, cassette: CassetteUse? = nil) {
        self.scriptPath = scriptPath
        self.outDirectory = outDirectory
        self.seed = seed
        self.count = count
        self.resume = resume
        self.provenance = provenance
        self.exportInterval = exportInterval
        self.routerOverride = nil
        self.graphTransform = nil
        self.cassette = cassette
    }

    public static let defaultSeed: UInt64 = 42
}

/// Why a run could not start or stopped with an error; each message says what to do.
public enum RunFailure: Error, CustomStringConvertible, Equatable {
    case scriptHasErrors(String)
    case runExists(String)
    case nothingToResume(String)
    case modelUnreachable(String)
    case setup(String)
    /// A replay asked for a request its cassette does not hold (the message names it).
    case notInCassette(String)

    public var description: String {
        switch self {
        case .scriptHasErrors(let rendered): return rendered
        case .runExists(let path):
            return "\(path) already holds a run; continue it with `gen run --resume \(path)` or choose another --out"
        case .nothingToResume(let path): return "no run to resume in \(path) (no run.sqlite there)"
        case .modelUnreachable(let message): return message
        case .setup(let message): return message
        case .notInCassette(let message): return message
        }
    }
}

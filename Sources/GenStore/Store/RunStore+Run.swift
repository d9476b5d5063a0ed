import Foundation
import GenCore

extension RunStore {
    /// The run row: script, seed, graph, target and status.
    public func info() throws -> RunInfo {
        guard let row = try database().query("SELECT * FROM runs WHERE id = ?", [.integer(runID)]).first else {
            throw StoreError(.notFound, "run \(runID) is missing from its store")
        }
        guard let seed = UInt64(try row.text("seed")) else {
            throw StoreError(.invalid, "run \(runID) has a seed that is not an unsigned 64-bit integer")
        }
        guard let status = RunStatus(rawValue: try row.text("status")) else {
            throw StoreError(.invalid, "run \(runID) has an unknown status")
        }
        return RunInfo(
            id: runID, scriptPath: try row.text("script_path"), scriptSHA256: try row.text("script_sha256"), seed: seed,
            graph: try JSONColumn.value(row, "graph_json"), targetCount: try row.int("target_count"), status: status,
            statusDetail: try row.optionalText("status_detail"),
            startedAt: Date(timeIntervalSince1970: try row.double("started_at")),
            endedAt: try row.optionalDouble("ended_at").map(Date.init(timeIntervalSince1970:)))
    }

    /// Sets the run's status; a terminal status stamps `endedAt`, `running` (on resume) clears it.
    public func setStatus(_ status: RunStatus, detail: String? = nil, at time: Date = Date()) throws {
        try database().query(
            "UPDATE runs SET status = ?, status_detail = ?, ended_at = ? WHERE id = ?",
            [.text(status.rawValue), .optionalText(detail), status.isTerminal ? .real(time.timeIntervalSince1970) : .null,
             .integer(runID)])
    }
}

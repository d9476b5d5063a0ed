import Foundation
import GenCore
import GenPipeline
import GenStore

/// `gen doctor RUN [--repair]`: checks a run store, explains the damage, repairs what can be repaired.
enum DoctorCommand {
    static let repairFlag = FlagSpec("repair", help: "repair what can be repaired, in one transaction, and say what was done")

    static let spec = CommandSpec(
        name: "doctor", summary: "Check a run's store for damage, explain it, and repair what can be repaired",
        details: """
            Checks RUN/run.sqlite: SQLite's integrity check, the write-ahead log (a run.sqlite-wal deleted after a
            kill takes the last writes with it), the run row and its pipeline graph, every batch row, the accepted
            list against the candidates (lost, unreadable, unlisted or out-of-order entries), rows whose parent is
            gone, and every JSON column. Without --repair nothing is changed.
            --repair fixes what can be fixed in one transaction and lists every entry it dropped; an intact
            accepted sample is never dropped. `gen run --resume`, `gen inspect` and `gen report` refuse a damaged
            store and point here.
            Exit codes: 0 no damage (or all of it repaired), 65 damage found (or left after --repair), 66 no run
            in RUN, 70 another gen process is writing the run.
            """,
        positionals: [PositionalSpec("RUN", help: "the run directory")],
        flags: [repairFlag])

    /// What `gen doctor` checks beyond the store's own rules: that the stored graph decodes.
    static let check = StoreCheck(depth: .full, graphProblem: { PipelineGraph.problem(stored: $0) })

    static let command = Command(spec: spec) { arguments, console in
        let directory = URL(fileURLWithPath: arguments.positionals[0])
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent(RunStore.databaseName).path) else {
            throw CommandFailure("no run in \(directory.path) (no run.sqlite there)", exitCode: ExitCode.noInput)
        }
        do {
            guard arguments.has(repairFlag) else {
                let examination = try StoreDoctor.examine(directory, check: check)
                console.write(DoctorText.examination(examination, directory: directory))
                return examination.isHealthy ? ExitCode.ok : ExitCode.damagedStore
            }
            let report = try StoreDoctor.repair(directory, check: check)
            console.write(DoctorText.repair(report, directory: directory))
            return report.after.isHealthy ? ExitCode.ok : ExitCode.damagedStore
        } catch let error as StoreError where error.kind == .locked {
            throw CommandFailure(
                "\(error.message)\n  = hint: let it finish or stop it (Ctrl-C), then run `gen doctor \(directory.path) --repair`",
                exitCode: ExitCode.runtimeFailure)
        }
    }
}

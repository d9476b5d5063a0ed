import Foundation
import GenCore
import GenEngine
import GenReport

/// `gen report RUN [--out FILE]`: the self-contained HTML report and DATASET_CARD.md of a run.
enum ReportCommand {
    static let spec = CommandSpec(
        name: "report", summary: "Write a run's HTML report and dataset card",
        details: "Reads RUN/run.sqlite (also while the run is going) and writes RUN/report.html and RUN/DATASET_CARD.md.",
        positionals: [PositionalSpec("RUN", help: "the run directory")],
        flags: [outFlag])

    static let outFlag = FlagSpec(
        "out", value: "FILE", completion: .files, help: "where to write the HTML report (default RUN/report.html); the card goes beside it")

    static let command = Command(spec: spec) { arguments, console in
        let directory = URL(fileURLWithPath: arguments.positionals[0])
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("run.sqlite").path) else {
            throw CommandFailure("no run in \(directory.path)", exitCode: ExitCode.noInput)
        }
        for line in try await RunArtifacts.write(for: directory, out: arguments.value(outFlag).map { URL(fileURLWithPath: $0) }) {
            console.write(line + "\n")
        }
        return ExitCode.ok
    }
}

/// The report and the card, written at the end of `gen run` and by `gen report`.
enum RunArtifacts {
    static func write(for directory: URL, out: URL? = nil) async throws -> [String] {
        let output = try await ReportWriter.write(runDirectory: directory, out: out, capabilities: Capabilities.standard.reportView)
        return ["report: \(output.report.path)", "dataset card: \(output.card.path)"]
    }
}

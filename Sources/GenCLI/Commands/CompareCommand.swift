import Foundation
import GenCore
import GenReport

/// `gen compare RUN_A RUN_B [--format text|json]`: two runs (two versions of a policy) side by side.
enum CompareCommand {
    static let formatFlag = FlagSpec("format", value: "FORMAT", choices: ["text", "json"], help: "output format (default text)")

    static let spec = CommandSpec(
        name: "compare", summary: "Compare two runs: pipeline graph changes, acceptance, tokens and per-arm results",
        details: """
            Reads RUN_A/run.sqlite and RUN_B/run.sqlite. The graph diff is semantic: source positions are ignored and
            arms, models and checks are matched by name. Acceptance says whether the difference is beyond noise
            (95% Wilson intervals that do not overlap). --format json writes canonical JSON (sorted keys).
            """,
        positionals: [PositionalSpec("RUN_A", help: "the first run directory"), PositionalSpec("RUN_B", help: "the second run directory")],
        flags: [formatFlag])

    static let command = Command(spec: spec) { arguments, console in
        var loaded: [ReportData] = []
        for path in arguments.positionals.prefix(2) {
            let directory = URL(fileURLWithPath: path)
            guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("run.sqlite").path) else {
                throw CommandFailure("no run in \(path)\n  = hint: pass two run directories written by `gen run`", exitCode: ExitCode.noInput)
            }
            loaded.append(try await RunReport.load(runDirectory: directory, noiseEstimates: true))
        }
        let comparison = RunComparison(loaded[0], loaded[1], nameA: arguments.positionals[0], nameB: arguments.positionals[1])
        console.write(arguments.value(formatFlag) == "json" ? CanonicalJSON.string(comparison.json) + "\n" : comparison.text)
        return ExitCode.ok
    }
}

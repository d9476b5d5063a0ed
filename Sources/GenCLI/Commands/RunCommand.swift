import Foundation
import GenCore
import GenEngine
import GenRun

/// `gen run FILE [--out DIR] [--seed N] [--count N]` and `gen run --resume DIR`.
enum RunCommand {
    static let spec = CommandSpec(
        name: "run", summary: "Generate a dataset: run a script's adaptive pipeline until its target count",
        details: """
            Writes DIR/run.sqlite (every candidate, verdict, score and router state), DIR/dataset.jsonl (accepted
            samples), DIR/rejected.jsonl (with reasons), DIR/report.html and DIR/DATASET_CARD.md.
            Ctrl-C stops after the batch in flight; `gen run --resume DIR` continues a stopped or killed run
            with the script and seed it started with, losing and repeating no accepted sample.
            """,
        positionals: [PositionalSpec("FILE", arity: .optional, help: "the .gen script (not needed with --resume)")],
        flags: [
            FlagSpec("out", value: "DIR", help: "run directory (default runs/NAME-YYYYmmdd-HHMMSS)"),
            FlagSpec("seed", value: "N", help: "seed for every random choice (default 42)"),
            FlagSpec("count", value: "N", help: "accepted samples to reach (default: the spec's count)"),
            FlagSpec("resume", value: "DIR", help: "continue the run stored in DIR"),
            FlagSpec("provenance", help: "add _arm, _batch and _reward to each dataset line"),
            FlagSpec("export-every", value: "SECONDS", help: "rewrite dataset.jsonl and rejected.jsonl during the run at most this often (default 30, 0: every batch)"),
        ])

    static let command = Command(spec: spec) { arguments, console in
        let request: RunRequest
        do {
            request = try makeRequest(arguments)
        } catch let error as UsageError {
            console.writeError("error: \(error.message)\n" + (error.hint.map { "  = hint: \($0)\n" } ?? "") + "usage: \(spec.usage)\n")
            return ExitCode.usage
        } catch {
            return ExitCode.usage
        }
        return await execute(request, console: console)
    }

    static func makeRequest(_ arguments: ParsedArguments) throws -> RunRequest {
        let count = try arguments.int("count")
        if let count, count <= 0 { throw UsageError(message: "--count must be at least 1, got \(count)") }
        let seed = try arguments.int("seed")
        if let seed, seed < 0 { throw UsageError(message: "--seed must be 0 or more, got \(seed)") }
        let exportEvery = try arguments.int("export-every") ?? 30
        if exportEvery < 0 { throw UsageError(message: "--export-every must be 0 or more seconds, got \(exportEvery)") }
        if let directory = arguments.value("resume") {
            let out = URL(fileURLWithPath: directory)
            let script = arguments.positionals.first ?? ""
            return RunRequest(scriptPath: script, outDirectory: out, seed: nil, count: count, resume: true,
                              provenance: arguments.has("provenance"), exportInterval: Double(exportEvery))
        }
        guard let script = arguments.positionals.first else {
            throw UsageError(message: "`gen run` needs FILE (or --resume DIR)", hint: "gen run examples/sms_spam.gen")
        }
        let out = arguments.value("out").map { URL(fileURLWithPath: $0) } ?? defaultDirectory(for: script)
        return RunRequest(scriptPath: script, outDirectory: out, seed: seed.map { UInt64($0) }, count: count,
                          provenance: arguments.has("provenance"), exportInterval: Double(exportEvery))
    }

    static func defaultDirectory(for script: String) -> URL {
        let name = URL(fileURLWithPath: script).deletingPathExtension().lastPathComponent
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return URL(fileURLWithPath: "runs").appendingPathComponent("\(name)-\(formatter.string(from: Date()))")
    }

    static func execute(_ request: RunRequest, console: Console) async -> Int32 {
        let stop = StopSignal()
        let interrupts = InterruptHandler(stop: stop, console: console)
        defer { interrupts.cancel() }
        let verb = request.resume ? "resuming" : "running"
        console.writeError("\(verb) \(request.resume ? request.outDirectory.path : request.scriptPath) -> \(request.outDirectory.path)\n")
        do {
            let result = try await Engine().run(request, observer: TerminalProgress(console: console), stop: stop)
            console.write("\n" + ProgressText.summary(result.outcome.progress))
            console.write(describe(result.outcome.end) + "\n")
            console.write("dataset: \(result.exported.datasetURL.path) (\(result.exported.accepted) samples)\n")
            console.write("rejected: \(result.exported.rejectedURL.path) (\(result.exported.rejected) candidates)\n")
            do {
                for line in try await RunArtifacts.write(for: result.directory) { console.write(line + "\n") }
            } catch {
                console.writeError("warning: the report could not be written: \(error) (the dataset is complete; try `gen report \(result.directory.path)`)\n")
            }
            if case .stopped = result.outcome.end {
                console.write("resume with: gen run --resume \(result.directory.path)\n")
                return 130
            }
            return ExitCode.ok
        } catch let failure as RunFailure {
            if case .scriptHasErrors(let rendered) = failure {
                console.writeError(rendered)
                return ExitCode.scriptError
            }
            console.writeError("error: \(failure)\n")
            return ExitCode.runtimeFailure
        } catch {
            console.writeError("error: \(error)\n")
            if FileManager.default.fileExists(atPath: request.outDirectory.appendingPathComponent("run.sqlite").path) {
                console.writeError("what was accepted is kept; continue with: gen run --resume \(request.outDirectory.path)\n")
            }
            return ExitCode.runtimeFailure
        }
    }

    static func describe(_ end: RunEnd) -> String {
        switch end {
        case .targetReached: return "target reached"
        case .budgetSpent(let why): return "budget spent: \(why)"
        case .stopped(let why): return "stopped: \(why)"
        }
    }
}


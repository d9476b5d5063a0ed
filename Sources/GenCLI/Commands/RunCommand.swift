import Foundation
import GenPipeline
import GenCore
import GenEngine
import GenRun
import GenStore

/// `gen run FILE [--out DIR] [--seed N] [--count N]` and `gen run --resume DIR`.
enum RunCommand {
    enum Flag {
        static let out = FlagSpec("out", value: "DIR", help: "run directory (default runs/NAME-YYYYmmdd-HHMMSS)")
        static let seed = FlagSpec("seed", value: "N", help: "seed for every random choice (default 42)")
        static let count = FlagSpec("count", value: "N", help: "accepted samples to reach (default: the spec's count)")
        static let resume = FlagSpec("resume", value: "DIR", help: "continue the run stored in DIR")
        static let provenance = FlagSpec("provenance", help: "add _arm, _batch and _reward to each dataset line")
        static let record = FlagSpec("record", value: "FILE", help: "write every model exchange to this cassette (JSONL)")
        static let replay = FlagSpec("replay", value: "FILE", help: "answer every model call from this cassette, with no server")
        static let exportEvery = FlagSpec(
            "export-every", value: "SECONDS",
            help: "rewrite dataset.jsonl and rejected.jsonl during the run at most this often (default 30, 0: every batch)")
    }

    static let spec = CommandSpec(
        name: "run", summary: "Generate a dataset: run a script's adaptive pipeline until its target count",
        details: """
            Writes DIR/run.sqlite (every candidate, verdict, score and router state), DIR/dataset.jsonl (accepted
            samples), DIR/rejected.jsonl (with reasons), DIR/report.html and DIR/DATASET_CARD.md.
            Ctrl-C stops after the batch in flight; `gen run --resume DIR` continues a stopped or killed run
            with the script and seed it started with, losing and repeating no accepted sample.
            `--record FILE` writes every model exchange to a cassette; `--replay FILE` runs with no server, answering
            from the cassette, and gives the same dataset, report and card for the same seed.
            """,
        positionals: [PositionalSpec("FILE", arity: .optional, help: "the .gen script (not needed with --resume)")],
        flags: [Flag.out, Flag.seed, Flag.count, Flag.resume, Flag.provenance, Flag.exportEvery, Flag.record, Flag.replay])

    static let command = Command(spec: spec) { arguments, console in
        let request = try makeRequest(arguments)
        let needed = request.resume ? request.outDirectory.appendingPathComponent("run.sqlite").path : request.scriptPath
        guard FileManager.default.fileExists(atPath: needed) else {
            throw CommandFailure(request.resume ? "no run to resume in \(request.outDirectory.path)" : "cannot read \(needed): no such file",
                                 exitCode: ExitCode.noInput)
        }
        return await execute(request, console: console)
    }

    static func makeRequest(_ arguments: ParsedArguments) throws(UsageError) -> RunRequest {
        let count = try arguments.int(Flag.count, in: 1...Int.max)
        let seed = try arguments.int(Flag.seed, in: 0...Int.max)
        let exportEvery = try arguments.int(Flag.exportEvery, in: 0...Int.max) ?? 30
        let cassette = try cassetteUse(arguments)
        if let directory = arguments.value(Flag.resume) {
            guard cassette == nil else {
                throw UsageError(message: "--record and --replay start a new run; they cannot be used with --resume",
                                 hint: "record or replay the whole run: gen run FILE --replay FILE.cassette.jsonl")
            }
            let out = URL(fileURLWithPath: directory)
            let script = arguments.positionals.first ?? ""
            return RunRequest(scriptPath: script, outDirectory: out, seed: nil, count: count, resume: true,
                              provenance: arguments.has(Flag.provenance), exportInterval: Double(exportEvery))
        }
        guard let script = arguments.positionals.first else {
            throw UsageError(message: "`gen run` needs FILE (or --resume DIR)", hint: "gen run examples/sms_spam.gen")
        }
        let out = arguments.value(Flag.out).map { URL(fileURLWithPath: $0) } ?? defaultDirectory(for: script)
        return RunRequest(scriptPath: script, outDirectory: out, seed: seed.map { UInt64($0) }, count: count,
                          provenance: arguments.has(Flag.provenance), exportInterval: Double(exportEvery), cassette: cassette)
    }

    static func cassetteUse(_ arguments: ParsedArguments) throws(UsageError) -> CassetteUse? {
        switch (arguments.value(Flag.record), arguments.value(Flag.replay)) {
        case (let record?, nil): return .record(URL(fileURLWithPath: record))
        case (nil, let replay?): return .replay(URL(fileURLWithPath: replay))
        case (nil, nil): return nil
        case (_?, _?):
            throw UsageError(message: "--record and --replay cannot be used together",
                             hint: "record once with --record FILE, then replay with --replay FILE")
        }
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
            // The store's count said the target was reached; the export must agree, or the store is damaged.
            if case .targetReached = result.outcome.end, result.exported.accepted < result.outcome.progress.target {
                console.writeError("error: the run counted its target reached, but the store holds \(result.exported.accepted) of "
                                   + "\(result.outcome.progress.target) accepted samples\n"
                                   + "  = hint: run `gen doctor \(result.directory.path) --repair`, then `gen run --resume \(result.directory.path)`\n")
                return ExitCode.damagedStore
            }
            console.write("\n" + ProgressText.summary(result.outcome.progress))
            console.write(describe(result.outcome.end) + "\n")
            if let line = EnvironmentText.summary(result.graph.environment) { console.write(line + "\n") }
            console.write("dataset: \(result.exported.datasetURL.path) (\(result.exported.accepted) samples)\n")
            console.write("rejected: \(result.exported.rejectedURL.path) (\(result.exported.rejected) candidates)\n")
            do {
                for line in try await RunArtifacts.write(for: result.directory) { console.write(line + "\n") }
            } catch {
                console.writeError("warning: the report could not be written: \(error) (the dataset is complete; try `gen report \(result.directory.path)`)\n")
            }
            switch result.outcome.end {
            case .targetReached:
                return ExitCode.ok
            case .stopped:
                console.write("resume with: gen run --resume \(result.directory.path)\n")
                return ExitCode.interrupted
            case .budgetSpent, .stalled:
                let progress = result.outcome.progress
                console.writeError("error: the run ended short of its target: \(progress.accepted) of \(progress.target) accepted\n"
                                   + "  = hint: \(shortHint(result.outcome.end)); what was accepted is kept: "
                                   + "gen run --resume \(result.directory.path)\n")
                return ExitCode.shortOfTarget
            }
        } catch let halt as RunHalt {
            console.writeError("error: \(halt)\n")
            console.writeError("what was accepted is kept; once the server answers, continue with: gen run --resume \(request.outDirectory.path)\n")
            return ExitCode.runtimeFailure
        } catch let damage as StoreDamage {
            console.writeError("error: \(damage)\n")
            return ExitCode.damagedStore
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
        case .stalled(let why): return "stalled: \(why)"
        }
    }

    /// What to do about a run that ended short.
    static func shortHint(_ end: RunEnd) -> String {
        switch end {
        case .budgetSpent(let why) where why.hasPrefix("max_dollars"):
            "raise `max_dollars` in the spec"
        case .stalled:
            "the quality checks reject everything some arm or label makes: loosen the rule named above, or fix the arm"
        default:
            "raise `max_candidates` or `max_tokens` in the spec (a script without them gets 20 candidates per sample)"
        }
    }
}


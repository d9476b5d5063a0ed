import Foundation
import GenCore
import GenEngine
import GenReport

/// `gen test SCRIPT`: replays the script's run from its cassette, with no server, and checks the expectations
/// beside it, so a policy change is reviewed in CI like code (record again, commit script, cassette and expectations).
enum TestCommand {
    enum Flag {
        static let replay = FlagSpec("replay", value: "FILE", help: "the cassette (default SCRIPT.cassette.jsonl)")
        static let expect = FlagSpec("expect", value: "FILE", help: "the expectations (default SCRIPT.expect)")
        static let seed = FlagSpec("seed", value: "N", help: "the seed the cassette was recorded with (default 42)")
        static let out = FlagSpec("out", value: "DIR", help: "keep the replayed run here (default: a temporary directory, removed)")
    }

    static let spec = CommandSpec(
        name: "test", summary: "Replay a script's recorded run and check its expectations",
        details: """
            Replays SCRIPT from SCRIPT.cassette.jsonl (written by `gen run SCRIPT --record SCRIPT.cassette.jsonl`) with no
            server, then checks each line of SCRIPT.expect, `METRIC >= NUMBER` or `METRIC <= NUMBER`, with the metrics
            accepted, acceptance_rate, min_label_share, tokens_per_accepted, accuracy and macro_f1.
            Exit 0 when every expectation holds, 1 when one fails or the script asks for a request the cassette lacks.
            """,
        positionals: [PositionalSpec("SCRIPT", help: "the .gen script")],
        flags: [Flag.replay, Flag.expect, Flag.seed, Flag.out])

    static let command = Command(spec: spec) { arguments, console in
        let script = arguments.positionals[0]
        let seed = try arguments.int(Flag.seed, in: 0...Int.max).map { UInt64($0) } ?? RunRequest.defaultSeed
        let cassette = arguments.value(Flag.replay) ?? script + ".cassette.jsonl"
        let expectPath = arguments.value(Flag.expect) ?? script + ".expect"
        for (path, hint) in [(script, "check the path"),
                             (cassette, "record one: gen run \(script) --seed \(seed) --record \(cassette)"),
                             (expectPath, "write one expectation per line, e.g. `acceptance_rate >= 0.5`")]
        where !FileManager.default.fileExists(atPath: path) {
            throw CommandFailure("cannot read \(path): no such file\n  = hint: \(hint)", exitCode: ExitCode.noInput)
        }
        let expectations: [Expectation]
        do {
            expectations = try ExpectationFile.parse(try String(contentsOfFile: expectPath, encoding: .utf8), path: expectPath)
        } catch let problem as ExpectationProblem {
            console.writeError(problem.description + "\n")
            return ExitCode.scriptError
        }
        let kept = arguments.value(Flag.out).map { URL(fileURLWithPath: $0) }
        let out = kept ?? FileManager.default.temporaryDirectory.appendingPathComponent("gen-test-\(UUID().uuidString)")
        defer { if kept == nil { try? FileManager.default.removeItem(at: out) } }
        do {
            _ = try await Engine().run(RunRequest(
                scriptPath: script, outDirectory: out, seed: seed, exportInterval: .infinity, cassette: .replay(URL(fileURLWithPath: cassette))))
        } catch RunFailure.notInCassette(let message) {
            console.writeError("error: \(message)\n")
            return ExitCode.gateFailed
        } catch RunFailure.scriptHasErrors(let rendered) {
            console.writeError(rendered)
            return ExitCode.scriptError
        }
        let data = try await RunReport.load(runDirectory: out)
        return report(expectations, data: data, header: "gen test \(script): replayed from \(cassette), seed \(seed)", console: console)
    }

    /// Prints every failed expectation with its figure against the bound, or a one-line summary when all hold.
    static func report(_ expectations: [Expectation], data: ReportData, header: String, console: Console) -> Int32 {
        var failures: [String] = []
        var met: [String] = []
        for expectation in expectations {
            let wanted = "\(expectation.bound.rawValue) \(figure(expectation.value))"
            switch expectation.metric.measure(data) {
            case .success(let measured) where expectation.holds(measured):
                met.append("\(expectation.metric.rawValue) \(figure(measured))")
            case .success(let measured):
                failures.append("  FAIL line \(expectation.line): \(expectation.metric.rawValue) is \(figure(measured)), expected \(wanted)")
            case .failure(let why):
                failures.append("  FAIL line \(expectation.line): \(expectation.metric.rawValue) cannot be measured (\(why.reason)), expected \(wanted)")
            }
        }
        console.write(header + "\n")
        guard failures.isEmpty else {
            console.write(failures.joined(separator: "\n") + "\n")
            console.write("\(failures.count) of \(expectations.count) expectations failed\n")
            return ExitCode.gateFailed
        }
        console.write("ok: \(expectations.count) expectations hold (" + met.joined(separator: ", ") + ")\n")
        return ExitCode.ok
    }

    /// Whole numbers as they are, others to three decimals.
    static func figure(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : NumberText.fixed(value, 3)
    }
}

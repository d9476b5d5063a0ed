import Foundation
import GenCore
import GenEngine
import GenPipeline
import GenReport

/// `gen test SCRIPT`: replays the script's run from its cassette, with no server, and checks the script's `expect`
/// block, so a policy change is reviewed in CI like code (record again, commit the script and its cassette).
enum TestCommand {
    enum Flag {
        static let replay = FlagSpec("replay", value: "FILE", help: "the cassette (default SCRIPT.cassette.jsonl)")
        static let seed = FlagSpec("seed", value: "N", help: "the seed the cassette was recorded with (default 42)")
        static let out = FlagSpec("out", value: "DIR", help: "keep the replayed run here (default: a temporary directory, removed)")
    }

    static let spec = CommandSpec(
        name: "test", summary: "Replay a script's recorded run and check its expectations",
        details: """
            Replays SCRIPT from SCRIPT.cassette.jsonl (written by `gen run SCRIPT --record SCRIPT.cassette.jsonl`) with no
            server, then checks the script's `expect` block (its attributes: `gen help capabilities`, expectations).
            Exit 0 when every expectation holds, 1 when one fails or the script asks for a request the cassette lacks.
            """,
        positionals: [PositionalSpec("SCRIPT", help: "the .gen script")],
        flags: [Flag.replay, Flag.seed, Flag.out])

    static let command = Command(spec: spec) { arguments, console in
        let script = arguments.positionals[0]
        let seed = try arguments.int(Flag.seed, in: 0...Int.max).map { UInt64($0) } ?? RunRequest.defaultSeed
        let cassette = arguments.value(Flag.replay) ?? script + ".cassette.jsonl"
        for (path, hint) in [(script, "check the path"), (cassette, "record one: gen run \(script) --seed \(seed) --record \(cassette)")]
        where !FileManager.default.fileExists(atPath: path) {
            throw CommandFailure("cannot read \(path): no such file\n  = hint: \(hint)", exitCode: ExitCode.noInput)
        }
        let compilation = Engine().compile(path: script)
        guard let graph = compilation.graph, !compilation.hasErrors else {
            console.writeError(compilation.rendered())
            return ExitCode.scriptError
        }
        guard let expectations = graph.expectations, !expectations.isEmpty else {
            throw CommandFailure("\(script) has no `expect` block, so there is nothing to test\n"
                                 + "  = hint: add one, e.g. `expect { min_accepted: 12  min_acceptance_rate: 0.5 }`", exitCode: ExitCode.scriptError)
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
        }
        let data = try await RunReport.load(runDirectory: out)
        return report(expectations, data: data, figures: Engine().capabilities.expectations, header: "gen test \(script): replayed from \(cassette), seed \(seed)", console: console)
    }

    /// Prints every failed expectation, where the script declares it, with its figure against the bound; or a
    /// one-line summary when all hold.
    static func report(
        _ expectations: [ExpectationNode], data: ReportData, figures: [ExpectationFigure], header: String, console: Console
    ) -> Int32 {
        var failures: [String] = []
        var met: [String] = []
        for expectation in expectations {
            let wanted = "\(expectation.isMinimum ? ">=" : "<=") \(figure(expectation.bound))"
            let place = "\(expectation.source.file):\(expectation.source.line):\(expectation.source.column)"
            let measured = figures.first { $0.name == expectation.figure }.map { $0.measure(data) } ?? .failure(Unmeasurable("unknown figure"))
            switch measured {
            case .success(let value) where expectation.isMinimum ? value >= expectation.bound - 1e-12 : value <= expectation.bound + 1e-12:
                met.append("\(expectation.figure) \(figure(value))")
            case .success(let value):
                failures.append("  FAIL \(place): \(expectation.figure) is \(figure(value)), expected \(wanted)")
            case .failure(let why):
                failures.append("  FAIL \(place): \(expectation.figure) cannot be measured (\(why.reason)), expected \(wanted)")
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
        NumberText.figure(value)
    }
}

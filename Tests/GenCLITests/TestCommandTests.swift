import Foundation
import Testing
import GenTestSupport
import GenCore
@testable import GenCLI
@testable import GenSemantics
import GenEngine

/// `gen test`: a policy recorded with `gen run --record`, replayed with no server, checked against its expectations.
@Suite(.serialized) struct TestCommandTests {
    static let expectations = """

    // what review expects of this policy's recorded run
    expect {
      min_accepted: 8
      min_acceptance_rate: 0.3 // a third of the stub's answers are cut off
      max_tokens_per_accepted: 200
    }
    """

    /// Records `script` against a fresh stub with `gen run --record`, next to the script, then stops the stub.
    static func record(_ directory: TemporaryDirectory, name: String, extraRule: String = "", modelOptions: String = "") async throws -> String {
        let server = try StubModelServer.start()
        defer { server.stop() }
        let text = StubModelServer.script(url: server.baseURL, count: 8, modelOptions: modelOptions)
            .replacingOccurrences(of: "  dedup near(0.7)", with: extraRule + "  dedup near(0.7)") + expectations
        let script = try directory.file(name, text)
        let run = await gen(["run", script, "--seed", "42", "--out", directory.url.appendingPathComponent(name + "-run").path,
                             "--record", script + ".cassette.jsonl"])
        #expect(FileManager.default.fileExists(atPath: script + ".cassette.jsonl"), "\(run.err)")
        return script
    }

    @Test func theOriginalPolicyPassesAndAWorsenedOneFailsWithItsFigures() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let original = try await Self.record(directory, name: "sms.gen")
        let passing = await gen(["test", original])
        #expect(passing.code == 0, "\(passing.out)\(passing.err)")
        #expect(passing.out.contains("ok: 3 expectations hold (accepted 8, acceptance_rate "))

        // Worsened: a rule that rejects every message the stub writes. Re-recorded, as a reviewer would see it.
        let worse = try await Self.record(directory, name: "worse.gen", extraRule: "  rule \"no prizes\" !matches(sample.text, \"prize\")\n")
        let failing = await gen(["test", worse])
        #expect(failing.code == 1)
        #expect(failing.out.contains("FAIL \(worse):26:3: accepted is 0, expected >= 8"), "\(failing.out)")
        #expect(failing.out.contains("FAIL \(worse):27:3: acceptance_rate is 0, expected >= 0.300"))
        #expect(failing.out.contains("FAIL \(worse):28:3: tokens_per_accepted cannot be measured (nothing was accepted), expected <= 200"))
        #expect(failing.out.contains("3 of 3 expectations failed"))
    }

    /// Cost and diversity bounds: the expect block does not change a request, so the recording stays valid.
    @Test func dollarsAndDistinct2AreBoundedAndUnmeasurableWithoutAPrice() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let priced = try await Self.record(directory, name: "priced.gen", modelOptions: ", price: {input: 0.15, output: 0.60}")
        let bounds = "  min_distinct_2: 0.2\n  max_dollars_per_accepted: 0.0000001\n"
        let source = try contents(priced).replacingOccurrences(of: "  min_accepted: 8\n", with: "  min_accepted: 8\n" + bounds)
        try source.write(toFile: priced, atomically: true, encoding: .utf8)
        let run = await gen(["test", priced])
        #expect(run.code == 1, "\(run.out)\(run.err)")
        // Line 26 is min_distinct_2, which holds; a fraction of a cent is shown to three significant digits.
        #expect(run.out.contains("FAIL \(priced):27:3: dollars_per_accepted is 0.0000"), "\(run.out)")
        #expect(run.out.contains(", expected <= 0.000000100\n"), "\(run.out)")
        #expect(run.out.contains("1 of 5 expectations failed"), "\(run.out)")

        let unpriced = try await Self.record(directory, name: "unpriced.gen")
        try contents(unpriced).replacingOccurrences(of: "  min_accepted: 8\n", with: "  min_accepted: 8\n" + bounds)
            .write(toFile: unpriced, atomically: true, encoding: .utf8)
        let unknown = await gen(["test", unpriced])
        #expect(unknown.out.contains("dollars_per_accepted cannot be measured (no model declares a price)"), "\(unknown.out)")
    }

    /// Every attribute `gen check` accepts in an expect block is a figure `gen test` can measure: the checker's
    /// attributes are the registry's figures, each a `min_` or `max_` bound on the figure it names.
    @Test func everyExpectAttributeNamesAMeasurableFigure() {
        let engine = Engine()
        let figures = engine.capabilities.expectations
        for figure in figures {
            let parameter = figure.attribute
            #expect(parameter.name.hasPrefix("min_") || parameter.name.hasPrefix("max_"), "\(parameter.name)")
            #expect(String(parameter.name.dropFirst(4)) == figure.name, "\(parameter.name) names no figure")
        }
        let accepted = engine.checkEnvironment(scriptDirectory: packageRoot).expectAttributes
        #expect(Set(figures.map(\.name)) == Set(accepted.map { String($0.name.dropFirst(4)) }))
    }

    @Test func aPolicyChangedWithoutRecordingAgainFailsNamingTheRequest() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let script = try await Self.record(directory, name: "sms.gen")
        let source = try String(contentsOfFile: script, encoding: .utf8)
        try source.replacingOccurrences(of: "temperature: 0.7", with: "temperature: 0.8").write(toFile: script, atomically: true, encoding: .utf8)
        let run = await gen(["test", script])
        #expect(run.code == 1)
        #expect(run.err.contains("made by arm `steady`"), "\(run.err)")
        #expect(run.err.contains("temperature (recorded 0.7, now 0.8)"))
        #expect(run.err.contains("re-record it with `gen run SCRIPT --record"))
    }

    /// The example's cassette was recorded on the real local server; its replay needs none.
    @Test func theShippedExampleReplaysAndMeetsItsExpectations() async {
        let script = packageRoot.appendingPathComponent("examples/sms_spam.gen").path
        let run = await gen(["test", script])
        #expect(run.code == 0, "\(run.out)\(run.err)")
        #expect(run.out.contains("ok: 6 expectations hold (accepted 12, acceptance_rate 0.800, label_share 0.417"), "\(run.out)")
        #expect(run.out.contains("distinct_2 0.929"), "\(run.out)")
    }

    @Test func aBadExpectationIsNamedByLineAndColumnWithAHint() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let script = try directory.file("s.gen", StubModelServer.script(url: "http://127.0.0.1:9/v1") + "\nexpect {\n  min_acceptance_rat: 0.5\n}\n")
        _ = try directory.file("s.gen.cassette.jsonl", "")
        let bad = await gen(["test", script])
        #expect(bad.code == 65)
        #expect(bad.err.contains("s.gen:24:3: error: unknown attribute `min_acceptance_rat` in `expect`"), "\(bad.err)")
        #expect(bad.err.contains("did you mean `min_acceptance_rate`?"))
        let none = try directory.file("n.gen", StubModelServer.script(url: "http://127.0.0.1:9/v1"))
        _ = try directory.file("n.gen.cassette.jsonl", "")
        let nothing = await gen(["test", none])
        #expect(nothing.code == 65)
        #expect(nothing.err.contains("has no `expect` block"))
        let missing = await gen(["test", try directory.file("m.gen", "gen 0.1\n")])
        #expect(missing.code == 66)
        #expect(missing.err.contains("m.gen.cassette.jsonl: no such file"))
        #expect(missing.err.contains("--seed 42 --record"))
    }

    @Test func recordAndReplayAreRefusedTogetherOrWithResume() async {
        let both = await gen(["run", "a.gen", "--record", "a.jsonl", "--replay", "a.jsonl"])
        #expect(both.code == 64)
        #expect(both.err.contains("--record and --replay cannot be used together"))
        let resume = await gen(["run", "--resume", "runs/x", "--replay", "a.jsonl"])
        #expect(resume.code == 64)
        #expect(resume.err.contains("cannot be used with --resume"))
    }
}

/// `gen compare` on two runs of two versions of a policy (recorded on the stub).
struct CompareCommandTests {
    @Test func twoVersionsOfAPolicyAreComparedInTextAndJSON() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let priced = ", price: {input: 0.15, output: 0.60}"
        _ = try await TestCommandTests.record(directory, name: "v1.gen", modelOptions: priced)
        _ = try await TestCommandTests.record(directory, name: "v2.gen", extraRule: "  rule \"short\" len(sample.text) <= 60\n", modelOptions: priced)
        let a = directory.url.appendingPathComponent("v1.gen-run").path, b = directory.url.appendingPathComponent("v2.gen-run").path
        let text = await gen(["compare", a, b])
        #expect(text.code == 0, "\(text.err)")
        // Each recording had its own stub, so the URL changed too: a real difference, shown as one.
        #expect(text.out.contains("pipeline graph: 2 change(s)"), "\(text.out)")
        #expect(text.out.contains("  models[local].baseURL: \"http://127.0.0.1:"))
        #expect(text.out.contains("  quality[short]: (absent) -> {"), "\(text.out)")
        #expect(text.out.contains("acceptance_rate"))
        #expect(text.out.contains("careful"))
        let json = await gen(["compare", a, b, "--format", "json"])
        let value = try #require(CanonicalJSON.parse(json.out))
        #expect(value["graph_changes"]?.arrayValue?.map { $0["path"]?.stringValue ?? "" } == ["models[local].baseURL", "quality[short]"])
        #expect(value["figures"]?["a"]?["accepted"] == .double(8))
        #expect(value["arms"]?.arrayValue?.map { $0["arm"]?.stringValue ?? "" } == ["careful", "steady", "bold"])
        #expect(value["acceptance_differs_beyond_noise"] == .bool(false))
        // Each headline figure is judged against noise (no evaluation here, so accuracy is null).
        let judged = value["differs_beyond_noise"]
        #expect(judged?["acceptance_rate"] == .bool(false))
        #expect(judged?["accuracy"] == .null)
        #expect(judged?["tokens_per_accepted"] == .bool(false) || judged?["tokens_per_accepted"] == .bool(true), "\(String(describing: judged))")
        #expect(value["figures"]?["a"]?["tokens_per_accepted_interval"]?.arrayValue?.count == 2)
        // Dollars per accepted (the models declare a price) and distinct-2 are judged too, each with its interval.
        for figure in ["dollars_per_accepted", "distinct_2"] {
            #expect(judged?[figure] == .bool(true) || judged?[figure] == .bool(false), "\(figure): \(String(describing: judged))")
            let bounds = value["figures"]?["b"]?[figure + "_interval"]?.arrayValue ?? []
            let interval = bounds.compactMap(\.doubleValue)
            let measured = try #require(value["figures"]?["b"]?[figure]?.doubleValue)
            #expect(interval.count == 2 && interval[0] <= measured && measured <= interval[1], "\(figure) \(interval) around \(measured)")
        }
        #expect(text.out.contains("distinct-2 differs beyond noise") || text.out.contains("distinct-2 difference within noise"))
        // A fraction of a cent is shown to three significant digits, not as 0.000.
        let dollarsRow = try #require(text.out.split(separator: "\n").first { $0.hasPrefix("dollars_per_accepted") })
        #expect(!dollarsRow.contains(" 0.000 ") && !dollarsRow.hasSuffix(" 0.000"), "\(dollarsRow)")
        let missing = await gen(["compare", a, directory.url.appendingPathComponent("nothing").path])
        #expect(missing.code == 66)
        #expect(missing.err.contains("no run in"))
    }
}

import Foundation
import GenCore
import GenPipeline
import GenEngine
import GenEval
import GenTestSupport
import Testing
@testable import GenCLI
@testable import GenBenchmarks

/// `gen-bench utility` (issue 13): the script against a plain loop derived from it, same server, seeds and count.
@Suite struct UtilityBenchmarkTests {
    @Test func theScriptAndThePlainLoopRunAndTheirDataIsScoredOnRealRows() async throws {
        let server = try StubModelServer.start()
        defer { server.stop() }
        let directory = StubModelServer.temporaryDirectory()
        let script = directory.appendingPathComponent("sms.gen")
        try StubModelServer.script(url: server.baseURL, count: 8).write(to: script, atomically: true, encoding: .utf8)
        let test = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/data/sms_spam_test.jsonl").path
        let console = CapturingConsole()
        let kept = directory.appendingPathComponent("kept")
        let code = await CommandLineTool.execute(
            BenchCommand.command, arguments: ["utility", script.path, "--test", test, "--seeds", "4", "--keep", kept.path], console: console)
        // The stub's texts are templated: the targets are measured, and missing one exits 1 like the router gate.
        #expect(code == 0 || code == 1, "\(console.stderrText)")
        let out = console.stdoutText
        #expect(out.hasPrefix("gen-bench utility \(script.path): 8 accepted per run, seeds 4; logreg tested on \(test) (300 real rows)"), "\(out)")
        #expect(out.contains("\nscript ") && out.contains("\nplain loop ") && out.contains("\nseed 4 "))
        #expect(out.contains("accuracy over the plain loop: ") && out.contains("tokens per accepted sample: "))
        #expect(out.contains("majority-class baseline on the test set: 0.")) 
        #expect((code == 0) == !out.contains("MISSED"))
        #expect(console.stderrText.contains("seed 4, plain: 8 accepted"))
        // The kept runs are whole runs: gen compare puts the plain loop beside the script.
        #expect(out.contains("runs kept in \(kept.path); compare one seed's with: gen compare \(kept.path)/plain-4 \(kept.path)/script-4"))
        let compared = CapturingConsole()
        let comparison = await GenTool.make().run(
            ["compare", kept.appendingPathComponent("plain-4").path, kept.appendingPathComponent("script-4").path], console: compared)
        #expect(comparison == 0, "\(compared.stderrText)")
        #expect(compared.stdoutText.contains("arms[plain]: {") && compared.stdoutText.contains("acceptance_rate"), "\(compared.stdoutText)")
        let occupied = CapturingConsole()
        #expect(await CommandLineTool.execute(
            BenchCommand.command, arguments: ["utility", script.path, "--test", test, "--keep", kept.path], console: occupied) == 64)
        #expect(occupied.stderrText.contains("is not empty"))
        let missing = CapturingConsole()
        #expect(await CommandLineTool.execute(BenchCommand.command, arguments: ["utility", script.path], console: missing) == 64)
        #expect(missing.stderrText.contains("needs the script and a real test set"))
    }

    @Test func thePlainLoopIsOneNaiveArmWithTheSchemaOnly() throws {
        let compiled = Engine(variables: [:]).compile(
            path: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("examples/review_attributes.gen").path)
        let graph = try #require(compiled.graph)
        let plain = UtilityBenchmark.plain(graph)
        #expect(plain.arms.map(\.kind) == ["naive"] && plain.arms.first?.model == "local")
        #expect(plain.arms.first?.parameters == ["temperature": .double(0.7)])
        #expect(plain.quality.isEmpty && plain.evaluation == nil)
        #expect(plain.spec == graph.spec)  // same domain, schema, quotas and count
    }

    @Test func targetsAreMetOnlyWithEnoughPointsAndFewEnoughTokens() {
        func outcome(_ accuracy: Double, tokens: Int) -> UtilityBenchmark.Outcome {
            UtilityBenchmark.Outcome(accuracy: accuracy, macroF1: accuracy, tokens: tokens, accepted: 100, seconds: 1)
        }
        let good = [UtilityBenchmark.Row(seed: 1, script: outcome(0.70, tokens: 14_000), plain: outcome(0.66, tokens: 10_000))]
        #expect(UtilityTable.targets(good).1)
        let costly = [UtilityBenchmark.Row(seed: 1, script: outcome(0.70, tokens: 16_000), plain: outcome(0.66, tokens: 10_000))]
        #expect(!UtilityTable.targets(costly).1)
        let close = [UtilityBenchmark.Row(seed: 1, script: outcome(0.68, tokens: 10_000), plain: outcome(0.66, tokens: 10_000))]
        #expect(UtilityTable.targets(close).0.contains("+2.0 points (target +3): MISSED"))
        #expect(UtilityTable.deviation([0.5, 0.7]) > 0.14 && UtilityTable.deviation([0.5]) == 0)
    }

    @Test func theRowsTheEvaluateBlockUsesAreKnown() throws {
        // examples/data/sst2_test.jsonl is a sample of the shared SST-2 set: the benchmark must test on the other rows.
        let compiled = Engine(variables: [:]).compile(
            path: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("examples/review_attributes.gen").path)
        let evaluation = try #require(compiled.graph?.evaluation)
        let used = UtilityBenchmark.usedTexts(evaluation, textField: "text")
        let sampled = try #require(evaluation.test.dropFirst(7).first?["text"]?.stringValue)
        #expect(used.count == evaluation.test.count && used.contains(sampled))
        #expect(UtilityBenchmark.usedTexts(nil, textField: "text").isEmpty)
    }

    @Test func aTestSetHoldingTheEvaluateRowsIsTestedOnTheOthers() async throws {
        let server = try StubModelServer.start()
        defer { server.stop() }
        let directory = StubModelServer.temporaryDirectory()
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/data/sms_spam_test.jsonl")
        let rows = try String(contentsOf: examples, encoding: .utf8).split(separator: "\n")
        // The script evaluates on 60 rows; the benchmark's test set is those 60 and 240 more.
        try rows.prefix(60).joined(separator: "\n").write(to: directory.appendingPathComponent("used.jsonl"), atomically: true, encoding: .utf8)
        let test = directory.appendingPathComponent("all.jsonl")
        try rows.joined(separator: "\n").write(to: test, atomically: true, encoding: .utf8)
        let script = directory.appendingPathComponent("sms.gen")
        try (StubModelServer.script(url: server.baseURL, count: 8)
             + "\nevaluate {\n  task: classify(text -> label)\n  test: read_jsonl(\"used.jsonl\")\n}\n")
            .write(to: script, atomically: true, encoding: .utf8)
        let console = CapturingConsole()
        _ = await CommandLineTool.execute(
            BenchCommand.command, arguments: ["utility", script.path, "--test", test.path, "--seeds", "4"], console: console)
        let out = console.stdoutText
        // The SMS set repeats some messages: a later row with the text of a used one is left out too.
        let texts = rows.map { CanonicalJSON.parse(String($0))?["text"]?.stringValue ?? "" }
        let used = Set(texts.prefix(60))
        let unseen = texts.filter { !used.contains($0) }.count
        #expect(unseen >= 230 && unseen <= 240)
        #expect(out.contains("logreg tested on \(test.path) (\(unseen) real rows)"), "\(out)\(console.stderrText)")
        #expect(out.contains("note: \(300 - unseen) rows of \(test.path) are rows the script's evaluate block uses; the benchmark tests on the other \(unseen)"))
    }

    @Test func anEvaluateBlockOnTheBenchmarksTestSetIsRecognised() {
        #expect(UtilityBenchmark.sameFile("data/sst2_test.jsonl", relativeTo: "/p/examples/x.gen", as: "/p/examples/data/sst2_test.jsonl"))
        #expect(!UtilityBenchmark.sameFile("data/other.jsonl", relativeTo: "/p/examples/x.gen", as: "/p/examples/data/sst2_test.jsonl"))
        #expect(!UtilityBenchmark.sameFile(nil, relativeTo: "/p/x.gen", as: "/p/t.jsonl"))
    }
}

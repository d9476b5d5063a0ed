import Foundation
import Testing
import GenCore
import GenGeneration
import GenPipeline
import GenQuality
import GenStore
import GenRuntime
@testable import GenEngine
@testable import GenRun

/// `ScriptQuality` on its own: the script's quality block compiled by the real checker, a counting fake for
/// the model checks, candidates made by hand.
@Suite struct ScriptQualityTests {
    actor CountingChecker: ModelChecker {
        var calls: [String] = []
        func run(_ check: ModelCheckNode, arguments: [Value], context: ModelCheckContext) async throws -> ModelCheckOutcome {
            calls.append(SampleTextOf.value(arguments.first))
            return ModelCheckOutcome(score: 0.5, method: "fake", tokens: 7)
        }
    }

    enum SampleTextOf {
        static func value(_ value: Value?) -> String { if case .string(let text)? = value { text } else { "" } }
    }

    static let script = """
    gen 0.1
    model local = openai(base_url: "http://127.0.0.1:1/v1", model: "m")
    schema S {
      text: string(min: 5, max: 60)
      label: enum("ham", "spam")
    }
    spec s {
      domain: "Short messages"
      output: S
      count: 10
    }
    arm a = naive(local)
    router ucb1()
    quality {
      rule "no digits" !matches(sample.text, "[0-9]")
      rule "no shouting" upper(sample.text) != sample.text
      score "fits" entails(sample.text, "It is a message", using: local) weight 3
      score "short" 1 - len(sample.text) / 60 weight 1
      dedup exact()
    }
    reward = passed * quality
    """

    func quality(_ checker: CountingChecker) throws -> ScriptQuality {
        let graph = try #require(Engine(variables: [:]).compile(source: Self.script, path: "q.gen", directory: URL(fileURLWithPath: "/tmp")).graph)
        return try ScriptQuality(graph: graph, interpreter: try Interpreter(graph: graph), checker: checker)
    }

    func candidate(_ slot: Int, _ text: String?, label: String = "ham") -> Candidate {
        Candidate(arm: "a", slot: slot, targetLabel: nil, sample: text.map { .object(["text": .string($0), "label": .string(label)]) },
                  rawText: text ?? "{", failure: text == nil ? "truncated JSON" : nil)
    }

    @Test func gatesRunInOrderAndModelChecksOnlyForSurvivors() async throws {
        let checker = CountingChecker()
        let quality = try quality(checker)
        let results = try await quality.assess([
            candidate(0, "see you at noon"),
            candidate(1, "call 555 now"),
            candidate(2, "HELLO THERE"),
            candidate(3, "see you at noon"),
            candidate(4, nil),
            candidate(5, "hi", label: "ham"),
            candidate(6, "a fine message", label: "eggs"),
        ])
        #expect(results.map(\.passed) == [true, false, false, false, false, false, false])
        #expect(results[1].reasons == ["rule \"no digits\""])
        #expect(results[2].reasons == ["rule \"no shouting\""])
        #expect(results[3].reasons.first?.hasPrefix("duplicate") == true, "\(results[3].reasons)")
        #expect(results[4].reasons == ["truncated JSON"])
        #expect(results[5].reasons.first?.hasPrefix("schema:") == true, "\(results[5].reasons)")
        #expect(results[6].reasons.first?.hasPrefix("schema:") == true)
        // Only the one survivor cost a model call; its judge tokens are counted.
        #expect(await checker.calls == ["see you at noon"])
        #expect(results[0].judgeTokens == 7)
        // quality = (3 * 0.5 + 1 * (1 - 15/60)) / 4
        #expect(abs(results[0].quality - (3 * 0.5 + 0.75) / 4) < 1e-9)
        #expect(results[0].checks.map(\.kind) == ["schema", "dedup", "rule", "rule", "score", "entails", "score"])
    }

    /// A batch's samples are prepared on every core and judged in slot order: the verdicts, reasons, scores and
    /// novelty are those of one thread, batch after batch (the pool grows between them).
    @Test func preparingOnEveryCoreGivesWhatOneThreadGives() async throws {
        let graph = try #require(Engine(variables: [:]).compile(source: Self.script, path: "q.gen", directory: URL(fileURLWithPath: "/tmp")).graph)
        let words = ["see", "you", "at", "noon", "dinner", "call", "me", "later", "lunch", "soon", "bus", "late", "HELLO"]
        var random = SeededRandom(seed: 4)
        let batches = (0..<3).map { batch in
            (0..<40).map { slot -> Candidate in
                if slot % 9 == 4 { return candidate(slot, nil) }
                let text = (0..<(2 + random.nextIndex(4))).map { _ in words[random.nextIndex(words.count)] }.joined(separator: " ")
                return candidate(slot, slot % 11 == 3 ? text + " 42" : text, label: slot % 13 == 7 ? "eggs" : "ham")
            }
        }
        var outcomes: [[[Assessment]]] = []
        for parallel in [false, true] {
            let quality = try ScriptQuality(graph: graph, interpreter: try Interpreter(graph: graph), checker: CountingChecker(), parallel: parallel)
            var assessed: [[Assessment]] = []
            for batch in batches {
                let results = try await quality.assess(batch)
                assessed.append(results)
                await quality.commit(accepted: zip(batch, results).filter { $0.1.passed }.compactMap { $0.0.sample })
            }
            outcomes.append(assessed)
        }
        #expect(outcomes[0] == outcomes[1])
        let verdicts = outcomes[0].joined()
        #expect(verdicts.contains { $0.passed } && verdicts.contains { $0.reasons.first?.hasPrefix("duplicate") == true })
        #expect(batches[0].count >= ScriptQuality.parallelThreshold)
    }

    /// A model check is priced by the check's model: 7 tokens of which 2 written, at $1000 / $3000 per million.
    @Test func aPricedCheckModelCostsItsTokensAtItsRates() async throws {
        actor SplitChecker: ModelChecker {
            func run(_ check: ModelCheckNode, arguments: [Value], context: ModelCheckContext) async throws -> ModelCheckOutcome {
                ModelCheckOutcome(score: 0.5, method: "fake", tokens: 7).writing(2)
            }
        }
        let priced = Self.script.replacingOccurrences(of: "model: \"m\")", with: "model: \"m\", price: {input: 1000, output: 3000})")
        let graph = try #require(Engine(variables: [:]).compile(source: priced, path: "q.gen", directory: URL(fileURLWithPath: "/tmp")).graph)
        let quality = try ScriptQuality(graph: graph, interpreter: try Interpreter(graph: graph), checker: SplitChecker())
        let results = try await quality.assess([candidate(0, "see you at noon"), candidate(1, "call 555 now")])
        #expect(abs((results[0].judgeDollars ?? -1) - (5 * 1000 + 2 * 3000) / 1e6) < 1e-12)
        #expect(results[1].judgeDollars == nil, "no check ran: nothing known was spent")
        let unpriced = try await self.quality(CountingChecker()).assess([candidate(0, "see you at noon")])
        #expect(unpriced[0].judgeTokens == 7 && unpriced[0].judgeDollars == nil)
    }

    @Test func theAcceptedPoolCatchesDuplicatesOfEarlierBatches() async throws {
        let quality = try quality(CountingChecker())
        _ = try await quality.assess([candidate(0, "see you at noon")])
        await quality.commit(accepted: [.object(["text": .string("see you at noon"), "label": .string("ham")])])
        let again = try await quality.assess([candidate(0, "See you at noon")])
        #expect(again[0].passed == false)
        #expect(again[0].reasons.first?.contains("accepted #1") == true, "\(again[0].reasons)")
        #expect(await quality.poolMetrics()[.poolSize] == 1)
    }

    /// Seeds were copied word for word into the dataset: they are in the dedup index, not in the pool's count.
    @Test func aCopyOfASeedIsADuplicate() async throws {
        let seeded = Self.script.replacingOccurrences(
            of: "  count: 10\n", with: "  count: 10\n  examples: [{text: \"see you at noon\", label: \"ham\"}]\n")
        let graph = try #require(Engine(variables: [:]).compile(source: seeded, path: "q.gen", directory: URL(fileURLWithPath: "/tmp")).graph)
        let quality = try ScriptQuality(graph: graph, interpreter: try Interpreter(graph: graph), checker: CountingChecker())
        let results = try await quality.assess([candidate(0, "See you at noon"), candidate(1, "dinner at eight")])
        #expect(results.map(\.passed) == [false, true])
        #expect(results[0].reasons.first?.contains("seed #1") == true, "\(results[0].reasons)")
        #expect(await quality.poolMetrics()[.poolSize] == 0)
    }

    /// One sample's runtime error in a rule (here an index out of range) rejects that sample; it stopped the
    /// whole run with exit 70, and every resume again.
    @Test func aRuleThatFailsOnOneSampleRejectsThatSampleOnly() async throws {
        let text = Self.script.replacingOccurrences(
            of: "  rule \"no digits\" !matches(sample.text, \"[0-9]\")", with: "  rule \"third word\" len(words(sample.text)[2]) > 0")
        let graph = try #require(Engine(variables: [:]).compile(source: text, path: "q.gen", directory: URL(fileURLWithPath: "/tmp")).graph)
        let quality = try ScriptQuality(graph: graph, interpreter: try Interpreter(graph: graph), checker: CountingChecker())
        let results = try await quality.assess([candidate(0, "see you at noon"), candidate(1, "hi there")])
        #expect(results.map(\.passed) == [true, false])
        #expect(results[1].reasons.first?.hasPrefix("rule \"third word\" failed on this sample: ") == true, "\(results[1].reasons)")
    }

    /// A `matches` over the regex step budget is a runtime error like any other: it rejects that sample with
    /// the reason, and the run goes on.
    @Test func aRegexOverItsStepBudgetRejectsTheSample() async throws {
        let text = Self.script.replacingOccurrences(
            of: "  rule \"no digits\" !matches(sample.text, \"[0-9]\")", with: "  rule \"no runs\" !matches(sample.text, \"(a+)+$\")")
        let graph = try #require(Engine(variables: [:]).compile(source: text, path: "q.gen", directory: URL(fileURLWithPath: "/tmp")).graph)
        let short = "see you at noon"
        let long = String(repeating: "a", count: 50) + "!"
        let budget = try LinearRegex("(a+)+$").run(in: short).steps
        #expect(try LinearRegex("(a+)+$").run(in: long).steps > budget)
        let interpreter = try Interpreter(graph: graph, limits: EvaluationLimits(regexStepBudget: budget))
        let quality = try ScriptQuality(graph: graph, interpreter: interpreter, checker: CountingChecker())
        let results = try await quality.assess([candidate(0, short), candidate(1, long)])
        #expect(results.map(\.passed) == [true, false])
        #expect(results[1].reasons == [
            "rule \"no runs\" failed on this sample: `matches`: the pattern took too long to match: over \(budget) steps on a text of 51 characters",
        ])
    }

    /// Undeclared fields (`secret`, `__proto__`) were kept in dataset.jsonl though the schema strips them.
    @Test func theDatasetGetsTheValidatedSample() async throws {
        let quality = try quality(CountingChecker())
        let extra = Candidate(arm: "a", slot: 0, targetLabel: nil,
                              sample: .object(["text": .string("see you at noon"), "label": .string("ham"), "secret": .string("x"),
                                               "__proto__": .object([:])]),
                              rawText: "", failure: nil)
        let results = try await quality.assess([extra])
        #expect(results[0].passed)
        #expect(results[0].cleanedSample == .object(["text": .string("see you at noon"), "label": .string("ham")]))
        let record = CandidateRecord(extra, results[0], verdict: .init(accepted: true, reasons: []), reward: 1)
        #expect(record.sample == results[0].cleanedSample)
    }

    /// A list of 3,000 items of the wrong type is 3,000 schema issues: the check kept them all (100 KB in the store for
    /// one candidate). It keeps the first 20 and the count; the parse check keeps why, not a second copy of the output.
    @Test func checkDetailsStayBoundedWhateverTheModelWrote() async throws {
        let quality = try quality(CountingChecker())
        let items = JSONValue.array(Array(repeating: .int(1), count: 3_000))
        let results = try await quality.assess([
            Candidate(arm: "a", slot: 0, targetLabel: nil, sample: .object(["text": items, "label": items]), rawText: "", failure: nil),
            Candidate(arm: "a", slot: 1, targetLabel: nil, sample: nil, rawText: String(repeating: "{", count: 20_000), failure: "no JSON found"),
        ])
        let schema = try #require(results[0].checks.first { $0.kind == CheckRecord.schemaKind }?.detail.arrayValue)
        #expect(schema.count == 2, "two issues: text and label")
        #expect(results[1].checks.map(\.detail) == [.string("no JSON found")])
        let many = ScriptQuality.detail((0..<3_000).map { Rejection(stage: .schema, reason: "wrong \($0)", path: "$.tags[\($0)]") })
        #expect(many.arrayValue?.count == ScriptQuality.maxIssuesKept + 1)
        #expect(many.arrayValue?.last == .string("… and 2980 more"))
    }
}

import Foundation
import Testing
import GenCore
@testable import GenGeneration
import GenPipeline
import GenReport
import GenRun
import GenRuntime
import GenStore
import GenTestSupport
@testable import GenEngine
@testable import GenProviders

/// Seeded fuzzing of what a model writes back (issue 17), beside the checker fuzz suite: 10,000 hostile outputs
/// per run (`HostileOutputs`) through the OpenAI wire decoding, the arm's parsing and the script's quality gates,
/// and a few hundred through whole runs whose store, exports, report, card and printed summary are then searched
/// for an echoed secret. No trap (one would end the test process), no case over 5 s, every reason short, the
/// stored raw text bounded, no secret written, and every run ends.
@Suite struct OutputFuzzTests {
    static let perSeed = 5_000
    /// Hex after the prefix, so no ordinary text holds even its first 16 bytes.
    static let marker = "sk-fuzz-5eed0017c0ffee00d15ea5e0badc0de0"
    static let outputs = HostileOutputs(marker: marker)

    static let script = """
    gen 0.1
    model local = openai(base_url: "http://127.0.0.1:9/v1", model: "fuzz")
    schema Note {
      urgent: bool
      score: float(min: 0, max: 1)
      text: string(min: 5, max: 200)
      count: int(min: 0, max: 100)
      label: enum("ham", "spam")
      tags: list(string(max: 20), max: 4)
      note?: string(max: 40)
    }
    spec notes {
      domain: "Short notes people leave each other"
      output: Note
      count: 6
      batch: 8
    }
    arm plain = naive(local, temperature: 0.7)
    arm shown = fewshot(local, k: 2)
    router epsilon_greedy(epsilon: 0.3)
    quality {
      rule "schema" valid(sample)
      rule "no urls" !matches(sample.text, "https?://")
      rule "third word" len(split(sample.text, " ")[2]) > 0
      rule "ratio" sample.count / sample.score >= 0
      dedup near(0.7)
    }
    reward = passed * (0.6 * quality + 0.4 * novelty)
    """

    /// Answers with one output, encoded as an OpenAI chat completion and decoded as the HTTP client decodes it.
    struct WireClient: LLMClient {
        let reply: @Sendable (ChatRequest) -> HostileOutputs.Output

        func chat(_ request: ChatRequest) async throws -> ChatResponse {
            try Self.response(reply(request))
        }

        static func response(_ output: HostileOutputs.Output) throws -> ChatResponse {
            try decode(body(output))
        }

        static func body(_ output: HostileOutputs.Output) -> Data {
            Data(CanonicalJSON.string(OpenAIStubBodies.chatCompletion(output.text, finishReason: output.cutOff ? "length" : "stop")).utf8)
        }

        static func decode(_ body: Data) throws -> ChatResponse {
            do {
                return try ChatWireFormat.decode(body)
            } catch {
                throw LLMError.malformedResponse(url: "fuzz", reason: error.reason)
            }
        }

        func embed(_ texts: [String], model: String) async throws -> EmbeddingResponse {
            throw LLMError.malformedResponse(url: "fuzz", reason: "no embeddings")
        }
    }

    static func graph() throws -> PipelineGraph {
        let compilation = Engine(variables: [:]).compile(source: script, path: "fuzz.gen", directory: URL(fileURLWithPath: "/tmp"))
        return try #require(compilation.graph, "\(compilation.rendered())")
    }

    // MARK: Parse and validate, 10,000 outputs

    /// The first broken invariant of one assessed candidate, if any.
    static func problem(_ candidate: Candidate, _ assessment: Assessment) -> String? {
        if (candidate.sample == nil) == (candidate.failure == nil) { return "sample and failure both \(candidate.sample == nil ? "absent" : "set")" }
        if let failure = candidate.failure, failure.count > RejectionReason.maxLength { return "a failure of \(failure.count) characters" }
        if candidate.sample == nil, assessment.passed { return "passed without a sample" }
        if !assessment.passed, assessment.reasons.isEmpty { return "rejected without a reason" }
        for reason in assessment.reasons where reason.count > RejectionReason.maxLength {
            return "a reason of \(reason.count) characters: \(reason.prefix(120))"
        }
        let details = CanonicalJSON.string(.array(assessment.checks.map(\.detail)))
        if details.utf8.count > maxDetailBytes { return "check details of \(details.utf8.count) bytes" }
        return nil
    }

    /// What one candidate's check details may add to the store, whatever the model wrote.
    static let maxDetailBytes = 16_384

    /// The guard (5 s, and 3 s more per MB of answer) times the synchronous part, wire decoding and the arm's
    /// `candidate(for:response:)` (what `generate` does after the request), where the quadratic bugs were: timing
    /// the awaits too measured waits for a thread of the cooperative pool (2 on this machine) while the rest of
    /// the tests ran, 23 s once. It is a guard against a hang or a quadratic, not a benchmark.
    @Test(arguments: [UInt64(0x0FF5_EED1), 0x0FF5_EED2])
    func hostileOutputsAreParsedAndValidatedWithinBounds(seed: UInt64) async throws {
        let graph = try Self.graph()
        let quality = try ScriptQuality(graph: graph, interpreter: try Interpreter(graph: graph), checker: nil)
        let arm = LLMArm(
            name: "plain", client: WireClient { _ in HostileOutputs.Output(family: .garbage, text: "") }, model: "fuzz",
            temperature: nil, topP: nil, maxTokens: nil, examples: .seeds, recordedParameters: [:])
        var rng = SeededRandom(seed: seed)
        var failures: [String] = []
        var families: [HostileOutputs.Family: Int] = [:]
        var passed = 0, ruleErrors = 0
        let clock = ContinuousClock()
        for index in 0..<Self.perSeed {
            let output = Self.outputs.output(index, rng: &rng)
            families[output.family, default: 0] += 1
            let body = WireClient.body(output)
            var read: Candidate?
            let elapsed = try clock.measure {
                read = arm.candidate(for: SlotRequest(slot: 0, targetLabel: nil, seed: UInt64(index)), response: try WireClient.decode(body))
            }
            if elapsed > .seconds(5) + .milliseconds(3 * body.count / 1_000) { failures.append("#\(index) \(output.family): took \(elapsed)") }
            guard let candidate = read, let assessment = try await quality.assess([candidate]).first else {
                failures.append("#\(index) \(output.family): no assessment")
                break
            }
            if assessment.passed { passed += 1 }
            if assessment.reasons.contains(where: { $0.contains("failed on this sample") }) { ruleErrors += 1 }
            if let problem = Self.problem(candidate, assessment) { failures.append("#\(index) \(output.family): \(problem)") }
            if failures.count >= 5 { break }
        }
        #expect(failures.isEmpty, "\(failures)")
        #expect(Set(families.keys) == Set(HostileOutputs.Family.allCases), "\(families)")
        #expect(passed > 0, "some mutated samples are still valid")
        #expect(ruleErrors > 0, "a rule's runtime error on a sample (score 0, fewer than three words) is its rejection")
    }

    // MARK: Whole runs, a few hundred outputs

    /// A model answering each request from its seed (whatever order the arms ask in): a valid sample, a share of
    /// them with the marker in their text, or a hostile output (now and then megabytes or a wall of brackets).
    static func model(validShare: Double, seed: UInt64) -> WireClient {
        WireClient { request in
            var rng = SeededRandom(seed: seed ^ UInt64(request.seed ?? 0) &* 0x9E37_79B9_7F4A_7C15)
            if rng.chance(validShare) {
                var members = outputs.validMembers(&rng)
                if rng.chance(0.3) { members[0].1 = outputs.quoted("note for \(marker) number \(rng.next() % 100_000)") }
                return HostileOutputs.Output(family: .mutatedSample, text: outputs.object(members))
            }
            let index = rng.chance(0.02) ? 999 : rng.chance(0.05) ? 100 * rng.nextIndex(7) + 50 : 0
            return outputs.output(index, rng: &rng)
        }
    }

    /// Files under `directory` and printed texts holding the marker or its first 16 bytes (what a cut excerpt keeps).
    static func leaks(in directory: URL, printed: [String: String]) -> [String] {
        let needles = [Data(marker.utf8), Data(marker.utf8.prefix(SecretMasking.minimumPrefix))]
        func leaks(_ data: Data) -> Bool { needles.contains { data.range(of: $0) != nil } }
        var found = printed.filter { leaks(Data($0.value.utf8)) }.map { "printed \($0.key)" }
        let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files {
            if let data = FileManager.default.contents(atPath: file.path), leaks(data) { found.append(file.lastPathComponent) }
        }
        return found.sorted()
    }

    /// One run of the fuzz script over `model` with the marker as its API key, then its report and card; checks that
    /// nothing written or printed holds the marker, that the stored raw texts and reasons are bounded and that the
    /// store agrees with the exports.
    func run(_ model: WireClient, seed: UInt64, count: Int) async throws -> RunOutcome {
        let directory = StubModelServer.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("fuzz.gen")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("run")
        // The marker is the run's API key: the store redacts it from everything it writes, the run from what it prints.
        let engine = Engine(variables: ["OPENAI_API_KEY": Self.marker])
        let result = try await engine.run(
            RunRequest(scriptPath: script.path, outDirectory: out, seed: seed, count: count, exportInterval: 0), clients: ["local": model])
        let progress = result.outcome.progress
        #expect(progress.candidates <= RunConfiguration.defaultCandidateBudget(target: count))

        _ = try await ReportWriter.write(runDirectory: out)
        let printed = ["summary": ProgressText.summary(progress), "block": ProgressText.block(progress), "end": "\(result.outcome.end)"]
        let leaks = Self.leaks(in: out, printed: printed)
        #expect(leaks.isEmpty, "\(leaks)")

        let store = try RunStore(opening: out, access: .readOnly)
        #expect(try await store.verifyExports().isConsistent)
        var stored = 0
        for batch in try await store.batches() {
            for candidate in try await store.candidates(batch: batch.index) {
                stored += 1
                let raw = candidate.record.rawText ?? ""
                #expect(raw.utf8.count <= CandidateRecord.maxRawTextBytes + 100, "raw text of \(raw.utf8.count) bytes")
                for reason in candidate.record.reasons { #expect(reason.count <= RejectionReason.maxLength, "\(reason.prefix(120))") }
            }
        }
        await store.close()
        #expect(stored == progress.candidates)
        return result.outcome
    }

    @Test(arguments: [(0.6, UInt64(1)), (0.3, 2), (0.1, 3), (0.0, 4)])
    func wholeRunsOverHostileOutputsReachTheirTargetAndLeakNoSecret(validShare: Double, seed: UInt64) async throws {
        let outcome = try await run(Self.model(validShare: validShare, seed: seed), seed: seed, count: 20)
        #expect(outcome.end == .targetReached)
        #expect(outcome.progress.accepted == 20)
    }

    /// Only output that can never pass (cut off, garbage, walls, megabytes, echoed headers): the run stalls, short of
    /// its target, after the stall window instead of spinning.
    @Test func aModelThatNeverWritesAUsableSampleStallsAndLeaksNoSecret() async throws {
        let model = WireClient { request in
            var rng = SeededRandom(seed: UInt64(request.seed ?? 0))
            return Self.outputs.broken(&rng)
        }
        let outcome = try await run(model, seed: 5, count: 20)
        guard case .stalled = outcome.end else { Issue.record("\(outcome.end)"); return }
        #expect(outcome.progress.accepted == 0)
        #expect(outcome.progress.candidates == 104, "the stall window for batch 8 (100), in whole batches")
    }
}

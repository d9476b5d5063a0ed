import Foundation
import Testing
import GenCore
import GenGeneration
import GenStore
@testable import GenRun

/// A fake arm with one discovered dimension: counts the model's discovery calls, and records the value each
/// slot drew, as an LLM arm does.
struct DiscoveringFakeArm: DiscoveringArm {
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var asked: [String?] = []
        func record(_ label: String?) { lock.withLock { asked.append(label) } }
        var labels: [String?] { lock.withLock { asked } }
    }

    let name: String
    let calls: Calls
    var values: [String: [String]] = [:]

    func discoveryRequests(labels: [String]) -> [AttributeDiscovery.Request] {
        labels.map { AttributeDiscovery.Request(arm: name, dimension: "subtopic", description: "the subject", count: 2, label: $0) }
    }

    func discover(_ request: AttributeDiscovery.Request, domain: String) async throws -> AttributeDiscovery.Outcome {
        calls.record(request.label)
        guard request.label != "fail" else {
            throw AttributeDiscoveryError(request: request, calls: 3, problem: "no values in the answer")
        }
        return AttributeDiscovery.Outcome(values: ["\(request.label ?? "")-a", "\(request.label ?? "")-b"], tokens: 40, calls: 1)
    }

    func filled(_ found: [(request: AttributeDiscovery.Request, values: [String])]) -> any Arm {
        var arm = self
        for (request, values) in found { arm.values[request.label ?? "", default: []] += values }
        return arm
    }

    func generate(_ slots: [SlotRequest], context: GenerationContext) async throws -> [Candidate] {
        try await SeededFakeArm(name: name, junkRate: 0, variety: 1_000_000).generate(slots, context: context).map { candidate in
            var candidate = candidate
            let choices = values[candidate.targetLabel ?? ""] ?? []
            if !choices.isEmpty {
                candidate.parameters["attributes"] = .object(["subtopic": .string(choices[candidate.rawText.utf8.count % choices.count])])
            }
            return candidate
        }
    }
}

@Suite struct AttributeDiscoveryRunTests {
    func run(_ store: RunStore, _ graph: PipelineGraphBox, calls: DiscoveringFakeArm.Calls, stop: StopSignal = StopSignal(),
             observer: (any RunObserver)? = nil) -> AdaptiveRun {
        AdaptiveRun(graph: graph.value, arms: ["varied": DiscoveringFakeArm(name: "varied", calls: calls)], quality: FakeQuality(),
                    reward: DefaultReward(), store: store,
                    configuration: RunConfiguration(seed: 2, targetCount: graph.value.spec.count, batchSize: graph.value.spec.batch),
                    observer: observer, stop: stop)
    }

    @Test func eachLabelIsAskedOnceAndAResumedRunAsksNeverAndDrawsTheStoredValues() async throws {
        let graph = PipelineGraphBox(RunFixtures.graph(count: 12, batch: 4, arms: ["varied"]))
        let store = try RunFixtures.newStore(RunFixtures.temporaryDirectory(), graph: graph.value, seed: 2)
        let stop = StopSignal()
        actor StopAfterOne: RunObserver {
            let stop: StopSignal
            init(_ stop: StopSignal) { self.stop = stop }
            func batchFinished(_ progress: RunProgress) async { stop.request("Ctrl-C") }
        }
        let first = DiscoveringFakeArm.Calls()
        let stopped = try await run(store, graph, calls: first, stop: stop, observer: StopAfterOne(stop)).run()
        #expect(first.labels == ["ham", "spam"], "one call per label, before the first batch")
        #expect(stopped.progress.discovered.map(\.values) == [["ham-a", "ham-b"], ["spam-a", "spam-b"]])
        let batchTokens = try await store.batches().reduce(0) { $0 + $1.tokens }
        #expect(stopped.progress.tokens == batchTokens + 80, "the discovery's tokens are in the run's total")
        #expect(try await store.tokensUsed() == stopped.progress.tokens)
        #expect(try await store.resumeInfo().tokensUsed == stopped.progress.tokens)

        let again = DiscoveringFakeArm.Calls()
        let resumed = try await run(store, graph, calls: again).run()
        #expect(resumed.end == .targetReached)
        #expect(again.labels.isEmpty, "a resumed run reuses the stored values")
        #expect(resumed.progress.discovered == stopped.progress.discovered)
        let drawn = try await store.attributeOutcomes()
        let values = Set(drawn.map(\.value))
        #expect(values.isSubset(of: ["ham-a", "ham-b", "spam-a", "spam-b"]), "the report's attribute table lists discovered values")
        #expect(values.contains { $0.hasPrefix("ham") } && values.contains { $0.hasPrefix("spam") }, "\(values)")
        #expect(drawn.reduce(0) { $0 + $1.generated } == resumed.progress.candidates)
        let arm = try #require(try await store.armSummaries().first)
        let total = try await store.tokensUsed()
        #expect(arm.tokens == resumed.progress.arms.first?.tokens && arm.tokens == total, "the arm's tokens include its discovery")
        #expect(ProgressText.summary(resumed.progress).contains("varied.subtopic [spam]: spam-a; spam-b"))
    }

    @Test func aLabelWithNoValuesStopsTheRunWithTheDiscoveryError() async throws {
        var graph = RunFixtures.graph(count: 4, batch: 4, arms: ["varied"])
        graph.spec.output.fields[1].type = .enumeration(["ham", "fail"])
        let store = try RunFixtures.newStore(RunFixtures.temporaryDirectory(), graph: graph, seed: 2)
        do {
            _ = try await run(store, PipelineGraphBox(graph), calls: DiscoveringFakeArm.Calls()).run()
            Issue.record("expected the run to stop")
        } catch let error as AttributeDiscoveryError {
            #expect("\(error)".contains("arm `varied`") && "\(error)".contains("label \"fail\""))
        }
        #expect(try await store.info().status == .failed)
        #expect(try await store.discoveredAttributes().map(\.label) == ["ham"], "what was found is kept")
    }
}

import Foundation
import GenCore
import Testing
@testable import GenStore

/// A real crash test: the helper writes batches in a loop and is killed with SIGKILL at seeded random
/// moments, then continued; the store must end up exactly as an uninterrupted run with the same seed.
@Suite struct SIGKILLTests {
    static let batches = 100
    static let seed = "42"
    static let exportEvery = "7"

    /// ordinal -> content hash from `committed` lines; a repeated ordinal is recorded as an issue.
    private func reportedCommits(_ output: String, into reported: inout [Int: String]) {
        for line in output.split(separator: "\n") where line.hasPrefix("committed ") {
            for pair in line.split(separator: " ").dropFirst(2) {
                let parts = pair.split(separator: ":")
                guard parts.count == 2, let ordinal = Int(parts[0]) else {
                    Issue.record("unreadable report line: \(line)")
                    continue
                }
                if reported[ordinal] != nil { Issue.record("ordinal \(ordinal) was reported twice") }
                reported[ordinal] = String(parts[1])
            }
        }
    }

    /// Opens the store the way a resume does, checks what a kill may never break, returns the batches committed.
    private func checkInvariants(_ directory: URL, reported: [Int: String]) async throws -> Int {
        let store: RunStore
        do {
            store = try RunStore(opening: directory, options: Fixtures.noSecrets)
        } catch let error as StoreError where error.kind == .notFound {
            #expect(reported.isEmpty, "killed before the run existed, yet commits were reported")
            return 0
        }
        do {
            let batches = try await inspect(store, reported: reported)
            await store.close()
            return batches
        } catch {
            await store.close()
            throw error
        }
    }

    private func inspect(_ store: RunStore, reported: [Int: String]) async throws -> Int {
        let accepted = try await store.acceptedSamples()
        #expect(accepted.map(\.ordinal) == Array(0..<accepted.count).map { $0 + 1 }, "ordinals must be contiguous from 1")
        #expect(Set(accepted.map(\.contentHash)).count == accepted.count, "an accepted sample is duplicated")
        for (ordinal, hash) in reported {
            let stored = accepted.indices.contains(ordinal - 1) ? accepted[ordinal - 1].contentHash : nil
            #expect(stored == hash, "reported ordinal \(ordinal) was lost")
        }
        let resume = try await store.resumeInfo()
        #expect(try await store.batches().map(\.index) == Array(0..<resume.nextBatchIndex))
        let exports = try await store.verifyExports()
        #expect(exports.isIntactPrefix, "exports after a kill: \(exports.problems)")
        return resume.nextBatchIndex
    }

    @Test func killedAtRandomMomentsLosesAndDuplicatesNothing() async throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let tool = try TortureProcess(logs: root.url)
        let reference = root.child("reference")
        let killed = root.child("killed")

        let clean = try await tool.run(
            ["run", reference.path, Self.seed, String(Self.batches), Self.exportEvery, "normal"], kill: .never)
        #expect(clean.status == 0 && clean.output.hasSuffix("done\n"), "reference run failed: \(clean.standardError)")

        var random = SeededRandom(seed: 2024)
        var reported: [Int: String] = [:]
        var kills = 0
        var progress: [Int] = []
        for attempt in 0..<8 {
            // The first two kills come at a random time after launch (start-up, schema creation, first
            // batches); the rest a random 0-8 ms after this incarnation's 1-5th commit, i.e. mid-work.
            let plan: TortureProcess.KillPlan =
                attempt < 2
                ? .afterLaunch(.milliseconds(Int(random.nextUnit() * 60)))
                : .afterCommits(1 + random.nextIndex(5), then: .microseconds(Int(random.nextUnit() * 8000)))
            let sync = attempt % 2 == 0 ? "full" : "normal"
            let outcome = try await tool.run(
                ["run", killed.path, Self.seed, String(Self.batches), Self.exportEvery, sync], kill: plan)
            #expect(outcome.killed || outcome.status == 0, "helper failed: \(outcome.standardError)")
            if outcome.killed { kills += 1 }
            reportedCommits(outcome.output, into: &reported)
            progress.append(try await checkInvariants(killed, reported: reported))
        }
        let last = try await tool.run(["run", killed.path, Self.seed, String(Self.batches), Self.exportEvery], kill: .never)
        #expect(last.status == 0 && last.output.hasSuffix("done\n"), "final resume failed: \(last.standardError)")
        reportedCommits(last.output, into: &reported)
        _ = try await checkInvariants(killed, reported: reported)
        #expect(kills >= 6, "only \(kills) of 8 runs were killed; batches after each: \(progress)")
        #expect(progress == progress.sorted() && Set(progress.dropFirst(2)).count == 6, "each mid-work kill must follow new commits: \(progress)")

        // Same seed, same work: the killed-and-resumed run must equal the uninterrupted one.
        let expected = try RunStore(opening: reference, access: .readOnly, options: Fixtures.noSecrets)
        let actual = try RunStore(opening: killed, access: .readOnly, options: Fixtures.noSecrets)
        #expect(try await actual.acceptedSamples().map(\.contentHash) == expected.acceptedSamples().map(\.contentHash))
        #expect(try await actual.batches().count == Self.batches)
        #expect(try await actual.lastRouterState() == expected.lastRouterState())
        #expect(try await actual.armBatchRows() == expected.armBatchRows())
        #expect(try await actual.info().status == .completed)
        #expect(try await actual.verifyExports().isConsistent)
    }
}

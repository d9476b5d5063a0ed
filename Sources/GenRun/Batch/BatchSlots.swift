import GenCore
import GenGeneration

/// How many candidates the next batch asks for, and each slot's request (target label and seed).
enum BatchSlots {
    /// The batch size, or fewer near the end: enough slots to reach the target at the pass rate seen so far,
    /// plus one, and no more than the target still needs before any rate is known (`--count 1` asked for
    /// a full batch of 8 and threw 7 away). A full last batch for the last few samples spent tokens on
    /// candidates that passed every check and were then thrown away as over the target.
    ///
    /// `pending`: slots of batches already in flight (a pipelined run). They count as candidates to come at the
    /// pass rate seen so far (before any rate is known, as passing); 0 means they should bring what the target
    /// still needs, and the run waits for them rather than start another batch.
    static func count(batchSize: Int, target: Int, accepted: Int, passed: Int, candidates: Int, pending: Int = 0) -> Int {
        let remaining = target - accepted
        guard remaining > 0 else { return batchSize }
        guard candidates > 0, passed > 0 else {
            let left = remaining - pending
            return pending > 0 && left <= 0 ? 0 : min(batchSize, left)
        }
        let rate = Double(passed) / Double(candidates)
        let left = Double(remaining) - Double(pending) * rate
        if pending > 0, left <= 0 { return 0 }
        let needed = Int((left / rate).rounded(.up)) + 1
        return min(batchSize, max(1, needed))
    }

    /// One request per slot; each slot's seed derives from the run seed, the batch and the slot alone, so a
    /// resumed run asks for exactly what the killed one would have.
    static func requests(count: Int, batch: Int, runSeed: UInt64, labels: [String]?) -> [SlotRequest] {
        let root = SeededRandom(seed: runSeed)
        return (0..<count).map { slot in
            var slotRandom = root.derived("batch \(batch) slot \(slot)")
            return SlotRequest(slot: slot, targetLabel: labels?[slot], seed: slotRandom.next())
        }
    }
}

import Foundation
import GenCore
import GenRun
import GenStore

/// `gen inspect RUN [--arm NAME] [--limit N]`: why candidates were rejected, per arm, with examples, and the model
/// servers' failures when there were any (or a pool).
enum InspectCommand {
    static let spec = CommandSpec(
        name: "inspect", summary: "List a run's rejected candidates with their reasons",
        positionals: [PositionalSpec("RUN", help: "the run directory")],
        flags: [Flag.arm, Flag.limit])

    enum Flag {
        static let arm = FlagSpec("arm", value: "NAME", help: "only this arm's candidates")
        static let limit = FlagSpec("limit", value: "N", help: "how many rejected candidates to list (default 20)")
    }

    static let command = Command(spec: spec) { arguments, console in
        let directory = URL(fileURLWithPath: arguments.positionals[0])
        let limit = try arguments.int(Flag.limit, in: 0...Int.max) ?? 20
        let arm = arguments.value(Flag.arm)
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("run.sqlite").path) else {
            throw CommandFailure("no run in \(directory.path)", exitCode: ExitCode.noInput)
        }
        do {
            let store = try RunStore(opening: directory, access: .readOnly)
            if let arm {
                let arms = try await store.armSummaries().map(\.arm)
                guard arms.contains(arm) else {
                    throw UsageError(message: "the run has no arm `\(arm)`",
                                     hint: DidYouMean.hint(arm, among: arms) ?? "its arms: " + arms.joined(separator: ", "))
                }
            }
            let rows = try await store.rejectionReasons().filter { arm == nil || $0.arm == arm }
            // Candidates that passed every check after the target was reached are not failures: counted apart.
            let reasons = rows.filter { !SurplusReason.isSurplus(reason: $0.reason) }
            let surplus = rows.filter { SurplusReason.isSurplus(reason: $0.reason) }
            console.write("rejection reasons per arm:\n")
            let width = (reasons.map(\.arm.count).max() ?? 3) + 2
            for row in reasons.sorted(by: { ($0.arm, -$0.count) < ($1.arm, -$1.count) }) {
                console.write("  " + row.arm.padding(to: width) + String(row.count).padding(to: 6) + row.reason + "\n")
            }
            if reasons.isEmpty { console.write("  none\n") }
            if !surplus.isEmpty {
                let parts = surplus.sorted { $0.arm < $1.arm }.map { "\($0.arm) \($0.count)" }.joined(separator: ", ")
                console.write("passed every check after the target was reached (not kept): "
                              + "\(surplus.reduce(0) { $0 + $1.count }) (\(parts))\n")
            }
            console.write("\nrejected candidates:\n")
            var shown = 0
            let batches = try await store.resumeInfo().nextBatchIndex
            outer: for batch in 0..<batches {
                for candidate in try await store.candidates(batch: batch)
                    where candidate.record.verdict == .rejected && !SurplusReason.isSurplus(candidate.record.reasons) {
                    if let arm, candidate.record.arm != arm { continue }
                    if shown >= limit { break outer }
                    shown += 1
                    let text = candidate.record.sample.map { CanonicalJSON.string($0) } ?? (candidate.record.rawText ?? "")
                    console.write("- batch \(batch) slot \(candidate.record.slot) [\(candidate.record.arm)] "
                                  + candidate.record.reasons.joined(separator: "; ") + "\n    " + String(text.prefix(200)) + "\n")
                }
            }
            if shown == 0 { console.write("  none\n") }
            // The servers' failures explain candidates that never came: the same table the run summary prints.
            let servers = ProgressText.servers(try await store.endpointTraffic())
            if !servers.isEmpty { console.write("\n" + servers) }
            return ExitCode.ok
        } catch let usage as UsageError {
            throw usage
        } catch let damage as StoreDamage {
            throw damage
        } catch {
            throw CommandFailure("cannot read the run in \(directory.path): \(error)", exitCode: ExitCode.noInput)
        }
    }
}

import Foundation

/// Why a run store was not opened: the damage `StoreCheck` found, named, with the hint to `gen doctor`.
///
/// Opening refuses a damaged store instead of letting a resume fail on a UNIQUE constraint halfway
/// through a batch, or complete short of its target with a dangling accepted entry.
public struct StoreDamage: Error, Sendable, Equatable, CustomStringConvertible {
    public var directory: URL
    public var findings: [StoreFinding]

    public init(directory: URL, findings: [StoreFinding]) {
        self.directory = directory
        self.findings = findings
    }

    public var description: String {
        var text = "the run store in \(directory.path) is damaged:\n"
        for finding in findings { text += "  - \(finding.detail)\n" }
        if findings.contains(where: \.isRepairable) {
            text += "  = hint: run `gen doctor \(directory.path) --repair` (`gen doctor \(directory.path)` shows what it will do)"
        } else {
            let advice = findings.compactMap { finding -> String? in
                if case .manual(let advice) = finding.remedy { return advice }
                return nil
            }.first ?? "see `gen doctor \(directory.path)`"
            text += "  = hint: \(advice)"
        }
        return text
    }
}

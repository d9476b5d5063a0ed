import Foundation
import GenStore

/// What `gen doctor` prints: the findings as an aligned table (kind, rows, what; the remedy under it),
/// what the store holds, notes, and the next step.
enum DoctorText {
    static func examination(_ examination: StoreExamination, directory: URL) -> String {
        var text = header(examination, directory: directory)
        let repairable = examination.findings.filter(\.isRepairable).count
        if repairable > 0 {
            let share = repairable == examination.findings.count ? "" : " (\(repairable) of the \(examination.findings.count))"
            text += "hint: `gen doctor \(directory.path) --repair` repairs it\(share); nothing was changed\n"
        }
        return text
    }

    static func repair(_ report: StoreRepairReport, directory: URL) -> String {
        guard !report.before.isHealthy else { return examination(report.before, directory: directory) }
        var text = header(report.before, directory: directory)
        if report.actions.isEmpty {
            text += "repaired: nothing (no finding can be repaired by gen)\n"
        } else {
            text += "repaired:\n" + report.actions.map { "  - \($0)\n" }.joined()
        }
        text += "\nafter the repair:\n" + header(report.after, directory: directory)
        if report.after.isHealthy, let facts = report.after.facts, facts.accepted < facts.targetCount {
            text += "continue with: gen run --resume \(directory.path)\n"
        }
        return text
    }

    /// "gen doctor DIR: 2 problems" with the table, or "no damage found", then the run line and notes.
    private static func header(_ examination: StoreExamination, directory: URL) -> String {
        var text = ""
        if examination.isHealthy {
            text += "\(directory.path): no damage found\n"
        } else {
            let count = examination.findings.count
            text += "\(directory.path): \(count) problem\(count == 1 ? "" : "s") in run.sqlite\n" + table(examination.findings)
        }
        if let facts = examination.facts {
            text += "run: \(facts.scriptPath), \(facts.status), \(facts.holding), \(facts.candidates) candidates\n"
        }
        for note in examination.notes { text += "note: \(note)\n" }
        return text
    }

    private static func table(_ findings: [StoreFinding]) -> String {
        guard !findings.isEmpty else { return "" }
        let kindWidth = max(4, findings.map(\.kind.rawValue.count).max() ?? 0) + 2
        let rowsWidth = max(4, findings.map { String($0.rows).count }.max() ?? 0)
        let indent = String(repeating: " ", count: 2 + kindWidth + rowsWidth + 2)
        var text = "  " + "kind".padding(to: kindWidth) + String(repeating: " ", count: rowsWidth - 4) + "rows  what\n"
        for finding in findings {
            let rows = String(finding.rows)
            text += "  " + finding.kind.rawValue.padding(to: kindWidth) + String(repeating: " ", count: rowsWidth - rows.count)
                + rows + "  " + finding.detail + "\n"
            switch finding.remedy {
            case .repair(let how): text += indent + "repair: \(how)\n"
            case .manual(let advice): text += indent + "cannot repair: \(advice)\n"
            }
        }
        return text
    }
}

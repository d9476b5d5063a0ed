import Foundation
import GenCore

extension RunStore {
    /// Rewrites `dataset.jsonl` (accepted samples in ordinal order) and `rejected.jsonl` (in batch and slot
    /// order) from one snapshot of the store, each atomically. Because the files are derived from the store,
    /// never appended to, a resumed run that exports again cannot duplicate or miss a sample.
    @discardableResult
    public func export(_ options: ExportOptions = ExportOptions()) throws -> ExportSummary {
        let (samples, rejections) = try exportRows()
        let datasetURL = directory.appendingPathComponent(options.datasetName)
        let rejectedURL = directory.appendingPathComponent(options.rejectedName)
        try AtomicFile.replace(datasetURL, with: Self.jsonl(samples.map { ExportLines.dataset($0, provenance: options.provenance) }))
        try AtomicFile.replace(rejectedURL, with: Self.jsonl(rejections.map(ExportLines.rejected)))
        return ExportSummary(datasetURL: datasetURL, rejectedURL: rejectedURL, accepted: samples.count, rejected: rejections.count)
    }

    /// Compares the exported files with the store line by line (content and SHA-256), written with `options`.
    public func verifyExports(_ options: ExportOptions = ExportOptions()) throws -> ExportVerification {
        let (samples, rejections) = try exportRows()
        var problems: [String] = []
        let dataset = try Self.compare(
            file: directory.appendingPathComponent(options.datasetName),
            expected: samples.map { ExportLines.dataset($0, provenance: options.provenance) }, noun: "accepted sample",
            problems: &problems)
        let rejected = try Self.compare(
            file: directory.appendingPathComponent(options.rejectedName), expected: rejections.map(ExportLines.rejected),
            noun: "rejected candidate", problems: &problems)
        return ExportVerification(
            acceptedInStore: samples.count, datasetLines: dataset, rejectedInStore: rejections.count, rejectedLines: rejected,
            problems: Array(problems.prefix(20)))
    }

    fileprivate func exportRows() throws -> ([ExportedSample], [ExportedRejection]) {
        let database = try database()
        return try database.transaction(.deferred) {
            let samples = try database.query(
                """
                SELECT c.sample_json, c.arm, c.batch_index, c.reward FROM accepted a JOIN candidates c ON c.id = a.candidate_id
                WHERE a.run_id = ? ORDER BY a.ordinal
                """, [.integer(runID)]
            ).map { row in
                ExportedSample(
                    sampleText: try row.text("sample_json"), arm: try row.text("arm"), batchIndex: try row.int("batch_index"),
                    reward: try row.double("reward"))
            }
            let rejections = try database.query(
                """
                SELECT batch_index, slot, arm, sample_json, raw_text, reasons_json FROM candidates
                WHERE run_id = ? AND accepted = 0 ORDER BY batch_index, slot
                """, [.integer(runID)]
            ).map { row in
                ExportedRejection(
                    batchIndex: try row.int("batch_index"), slot: try row.int("slot"), arm: try row.text("arm"),
                    sampleText: try row.optionalText("sample_json"), rawText: try row.optionalText("raw_text"),
                    reasons: try JSONColumn.strings(row, "reasons_json"))
            }
            return (samples, rejections)
        }
    }

    private static func jsonl(_ lines: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        for line in lines {
            bytes.append(contentsOf: line.utf8)
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    /// Checks each line of `file` against the line expected at its position; returns the line count, or nil
    /// when the file is absent.
    private static func compare(file: URL, expected: [String], noun: String, problems: inout [String]) throws -> Int? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" {
            lines.removeLast()
        } else if !lines.isEmpty {
            problems.append("\(file.lastPathComponent): the last line has no newline (truncated file)")
        }
        let expectedPositions = Dictionary(expected.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var seen: [String: Int] = [:]
        for (index, line) in lines.enumerated() {
            defer { seen[line] = seen[line] ?? index }
            guard index < expected.count else {
                problems.append("\(file.lastPathComponent) line \(index + 1): the store has only \(expected.count) \(noun)s")
                continue
            }
            guard line != expected[index] else { continue }
            let detail: String
            if let earlier = seen[line] {
                detail = "duplicates line \(earlier + 1)"
            } else if let position = expectedPositions[line] {
                detail = "holds \(noun) #\(position + 1) out of order"
            } else {
                detail = "sha256 \(SHA256.hex(line).prefix(12)) differs from \(noun) #\(index + 1) (sha256 \(SHA256.hex(expected[index]).prefix(12)))"
            }
            problems.append("\(file.lastPathComponent) line \(index + 1): \(detail)")
        }
        return lines.count
    }
}

extension RunStore {
    /// The accepted samples as dataset.jsonl holds them (in acceptance order, with provenance members when asked):
    /// what `gen export` splits and converts, so every format carries the same rows.
    public func datasetLines(provenance: Bool) throws -> [String] {
        try exportRows().0.map { ExportLines.dataset($0, provenance: provenance) }
    }
}

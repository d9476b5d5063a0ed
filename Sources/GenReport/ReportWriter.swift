import Foundation

/// Writes a run's report and dataset card: what `gen report` and the end of `gen run` call.
public enum ReportWriter {
    /// Where the files went.
    public struct Output: Sendable, Equatable {
        public var report: URL
        public var card: URL
    }

    public static let defaultReportName = "report.html"

    /// Reads the run in `runDirectory` and writes the HTML report to `out` (default DIR/report.html) and the
    /// dataset card beside it (DIR/DATASET_CARD.md by default), each atomically. With `out`, the run's own
    /// card is left as it is (`gen report --out` rewrote it). `capabilities` says how each check runs and what
    /// it measures: the engine's own (`Capabilities.reportView`).
    @discardableResult
    public static func write(
        runDirectory: URL, out: URL? = nil, cardOptions: CardOptions = CardOptions(), now: Date = Date(),
        capabilities: ReportCapabilities = ReportCapabilities()
    ) async throws -> Output {
        var data = try await RunReport.load(runDirectory: runDirectory)
        data.capabilities = capabilities
        let report = out ?? runDirectory.appendingPathComponent(defaultReportName)
        let card = report.deletingLastPathComponent().appendingPathComponent(DatasetCard.fileName)
        try save(HTMLReport.render(data, generatedAt: now), to: report)
        try save(DatasetCard.render(data, options: cardOptions), to: card)
        return Output(report: report, card: card)
    }

    static func save(_ text: String, to url: URL) throws {
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw ReportError("cannot write \(url.path): \(error.localizedDescription)")
        }
    }
}

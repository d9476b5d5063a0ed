import Testing
import GenStore
import GenCore
@testable import GenRun

/// The run summary's "model servers" table: shown for a pool or after failures, never for one quiet server.
@Suite struct ServersTextTests {
    static func row(_ endpoint: String, requests: Int, answered: Int, refused: Int = 0) -> EndpointTraffic {
        var row = EndpointTraffic(model: "local", endpoint: endpoint)
        row.requests = requests
        row.answered = answered
        row.connectionFailures = refused
        row.failovers = refused
        row.concurrencyLimit = 4
        row.lowestConcurrencyLimit = 2
        return row
    }

    @Test func onlyAPoolOrFailuresShowTheTable() {
        #expect(ProgressText.servers([]) == "")
        #expect(ProgressText.servers([Self.row("http://a/v1", requests: 9, answered: 9)]) == "", "one quiet server says nothing")
        let text = ProgressText.servers([Self.row("http://a/v1", requests: 9, answered: 7, refused: 2), Self.row("http://b/v1", requests: 5, answered: 5)])
        #expect(text.hasPrefix("model servers:\n"))
        #expect(text.contains("http://a/v1") && text.contains("2 refused or broken connections") && text.contains("4.0 (2.0)"))
        let lonelyFailure = ProgressText.servers([Self.row("http://a/v1", requests: 9, answered: 8, refused: 1)])
        #expect(lonelyFailure.contains("1 refused or broken connection"))
    }

    /// A run with a priced writer and an unpriced judge: the cost line says whose calls it leaves out.
    @Test func aPartlyPricedCostSaysWhatItLeavesOut() {
        var progress = RunProgress(
            batchIndex: 1, accepted: 4, target: 4, candidates: 5, tokens: 100, elapsedSeconds: 1, epsilon: nil, arms: [])
        progress.dollars = 0.02
        #expect(ProgressText.cost(progress) == "cost: $0.0200, $0.0050 per accepted sample")
        progress.unpricedModels = ["judge"]
        #expect(ProgressText.cost(progress) == "cost: $0.0200, $0.0050 per accepted sample (without model `judge`'s calls: it declares no price)")
        progress.unpricedModels = ["judge", "embedder"]
        #expect(ProgressText.cost(progress).hasSuffix("(without the calls of models `judge`, `embedder`: they declare no price)"))
    }
}

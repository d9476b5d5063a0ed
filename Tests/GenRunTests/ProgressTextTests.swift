import GenProviders
import Testing
@testable import GenRun

@Suite struct ProgressTextTests {
    let progress: RunProgress = {
        var value = RunProgress(batchIndex: 3, accepted: 6, target: 12, candidates: 12, tokens: 540, elapsedSeconds: 60,
                                epsilon: 0.243, arms: [
                                    ArmProgress(name: "careful", pulls: 8, accepted: 5, rewardSum: 4, tokens: 300, rejections: ["schema": 3]),
                                    ArmProgress(name: "bold", pulls: 4, accepted: 1, rewardSum: 0.5, tokens: 240,
                                                rejections: ["duplicate": 1, "unreadable output": 2]),
                                ])
        return value
    }()

    @Test func lineHasTheKeyFigures() {
        #expect(ProgressText.line(progress) == "batch 3  accepted 6/12  candidates 12  tokens 540  epsilon 0.243  6.0 samples/min")
    }

    @Test func blockShowsBarRateEtaAndArms() {
        #expect(ProgressText.block(progress, width: 60) == """
        [##########..........] 6/12 accepted  (12 candidates, batch 3)
        6.0 samples/min  tokens 540  ETA 1m00s  epsilon 0.243
          careful       pulls 8    accepted 5    reward 0.500
          bold          pulls 4    accepted 1    reward 0.125

        """)
    }

    @Test func summaryTable() {
        #expect(ProgressText.summary(progress) == """
        arm      pulls  accepted  pass %  mean reward  tokens/accepted  top rejection
        -------------------------------------------------------------------------------------
        careful  8      5         62.5    0.500        60.0             schema (3)
        bold     4      1         25.0    0.125        240.0            unreadable output (2)
        cost: no price declared

        """)
    }

    @Test func aPricedSummaryHasDollarsPerAcceptedAndTheCostLine() {
        var priced = progress
        priced.dollars = 0.0246
        priced.arms[0].dollars = 0.02
        priced.arms[1].dollars = 0.0046
        #expect(ProgressText.summary(priced) == """
        arm      pulls  accepted  pass %  mean reward  tokens/accepted  $/accepted  top rejection
        -------------------------------------------------------------------------------------------------
        careful  8      5         62.5    0.500        60.0             $0.0040     schema (3)
        bold     4      1         25.0    0.125        240.0            $0.0046     unreadable output (2)
        cost: $0.0246, $0.0041 per accepted sample

        """)
    }
}

@Suite struct SummarySurplusTests {
    @Test func summaryExplainsAPassRateAboveTheAcceptedShare() {
        let progress = RunProgress(batchIndex: 2, accepted: 7, target: 7, candidates: 10, tokens: 100, elapsedSeconds: 5,
                                   epsilon: nil, arms: [ArmProgress(name: "careful", pulls: 10, accepted: 7, rejections: [:], passed: 10)])
        let summary = ProgressText.summary(progress)
        #expect(summary.contains("careful  10     7         100.0"))
        #expect(summary.hasSuffix("pass % counts 3 candidates that passed every check after the target was reached "
            + "(in rejected.jsonl as \"over target\")\n"))
    }
}

@Suite struct AcceptanceRateTests {
    @Test func surplusSamplesCountAsPassedNotAsRejections() {
        // 10 pulls: 5 accepted, 3 surplus (passed after the target was met), 2 rejected.
        let arm = ArmProgress(name: "bold", pulls: 10, accepted: 5, rejections: ["schema": 2], passed: 8)
        #expect(arm.acceptanceRate == 0.8)
        #expect(ArmProgress(name: "x", pulls: 4, accepted: 2).acceptanceRate == 0.5)
    }

    @Test func aBatchModeWaitSaysWhichBatchAndHowFar() {
        #expect(ProgressText.batchAPI(model: "hosted", BatchProgress(batchID: "batch_abc", status: "in_progress", done: 120, total: 400))
            == "model hosted: waiting on batch batch_abc (in_progress, 120/400 done)")
        #expect(ProgressText.batchAPI(model: "hosted", BatchProgress(batchID: "batch_abc", status: "validating"))
            == "model hosted: waiting on batch batch_abc (validating)")
        #expect(ProgressText.batchAPI(model: "hosted", BatchProgress(batchID: "batch_abc", status: "completed", done: 400, total: 400))
            == "model hosted: batch batch_abc completed (400/400 done)")
    }
}

import Foundation
import Testing
import GenCore
import GenCharts
import GenPipeline
import GenStore
@testable import GenReport

/// The statements the report and the card make about the figures (issue 12: overlapping intervals with no
/// "no real difference", a near-constant score carrying weight with no warning, no majority baseline).
@Suite struct ReportFindingsTests {
    func fixture() async throws -> ReportData {
        try await RunReport.load(runDirectory: try await FixtureRun.shared.value)
    }

    @Test func overlappingIntervalsSayNoRealDifference() throws {
        let arms = [IntervalEstimate(name: "careful", mean: 0.469, standardError: 0.0113),
                    IntervalEstimate(name: "steady", mean: 0.478, standardError: 0.0157),
                    IntervalEstimate(name: "bold", mean: 0.449, standardError: 0.0212)]
        let finding = try #require(IntervalComparison.statement(arms, figure: "mean reward"))
        #expect(finding.text.hasPrefix("No real difference in mean reward"))
        #expect(finding.text.contains("within noise"))
    }

    @Test func separatedIntervalsNameTheWinnerAndWhatIsStillWithinNoise() throws {
        let arms = [IntervalEstimate(name: "a", mean: 0.80, standardError: 0.01),
                    IntervalEstimate(name: "b", mean: 0.79, standardError: 0.01),
                    IntervalEstimate(name: "c", mean: 0.40, standardError: 0.01)]
        let finding = try #require(IntervalComparison.statement(arms, figure: "mean reward"))
        #expect(finding.text.hasPrefix("a has the highest mean reward; it is above c beyond noise, and within noise of b"))
    }

    @Test func wilsonIntervalsAreWideForFewTrials() {
        let few = IntervalEstimate(name: "x", successes: 3, trials: 3)
        #expect(few.high == 1 && few.low < 0.5)
        let many = IntervalEstimate(name: "y", successes: 300, trials: 300)
        #expect(many.low > 0.98)
    }

    @Test func aNearlyConstantWeightedScoreIsAWarningAndAVaryingOneIsNot() async throws {
        var data = try await fixture()
        let stage = ExpressionStage(name: "label fits", expression: IRExpr(.float(0), type: .float, source: .synthesized), modelChecks: [],
                                    source: .synthesized)
        data.graph?.quality = [.score(stage, weight: 0.7, threshold: nil)]
        data.stages = [
            StageOutcomeRow(arm: "a", stage: "label fits", kind: "score", total: 40, passed: 40, meanScore: 0.06, cached: 0,
                            scored: 40, meanSquareScore: 0.06 * 0.06 + 0.0004),
            StageOutcomeRow(arm: "b", stage: "label fits", kind: "score", total: 22, passed: 22, meanScore: 0.08, cached: 0,
                            scored: 22, meanSquareScore: 0.08 * 0.08 + 0.0004),
        ]
        let warnings = ReportFindings.flatScores(data)
        #expect(warnings.count == 1)
        #expect(warnings.first?.tone == .warning)
        #expect(warnings.first?.text.contains("\"label fits\" is nearly constant") == true)
        #expect(warnings.first?.text.contains("100% of the quality weight") == true)
        data.stages = data.stages.map { var row = $0; row.meanSquareScore = (row.meanScore ?? 0) * (row.meanScore ?? 0) + 0.04; return row }
        #expect(ReportFindings.flatScores(data).isEmpty)
    }

    @Test func theStoreGivesEachScoresSpread() async throws {
        let directory = try await FixtureRun.shared.value
        let store = try RunStore(opening: directory, access: .readOnly)
        let rows = try await store.stageOutcomes().filter { $0.stage == "length" }
        await store.close()
        let spread = try #require(ScoreSpread(rows))
        #expect(spread.count == rows.reduce(0) { $0 + $1.total })
        #expect(spread.deviation > 0.05)  // SMS lengths vary: the fixture's length score is not flat
    }

    @Test func theReportAndTheCardStateTheSameFindingsWithTheBaseline() async throws {
        let data = try await fixture()
        let findings = ReportFindings.all(data)
        #expect(findings.contains { $0.text.contains("majority-class baseline") })
        let html = HTMLReport.render(data)
        let card = DatasetCard.render(data)
        #expect(html.contains("id=\"findings\""))
        for finding in findings {
            #expect(html.contains(Markup.escapeText(finding.text)), "\(finding.text)")
            #expect(card.contains(finding.text), "\(finding.text)")
        }
    }
}

/// What the report shows of the dataset and its evaluation (issue 12): scores once, pass % as in the run
/// summary, the baseline drawn, a caption that names only drawn lines, lengths and examples per label.
@Suite struct ReportDatasetViewsTests {
    func rendered() async throws -> (ReportData, XMLTree) {
        let data = try await RunReport.load(runDirectory: try await FixtureRun.shared.value)
        return (data, XMLTree(HTMLReport.render(data)))
    }

    @Test func aScoreThatIsOneCheckIsListedOnce() async throws {
        func row(_ stage: String, _ kind: String, _ mean: Double) -> StageOutcomeRow {
            StageOutcomeRow(arm: "a", stage: stage, kind: kind, total: 5, passed: 5, meanScore: mean, cached: 0)
        }
        var (data, _) = try await rendered()
        data.stages = [row("about movies: similarity", "similarity", 0.45), row("about movies", "score", 0.45),
                       row("mixed: entails", "entails", 0.2), row("mixed", "score", 0.6)]
        #expect(data.shownStages.map(\.stage) == ["about movies", "mixed: entails", "mixed"])
    }

    @Test func theAccuracyChartDrawsTheBaselineAndItsCaptionOnlyNamesDrawnLines() async throws {
        let (data, tree) = try await rendered()
        let figure = try #require(tree.root?.descendants.first { $0.name == "figure" && $0.descendants.contains { $0.attributes["id"] == "chart-accuracy" } })
        let caption = figure.descendants.first { $0.name == "figcaption" }?.allText ?? ""
        let hasReal = data.evaluations.contains { $0.metrics["real_train_accuracy"]?.doubleValue != nil }
        #expect(caption.contains("Trained on real data") == hasReal)
        #expect(caption.contains("Majority baseline"))
        #expect(figure.descendants.contains { $0.attributes["data-series"] == "majority baseline" })
    }

    @Test func lengthsAndExamplesPerLabelAreShown() async throws {
        let (data, tree) = try await rendered()
        #expect(data.textLengths.count == data.acceptedCount)
        let nodes = tree.root?.descendants ?? []
        #expect(nodes.contains { $0.attributes["id"] == "chart-lengths" })
        let examples = try #require(nodes.first { $0.attributes["id"] == "table-label-examples" })
        let labels = Set(data.labelExamples.compactMap(\.label))
        #expect(labels == ["ham", "spam"])
        #expect(examples.descendants.filter { $0.name == "tr" }.count == data.labelExamples.count + 1)
    }

    @Test func theArmTableShowsTheRunSummarysPassPercent() async throws {
        let (data, tree) = try await rendered()
        let table = try #require(tree.root?.descendants.first { $0.attributes["id"] == "table-arms" })
        let text = table.allText
        for row in data.armSummaries where row.generated > 0 {
            #expect(text.contains(ReportFormat.percent(row.passed, of: row.generated)))
        }
        #expect(text.contains("pass %"))
    }
}

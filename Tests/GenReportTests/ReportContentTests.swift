import Foundation
import Testing
import GenCore
import GenStore
@testable import GenReport

/// The report rendered from the fixture run: well-formed, self-contained, and every chart drawn from the store's numbers.
@Suite struct ReportContentTests {
    static let chartIDs = [
        "chart-arm-choices", "chart-arm-reward", "chart-epsilon", "chart-acceptance", "chart-rejections", "chart-labels",
        "chart-diversity", "chart-vendi", "chart-accuracy", "chart-credit",
    ]

    func fixture() async throws -> (URL, ReportData, XMLTree, RunStore) {
        let directory = try await FixtureRun.shared.value
        let data = try await RunReport.load(runDirectory: directory)
        let tree = XMLTree(HTMLReport.render(data))
        let store = try RunStore(opening: directory, access: .readOnly)
        return (directory, data, tree, store)
    }

    @Test func pageIsWellFormedSelfContainedAndHasEveryChart() async throws {
        let (_, data, tree, _) = try await fixture()
        let html = HTMLReport.render(data)
        #expect(tree.error == nil, "\(tree.error ?? "")")
        #expect(!html.contains("<script"))
        let nodes = tree.root?.descendants ?? []
        // Nothing is fetched: no src attributes, no external links or stylesheets.
        #expect(nodes.allSatisfy { $0.attributes["src"] == nil })
        #expect(nodes.allSatisfy { !($0.attributes["href"] ?? "").contains("://") })
        #expect(nodes.filter { $0.name == "link" }.isEmpty)
        for id in Self.chartIDs {
            let chart = try #require(tree.element(id: id), "chart \(id) missing")
            #expect(chart.name == "svg")
            #expect(chart.all("title").first?.allText.isEmpty == false)
        }
        #expect(tree.root?.all("figure", className: "missing").isEmpty == true)
        // The header names the script, its hash, the seed and the model.
        let text = tree.root?.allText ?? ""
        #expect(text.contains("examples/sms <spam> & ham.gen"))
        #expect(text.contains(String(repeating: "ab", count: 32)))
        #expect(text.contains("seed 7"))
        #expect(text.contains("smollm2"))
    }

    @Test func armChoicesAreTheStoredAllocations() async throws {
        let (_, _, tree, store) = try await fixture()
        let batches = try await store.batches()
        let chart = try #require(tree.element(id: "chart-arm-choices"))
        let bars = chart.all("rect", className: "bar")
        var drawn: [String: [String: Double]] = [:]
        for bar in bars {
            drawn[bar.attributes["data-category"] ?? "", default: [:]][bar.attributes["data-series"] ?? ""] = bar.number("data-value")
        }
        #expect(drawn.count == batches.count)
        for batch in batches {
            let expected = batch.allocation.filter { $0.value > 0 }.mapValues(Double.init)
            #expect(drawn[String(batch.index + 1)] == expected)
        }
        // Heights are proportional to the slot counts.
        let ratios = bars.compactMap { bar in bar.number("height").flatMap { height in bar.number("data-value").map { height / $0 } } }
        #expect(ratios.count == bars.count)
        #expect(ratios.allSatisfy { abs($0 - ratios[0]) < 0.02 })
    }

    @Test func rewardLinesAreTheRoutersMeansAfterEachBatch() async throws {
        let (_, data, tree, store) = try await fixture()
        let batches = try await store.batches()
        let chart = try #require(tree.element(id: "chart-arm-reward"))
        for arm in data.arms {
            let series = try #require(chart.all("g", className: "series").first { $0.attributes["data-series"] == arm })
            let points = series.all("circle", className: "point")
            #expect(points.count == batches.count)
            for (point, batch) in zip(points, batches) {
                let statistics = try #require(batch.routerState["arms"]?[arm]?.arrayValue)
                let mean = (statistics[1].doubleValue ?? 0) / (statistics[0].doubleValue ?? 1)
                #expect(abs((point.number("data-y") ?? -1) - mean) < 1e-12)
                #expect(point.number("data-x") == Double(batch.index + 1))
            }
            #expect(series.all("path", className: "band").count == 1)
        }
    }

    @Test func epsilonLineHasOnePointPerBatch() async throws {
        let (_, _, tree, store) = try await fixture()
        let epsilon = try await store.batchSeries(.routerState("epsilon"))
        let points = try #require(tree.element(id: "chart-epsilon")).all("circle", className: "point")
        #expect(points.count == epsilon.count)
        #expect(points.compactMap { $0.number("data-y") } == epsilon.compactMap(\.value))
        // It decays: the run's epsilon-greedy has decay 0.8 down to 0.05.
        let values = epsilon.compactMap(\.value)
        #expect(values.first ?? 0 > values.last ?? 1)
    }

    @Test func acceptanceAndRejectionBarsAreTheStoresCounts() async throws {
        let (_, _, tree, store) = try await fixture()
        let summaries = try await store.armSummaries()
        let acceptance = try #require(tree.element(id: "chart-acceptance")).all("rect", className: "bar")
        #expect(acceptance.count == summaries.count)
        for row in summaries {
            let bar = try #require(acceptance.first { $0.attributes["data-category"] == row.arm })
            // The run summary's pass %: passed every check (surplus included) over generated.
            #expect(abs((bar.number("data-value") ?? -1) - Double(row.passed) / Double(row.generated)) < 1e-12)
            #expect(row.passed >= row.accepted)
        }
        let reasons = try await store.rejectionReasons()
        #expect(reasons.contains { $0.reason == "duplicate" } && reasons.contains { $0.reason == "unreadable output" })
        let bars = try #require(tree.element(id: "chart-rejections")).all("rect", className: "bar")
        for row in reasons {
            let bar = try #require(bars.first { $0.attributes["data-series"] == row.arm && $0.attributes["data-category"] == row.reason })
            #expect(bar.number("data-value") == Double(row.count))
        }
        #expect(bars.reduce(0) { $0 + ($1.number("data-value") ?? 0) } == Double(reasons.reduce(0) { $0 + $1.count }))
    }

    @Test func labelsAndDownstreamChartsAreTheStoresNumbers() async throws {
        let (_, data, tree, store) = try await fixture()
        let coverage = try await store.labelCoverage(field: "label")
        let labelBars = try #require(tree.element(id: "chart-labels")).all("rect", className: "bar")
        for row in coverage {
            let bar = try #require(labelBars.first { $0.attributes["data-series"] == "accepted" && $0.attributes["data-category"] == row.label })
            #expect(bar.number("data-value") == Double(row.count))
        }
        // Quotas ham 2 : spam 1 of 48 samples.
        #expect(labelBars.first { $0.attributes["data-series"] == "quota target" && $0.attributes["data-category"] == "ham" }?.number("data-value") == 32)

        let evaluations = try await store.evaluations()
        #expect(evaluations.count >= 2)
        let accuracy = try #require(tree.element(id: "chart-accuracy")).all("g", className: "series")
            .first { $0.attributes["data-series"] == "accuracy" }
        let points = try #require(accuracy).all("circle", className: "point")
        #expect(points.compactMap { $0.number("data-x") } == evaluations.map { Double($0.afterAccepted) })
        #expect(points.compactMap { $0.number("data-y") } == evaluations.compactMap { $0.metrics["accuracy"]?.doubleValue })
        let credit = try #require(tree.element(id: "chart-credit")).all("rect", className: "bar")
        for evaluation in evaluations {
            for (arm, value) in evaluation.credit {
                let bar = credit.first { $0.attributes["data-series"] == arm && $0.attributes["data-category"] == "after \(evaluation.afterAccepted)" }
                #expect(bar?.number("data-value") == value)
            }
        }
        #expect(data.diversity.last?.figures.texts == data.acceptedCount)
    }

    @Test func tablesSummariseArmsRouterAndSamples() async throws {
        let (_, data, tree, store) = try await fixture()
        let arms = try #require(tree.element(id: "table-arms"))
        let rows = arms.all("tbody").first?.all("tr") ?? []
        #expect(rows.count == data.arms.count)
        let summaries = try await store.armSummaries()
        for (row, arm) in zip(rows, data.arms) {
            let cells = row.all("td").map { $0.allText }
            let summary = try #require(summaries.first { $0.arm == arm })
            #expect(cells[0] == arm)
            #expect(cells[2] == String(summary.generated))
            #expect(cells[3] == String(summary.accepted))
            #expect(cells[8].contains("length"))
        }
        let router = try #require(tree.element(id: "table-router"))
        #expect(router.all("tbody").first?.all("tr").count == data.arms.count)
        #expect(tree.element(id: "table-accepted")?.all("tbody").first?.all("tr").count == RunReport.sampleCount)
        let rejected = try #require(tree.element(id: "table-rejected")).all("tbody").first?.all("tr") ?? []
        #expect(!rejected.isEmpty)
        #expect(rejected.allSatisfy { !($0.all("td")[2].allText.isEmpty) })
        #expect(tree.element(id: "table-evaluations") != nil)
    }
}

@Suite struct LongRunTests {
    /// 250 batches become 84 bars of 3 batches each (at most 100), and no slot is lost on the way.
    @Test func manyBatchesShareBarsWithoutLosingSlots() async throws {
        var data = try await RunReport.load(runDirectory: try await FixtureRun.shared.value)
        let template = try #require(data.batches.first)
        data.batches = (0..<250).map { index in
            var batch = template
            batch.index = index
            batch.allocation = ["faithful": index % 3, "noisy": 1, "repetitive": 2 - index % 3]
            return batch
        }
        let tree = XMLTree(HTMLReport.render(data))
        #expect(tree.error == nil)
        let bars = try #require(tree.element(id: "chart-arm-choices")).all("rect", className: "bar")
        let categories = Set(bars.compactMap { $0.attributes["data-category"] })
        #expect(categories.count == 84)
        #expect(categories.contains("1\u{2013}3") && categories.contains("250"))
        let total = bars.reduce(0) { $0 + ($1.number("data-value") ?? 0) }
        #expect(total == Double(data.batches.reduce(0) { $0 + $1.allocation.values.reduce(0, +) }))
        #expect(bars.first { $0.attributes["data-category"] == "1\u{2013}3" && $0.attributes["data-series"] == "noisy" }?.number("data-value") == 3)
    }
}

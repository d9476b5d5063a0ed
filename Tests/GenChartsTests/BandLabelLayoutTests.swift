import Testing
@testable import GenCharts

/// Category axes show every category: the report's label chart used to drop every other label.
@Suite struct BandLabelLayoutTests {
    let options = ChartOptions(id: "c", title: "t", summary: "s", xLabel: "label", yLabel: "n", width: 540, height: 280)

    /// The x axis's tick labels (the y axis's ticks are numbers; these categories are not).
    func tickValues(_ categories: [String]) -> [String] {
        let chart = GroupedBarChart(categories: categories, values: categories.map { _ in 1 }, name: "n", options: options)
        let parsed = ParsedSVG(chart.render())
        #expect(parsed.error == nil)
        return parsed.all("g", className: "tick").compactMap { $0.attributes["data-value"] }.filter { Double($0) == nil || categories.count > 100 }
    }

    @Test func longLabelsThatDoNotFitUprightAreAllShownSlanted() {
        let labels = ["card_arrival", "card_linking", "exchange_rate", "lost_or_stolen_card", "transfer_failed",
                      "balance_not_updated", "pin_blocked", "refund_not_showing", "top_up_failed", "wrong_amount"]
        #expect(BandLabelLayout.choose(labels, plotWidth: ChartFrame.plotWidth(options)) == .slanted)
        #expect(tickValues(labels) == labels)
    }

    @Test func shortLabelsStayUprightAndHundredsOfBandsAreThinned() {
        #expect(BandLabelLayout.choose(["ham", "spam"], plotWidth: 460) == .upright)
        #expect(tickValues(["ham", "spam"]) == ["ham", "spam"])
        let batches = (1...200).map(String.init)
        #expect(BandLabelLayout.choose(batches, plotWidth: 460) == .thinned)
        #expect(tickValues(batches).count < 200)
    }

    @Test func slantedLabelsGetRoomBelowTheAxis() {
        let labels = (1...10).map { "a rather long label \($0)" }
        #expect(BandLabelLayout.slanted.bottomMargin(labels) > BandLabelLayout.upright.bottomMargin(labels))
    }
}

import GenCharts

/// Charts of the dataset itself: labels against quotas, diversity and novelty, downstream utility.
enum DataCharts {
    static func labels(_ data: ReportData) -> Markup {
        let id = "chart-labels", title = "Label coverage against quotas"
        guard let field = data.labelField else {
            return HTMLPieces.note(id, title: title, because: "the spec names no label field")
        }
        let targets = data.quotaTargets
        var labels = targets.keys.sorted()
        for row in data.labels { if let label = row.label, !labels.contains(label) { labels.append(label) } }
        let missing = data.labels.first { $0.label == nil }?.count ?? 0
        guard !labels.isEmpty else {
            return HTMLPieces.note(id, title: title, because: "no accepted sample has a '\(field)' value yet")
        }
        let counts = labels.map { label in Double(data.labels.first { $0.label == label }?.count ?? 0) }
        var series = [BarSeries(name: "accepted", values: counts, colorIndex: 5)]
        if !targets.isEmpty {
            series.append(BarSeries(name: "quota target", values: labels.map { targets[$0] ?? 0 }, colorIndex: 7))
        }
        let chart = GroupedBarChart(categories: labels, series: series, options: ChartOptions(
            id: id, title: title, summary: "Accepted samples per value of '\(field)' next to the count its quota asks for.",
            xLabel: field, yLabel: "samples", height: 280))
        var caption = "Accepted samples per '\(field)' value"
        caption += targets.isEmpty ? "; the label field is not an enum, so there are no quotas." : ", beside the count each quota asks for at the target size."
        if missing > 0 { caption += " \(missing) accepted samples have no '\(field)' value." }
        return HTMLPieces.figure(chart.svg, caption: caption)
    }

    /// Distinct-n of the accepted pool, plus the quality layer's novelty and duplicate rate per batch when it stored them.
    static func diversity(_ data: ReportData) -> Markup {
        let id = "chart-diversity", title = "Diversity and novelty over time"
        var series: [LineSeries] = []
        if !data.diversity.isEmpty {
            series.append(LineSeries(name: "distinct-1 (pool)", points: data.diversity.map {
                LinePoint(x: Double($0.batchIndex + 1), y: $0.figures.distinct1)
            }, colorIndex: 4))
            series.append(LineSeries(name: "distinct-2 (pool)", points: data.diversity.map {
                LinePoint(x: Double($0.batchIndex + 1), y: $0.figures.distinct2)
            }, colorIndex: 5))
        }
        for (offset, metric) in [("mean_novelty", "novelty (batch mean)"), ("dup_rate", "duplicate rate (batch)")].enumerated() {
            let points = data.batches.compactMap { batch in batch.metrics[metric.0].map { LinePoint(x: Double(batch.index + 1), y: $0) } }
            if !points.isEmpty { series.append(LineSeries(name: metric.1, points: points, colorIndex: 6 + offset)) }
        }
        guard !series.isEmpty else {
            let reason = data.textField == nil
                ? "the output schema has no string field to measure and the batches stored no novelty figures"
                : "nothing has been accepted yet"
            return HTMLPieces.note(id, title: title, because: reason)
        }
        let chart = LineChart(series: series, options: ChartOptions(
            id: id, title: title, summary: "Distinct-1 and distinct-2 of the accepted pool and per-batch novelty and duplicate rate.",
            xLabel: "batch", yLabel: "share", width: HTMLPieces.wideChartWidth, height: 300, yDomain: (0, 1)))
        let field = data.textField.map { "'\($0)'" } ?? "text"
        return HTMLPieces.figure(chart.svg, caption: "Distinct-n is unique word n-grams over all n-grams in the accepted \(field) values so far (1 means no repetition). Novelty and duplicate rate are the quality layer's per-batch figures.", wide: true)
    }

    /// The Vendi score (effective number of distinct samples), when the quality layer recorded it.
    static func vendi(_ data: ReportData) -> Markup? {
        let points = data.batches.compactMap { batch in batch.metrics["vendi"].map { LinePoint(x: Double(batch.index + 1), y: $0) } }
        guard !points.isEmpty else { return nil }
        let chart = LineChart(series: [LineSeries(name: "vendi", points: points, colorIndex: 4)], options: ChartOptions(
            id: "chart-vendi", title: "Vendi score of the pool", summary: "Effective number of distinct samples in the pool after each batch.",
            xLabel: "batch", yLabel: "effective samples", height: 260, showsLegend: false))
        return HTMLPieces.figure(chart.svg, caption: "The Vendi score: how many truly different samples the pool is worth. It should keep growing with the pool.")
    }

    static func accuracy(_ data: ReportData) -> Markup {
        let id = "chart-accuracy", title = "Downstream accuracy at each evaluation"
        guard !data.evaluations.isEmpty else {
            return HTMLPieces.note(id, title: title, because: DataCharts.noEvaluationReason(data))
        }
        var series: [LineSeries] = []
        let metrics = [("accuracy", "accuracy"), ("macro_f1", "macro-F1"), ("majority_baseline", "majority baseline"),
                       ("real_train_accuracy", "trained on real data")]
        for (offset, metric) in metrics.enumerated() {
            let points = data.evaluations.compactMap { evaluation in
                evaluation.metrics[metric.0]?.doubleValue.map { LinePoint(x: Double(evaluation.afterAccepted), y: $0) }
            }
            if !points.isEmpty { series.append(LineSeries(name: metric.1, points: points, colorIndex: [5, 4, 6, 7][offset])) }
        }
        guard !series.isEmpty else {
            return HTMLPieces.note(id, title: title, because: "the stored evaluations have no accuracy figure")
        }
        let chart = LineChart(series: series, options: ChartOptions(
            id: id, title: title, summary: "Accuracy of a small classifier trained on the accepted samples and tested on real data.",
            xLabel: "accepted samples", yLabel: "score", height: 300, yDomain: (0, 1)), niceX: true)
        let method = data.evaluations.last?.protocolName ?? ""
        // The caption explains only the lines that are drawn.
        var caption = "A small classifier trained on the accepted pool at each evaluation (\(method))."
        let drawn = Set(series.map(\.name))
        if drawn.contains("majority baseline") {
            caption += " \"Majority baseline\" is the accuracy of always predicting the test set's most common label; a model at or below it learned nothing."
        }
        if drawn.contains("trained on real data") {
            caption += " \"Trained on real data\" is the same model trained on the real training rows, for reference."
        }
        return HTMLPieces.figure(chart.svg, caption: caption)
    }

    static func credit(_ data: ReportData) -> Markup {
        let id = "chart-credit", title = "Per-arm credit at each evaluation"
        let evaluations = data.evaluations.filter { !$0.credit.isEmpty }
        guard !evaluations.isEmpty else {
            let reason = data.evaluations.isEmpty
                ? DataCharts.noEvaluationReason(data)
                : "the evaluations gave no per-arm credit (without a real test set Gen cross-validates on the synthetic data and credits no arm)"
            return HTMLPieces.note(id, title: title, because: reason)
        }
        let arms = data.arms.filter { arm in evaluations.contains { $0.credit[arm] != nil } }
        let categories = evaluations.map { "after \($0.afterAccepted)" }
        let series = arms.map { arm in
            BarSeries(name: arm, values: evaluations.map { $0.credit[arm] ?? 0 }, colorIndex: data.colorIndex(of: arm))
        }
        let chart = GroupedBarChart(categories: categories, series: series, options: ChartOptions(
            id: id, title: title, summary: "Each arm's share of the accuracy gain at each evaluation.",
            xLabel: "evaluation", yLabel: "credit (accuracy points)", height: 300))
        return HTMLPieces.figure(chart.svg, caption: "How much of the downstream accuracy each arm's samples earned (Shapley value or leave-one-arm-out). The router receives this credit as delayed reward.")
    }

    static func noEvaluationReason(_ data: ReportData) -> String {
        guard let graph = data.graph else { return "no evaluation was recorded" }
        guard let evaluation = graph.evaluation else { return "the script has no evaluate block" }
        return "no evaluation has run yet (it runs every \(evaluation.every) accepted samples and at the end)"
    }
}

import Testing
import GenEval
@testable import GenBenchmarks

@Suite struct BenchmarkTests {
    @Test func resamplerKeepsLabelsAndIsSeeded() {
        let base = ToyData.samples(count: 10, seed: 1)
        let grown = SyntheticResampler.resample(base, count: 50, seed: 7)
        #expect(grown.count == 50)
        #expect(grown == SyntheticResampler.resample(base, count: 50, seed: 7))
        let labelOf = Dictionary(base.map { ($0.text, $0.label) }, uniquingKeysWith: { first, _ in first })
        #expect(grown.allSatisfy { !$0.text.isEmpty && ["sports", "finance"].contains($0.label) })
        #expect(grown.contains { labelOf[$0.text] == nil })  // some rows were perturbed
    }

    @Test func benchmarkTableCoversModelsAndSets() throws {
        let table = try EvalBenchmark.run(
            dataDirectory: FixtureData.directory, sizes: [200], dataSets: ["sst2", "missing_set"], includeArmCredit: false, seed: 1)
        #expect(table.contains("Training and evaluation time"))
        let lines = table.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("200") }.count == 2)
        #expect(lines.filter { $0.hasPrefix("sst2") }.count == 2)
        #expect(lines.contains { $0.hasPrefix("missing_set") && $0.contains("missing") })
    }
}

import Testing
@testable import GenCharts

@Suite struct ScaleTests {
    @Test func linearScaleMapsTheDomainOntoTheRangeAndBack() {
        let scale = LinearScale(domain: (0, 10), range: (100, 300))
        #expect(scale(0) == 100)
        #expect(scale(10) == 300)
        #expect(scale(2.5) == 150)
        #expect(scale.invert(150) == 2.5)
        // A y axis runs backwards: larger values sit higher (smaller pixel y).
        let y = LinearScale(domain: (-1, 1), range: (200, 0))
        #expect(y(-1) == 200)
        #expect(y(0) == 100)
        #expect(y(1) == 0)
    }

    @Test func degenerateDomainsStillGetWidth() {
        #expect(NiceTicks.usableDomain(5, 5) == (0, 5))
        #expect(NiceTicks.usableDomain(-3, -3) == (-3, 0))
        #expect(NiceTicks.usableDomain(0, 0) == (0, 1))
        #expect(NiceTicks.usableDomain(.nan, 4) == (0, 1))
        #expect(NiceTicks.usableDomain(7, 2) == (2, 7))
        let single = LinearScale(domain: (4, 4), range: (0, 100))
        #expect(single(4) == 100)
        #expect(single(0) == 0)
    }

    @Test func stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        #expect(NiceTicks.step(span: 1, count: 5) == 0.2)
        #expect(NiceTicks.step(span: 97, count: 5) == 20)
        #expect(NiceTicks.step(span: 10, count: 10) == 1)
        #expect(NiceTicks.step(span: 0.03, count: 5) == 0.005)
        #expect(NiceTicks.step(span: 3600, count: 4) == 1000)
        #expect(NiceTicks.step(span: 0, count: 5) == 1)
    }

    @Test func ticksForSeveralRanges() {
        #expect(NiceTicks.ticks(0, 1, count: 5) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(NiceTicks.ticks(0, 97, count: 5) == [0, 20, 40, 60, 80])
        #expect(NiceTicks.ticks(-3.2, 7.8, count: 5) == [-2, 0, 2, 4, 6])
        #expect(NiceTicks.ticks(-50, -3, count: 5) == [-50, -40, -30, -20, -10])
        #expect(NiceTicks.ticks(0.001, 0.0013, count: 3) == [0.001, 0.0011, 0.0012, 0.0013])
        // One point and all-equal values: the domain widens to include zero.
        #expect(NiceTicks.ticks(0.5, 0.5, count: 5) == [0, 0.1, 0.2, 0.3, 0.4, 0.5])
        #expect(NiceTicks.ticks(0, 0, count: 2) == [0, 0.5, 1])
    }

    @Test func niceDomainsWidenOutwardToTicks() {
        #expect(NiceTicks.niceDomain(0, 97, count: 5) == (0, 100))
        #expect(NiceTicks.niceDomain(-3.2, 7.8, count: 5) == (-4, 8))
        #expect(NiceTicks.niceDomain(0.31, 0.78, count: 5) == (0.3, 0.8))
        let scale = LinearScale.nice(over: [3, 13, 7], includeZero: true, range: (0, 1))
        #expect(scale.domain == (0, 14))
        #expect(LinearScale.nice(over: [], range: (0, 1)).domain == (0, 1))
    }

    @Test func bandScalePlacesCategoriesEvenlyAndThinsLabels() {
        let band = BandScale(categories: ["a", "b", "c", "d"], range: (0, 420), paddingInner: 0.2, paddingOuter: 0.1)
        // 4 bands - 0.2 inner + 2 * 0.1 outer = 4 steps of 105 px.
        #expect(band.step == 105)
        #expect(abs(band.bandwidth - 84) < 1e-9)
        #expect(abs(band.start(at: 0) - 10.5) < 1e-9)
        #expect(abs(band.start(at: 3) - 325.5) < 1e-9)
        #expect(band.start(of: "b") == band.start(at: 1))
        #expect(band.start(of: "z") == nil)
        #expect(band.labelledIndices(minSpacing: 100) == [0, 1, 2, 3])
        #expect(band.labelledIndices(minSpacing: 150) == [0, 2])
        #expect(BandScale(categories: [], range: (0, 100)).labelledIndices(minSpacing: 10).isEmpty)
    }

    @Test func tickLabelsUseTheStepsPrecision() {
        #expect(NumberText.tick(0.2, step: 0.2) == "0.2")
        #expect(NumberText.tick(0.30000000000000004, step: 0.1) == "0.3")
        #expect(NumberText.tick(40, step: 20) == "40")
        #expect(NumberText.tick(20_000, step: 5_000) == "20k")
        #expect(NumberText.tick(2_500_000, step: 500_000) == "2.5M")
        #expect(NumberText.tick(-0.05, step: 0.05) == "-0.05")
        #expect(NumberText.coordinate(12.0) == "12")
        #expect(NumberText.coordinate(3.456) == "3.46")
        #expect(NumberText.coordinate(-0.001) == "0")
        #expect(NumberText.exact(0.1) == "0.1")
        #expect(NumberText.exact(3) == "3")
    }
}

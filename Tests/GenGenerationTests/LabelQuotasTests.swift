import Testing
@testable import GenGeneration

@Suite struct LabelQuotasTests {
    @Test func balancedByDefault() {
        let quotas = LabelQuotas(labels: ["a", "b", "c", "d"])
        #expect(quotas.allocate(slots: 8, accepted: [:], target: 40) == ["a", "b", "c", "d", "a", "b", "c", "d"])
    }

    @Test func shortLabelsGetTheSlots() {
        let quotas = LabelQuotas(labels: ["pos", "neg"])
        // pos already has its 10 of 20; all 4 slots go to neg.
        #expect(quotas.allocate(slots: 4, accepted: ["pos": 10, "neg": 2], target: 20) == ["neg", "neg", "neg", "neg"])
        #expect(quotas.deficits(accepted: ["pos": 10, "neg": 2], target: 20) == ["pos": 0, "neg": 8])
    }

    @Test func explicitSharesAreNormalised() {
        let quotas = LabelQuotas(labels: ["ham", "spam"], shares: ["ham": 3, "spam": 1])
        #expect(quotas.shares == ["ham": 0.75, "spam": 0.25])
        let slots = quotas.allocate(slots: 4, accepted: [:], target: 100)
        #expect(slots.filter { $0 == "ham" }.count == 3)
    }

    @Test func metQuotasFallBackToShares() {
        let quotas = LabelQuotas(labels: ["x", "y"])
        #expect(quotas.allocate(slots: 2, accepted: ["x": 9, "y": 9], target: 10) == ["x", "y"])
    }

    @Test func oddSlotCountsUseLargestRemainder() {
        let quotas = LabelQuotas(labels: ["a", "b", "c"])
        let slots = quotas.allocate(slots: 5, accepted: ["a": 0, "b": 3, "c": 3], target: 30)
        // deficits 10, 7, 7 -> exact 2.08, 1.46, 1.46 -> 2, 1, 1 + one more to b (earlier of the tie)
        #expect(slots.sorted() == ["a", "a", "b", "b", "c"])
    }
}

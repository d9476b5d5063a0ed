import Testing
@testable import GenStore

/// One reason per accepted sample made as many unlabelled bars: reasons are grouped by their kind.
@Suite struct RejectionCategoryTests {
    @Test func particularsAreDropped() {
        #expect(RejectionCategory.of("duplicate: exact duplicate of `accepted #12`") == "duplicate: exact duplicate")
        #expect(RejectionCategory.of("duplicate: near duplicate of `slot 3 of this batch` (estimated Jaccard 0.82)") == "duplicate: near duplicate")
        #expect(RejectionCategory.of("score \"label fits\" 0.21 below 0.50") == "score \"label fits\" below its threshold")
        #expect(RejectionCategory.of("novelty 0.03 below 0.10") == "novelty below the minimum")
        #expect(RejectionCategory.of("unreadable output: truncated JSON: missing `}`") == "unreadable output: truncated JSON")
        #expect(RejectionCategory.of("schema: field `label`: \"lost card\" is not one of ...") == "schema: field `label`")
        #expect(RejectionCategory.of("rule \"no urls\"") == "rule \"no urls\"")
    }

    @Test func rowsOfOneCategoryAreMerged() {
        let rows = [RejectionReasonRow(arm: "a", reason: "duplicate: exact duplicate of `accepted #1`", count: 2),
                    RejectionReasonRow(arm: "a", reason: "duplicate: exact duplicate of `accepted #7`", count: 3),
                    RejectionReasonRow(arm: "a", reason: "rule \"x\"", count: 4)]
        #expect(rows.groupedByCategory() == [RejectionReasonRow(arm: "a", reason: "duplicate: exact duplicate", count: 5),
                                             RejectionReasonRow(arm: "a", reason: "rule \"x\"", count: 4)])
    }
}

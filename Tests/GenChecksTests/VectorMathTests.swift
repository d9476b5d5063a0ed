import Testing
@testable import GenChecks

@Suite struct VectorMathTests {
    @Test func cosineOfKnownVectors() throws {
        #expect(try #require(VectorMath.cosine([1, 0], [0, 1])) == 0)
        #expect(abs(try #require(VectorMath.cosine([1, 2], [2, 4])) - 1) < 1e-12)
        #expect(try #require(VectorMath.cosine([1, 0], [-1, 0])) == -1)
        #expect(abs(try #require(VectorMath.cosine([1, 1], [1, 0])) - 0.5.squareRoot()) < 1e-12)
    }

    @Test func zeroVectorHasNoCosine() {
        #expect(VectorMath.cosine([0, 0], [1, 0]) == nil)
    }

    @Test func meanRejectsRaggedVectors() {
        #expect(VectorMath.mean([[1, 2], [3, 4]]) == [2, 3])
        #expect(VectorMath.mean([[1, 2], [3]]) == nil)
        #expect(VectorMath.mean([]) == nil)
    }
}

import Testing
@testable import GenEval

@Suite struct ShapleyValuesTests {
    @Test func additiveGameWithPairSynergy() throws {
        // v(S) = 1*x0 + 2*x1 + 3*x2 + 4*x0*x1: the synergy is split evenly between players 0 and 1.
        let values = try ShapleyValues.exact(players: 3) { mask in
            let has = { (player: Int) in mask & (1 << player) != 0 ? 1.0 : 0.0 }
            return 1 * has(0) + 2 * has(1) + 3 * has(2) + 4 * has(0) * has(1)
        }
        #expect(zip(values, [3.0, 4.0, 3.0]).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test func majorityGameIsSymmetric() throws {
        let values = try ShapleyValues.exact(players: 3) { $0.nonzeroBitCount >= 2 ? 1 : 0 }
        #expect(values.allSatisfy { abs($0 - 1.0 / 3.0) < 1e-12 })
    }

    @Test func efficiencyAndNullPlayerOnARandomGame() throws {
        var rng = SplitMixForTests(seed: 77)
        let table = (0..<64).map { _ in Double(rng.next() % 1000) / 1000 }
        // Player 5 is a null player: coalitions with and without it are worth the same.
        let value = { (mask: UInt32) in table[Int(mask & 0b11111)] }
        let values = try ShapleyValues.exact(players: 6, value: value)
        #expect(abs(values.reduce(0, +) - (value(0b111111) - value(0))) < 1e-12)
        #expect(abs(values[5]) < 1e-12)
    }

    @Test func leaveOneOutUnderCreditsRedundantPlayers() throws {
        // Players 0 and 1 are substitutes: either alone gives the full value.
        let value = { (mask: UInt32) in mask & 0b11 != 0 ? 1.0 : 0.0 }
        #expect(try ShapleyValues.leaveOneOut(players: 2, value: value) == [0, 0])
        #expect(try ShapleyValues.exact(players: 2, value: value) == [0.5, 0.5])
    }

    @Test func weightsSumToOnePerPlayer() {
        // Each player sees C(n-1, s) coalitions of size s; weighted, they must sum to 1.
        let weights = ShapleyValues.coalitionWeights(players: 8)
        var binomial = 1.0
        var total = 0.0
        for size in 0..<8 {
            total += binomial * weights[size]
            binomial = binomial * Double(7 - size) / Double(size + 1)
        }
        #expect(abs(total - 1) < 1e-12)
    }

    @Test func rejectsTooManyPlayers() {
        #expect(throws: EvalError.self) { try ShapleyValues.exact(players: 21) { _ in 0 } }
    }
}

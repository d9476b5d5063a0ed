import Testing
import GenEval

@Suite struct ArmCreditTests {
    /// Three arms from the SMS fixture: two clean, one with labels drawn at random (pure noise).
    static func arms() throws -> (arms: [String: [LabeledText]], test: [LabeledText]) {
        let data = try FixtureData.halves("sms_spam", seed: 5)
        var rng = SplitMixForTests(seed: 13)
        let train = Array(data.train.prefix(600))
        let noisy = train[400..<600].map { LabeledText(text: $0.text, label: rng.next() % 2 == 0 ? "ham" : "spam") }
        let arms = ["clean-a": Array(train[0..<200]), "clean-b": Array(train[200..<400]), "noise": noisy]
        return (arms, Array(data.test.prefix(400)))
    }

    @Test func noiseArmGetsLowestCreditAndCreditsAddUp() throws {
        let (arms, test) = try Self.arms()
        let result = try ArmCredit.shapley(samplesByArm: arms, test: test, model: "logreg", metric: .macroF1, seed: 3)
        #expect(result.method == .shapley && result.arms == ["clean-a", "clean-b", "noise"])
        #expect(result.fits == 7)
        let noise = try #require(result.credit(for: "noise"))
        #expect(result.credits.filter { $0 > noise }.count == 2)
        #expect(abs(result.credits.reduce(0, +) - (result.fullValue - result.emptyValue)) < 1e-9)
    }

    @Test func leaveOneOutAlsoRanksNoiseLowestAndIsDeterministic() throws {
        let (arms, test) = try Self.arms()
        let first = try ArmCredit.leaveOneOut(samplesByArm: arms, test: test, model: "nb", seed: 9)
        let again = try ArmCredit.leaveOneOut(samplesByArm: arms, test: test, model: "nb", seed: 9)
        #expect(first == again)
        #expect(first.fits == 4)
        #expect(first.credits.firstIndex(of: first.credits.min() ?? 0) == first.arms.firstIndex(of: "noise"))
    }

    @Test func emptyCoalitionIsMajorityBaseline() throws {
        let test = [LabeledText(text: "x", label: "a"), LabeledText(text: "y", label: "a"), LabeledText(text: "z", label: "b")]
        let arms = ["only": ToyData.samples(count: 10, seed: 1)]
        let result = try ArmCredit.shapley(samplesByArm: arms, test: test, model: "nb", seed: 0)
        #expect(abs(result.emptyValue - 2.0 / 3.0) < 1e-12)
        #expect(result.credits == [result.fullValue - result.emptyValue])
    }

    @Test func automaticSwitchesToLeaveOneOutAboveEightArms() throws {
        let pool = ToyData.samples(count: 36, seed: 4)
        let arms = Dictionary(uniqueKeysWithValues: (0..<9).map { ("arm\($0)", Array(pool[($0 * 4)..<($0 * 4 + 4)])) })
        let test = ToyData.samples(count: 10, seed: 5)
        let result = try ArmCredit.automatic(samplesByArm: arms, test: test, model: "nb", seed: 1)
        #expect(result.method == .leaveOneOut && result.fits == 10)
        #expect(throws: EvalError.self) { try ArmCredit.shapley(samplesByArm: arms, test: test, model: "nb", seed: 1) }
        #expect(throws: EvalError.self) { try ArmCredit.shapley(samplesByArm: [:], test: test, seed: 1) }
    }
}

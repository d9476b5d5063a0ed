import GenCore
import GenPipeline
import Testing
@testable import GenRuntime

@Suite struct ValueTests {
    @Test func jsonRoundTripKeepsIntsAndFloatsApart() {
        let json: JSONValue = .object([
            "n": .int(3), "x": .double(0.5), "s": .string("a"), "b": .bool(true), "z": .null,
            "list": .array([.int(1), .double(2.5)]), "nested": .object(["k": .string("v")]),
        ])
        let value = Value(json: json)
        #expect(value.jsonValue == json)
        guard case .record(let record) = value else { Issue.record("not a record"); return }
        #expect(record.names == ["b", "list", "n", "nested", "s", "x", "z"])
        #expect(record["n"] == .int(3))
        #expect(record["z"] == Value.none)
    }

    @Test func opaqueValuesBecomeTaggedJSON() {
        #expect(Value.model("local").jsonValue == .object(["model": .string("local")]))
        let arm = Value.arm(ArmValue(kind: "naive", model: "local", parameters: ["temperature": 0.3]))
        #expect(arm.jsonValue == .object([
            "arm": .string("naive"), "model": .string("local"), "parameters": .object(["temperature": .double(0.3)]),
        ]))
        #expect(Value.range(RangeValue(lower: 0, upper: 2, inclusive: true)).jsonValue
            == .object(["lower": .int(0), "upper": .int(2), "inclusive": .bool(true)]))
    }

    @Test func promotionFollowsTheStaticType() {
        #expect(Value.int(2).promoted(to: .float) == .float(2))
        #expect(Value.int(2).promoted(to: .int) == .int(2))
        #expect(Value.list([1, 2.5]).promoted(to: .list(.float)) == .list([1.0, 2.5]))
        let record: Value = .record(["price": 30, "name": "tent"])
        #expect(record.promoted(to: .record(fields: ["price": .float, "name": .string], open: false))
            == .record(["price": 30.0, "name": "tent"]))
    }

    @Test func graphConstantsArePromotedToTheirTypes() throws {
        let constant = IRConstant(value: .int(2), type: .float, source: E.here)
        let interpreter = try Interpreter(constants: ["ratio": Value(json: constant.value).promoted(to: constant.type)])
        #expect(try eval(E.constant("ratio"), interpreter: interpreter) == .float(2))
    }

    @Test func recordsKeepOrderAndCompareAsMaps() {
        var record: Record = ["b": 1, "a": 2]
        record.set("b", to: 3)
        record.set("c", to: 4)
        #expect(record.names == ["b", "a", "c"])
        #expect(record == ["c": 4, "a": 2, "b": 3])
        #expect(record != ["c": 4, "a": 2])
        #expect(Record([.init(name: "x", value: 1), .init(name: "x", value: 2)]) == ["x": 2])
    }

    @Test func shapesForOverloadsAndHostResults() {
        #expect(Value.int(1).fitsShape(of: .float))
        #expect(!Value.float(1).fitsShape(of: .int))
        #expect(Value.string("a").fitsShape(of: .enumeration(["a"])))
        #expect(Value.record([:]).fitsShape(of: .schema("Intent")))
        #expect(Value.none.fitsShape(of: .any))
        #expect(!Value.none.fitsShape(of: .string))
    }

    @Test func typeNamesForMessages() {
        #expect(Value.int(1).typeWithArticle == "an int")
        #expect(Value.string("").typeWithArticle == "a string")
        #expect(Value.none.typeWithArticle == "none")
    }
}

@Suite struct OutcomeTests {
    private let interpreter: Interpreter
    init() throws { interpreter = try Interpreter() }

    @Test func rulesMustBeBools() throws {
        let rule = try interpreter.compile(
            E.not(E.call("matches", E.member(E.local("sample"), "text"), E.str("[0-9]{12,19}"))), bindings: ["sample"],
            context: "rule \"no card number\"")
        #expect(try interpreter.evaluateRule(rule, bindings: [.record(["text": "my card 4111111111111111"])]) == false)
        #expect(try interpreter.evaluateRule(rule, bindings: [.record(["text": "my card is gone"])]) == true)
        let notBool = try interpreter.compile(E.int(1), context: "rule \"x\"")
        var caught: RuntimeError?
        do { _ = try interpreter.evaluateRule(notBool, bindings: []) } catch { caught = error }
        #expect(caught?.message == "rule \"x\" must be a bool, got int 1")
    }

    @Test func scoresAreClampedAndTheClampingIsReported() throws {
        let score = try interpreter.compile(E.modelCheck(0) * E.float(2), context: "score \"on topic\"")
        let inside = try interpreter.evaluateScore(score, bindings: [], modelCheckResults: [.float(0.3)])
        #expect(inside == UnitScore(raw: 0.6))
        #expect(!inside.wasClamped)
        let over = try interpreter.evaluateScore(score, bindings: [], modelCheckResults: [.float(0.75)])
        #expect(over.value == 1 && over.raw == 1.5 && over.wasClamped)
        #expect(UnitScore(raw: -0.2).value == 0)
        #expect(throws: RuntimeError.self) { try interpreter.evaluateScore(score, bindings: [], modelCheckResults: []) }
    }

    @Test func rewardCombinesMetrics() throws {
        // reward = passed * (0.6 * quality + 0.4 * novelty)
        let reward = E.local("passed") * (E.float(0.6) * E.local("quality") + E.float(0.4) * E.local("novelty"))
        let compiled = try interpreter.compile(reward, bindings: ["passed", "quality", "novelty"], context: "reward")
        let value = try interpreter.evaluateReward(compiled, metrics: [1, 0.5, 1.0])
        #expect(abs(value.value - 0.7) < 1e-12)
        #expect(try interpreter.evaluateReward(compiled, metrics: [0, 0.5, 1.0]).value == 0)
        var caught: RuntimeError?
        do { _ = try interpreter.evaluateReward(compiled, metrics: [1, 0.5]) } catch { caught = error }
        #expect(caught?.message == "the expression needs 3 bindings (passed, quality, novelty), got 2")
        let text = try interpreter.compile(E.str("high"), context: "reward")
        do { _ = try interpreter.evaluateReward(text, metrics: []) } catch { caught = error }
        #expect(caught?.message == "reward must be a number, got string \"high\"")
    }

    @Test func modelCheckResultsAreIndexed() throws {
        let both = E.modelCheck(0) + E.modelCheck(1)
        #expect(try interpreter.evaluate(both, modelCheckResults: [0.25, 0.5]) == .float(0.75))
        #expect(failure(E.modelCheck(2))?.message == "model check #2 has no result (the host supplied 0)")
    }
}

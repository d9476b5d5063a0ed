import GenPipeline
import Testing
@testable import GenRuntime

@Suite struct UserFunctionTests {
    /// fn short(text: string, limit: int = 80) -> bool = len(text) <= limit
    private let short = E.fn(
        "short", [E.param("text", .string), E.param("limit", .int, default: E.int(80))], result: .bool,
        body: E.call("len", E.local("text"), type: .int) <= E.local("limit"))

    @Test func callsWithAllArguments() throws {
        let interpreter = try Interpreter(functions: [short])
        #expect(try eval(E.user("short", E.str("abcd"), E.int(3)), interpreter: interpreter) == .bool(false))
        #expect(try eval(E.user("short", E.str("abc"), E.int(3)), interpreter: interpreter) == .bool(true))
    }

    @Test func missingTrailingArgumentsTakeTheirDefaults() throws {
        let interpreter = try Interpreter(functions: [short])
        #expect(try eval(E.user("short", E.str(String(repeating: "x", count: 80))), interpreter: interpreter) == .bool(true))
        #expect(try eval(E.user("short", E.str(String(repeating: "x", count: 81))), interpreter: interpreter) == .bool(false))
        #expect(try interpreter.call(function: "short", arguments: ["hi"]) == .bool(true))
    }

    @Test func defaultsMayUseConstants() throws {
        let tight = E.fn(
            "tight", [E.param("text", .string), E.param("limit", .int, default: E.constant("max_len"))],
            body: E.call("len", E.local("text")) <= E.local("limit"))
        let interpreter = try Interpreter(constants: ["max_len": 2], functions: [tight])
        #expect(try eval(E.user("tight", E.str("abc")), interpreter: interpreter) == .bool(false))
    }

    @Test func functionsCallFunctionsAndSeeConstants() throws {
        let wordCount = E.fn("word_count", [E.param("text", .string)], body: E.call("count", E.call("words", E.local("text"))))
        let between = E.fn(
            "between", [E.param("text"), E.param("low"), E.param("high")],
            body: E.user("word_count", E.local("text")) >= E.local("low") && E.user("word_count", E.local("text")) <= E.local("high"))
        let interpreter = try Interpreter(constants: ["low": 2], functions: [wordCount, between])
        #expect(try eval(E.user("between", E.str("one two three"), E.constant("low"), E.int(3)), interpreter: interpreter) == .bool(true))
        #expect(try eval(E.user("between", E.str("one"), E.constant("low"), E.int(3)), interpreter: interpreter) == .bool(false))
    }

    @Test func floatParametersAndResultsPromoteInts() throws {
        let half = E.fn("half", [E.param("x", .float)], result: .float, body: E.local("x"))
        let whole = E.fn("whole", [], result: .float, body: E.int(2))
        let interpreter = try Interpreter(functions: [half, whole])
        #expect(try eval(E.user("half", E.int(3)), interpreter: interpreter) == .float(3))
        #expect(try eval(E.user("whole"), interpreter: interpreter) == .float(2))
    }

    @Test func recursionComputes() throws {
        let fib = Self.fib()
        let interpreter = try Interpreter(functions: [fib])
        #expect(try eval(E.user("fib", E.int(15)), interpreter: interpreter) == .int(610))
    }

    @Test func unknownNamesAndArityAreReportedAtCompileTime() throws {
        let interpreter = try Interpreter(functions: [short])
        let unknown = failure(E.user("shrot", E.str("a"), at: E.at(2, 5)), interpreter: interpreter)
        #expect(unknown?.kind == .unknownName)
        #expect(unknown?.message == "unknown fn `shrot`")
        #expect(unknown?.hint == "did you mean `short`?")
        #expect(unknown?.source == E.at(2, 5))
        #expect(failure(E.user("short", E.str("a"), E.int(1), E.int(2)), interpreter: interpreter)?.message == "`short` takes 2 arguments, got 3")
        #expect(failure(E.call("lenn", E.str("a")))?.hint == "did you mean `len`?")
        #expect(failure(E.call("len"))?.message == "`len` takes 1 argument, got 0")
        #expect(failure(E.local("smaple"), ["sample": 1])?.hint == "did you mean `sample`?")
        #expect(failure(E.constant("nope"))?.message == "unknown constant `nope`")
        let broken = E.fn("broken", [], body: E.local("missing"))
        #expect(throws: RuntimeError.self) { try Interpreter(functions: [broken]) }
    }

    @Test func errorsCarryTheCallStack() throws {
        let ratio = E.fn("ratio", [E.param("a"), E.param("b")], body: E.binary(.divide, E.local("a"), E.local("b"), at: E.at(3, 20)))
        let score = E.fn("score", [E.param("x")], body: E.user("ratio", E.local("x"), E.int(0), at: E.at(4, 15)))
        let interpreter = try Interpreter(functions: [ratio, score])
        let compiled = try interpreter.compile(E.user("score", E.int(1), at: E.at(9, 1)), context: "reward")
        var caught: RuntimeError?
        do { _ = try interpreter.evaluate(compiled) } catch { caught = error }
        let error = try #require(caught)
        #expect(error.stack == [
            StackFrame(context: "fn ratio", location: E.at(3, 20)),
            StackFrame(context: "fn score", location: E.at(4, 15)),
            StackFrame(context: "reward", location: E.at(9, 1)),
        ])
        #expect(error.description == """
            test.gen:3:20: runtime error: division by zero
              in fn ratio at test.gen:3:20
              in fn score at test.gen:4:15
              in reward at test.gen:9:1
            hint: guard the divisor: if d == 0 then ... else x / d
            """)
    }

    /// fn fib(n) = if n < 2 then n else fib(n - 1) + fib(n - 2), calls at 2:30 and 2:41.
    static func fib() -> FunctionNode {
        let n = E.local("n")
        return E.fn(
            "fib", [E.param("n", .int)], result: .int, at: E.at(2, 1),
            body: E.cond(
                n < E.int(2), n,
                E.user("fib", n - E.int(1), at: E.at(2, 30)) + E.user("fib", n - E.int(2), at: E.at(2, 41))))
    }
}

@Suite struct BudgetTests {
    /// fn depth(n) = if n == 0 then 0 else 1 + depth(n - 1): recursion as deep as n. Recursive call at 5:40.
    private let depth = E.fn(
        "depth", [E.param("n", .int)], result: .int,
        body: E.cond(E.local("n") == E.int(0), E.int(0), E.int(1) + E.user("depth", E.local("n") - E.int(1), at: E.at(5, 40))))

    @Test func stepBudgetStopsRunawayWorkAtTheCallBeingMade() throws {
        let interpreter = try Interpreter(functions: [UserFunctionTests.fib()])
        let error = try #require(failure(E.user("fib", E.int(40), at: E.at(7, 1)), interpreter: interpreter))
        #expect(error.kind == .stepBudgetExceeded)
        #expect(error.message == "step budget of 1000000 exceeded")
        #expect([E.at(2, 30), E.at(2, 41)].contains(error.source))
        #expect(error.stack.first?.context == "fn fib")
        // Deeper than 10 calls: the innermost 10 frames are kept and the rest counted.
        #expect(error.stack.count == 10 && error.omittedFrames > 0)
        #expect(error.stack.dropFirst().allSatisfy { [E.at(2, 30), E.at(2, 41)].contains($0.location) })
    }

    @Test func theBudgetIsConfigurable() throws {
        let interpreter = try Interpreter(functions: [UserFunctionTests.fib()], limits: EvaluationLimits(stepBudget: 100))
        #expect(failure(E.user("fib", E.int(10)), interpreter: interpreter)?.message == "step budget of 100 exceeded")
        let roomy = try Interpreter(functions: [UserFunctionTests.fib()], limits: EvaluationLimits(stepBudget: 20_000_000))
        #expect(try eval(E.user("fib", E.int(25)), interpreter: roomy) == .int(75025))
    }

    /// 100,000 levels would overflow a native stack; the limit stops it cleanly with a truncated trace.
    @Test func deepRecursionHitsTheDepthLimitNotTheNativeStack() throws {
        let interpreter = try Interpreter(functions: [depth])
        let error = try #require(failure(E.user("depth", E.int(100_000)), interpreter: interpreter))
        #expect(error.kind == .recursionLimitExceeded)
        #expect(error.message == "recursion depth limit of 10000 exceeded calling fn `depth`")
        #expect(error.source == E.at(5, 40))
        #expect(error.stack.count == 10)
        #expect(error.omittedFrames == 10_001 - 10)
        #expect(error.description.contains("  ... 9991 more frames"))
    }

    /// With the limits raised, the same 100,000-deep recursion completes: frames live on the heap.
    @Test func deepRecursionCompletesWhenAllowed() throws {
        let limits = EvaluationLimits(stepBudget: 10_000_000, maxCallDepth: 200_000)
        let interpreter = try Interpreter(functions: [depth], limits: limits)
        #expect(try eval(E.user("depth", E.int(100_000)), interpreter: interpreter) == .int(100_000))
    }

    @Test func eachEvaluationGetsItsOwnBudget() throws {
        let interpreter = try Interpreter(functions: [UserFunctionTests.fib()], limits: EvaluationLimits(stepBudget: 10_000))
        let compiled = try interpreter.compile(E.user("fib", E.int(12)))
        for _ in 0..<3 { #expect(try interpreter.evaluate(compiled) == .int(144)) }
    }
}

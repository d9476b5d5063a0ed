import GenCore
import GenPipeline
import Testing
import GenRuntime

/// Registration from another module (this test target), as the quality layer and hosts will do it.
@Suite struct RegistryTests {
    private static let anyRecord = GenType.record(fields: [:], open: true)

    @Test func standardRegistryHasEveryBuiltinOfTheIssue() {
        let names = Set(FunctionRegistry.standard.names)
        let required = [
            "len", "lower", "upper", "trim", "words", "contains", "starts_with", "ends_with", "split", "join", "replace",
            "matches", "min", "max", "sum", "mean", "abs", "round", "clamp", "count", "any", "all", "keys", "env", "read_jsonl",
        ]
        #expect(required.filter { !names.contains($0) } == [])
    }

    @Test func signaturesArePreciseForTheChecker() throws {
        let signatures = FunctionRegistry.standard.signatures
        #expect(signatures["matches"] == [FunctionSignature(
            name: "matches", parameters: [SignatureParameter(name: "text", type: .string), SignatureParameter(name: "pattern", type: .string)],
            result: .bool, summary: "Whether the regular expression matches somewhere in the string (ICU-style syntax, linear time: "
                + "no lookaround or backreferences).")])
        #expect(signatures["len"]?.map(\.parameters.first?.type) == [.string, .list(.any)])
        #expect(signatures["min"]?.map(\.result) == [.int, .float, .int, .float])
        #expect(signatures["min"]?.map(\.isVariadic) == [false, false, true, true])
        #expect(signatures["read_jsonl"]?.first?.result == .list(Self.anyRecord))
        #expect(signatures["join"]?.first?.parameters.last?.defaultValue == .string(""))
        #expect(signatures["env"]?.map(\.parameters.count) == [1, 2])
        // Every overload carries the function's name and a summary for :help.
        for (name, overloads) in signatures {
            #expect(overloads.allSatisfy { $0.name == name && !$0.summary.isEmpty })
        }
    }

    @Test func hostFunctionsAreCallableWithTheirContext() throws {
        var registry = FunctionRegistry.standard
        registry.register(signature: FunctionSignature(
            name: "valid", parameters: [SignatureParameter(name: "sample", type: Self.anyRecord)], result: .bool,
            summary: "Whether the sample matches the schema.")
        ) { arguments, context in
            #expect(context.function == "valid")
            guard case .record(let sample) = arguments[0] else { return .bool(false) }
            return .bool(sample["text"] != nil)
        }
        let interpreter = try Interpreter(registry: registry)
        let call = E.call("valid", E.local("sample"))
        #expect(try interpreter.evaluate(call, bindings: ["sample": .record(["text": "hi"])]) == .bool(true))
        #expect(try interpreter.evaluate(call, bindings: ["sample": .record(["label": "x"])]) == .bool(false))
        #expect(interpreter.registry.signatures["valid"]?.first?.result == .bool)
        // Arguments are shape-checked against the declaration before the host sees them.
        let wrong = failure(E.call("valid", E.int(1)), interpreter: interpreter)
        #expect(wrong?.message == "`valid` cannot take (int); it takes ({})")
    }

    @Test func variadicHostFunctions() throws {
        var registry = FunctionRegistry()
        registry.register(signature: FunctionSignature(
            name: "glue", parameters: [SignatureParameter(name: "parts", type: .string)], result: .string, isVariadic: true,
            summary: "Concatenates its arguments.")
        ) { arguments, _ in
            .string(try arguments.map { value throws(RuntimeProblem) in try value.string("glue", "parts") }.joined())
        }
        let interpreter = try Interpreter(registry: registry)
        #expect(try eval(E.call("glue", E.str("a"), E.str("b"), E.str("c")), interpreter: interpreter) == .string("abc"))
        #expect(failure(E.call("glue", E.str("a"), E.int(1)), interpreter: interpreter)?.kind == .typeMismatch)
        #expect(failure(E.call("glue"), interpreter: interpreter)?.message == "`glue` takes 1 or more arguments, got 0")
    }

    @Test func hostResultsMustMatchTheDeclaredType() throws {
        var registry = FunctionRegistry()
        registry.register(signature: FunctionSignature(name: "liar", parameters: [], result: .string, summary: "Returns an int.")) { _, _ in
            .int(1)
        }
        let error = failure(E.call("liar"), interpreter: try Interpreter(registry: registry))
        #expect(error?.kind == .invalidResult)
        #expect(error?.message == "`liar` returned int, but its signature declares string")
    }

    @Test func hostErrorsBecomeRuntimeErrorsAtTheCall() throws {
        struct Unreachable: Error, CustomStringConvertible { var description: String { "server unreachable" } }
        var registry = FunctionRegistry()
        registry.register(signature: FunctionSignature(name: "remote", parameters: [], result: .float, summary: "Fails.")) { _, _ in
            throw Unreachable()
        }
        registry.register(signature: FunctionSignature(name: "picky", parameters: [], result: .float, summary: "Fails politely.")) { _, _ in
            throw RuntimeProblem(.invalidArgument, "`picky`: not today", hint: "try tomorrow")
        }
        let interpreter = try Interpreter(registry: registry)
        let remote = failure(E.call("remote", at: E.at(3, 7)), interpreter: interpreter)
        #expect(remote == RuntimeError(
            kind: .hostFunction, message: "`remote` failed: server unreachable", source: E.at(3, 7),
            stack: [StackFrame(context: "expression", location: E.at(3, 7))]))
        let picky = failure(E.call("picky"), interpreter: interpreter)
        #expect(picky?.kind == .invalidArgument)
        #expect(picky?.hint == "try tomorrow")
    }

    @Test func aLaterRegistrationOverridesAndHostsCanChargeSteps() throws {
        var registry = FunctionRegistry.standard
        registry.register(signature: FunctionSignature(
            name: "len", parameters: [SignatureParameter(name: "text", type: .string)], result: .int, summary: "Bytes.")
        ) { arguments, context in
            context.charge(steps: 50)
            return .int(try arguments[0].string("len", "text").utf8.count)
        }
        #expect(try eval(E.call("len", E.str("é")), interpreter: try Interpreter(registry: registry)) == .int(2))
        let tight = try Interpreter(registry: registry, limits: EvaluationLimits(stepBudget: 40))
        #expect(failure(E.call("len", E.str("é")), interpreter: tight)?.kind == .stepBudgetExceeded)
    }

    @Test func registriesMerge() {
        var host = FunctionRegistry()
        host.register(signature: FunctionSignature(name: "judge_stub", parameters: [], result: .float, summary: "A stub for tests.")) { _, _ in
            .float(0.5)
        }
        var merged = FunctionRegistry.standard
        merged.merge(host)
        #expect(merged.names.contains("judge_stub") && merged.names.contains("len"))
    }
}

@Suite struct ModelCheckRegistrationTests {
    @Test func modelChecksAreTypedButNeverRunInline() throws {
        var registry = FunctionRegistry.standard
        registry.registerModelCheck(overloads: [FunctionSignature(
            name: "similarity",
            parameters: [SignatureParameter(name: "a", type: .string), SignatureParameter(name: "b", type: .string),
                         SignatureParameter(name: "using", type: .model)],
            result: .float, summary: "Cosine similarity of two texts' embeddings.")])
        #expect(registry.modelCheckNames == ["similarity"])
        #expect(registry.signatures["similarity"]?.first?.result == .float)
        let direct = E.call("similarity", E.str("a"), E.str("b"), E.local("m"))
        let error = failure(direct, ["m": .model("embedder")], interpreter: try Interpreter(registry: registry))
        #expect(error?.message == "`similarity` is a model check: it runs before the expression, not inside it")
    }
}

@Suite struct ConcurrencyTests {
    /// One interpreter (and its regex cache) serves concurrent evaluations, as the run loop's task group will.
    @Test func concurrentEvaluationsAgree() async throws {
        let interpreter = try Interpreter()
        let rule = try interpreter.compile(
            E.call("matches", E.member(E.local("sample"), "text"), E.str("[0-9]{4}")), bindings: ["sample"])
        let verdicts = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            for index in 0..<64 {
                group.addTask {
                    let text = index.isMultiple(of: 2) ? "pin \(1000 + index)" : "no digits here"
                    return (index, try interpreter.evaluateRule(rule, bindings: [.record(["text": .string(text)])]))
                }
            }
            var collected: [Int: Bool] = [:]
            for try await (index, verdict) in group { collected[index] = verdict }
            return collected
        }
        #expect(verdicts.count == 64)
        #expect(verdicts.allSatisfy { $0.value == $0.key.isMultiple(of: 2) })
    }
}

import GenRuntime
import GenCore
import GenPipeline

/// Measures per-sample evaluation speed on a realistic quality block: the rules of `examples/bank_intents.gen`
/// (a regex, `std/quality`'s `no_meta_talk` and `word_count_between`) and the default reward, over synthetic
/// samples. For `gen-bench` and the runtime's report; figures are printed, never asserted.
public enum InterpreterBenchmark {
    public struct Report: Sendable, CustomStringConvertible {
        public let samples: Int
        public let evaluations: Int
        public let accepted: Int
        public let seconds: Double

        public var evaluationsPerSecond: Double { seconds > 0 ? Double(evaluations) / seconds : 0 }

        public var description: String {
            let rate = Int(evaluationsPerSecond.rounded())
            let micros = evaluations > 0 ? seconds * 1e6 / Double(evaluations) : 0
            return "\(samples) samples, \(evaluations) evaluations in \(Value.format(seconds)) s: "
                + "\(rate) evaluations/s, \(Value.format((micros * 100).rounded() / 100)) µs each; \(accepted) accepted"
        }
    }

    /// Evaluates 3 rules and the reward per sample; samples are drawn from a seeded generator.
    public static func run(samples: Int, seed: UInt64 = 1) throws(RuntimeError) -> Report {
        let interpreter = try Interpreter(functions: [noMetaTalk, wordCountBetween])
        let rules = [
            try interpreter.compile(.not(.call("matches", [text, .text("[0-9]{12,19}")])), bindings: ["sample"], context: "rule"),
            try interpreter.compile(.callUser("no_meta_talk", [text]), bindings: ["sample"], context: "rule"),
            try interpreter.compile(.callUser("word_count_between", [text, .integer(3), .integer(40)]), bindings: ["sample"], context: "rule"),
        ]
        let reward = try interpreter.compile(
            .binary(.multiply, .name("passed"), .binary(.add, .binary(.multiply, .real(0.6), .name("quality")),
                .binary(.multiply, .real(0.4), .name("novelty")))),
            bindings: ["passed", "quality", "novelty"], context: "reward")
        let inputs = makeSamples(samples, seed: seed)
        var accepted = 0
        var evaluations = 0
        let clock = ContinuousClock()
        let start = clock.now
        for sample in inputs {
            var passed = true
            for rule in rules where passed {
                passed = try interpreter.evaluateRule(rule, bindings: [sample])
                evaluations += 1
            }
            _ = try interpreter.evaluateReward(reward, metrics: [.float(passed ? 1 : 0), .float(0.8), .float(0.5)])
            evaluations += 1
            if passed { accepted += 1 }
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return Report(samples: samples, evaluations: evaluations, accepted: accepted, seconds: seconds)
    }

    private static let text = IRExpr.member(.name("sample"), "text")

    /// fn no_meta_talk(text: string) -> bool = !matches(lower(text), "(as an ai|here is|...)")
    private static let noMetaTalk = FunctionNode(
        name: "no_meta_talk", parameters: [FunctionParameter(name: "text", type: .string, defaultValue: nil)], result: .bool,
        body: .not(.call("matches", [.call("lower", [.name("text")]), .text("(as an ai|here is|here are|sure[,!]|i cannot|language model)")])),
        source: .synthesized)

    /// fn word_count_between(text, low, high) -> bool = count(words(text)) >= low && count(words(text)) <= high
    private static let wordCountBetween = FunctionNode(
        name: "word_count_between",
        parameters: ["text", "low", "high"].map { FunctionParameter(name: $0, type: $0 == "text" ? .string : .int, defaultValue: nil) },
        result: .bool,
        body: .binary(
            .and, .binary(.greaterOrEqual, .call("count", [.call("words", [.name("text")])]), .name("low")),
            .binary(.lessOrEqual, .call("count", [.call("words", [.name("text")])]), .name("high"))),
        source: .synthesized)

    private static func makeSamples(_ count: Int, seed: UInt64) -> [Value] {
        let words = ["my", "card", "was", "lost", "yesterday", "please", "help", "transfer", "failed", "balance", "sure,",
                     "here", "is", "4111111111111111", "account", "why", "did", "the", "payment", "bounce"]
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in
            let length = 2 + random.nextIndex(20)
            let text = (0..<length).map { _ in words[random.nextIndex(words.count)] }.joined(separator: " ")
            return .record(["text": .string(text), "label": "lost_card"])
        }
    }
}

/// Terse IR construction for the benchmark's fixed expressions (all synthesized, typed `any`).
extension IRExpr {
    fileprivate static func name(_ name: String) -> IRExpr { IRExpr(.local(name: name), type: .any, source: .synthesized) }
    fileprivate static func text(_ text: String) -> IRExpr { IRExpr(.string(text), type: .string, source: .synthesized) }
    fileprivate static func integer(_ value: Int) -> IRExpr { IRExpr(.int(value), type: .int, source: .synthesized) }
    fileprivate static func real(_ value: Double) -> IRExpr { IRExpr(.float(value), type: .float, source: .synthesized) }
    fileprivate static func not(_ operand: IRExpr) -> IRExpr { IRExpr(.unary(op: .not, operand: operand), type: .bool, source: .synthesized) }
    fileprivate static func member(_ base: IRExpr, _ name: String) -> IRExpr {
        IRExpr(.member(base: base, name: name), type: .any, source: .synthesized)
    }
    fileprivate static func call(_ name: String, _ arguments: [IRExpr]) -> IRExpr {
        IRExpr(.call(function: name, arguments: arguments), type: .any, source: .synthesized)
    }
    fileprivate static func callUser(_ name: String, _ arguments: [IRExpr]) -> IRExpr {
        IRExpr(.callUser(function: name, arguments: arguments), type: .any, source: .synthesized)
    }
    fileprivate static func binary(_ op: IRBinaryOperator, _ lhs: IRExpr, _ rhs: IRExpr) -> IRExpr {
        IRExpr(.binary(op: op, lhs: lhs, rhs: rhs), type: .any, source: .synthesized)
    }
}

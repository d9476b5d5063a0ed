import Foundation
import GenPipeline

/// Number builtins. Results stay ints when every input is an int (overflow is an error); any float makes a float.
enum NumericBuiltins {
    static func register(into registry: inout FunctionRegistry) {
        typealias D = Declare
        for (name, pickFirst) in [("min", true), ("max", false)] {
            let word = pickFirst ? "smallest" : "largest"
            registry.register(
                overloads: [
                    D.signature(name, [("items", .list(.int))], .int, "The \(word) int of a non-empty list."),
                    D.signature(name, [("items", .list(.float))], .float, "The \(word) number of a non-empty list."),
                    D.signature(name, [("a", .int), ("b", .int)], .int, variadic: true, "The \(word) of its int arguments."),
                    D.signature(name, [("a", .float), ("b", .float)], .float, variadic: true, "The \(word) of its arguments."),
                ]
            ) { arguments, context in
                let values = candidates(arguments)
                context.charge(steps: values.count)
                return try extreme(values, function: name, smallest: pickFirst)
            }
        }
        registry.register(
            overloads: [
                D.signature("sum", [("items", .list(.int))], .int, "The sum of a list of ints (0 when empty)."),
                D.signature("sum", [("items", .list(.float))], .float, "The sum of a list of numbers (0 when empty)."),
            ]
        ) { arguments, context in
            let items = try arguments.argument(0, of: "sum").list("sum", "items")
            context.charge(steps: items.count)
            return try sum(items, function: "sum")
        }
        registry.register(
            overloads: [
                D.signature("mean", [("items", .list(.int))], .float, "The arithmetic mean of a non-empty list."),
                D.signature("mean", [("items", .list(.float))], .float, "The arithmetic mean of a non-empty list."),
            ]
        ) { arguments, context in
            let items = try arguments.argument(0, of: "mean").list("mean", "items")
            guard !items.isEmpty else { throw RuntimeProblem.invalidArgument("mean", "the list is empty") }
            context.charge(steps: items.count)
            var total = 0.0
            for (position, item) in items.enumerated() { total += try number(item, "mean", position) }
            return .float(try finite(total / Double(items.count), "mean"))
        }
        registry.register(
            overloads: [
                D.signature("abs", [("x", .int)], .int, "The absolute value."),
                D.signature("abs", [("x", .float)], .float, "The absolute value."),
            ]
        ) { arguments, _ in
            switch try arguments.argument(0, of: "abs") {
            case .int(let whole):
                guard whole != .min else { throw RuntimeProblem.integerOverflow("abs(\(whole))") }
                return .int(Swift.abs(whole))
            case let other: return .float(Swift.abs(try other.number("abs", "x")))
            }
        }
        registry.register(
            overloads: [
                D.signature("round", [("x", .int)], .int, "The int itself."),
                D.signature("round", [("x", .float)], .int, "The nearest int (halves round away from zero)."),
                D.signature(
                    "round", [("x", .float), ("digits", .int)], .float,
                    "The number rounded to `digits` decimal places (halves away from zero)."),
            ]
        ) { arguments, _ in
            let x = try arguments.argument(0, of: "round")
            if arguments.count >= 2 {
                let digits = try arguments[1].int("round", "digits")
                guard (-15...15).contains(digits) else {
                    throw RuntimeProblem.invalidArgument("round", "digits must be between -15 and 15, got \(digits)")
                }
                let scale = pow(10.0, Double(digits))
                return .float(try finite((try x.number("round", "x") * scale).rounded(.toNearestOrAwayFromZero) / scale, "round"))
            }
            if case .int = x { return x }
            let rounded = try x.number("round", "x").rounded(.toNearestOrAwayFromZero)
            guard let whole = Int(exactly: rounded) else {
                throw RuntimeProblem(.arithmeticOverflow, "`round`: \(Value.format(rounded)) does not fit in an int")
            }
            return .int(whole)
        }
        registry.register(
            overloads: [
                D.signature("clamp", [("x", .int), ("low", .int), ("high", .int)], .int, "x limited to [low, high]."),
                D.signature("clamp", [("x", .float), ("low", .float), ("high", .float)], .float, "x limited to [low, high]."),
            ]
        ) { arguments, _ in
            let x = try arguments.argument(0, of: "clamp")
            let low = try arguments.argument(1, of: "clamp")
            let high = try arguments.argument(2, of: "clamp")
            if case .int(let value) = x, case .int(let lower) = low, case .int(let upper) = high {
                guard lower <= upper else { throw inverted(low, high) }
                return .int(Swift.min(Swift.max(value, lower), upper))
            }
            let value = try x.number("clamp", "x")
            let lower = try low.number("clamp", "low")
            let upper = try high.number("clamp", "high")
            guard lower <= upper else { throw inverted(low, high) }
            return .float(Swift.min(Swift.max(value, lower), upper))
        }
    }

    private static func inverted(_ low: Value, _ high: Value) -> RuntimeProblem {
        .invalidArgument("clamp", "low (\(low.literalText)) is greater than high (\(high.literalText))")
    }

    /// The numbers to compare: the list's elements for `min(list)`, else the arguments themselves.
    private static func candidates(_ arguments: [Value]) -> [Value] {
        if arguments.count == 1, case .list(let items) = arguments[0] { return items }
        return arguments
    }

    private static func extreme(_ values: [Value], function: String, smallest: Bool) throws(RuntimeProblem) -> Value {
        guard var best = values.first else { throw RuntimeProblem.invalidArgument(function, "the list is empty") }
        _ = try number(best, function, 0)
        for (position, value) in values.enumerated().dropFirst() {
            let candidate = try number(value, function, position)
            let current = try number(best, function, 0)
            if smallest ? candidate < current : candidate > current { best = value }
        }
        // Mixed ints and floats give a float, like arithmetic does.
        if values.contains(where: { if case .float = $0 { return true } else { return false } }), case .int(let whole) = best {
            return .float(Double(whole))
        }
        return best
    }

    static func sum(_ items: [Value], function: String) throws(RuntimeProblem) -> Value {
        var whole = 0
        var fractional: Double?
        for (position, item) in items.enumerated() {
            switch item {
            case .int(let value) where fractional == nil:
                let (result, overflow) = whole.addingReportingOverflow(value)
                guard !overflow else { throw RuntimeProblem.integerOverflow("the sum of the list (at element \(position))") }
                whole = result
            default:
                fractional = (fractional ?? Double(whole)) + (try number(item, function, position))
            }
        }
        if let fractional { return .float(try finite(fractional, function)) }
        return .int(whole)
    }

    static func number(_ value: Value, _ function: String, _ position: Int) throws(RuntimeProblem) -> Double {
        guard let number = value.numberValue else {
            throw RuntimeProblem(
                .typeMismatch, "`\(function)`: element \(position) is \(value.typeName) \(value.literalText), not a number")
        }
        return number
    }

    static func finite(_ number: Double, _ function: String) throws(RuntimeProblem) -> Double {
        guard number.isFinite else { throw RuntimeProblem.notFinite(function) }
        return number
    }
}

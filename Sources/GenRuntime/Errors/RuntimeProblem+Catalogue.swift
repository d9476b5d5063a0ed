import GenCore
import GenPipeline

/// Every message the runtime produces, in one place so wording stays consistent and testable.
extension RuntimeProblem {
    static func operandTypes(_ op: String, _ lhs: Value, _ rhs: Value) -> RuntimeProblem {
        let mixesTextAndNumber =
            op == "+" && (lhs.typeName == "string") != (rhs.typeName == "string")
            && (lhs.numberValue != nil || rhs.numberValue != nil)
        return RuntimeProblem(
            .typeMismatch, "cannot apply `\(op)` to \(lhs.typeName) and \(rhs.typeName)",
            hint: mixesTextAndNumber ? "to put a number into a string, interpolate it: \"text \\(x)\"" : nil)
    }

    static func comparison(_ op: String, _ lhs: Value, _ rhs: Value) -> RuntimeProblem {
        RuntimeProblem(.typeMismatch, "cannot compare \(lhs.typeName) with \(rhs.typeName) using `\(op)`")
    }

    static func unaryOperand(_ op: String, _ operand: Value) -> RuntimeProblem {
        RuntimeProblem(.typeMismatch, "cannot apply `\(op)` to \(operand.typeName)")
    }

    /// `what` names the place: "the condition of `if`", "the left side of `&&`".
    static func notABool(_ what: String, _ value: Value) -> RuntimeProblem {
        RuntimeProblem(.typeMismatch, "\(what) must be a bool, got \(value.typeName) \(value.literalText)")
    }

    static func integerOverflow(_ op: String, _ lhs: Int, _ rhs: Int) -> RuntimeProblem {
        RuntimeProblem(
            .arithmeticOverflow, "integer overflow in \(lhs) \(op) \(rhs)",
            hint: "ints are 64-bit; use a float (e.g. 1.0) for numbers this large")
    }

    static func integerOverflow(_ description: String) -> RuntimeProblem {
        RuntimeProblem(.arithmeticOverflow, "integer overflow in \(description)")
    }

    static func notFinite(_ op: String) -> RuntimeProblem {
        RuntimeProblem(.arithmeticOverflow, "the result of `\(op)` is too large to be a float")
    }

    static func divisionByZero(_ op: String) -> RuntimeProblem {
        RuntimeProblem(
            .divisionByZero, op == "%" ? "remainder by zero" : "division by zero",
            hint: "guard the divisor: if d == 0 then ... else x \(op) d")
    }

    static func indexOutOfRange(_ index: Int, length: Int, of container: String) -> RuntimeProblem {
        if index < 0 {
            return RuntimeProblem(
                .indexOutOfRange, "negative index \(index) into a \(container) of length \(length)",
                hint: "indices start at 0 and count from the front; negative indices are not supported")
        }
        return RuntimeProblem(
            .indexOutOfRange, "index \(index) is out of range for a \(container) of length \(length)",
            hint: length == 0 ? "the \(container) is empty" : "valid indices are 0 to \(length - 1)")
    }

    static func indexType(_ base: Value, _ index: Value) -> RuntimeProblem {
        RuntimeProblem(.typeMismatch, "cannot index \(base.typeWithArticle) with \(index.typeWithArticle)")
    }

    static func missingField(_ name: String, available: [String]) -> RuntimeProblem {
        let hint: String
        if let suggestion = EditDistance.suggest(name, candidates: available) {
            hint = "did you mean `\(suggestion)`?"
        } else if available.isEmpty {
            hint = "the record is empty"
        } else {
            hint = "its fields are " + available.map { "`\($0)`" }.joined(separator: ", ")
        }
        return RuntimeProblem(.missingField, "the record has no field `\(name)`", hint: hint)
    }

    static func fieldOfNonRecord(_ name: String, _ base: Value) -> RuntimeProblem {
        RuntimeProblem(
            .typeMismatch, "cannot read field `\(name)` of \(base.typeWithArticle)",
            hint: base == .none ? "an optional field may be missing; test it first: if x != none then ... else ..." : nil)
    }

    static func unknownName(_ what: String, _ name: String, candidates: [String]) -> RuntimeProblem {
        RuntimeProblem(
            .unknownName, "unknown \(what) `\(name)`",
            hint: EditDistance.suggest(name, candidates: candidates).map { "did you mean `\($0)`?" })
    }

    static func arity(_ function: String, takes: String, got: Int) -> RuntimeProblem {
        RuntimeProblem(.invalidArgument, "`\(function)` takes \(takes), got \(got)")
    }

    static func noMatchingOverload(_ function: String, _ overloads: [FunctionSignature], _ arguments: [Value])
        -> RuntimeProblem
    {
        let got = "(" + arguments.map(\.typeName).joined(separator: ", ") + ")"
        let takes = overloads.map { "(" + $0.parameters.map(\.type.displayName).joined(separator: ", ") + ")" }
        return RuntimeProblem(
            .typeMismatch, "`\(function)` cannot take \(got); it takes " + takes.joined(separator: " or "))
    }

    static func argument(_ function: String, _ parameter: String, expected: String, got: Value) -> RuntimeProblem {
        RuntimeProblem(.typeMismatch, "`\(function)`: \(parameter) must be \(expected), got \(got.typeName)")
    }

    static func invalidArgument(_ function: String, _ message: String, hint: String? = nil) -> RuntimeProblem {
        RuntimeProblem(.invalidArgument, "`\(function)`: \(message)", hint: hint)
    }

    static func invalidRegex(_ function: String, _ pattern: String, _ error: RegexSyntaxError) -> RuntimeProblem {
        invalidArgument(
            function, "invalid regular expression \(GenStringLiteral.quote(pattern)): \(error.message)",
            hint: error.hint ?? "escape special characters with \\\\ in the string")
    }

    static func regexBudget(_ function: String, _ error: RegexBudgetExceeded) -> RuntimeProblem {
        RuntimeProblem(
            .regexBudgetExceeded, "`\(function)`: \(error.description)",
            hint: "matching takes time proportional to the text times the pattern; shorten one of them")
    }

    static func stepBudget(_ limit: Int) -> RuntimeProblem {
        RuntimeProblem(
            .stepBudgetExceeded, "step budget of \(limit) exceeded",
            hint: "a fn may be calling itself without reaching its base case")
    }

    static func recursionLimit(_ limit: Int, function: String) -> RuntimeProblem {
        RuntimeProblem(
            .recursionLimitExceeded, "recursion depth limit of \(limit) exceeded calling fn `\(function)`",
            hint: "check that `\(function)` reaches its base case")
    }

    static func nestedTooDeeply(_ limit: Int) -> RuntimeProblem {
        RuntimeProblem(
            .invalidArgument, "the expression is nested more than \(limit) levels deep",
            hint: "split it into smaller fns or lets")
    }

    static func missingModelCheck(_ index: Int, available: Int) -> RuntimeProblem {
        RuntimeProblem(
            .invalidArgument, "model check #\(index) has no result (the host supplied \(available))")
    }

    static func bindings(expected: [String], got: Int) -> RuntimeProblem {
        RuntimeProblem(
            .invalidArgument,
            "the expression needs \(expected.count) binding\(expected.count == 1 ? "" : "s") (\(expected.joined(separator: ", "))), got \(got)")
    }

    static func invalidResult(_ function: String, declared: [GenType], got: Value) -> RuntimeProblem {
        RuntimeProblem(
            .invalidResult,
            "`\(function)` returned \(got.typeName), but its signature declares "
                + Set(declared.map(\.displayName)).sorted().joined(separator: " or "))
    }

    static func hostFailure(_ function: String, _ error: any Error) -> RuntimeProblem {
        RuntimeProblem(.hostFunction, "`\(function)` failed: \(error)")
    }

    static func outcome(_ context: String, expected: String, got: Value) -> RuntimeProblem {
        RuntimeProblem(.typeMismatch, "\(context) must be \(expected), got \(got.typeName) \(got.literalText)")
    }
}

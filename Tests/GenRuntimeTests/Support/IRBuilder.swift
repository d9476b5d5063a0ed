import GenCore
import GenPipeline
@testable import GenRuntime

/// Builds IR by hand (the parser and checker live in other targets): `E.int(1) + E.local("x")`.
enum E {
    static func at(_ line: Int, _ column: Int, file: String = "test.gen") -> SourceRef {
        SourceRef(file: file, offset: 0, length: 1, line: line, column: column)
    }

    static let here = at(1, 1)

    static func int(_ value: Int, at source: SourceRef = here) -> IRExpr { IRExpr(.int(value), type: .int, source: source) }
    static func float(_ value: Double, at source: SourceRef = here) -> IRExpr { IRExpr(.float(value), type: .float, source: source) }
    static func str(_ value: String, at source: SourceRef = here) -> IRExpr { IRExpr(.string(value), type: .string, source: source) }
    static func bool(_ value: Bool, at source: SourceRef = here) -> IRExpr { IRExpr(.bool(value), type: .bool, source: source) }
    static var none: IRExpr { IRExpr(.none, type: .none, source: here) }

    static func list(_ items: [IRExpr], type: GenType = .list(.any)) -> IRExpr { IRExpr(.list(items), type: type, source: here) }
    static func record(_ fields: KeyValuePairs<String, IRExpr>) -> IRExpr {
        IRExpr(.record(fields.map { IRRecordField(name: $0.key, value: $0.value) }), type: .any, source: here)
    }
    static func local(_ name: String, type: GenType = .any, at source: SourceRef = here) -> IRExpr {
        IRExpr(.local(name: name), type: type, source: source)
    }
    static func constant(_ name: String, type: GenType = .any) -> IRExpr { IRExpr(.constant(name: name), type: type, source: here) }
    static func member(_ base: IRExpr, _ name: String, type: GenType = .any, at source: SourceRef = here) -> IRExpr {
        IRExpr(.member(base: base, name: name), type: type, source: source)
    }
    static func index(_ base: IRExpr, _ index: IRExpr, at source: SourceRef = here) -> IRExpr {
        IRExpr(.index(base: base, index: index), type: .any, source: source)
    }
    static func call(_ name: String, _ arguments: IRExpr..., type: GenType = .any, at source: SourceRef = here) -> IRExpr {
        IRExpr(.call(function: name, arguments: arguments), type: type, source: source)
    }
    static func user(_ name: String, _ arguments: IRExpr..., type: GenType = .any, at source: SourceRef = here) -> IRExpr {
        IRExpr(.callUser(function: name, arguments: arguments), type: type, source: source)
    }
    static func binary(_ op: IRBinaryOperator, _ lhs: IRExpr, _ rhs: IRExpr, at source: SourceRef = here) -> IRExpr {
        IRExpr(.binary(op: op, lhs: lhs, rhs: rhs), type: .any, source: source)
    }
    static func not(_ operand: IRExpr) -> IRExpr { IRExpr(.unary(op: .not, operand: operand), type: .bool, source: here) }
    static func negate(_ operand: IRExpr) -> IRExpr { IRExpr(.unary(op: .negate, operand: operand), type: .any, source: here) }
    static func cond(_ condition: IRExpr, _ then: IRExpr, _ otherwise: IRExpr, type: GenType = .any) -> IRExpr {
        IRExpr(.conditional(condition: condition, then: then, otherwise: otherwise), type: type, source: here)
    }
    static func range(_ lower: IRExpr, _ upper: IRExpr, inclusive: Bool = true) -> IRExpr {
        IRExpr(.range(lower: lower, upper: upper, inclusive: inclusive), type: .range(.any), source: here)
    }
    static func interpolate(_ parts: IRInterpolationPart...) -> IRExpr { IRExpr(.interpolation(parts), type: .string, source: here) }
    static func text(_ text: String) -> IRInterpolationPart { .text(text) }
    static func expr(_ expression: IRExpr) -> IRInterpolationPart { .expression(expression) }
    static func modelCheck(_ index: Int) -> IRExpr { IRExpr(.modelCheckResult(index: index), type: .float, source: here) }

    static func fn(
        _ name: String, _ parameters: [FunctionParameter], result: GenType = .any, at source: SourceRef = here,
        body: IRExpr
    ) -> FunctionNode {
        FunctionNode(name: name, parameters: parameters, result: result, body: body, source: source)
    }
    static func param(_ name: String, _ type: GenType = .any, default value: IRExpr? = nil) -> FunctionParameter {
        FunctionParameter(name: name, type: type, defaultValue: value)
    }
}

func + (lhs: IRExpr, rhs: IRExpr) -> IRExpr { E.binary(.add, lhs, rhs) }
func - (lhs: IRExpr, rhs: IRExpr) -> IRExpr { E.binary(.subtract, lhs, rhs) }
func * (lhs: IRExpr, rhs: IRExpr) -> IRExpr { E.binary(.multiply, lhs, rhs) }
func / (lhs: IRExpr, rhs: IRExpr) -> IRExpr { E.binary(.divide, lhs, rhs) }
func % (lhs: IRExpr, rhs: IRExpr) -> IRExpr { E.binary(.remainder, lhs, rhs) }
func == (lhs: IRExpr, rhs: IRExpr) -> IRExpr { E.binary(.equal, lhs, rhs) }
func != (lhs: IRExpr, rhs: IRExpr) -> IRExpr { E.binary(.notEqual, lhs, rhs) }
func < (lhs: IRExpr, rhs: IRExpr) -> IRExpr { E.binary(.less, lhs, rhs) }
func <= (lhs: IRExpr, rhs: IRExpr) -> IRExpr { E.binary(.lessOrEqual, lhs, rhs) }
func > (lhs: IRExpr, rhs: IRExpr) -> IRExpr { E.binary(.greater, lhs, rhs) }
func >= (lhs: IRExpr, rhs: IRExpr) -> IRExpr { E.binary(.greaterOrEqual, lhs, rhs) }
func && (lhs: IRExpr, rhs: IRExpr) -> IRExpr { E.binary(.and, lhs, rhs) }
func || (lhs: IRExpr, rhs: IRExpr) -> IRExpr { E.binary(.or, lhs, rhs) }

/// Evaluates with the standard registry and no environment.
func eval(
    _ expression: IRExpr, _ bindings: [String: Value] = [:], interpreter: Interpreter? = nil
) throws(RuntimeError) -> Value {
    if let interpreter { return try interpreter.evaluate(expression, bindings: bindings) }
    return try Interpreter().evaluate(expression, bindings: bindings)
}

/// The error an evaluation raises, or nil when it succeeds.
func failure(_ expression: IRExpr, _ bindings: [String: Value] = [:], interpreter: Interpreter? = nil) -> RuntimeError? {
    do {
        _ = try eval(expression, bindings, interpreter: interpreter)
        return nil
    } catch {
        return error
    }
}

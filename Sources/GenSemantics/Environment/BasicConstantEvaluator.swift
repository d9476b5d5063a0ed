import Foundation
import GenCore
import GenPipeline

/// A small compile-time evaluator for the constant forms scripts use: literals, lists, records, interpolation,
/// arithmetic, comparison, logic, `if`, member and index access, and the builtins `env`, `read_jsonl`, `len`,
/// `lower`, `upper`, `trim`, `count`. Used by tests and until the engine supplies the runtime's interpreter.
public struct BasicConstantEvaluator: ConstantEvaluator {
    /// Environment variables `env(...)` reads (injected so checks are reproducible).
    public let variables: [String: String]
    /// `read_jsonl` paths are relative to this directory and must stay inside it.
    public let baseDirectory: URL

    public init(variables: [String: String] = ProcessInfo.processInfo.environment, baseDirectory: URL) {
        self.variables = variables
        self.baseDirectory = baseDirectory.standardizedFileURL
    }

    public func evaluate(_ expr: IRExpr) throws -> JSONValue {
        switch expr.kind {
        case .int(let value): return .int(value)
        case .float(let value): return .double(value)
        case .string(let value): return .string(value)
        case .bool(let value): return .bool(value)
        case .none: return .null
        case .list(let items): return .array(try items.map(evaluate))
        case .record(let fields):
            var members: [String: JSONValue] = [:]
            for field in fields { members[field.name] = try evaluate(field.value) }
            return .object(members)
        case .interpolation(let parts):
            return .string(try parts.map { part in
                switch part {
                case .text(let text): text
                case .expression(let inner): Self.text(of: try evaluate(inner))
                }
            }.joined())
        case .unary(let op, let operand):
            let value = try evaluate(operand)
            switch (op, value) {
            case (.not, .bool(let flag)): return .bool(!flag)
            case (.negate, .int(let whole)): return .int(-whole)
            case (.negate, .double(let number)): return .double(-number)
            default: throw ConstantEvaluationError("`\(op.rawValue)` does not apply to \(Self.text(of: value))")
            }
        case .binary(let op, let lhs, let rhs):
            return try ConstantOperators.apply(op, try evaluate(lhs), try evaluate(rhs))
        case .conditional(let condition, let then, let otherwise):
            guard case .bool(let flag) = try evaluate(condition) else { throw ConstantEvaluationError("the condition is not a bool") }
            return try evaluate(flag ? then : otherwise)
        case .member(let base, let name):
            guard let value = try evaluate(base)[name] else { throw ConstantEvaluationError("no field `\(name)`") }
            return value
        case .index(let base, let index):
            switch (try evaluate(base), try evaluate(index)) {
            case (.array(let items), .int(let position)) where items.indices.contains(position): return items[position]
            case (.object(let members), .string(let key)) where members[key] != nil: return members[key] ?? .null
            default: throw ConstantEvaluationError("index out of range")
            }
        case .call(let function, let arguments):
            return try call(function, try arguments.map(evaluate))
        case .range, .local, .constant, .callUser, .modelCheckResult:
            throw ConstantEvaluationError("this expression is not a compile-time constant")
        }
    }

    func call(_ function: String, _ arguments: [JSONValue]) throws -> JSONValue {
        let first = arguments.first
        let strings = arguments.compactMap(\.stringValue)
        switch function {
        case "env" where strings.count == arguments.count && (1...2).contains(arguments.count):
            if let value = variables[strings[0]] { return .string(value) }
            guard strings.count == 2 else { throw ConstantEvaluationError("the environment variable \(strings[0]) is not set") }
            return .string(strings[1])
        case "read_jsonl" where strings.count == 1 && arguments.count == 1:
            return try JSONLFile.read(strings[0], in: baseDirectory)
        case "len", "count":
            if let items = first?.arrayValue, arguments.count == 1 { return .int(items.count) }
            if let text = first?.stringValue, arguments.count == 1, function == "len" { return .int(text.count) }
        case "lower", "upper", "trim":
            guard let text = first?.stringValue, arguments.count == 1 else { break }
            switch function {
            case "lower": return .string(text.lowercased())
            case "upper": return .string(text.uppercased())
            default: return .string(text.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        default: break
        }
        throw ConstantEvaluationError("`\(function)` cannot be evaluated at compile time")
    }

    /// How a value reads inside an interpolated string.
    static func text(of value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .null: "none"
        default: CanonicalJSON.string(value)
        }
    }
}

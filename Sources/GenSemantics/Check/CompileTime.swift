import GenCore
import GenPipeline

/// A compile-time value: data, a model reference, or a kind call (an arm, a model provider, a policy, ...)
/// with its arguments.
indirect enum StaticValue {
    case json(JSONValue)
    case model(String)
    case kind(KindFamily, String, [String: StaticArgument])
}

/// One argument of a kind call: its value, where it was written, and whether it was a literal there
/// (closed) or came through a function parameter.
struct StaticArgument {
    let value: StaticValue
    let span: Span
    let isClosed: Bool
}

/// Compile-time evaluation: `let` values and attributes go to the `ConstantEvaluator` after constants and user
/// functions are inlined; arms and models are evaluated structurally (through functions such as
/// `conservative(local)` from std/arms).
extension CheckSession {
    static let inlineDepthLimit = 64

    /// The value of a closed expression, or nil after reporting why it cannot be computed.
    func constantValue(_ ir: IRExpr, span: Span) -> JSONValue? {
        do {
            return try evaluateConstant(ir)
        } catch {
            report(Messages.compileTimeEvaluationFailed(String(describing: error)), at: span)
            return nil
        }
    }

    func evaluateConstant(_ ir: IRExpr, locals: [String: IRExpr] = [:]) throws -> JSONValue {
        let closed = try inline(ir, locals: locals, depth: 0)
        return try Self.canonical(try environment.constantEvaluator.evaluate(closed))
    }

    /// Replaces constants by their values and user calls by their bodies, so the evaluator sees only builtins.
    func inline(_ ir: IRExpr, locals: [String: IRExpr], depth: Int) throws -> IRExpr {
        guard depth < Self.inlineDepthLimit else {
            throw ConstantEvaluationError("function calls nest more than \(Self.inlineDepthLimit) deep (recursion?)")
        }
        return try IRWalk.map(ir) { node in
            switch node.kind {
            case .constant(let name) where node.type != .model && node.type != .arm:
                guard let constant = constantByIRName[name] else { throw ConstantEvaluationError("`\(name)` has no value") }
                return IRLiteral.make(constant.value, type: node.type, source: node.source)
            case .local(let name):
                guard let value = locals[name] else { throw ConstantEvaluationError("`\(name)` is known only at run time") }
                return value
            case .callUser(let name, let arguments):
                guard let function = functionByIRName[name] else { throw ConstantEvaluationError("`\(name)` has no body") }
                let bound = Dictionary(zip(function.parameters.map(\.name), arguments), uniquingKeysWith: { a, _ in a })
                return try inline(function.body, locals: bound, depth: depth + 1)
            case .modelCheckResult:
                throw ConstantEvaluationError("model checks run only during generation")
            case .call(let name, let arguments):
                // An inner kind call (`discover(...)` in `attributes`) becomes a record the runtime reads back.
                guard let (family, kind) = KindFamily.parse(callName: name), family.isInner,
                      case .record(let fields)? = arguments.first?.kind else { return node }
                let marker = IRRecordField(name: AttributeSource.kindKey, value: IRExpr(.string(kind), type: .string, source: node.source))
                return IRExpr(.record([marker] + fields), type: .record(fields: [:], open: true), source: node.source)
            default:
                return node
            }
        }
    }

    /// Whole floats become ints (JSON cannot tell them apart, so the IR round-trips); non-finite numbers are errors.
    static func canonical(_ value: JSONValue) throws -> JSONValue {
        switch value {
        case .double(let number):
            guard number.isFinite else { throw ConstantEvaluationError("the result is not a finite number") }
            if number == number.rounded(), abs(number) < 9e15 { return .int(Int(number)) }
            return value
        case .array(let items): return .array(try items.map(canonical))
        case .object(let members): return .object(try members.mapValues(canonical))
        default: return value
        }
    }

    /// Evaluates an arm, model or other kind-valued expression, following user functions.
    func staticValue(_ ir: IRExpr, bindings: [String: StaticValue] = [:], depth: Int = 0) throws -> StaticValue {
        guard depth < Self.inlineDepthLimit else { throw ConstantEvaluationError("function calls nest too deeply (recursion?)") }
        switch ir.kind {
        case .constant(let name) where ir.type == .model:
            return .model(name)
        case .local(let name):
            guard let value = bindings[name] else { throw ConstantEvaluationError("`\(name)` is known only at run time") }
            return value
        case .callUser(let name, let arguments) where ir.type == .arm || ir.type == .model || ir.type == .any:
            guard let function = functionByIRName[name] else { throw ConstantEvaluationError("`\(name)` has no body") }
            var inner: [String: StaticValue] = [:]
            for (parameter, argument) in zip(function.parameters, arguments) {
                inner[parameter.name] = try staticValue(argument, bindings: bindings, depth: depth)
            }
            return try staticValue(function.body, bindings: inner, depth: depth + 1)
        case .call(let name, let arguments):
            guard let (family, kind) = KindFamily.parse(callName: name), case .record(let fields)? = arguments.first?.kind else { break }
            var values: [String: StaticArgument] = [:]
            for field in fields {
                values[field.name] = StaticArgument(
                    value: try staticValue(field.value, bindings: bindings, depth: depth), span: span(of: field.value.source),
                    isClosed: IRWalk.isClosed(field.value))
            }
            return .kind(family, kind, values)
        case .conditional(let condition, let then, let otherwise) where ir.type == .arm || ir.type == .model:
            guard case .json(.bool(let flag)) = try staticValue(condition, bindings: bindings, depth: depth) else {
                throw ConstantEvaluationError("the condition is not a bool")
            }
            return try staticValue(flag ? then : otherwise, bindings: bindings, depth: depth)
        default: break
        }
        var locals: [String: IRExpr] = [:]
        for (name, value) in bindings {
            if case .json(let json) = value { locals[name] = IRLiteral.make(json, type: .any, source: ir.source) }
        }
        return .json(try evaluateConstant(ir, locals: locals))
    }

    /// The span a source reference points at (inverse of `sourceRef`).
    func span(of source: SourceRef) -> Span {
        let file = modules.firstIndex { $0.source.path == source.file } ?? 0
        return Span(file: FileID(UInt32(file)), start: source.offset, length: source.length)
    }
}

import GenPipeline

/// Turns a checked `IRExpr` into stack-machine code, resolving every name once so evaluation never looks a
/// name up in a dictionary. Names the IR should not contain (unknown locals, functions, arities) are reported
/// here, before any sample is evaluated.
struct Compiler {
    struct Scope {
        let registry: FunctionRegistry
        let constantIndex: [String: Int]
        let functionIndex: [String: Int]
        let functions: [FunctionNode]
        let maxDepth: Int
    }

    let scope: Scope
    /// Parameter names of the function, or binding names of a top-level expression, by slot.
    private var locals: [String]
    private let context: String
    private var isFunction = false
    private var instructions: [Instruction] = []
    private var sources: [SourceRef] = []
    private var depth = 0

    init(scope: Scope, locals: [String], context: String) {
        self.scope = scope
        self.locals = locals
        self.context = context
    }

    mutating func compileFunction(_ node: FunctionNode) throws(RuntimeError) -> CodeBlock {
        isFunction = true
        for (slot, parameter) in node.parameters.enumerated() where parameter.type.containsFloat {
            emit(.promoteLocal(slot, parameter.type), node.source)
        }
        try compile(node.body)
        if node.result.containsFloat { emit(.promote(node.result), node.body.source) }
        emit(.ret, node.body.source)
        return CodeBlock(instructions: instructions, sources: sources, context: context)
    }

    mutating func compileExpression(_ expression: IRExpr) throws(RuntimeError) -> CodeBlock {
        try compile(expression)
        emit(.ret, expression.source)
        return CodeBlock(instructions: instructions, sources: sources, context: context)
    }

    @discardableResult
    private mutating func emit(_ instruction: Instruction, _ source: SourceRef) -> Int {
        instructions.append(instruction)
        sources.append(source)
        return instructions.count - 1
    }

    private mutating func patch(_ position: Int) {
        let target = instructions.count
        switch instructions[position] {
        case .andJump: instructions[position] = .andJump(target)
        case .orJump: instructions[position] = .orJump(target)
        case .branchIfFalse: instructions[position] = .branchIfFalse(target)
        case .jump: instructions[position] = .jump(target)
        default: break
        }
    }

    private mutating func compile(_ expression: IRExpr) throws(RuntimeError) {
        let source = expression.source
        depth += 1
        defer { depth -= 1 }
        guard depth <= scope.maxDepth else { throw error(.nestedTooDeeply(scope.maxDepth), source) }
        var promotes = false
        switch expression.kind {
        case .int(let whole): emit(.push(.int(whole)), source)
        case .float(let number): emit(.push(.float(number)), source)
        case .string(let text): emit(.push(.string(text)), source)
        case .bool(let flag): emit(.push(.bool(flag)), source)
        case .none: emit(.push(.none), source)
        case .list(let items):
            for item in items { try compile(item) }
            emit(.makeList(items.count), source)
            promotes = true
        case .record(let fields):
            for field in fields { try compile(field.value) }
            emit(.makeRecord(fields.map(\.name)), source)
            promotes = true
        case .interpolation(let parts):
            for part in parts {
                switch part {
                case .text(let text): emit(.push(.string(text)), source)
                case .expression(let inner):
                    try compile(inner)
                    emit(.stringify, inner.source)
                }
            }
            emit(parts.isEmpty ? .push(.string("")) : .concat(parts.count), source)
        case .local(let name):
            guard let slot = locals.firstIndex(of: name) else {
                throw error(.unknownName("name", name, candidates: locals), source)
            }
            emit(.loadLocal(slot), source)
            // Parameters are promoted once on entry; host bindings of top-level expressions are promoted here.
            promotes = !isFunction
        case .constant(let name):
            guard let index = scope.constantIndex[name] else {
                throw error(.unknownName("constant", name, candidates: Array(scope.constantIndex.keys)), source)
            }
            emit(.loadConstant(index), source)
        case .member(let base, let name):
            try compile(base)
            emit(.member(name), source)
            promotes = true
        case .index(let base, let index):
            try compile(base)
            try compile(index)
            emit(.index, source)
            promotes = true
        case .unary(let op, let operand):
            try compile(operand)
            emit(.unary(op), source)
        case .binary(let op, let lhs, let rhs) where op == .and || op == .or:
            let isAnd = op == .and
            try compile(lhs)
            let jump = emit(isAnd ? .andJump(0) : .orJump(0), source)
            try compile(rhs)
            emit(.requireBool("the right side of `\(isAnd ? "&&" : "||")`"), source)
            patch(jump)
        case .binary(let op, let lhs, let rhs):
            try compile(lhs)
            try compile(rhs)
            emit(.binary(op), source)
        case .conditional(let condition, let then, let otherwise):
            try compile(condition)
            let toElse = emit(.branchIfFalse(0), condition.source)
            try compile(then)
            let toEnd = emit(.jump(0), source)
            patch(toElse)
            try compile(otherwise)
            patch(toEnd)
            promotes = true
        case .range(let lower, let upper, let inclusive):
            try compile(lower)
            try compile(upper)
            emit(.makeRange(inclusive: inclusive), source)
        case .call(let name, let arguments):
            try compileBuiltinCall(name, arguments, source)
            promotes = true
        case .callUser(let name, let arguments):
            try compileUserCall(name, arguments, source)
            promotes = true
        case .modelCheckResult(let index):
            emit(.loadModelCheck(index), source)
            promotes = true
        }
        if promotes, expression.type.containsFloat { emit(.promote(expression.type), source) }
    }

    private mutating func compileBuiltinCall(_ name: String, _ arguments: [IRExpr], _ source: SourceRef) throws(RuntimeError) {
        guard let entry = scope.registry.entry(named: name) else {
            let candidates = scope.registry.names + Array(scope.functionIndex.keys)
            throw error(.unknownName("function", name, candidates: candidates), source)
        }
        for argument in arguments { try compile(argument) }
        var count = arguments.count
        if !entry.overloads.contains(where: { accepts($0, count) }) {
            // Fill trailing defaults the checker left out, from the first overload that has them all.
            guard
                let overload = entry.overloads.first(where: { signature in
                    count < signature.parameters.count && signature.parameters[count...].allSatisfy { $0.defaultValue != nil }
                })
            else {
                throw error(.arity(name, takes: arityDescription(entry.overloads), got: count), source)
            }
            for parameter in overload.parameters[count...] {
                emit(.push(Value(json: parameter.defaultValue ?? .null).promoted(to: parameter.type)), source)
            }
            count = overload.parameters.count
        }
        emit(.callBuiltin(BuiltinCall(entry: entry, argumentCount: count)), source)
    }

    private mutating func compileUserCall(_ name: String, _ arguments: [IRExpr], _ source: SourceRef) throws(RuntimeError) {
        guard let index = scope.functionIndex[name] else {
            throw error(.unknownName("fn", name, candidates: Array(scope.functionIndex.keys)), source)
        }
        let parameters = scope.functions[index].parameters
        guard arguments.count <= parameters.count else {
            throw error(.arity(name, takes: "\(parameters.count) argument\(parameters.count == 1 ? "" : "s")", got: arguments.count), source)
        }
        for argument in arguments { try compile(argument) }
        for parameter in parameters[arguments.count...] {
            guard let defaultValue = parameter.defaultValue else {
                throw error(RuntimeProblem(.invalidArgument, "`\(name)` is missing its argument `\(parameter.name)`"), source)
            }
            // A default is evaluated where the call is, but may use only constants, not the caller's names.
            let saved = locals
            locals = []
            defer { locals = saved }
            try compile(defaultValue)
        }
        emit(.callUser(function: index, argumentCount: parameters.count), source)
    }

    private func accepts(_ signature: FunctionSignature, _ count: Int) -> Bool {
        count == signature.parameters.count || (signature.isVariadic && count >= signature.parameters.count)
    }

    private func arityDescription(_ overloads: [FunctionSignature]) -> String {
        let counts = Set(overloads.map(\.parameters.count)).sorted()
        let variadic = overloads.contains(where: \.isVariadic)
        let listed = counts.map(String.init).joined(separator: " or ")
        return "\(listed)\(variadic ? " or more" : "") argument\(counts == [1] && !variadic ? "" : "s")"
    }

    private func error(_ problem: RuntimeProblem, _ source: SourceRef) -> RuntimeError {
        RuntimeError(
            kind: problem.kind, message: problem.message, source: source,
            stack: [StackFrame(context: context, location: source)], hint: problem.hint)
    }
}

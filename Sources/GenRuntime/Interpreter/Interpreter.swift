import GenCore
import GenPipeline

/// Evaluates checked expressions: the script's constants, user fns, builtins and host functions, under a
/// step budget and a recursion limit. Immutable and `Sendable`: one interpreter serves every concurrent
/// evaluation of a run.
///
/// ```swift
/// let interpreter = try Interpreter(graph: graph, environment: FileScriptEnvironment(...))
/// let rule = try interpreter.compile(stage.expression!, bindings: ["sample", "spec"], context: "rule \"schema\"")
/// let passed = try interpreter.evaluateRule(rule, bindings: [sample, spec])
/// ```
public struct Interpreter: Sendable {
    public let environment: any ScriptEnvironment
    public let limits: EvaluationLimits
    let program: Program
    private let regexCache = RegexCache()

    /// An interpreter for loose pieces: constants by name, user functions, and the registry they may call.
    /// Throws when a function body names something that does not exist (the IR is inconsistent).
    public init(
        registry: FunctionRegistry = .standard, environment: any ScriptEnvironment = HermeticEnvironment(),
        constants: [String: Value] = [:], functions: [FunctionNode] = [], limits: EvaluationLimits = EvaluationLimits()
    ) throws(RuntimeError) {
        self.environment = environment
        self.limits = limits
        self.program = try Program(
            registry: registry, constants: constants, functions: functions, maxExpressionDepth: limits.maxExpressionDepth)
    }

    /// An interpreter for a lowered pipeline: its constants (promoted to their static types) and functions.
    public init(
        graph: PipelineGraph, registry: FunctionRegistry = .standard, environment: any ScriptEnvironment = HermeticEnvironment(),
        limits: EvaluationLimits = EvaluationLimits()
    ) throws(RuntimeError) {
        let constants = graph.constants.mapValues { Value(json: $0.value).promoted(to: $0.type) }
        try self.init(
            registry: registry, environment: environment, constants: constants, functions: graph.functions, limits: limits)
    }

    /// The functions scripts can call, for the checker and `:help`.
    public var registry: FunctionRegistry { program.registry }

    /// Compiles an expression whose free names (`.local`) are the given bindings.
    public func compile(_ expression: IRExpr, bindings: [String] = [], context: String = "expression") throws(RuntimeError)
        -> CompiledExpression
    {
        let code = try program.compile(expression, bindings: bindings, context: context)
        return CompiledExpression(bindingNames: bindings, context: context, source: expression.source, code: code, program: program)
    }

    /// Evaluates a compiled expression. `bindings` are the values of `compiled.bindingNames`, in order;
    /// `modelCheckResults[i]` is the result of the enclosing stage's model check `i`.
    public func evaluate(_ compiled: CompiledExpression, bindings: [Value] = [], modelCheckResults: [Value] = [])
        throws(RuntimeError) -> Value
    {
        guard bindings.count == compiled.bindingNames.count else {
            throw RuntimeError(.bindings(expected: compiled.bindingNames, got: bindings.count), at: compiled.source)
        }
        let machine = VirtualMachine(
            program: compiled.program, environment: environment, regexCache: regexCache, limits: limits,
            modelCheckResults: modelCheckResults)
        return try machine.run(compiled.code, locals: bindings)
    }

    /// Compiles and evaluates in one go (REPL, constant folding, tests). Prefer `compile` + `evaluate` per sample.
    public func evaluate(
        _ expression: IRExpr, bindings: [String: Value] = [:], modelCheckResults: [Value] = [], context: String = "expression"
    ) throws(RuntimeError) -> Value {
        let names = bindings.keys.sorted()
        let compiled = try compile(expression, bindings: names, context: context)
        return try evaluate(compiled, bindings: names.map { bindings[$0] ?? .none }, modelCheckResults: modelCheckResults)
    }

    /// Calls a user fn by name with its arguments (missing trailing ones take their defaults).
    public func call(function name: String, arguments: [Value], at source: SourceRef = .synthesized) throws(RuntimeError)
        -> Value
    {
        let slots = arguments.indices.map { "argument \($0)" }
        let call = IRExpr(
            .callUser(function: name, arguments: slots.map { IRExpr(.local(name: $0), type: .any, source: source) }),
            type: .any, source: source)
        return try evaluate(try compile(call, bindings: slots, context: "call of \(name)"), bindings: arguments)
    }
}

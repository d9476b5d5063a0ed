import GenCore
import GenPipeline
import GenRuntime
import GenSemantics

/// Compile-time evaluation (`let`, model and spec attributes, `read_jsonl`, `env`) with the real
/// interpreter, so a constant means at check time exactly what it would mean at run time.
struct InterpreterConstantEvaluator: ConstantEvaluator {
    let interpreter: Result<Interpreter, RuntimeError>

    init(registry: FunctionRegistry, environment: any ScriptEnvironment) {
        interpreter = Result(catching: { () throws(RuntimeError) in try Interpreter(registry: registry, environment: environment) })
    }

    func evaluate(_ expr: IRExpr) throws -> JSONValue {
        do {
            return try interpreter.get().evaluate(expr).jsonValue
        } catch {
            // The checker puts this message at the expression's span; the runtime's own location would repeat it.
            throw ConstantEvaluationError(error.message + (error.hint.map { " (\($0))" } ?? ""))
        }
    }
}

import GenPipeline

/// The compiled, immutable part of an interpreter: constants, user functions and the registry they call.
/// Shared by reference between the interpreter and every expression compiled against it.
final class Program: Sendable {
    struct Function: Sendable {
        let name: String
        let code: CodeBlock
    }

    let constants: [Value]
    let functions: [Function]
    /// Everything the compiler resolves names against, for the functions and any later expression.
    let scope: Compiler.Scope

    var registry: FunctionRegistry { scope.registry }

    /// Compiles every function up front, so an inconsistent IR fails before the first sample.
    init(registry: FunctionRegistry, constants: [String: Value], functions nodes: [FunctionNode], maxExpressionDepth: Int)
        throws(RuntimeError)
    {
        let constantNames = constants.keys.sorted()
        self.constants = constantNames.map { constants[$0] ?? .none }
        var functionIndex: [String: Int] = [:]
        for (position, node) in nodes.enumerated() where functionIndex[node.name] == nil {
            functionIndex[node.name] = position
        }
        scope = Compiler.Scope(
            registry: registry,
            constantIndex: Dictionary(uniqueKeysWithValues: constantNames.enumerated().map { ($1, $0) }),
            functionIndex: functionIndex, functions: nodes, maxDepth: maxExpressionDepth)
        var compiled: [Function] = []
        compiled.reserveCapacity(nodes.count)
        for node in nodes {
            var compiler = Compiler(scope: scope, locals: node.parameters.map(\.name), context: "fn \(node.name)")
            compiled.append(Function(name: node.name, code: try compiler.compileFunction(node)))
        }
        functions = compiled
    }

    func compile(_ expression: IRExpr, bindings: [String], context: String) throws(RuntimeError) -> CodeBlock {
        var compiler = Compiler(scope: scope, locals: bindings, context: context)
        return try compiler.compileExpression(expression)
    }
}

import GenPipeline

/// An expression compiled once (names resolved, calls bound) and evaluated many times, e.g. a rule per sample.
public struct CompiledExpression: Sendable {
    /// The binding names, in the order `Interpreter.evaluate(_:bindings:)` expects their values.
    public let bindingNames: [String]
    /// How the expression appears in stack traces and outcome errors: `rule "schema"`, `reward`.
    public let context: String
    /// The expression's place in the script.
    public let source: SourceRef
    let code: CodeBlock
    let program: Program
}

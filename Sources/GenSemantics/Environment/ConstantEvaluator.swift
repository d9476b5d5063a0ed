import GenCore
import GenPipeline

/// Evaluates a closed, checked expression at compile time (constants, model and spec attributes, `test:`).
///
/// The checker inlines `let` constants and user functions before calling it, so the expression uses only
/// literals, operators and builtins. The engine implements this with the runtime's interpreter; errors it throws
/// become diagnostics at the expression's span (`CustomStringConvertible` errors show their description).
public protocol ConstantEvaluator: Sendable {
    func evaluate(_ expr: IRExpr) throws -> JSONValue
}

/// Why a compile-time evaluation failed, in words for the diagnostic.
public struct ConstantEvaluationError: Error, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// A checked expression: names resolved, named arguments put in parameter order with defaults filled,
/// every node typed and located. The runtime's interpreter evaluates these; it never sees the AST.
public struct IRExpr: Codable, Sendable, Equatable {
    public var kind: Kind
    public var type: GenType
    public var source: SourceRef

    public init(_ kind: Kind, type: GenType, source: SourceRef) {
        self.kind = kind
        self.type = type
        self.source = source
    }

    public indirect enum Kind: Codable, Sendable, Equatable {
        case int(Int)
        case float(Double)
        case string(String)
        case bool(Bool)
        case none
        case list([IRExpr])
        case record([IRRecordField])
        /// `"a \(x) b"`: literal text and expressions, concatenated as strings.
        case interpolation([IRInterpolationPart])
        /// A parameter of the enclosing function, or a name the runtime binds for the expression
        /// (`sample`, `spec`, and reward metrics such as `passed`, `quality`, `novelty`).
        case local(name: String)
        /// A top-level `let`, by name; its value is in the graph's `constants`.
        case constant(name: String)
        case member(base: IRExpr, name: String)
        case index(base: IRExpr, index: IRExpr)
        case unary(op: IRUnaryOperator, operand: IRExpr)
        case binary(op: IRBinaryOperator, lhs: IRExpr, rhs: IRExpr)
        case conditional(condition: IRExpr, then: IRExpr, otherwise: IRExpr)
        case range(lower: IRExpr, upper: IRExpr, inclusive: Bool)
        /// A builtin or host function from the runtime's registry; arguments in parameter order.
        case call(function: String, arguments: [IRExpr])
        /// A user `fn` from the graph's `functions`; arguments in parameter order, defaults filled in.
        case callUser(function: String, arguments: [IRExpr])
        /// The result of the model-backed check number `index` of the enclosing quality stage
        /// (similarity, entails, judge), which the runtime performs before evaluating the expression.
        case modelCheckResult(index: Int)
    }
}

public struct IRRecordField: Codable, Sendable, Equatable {
    public var name: String
    public var value: IRExpr

    public init(name: String, value: IRExpr) {
        self.name = name
        self.value = value
    }
}

public enum IRInterpolationPart: Codable, Sendable, Equatable {
    case text(String)
    case expression(IRExpr)
}

public enum IRUnaryOperator: String, Codable, Sendable {
    case not = "!"
    case negate = "-"
}

public enum IRBinaryOperator: String, Codable, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case and = "&&", or = "||"
}

import GenCore

/// An expression node: a kind and the span of its source.
public struct Expr: Sendable, Equatable {
    public let kind: ExprKind
    public let span: Span

    public init(_ kind: ExprKind, span: Span) {
        self.kind = kind
        self.span = span
    }
}

/// The expression forms of LANGUAGE.md.
public indirect enum ExprKind: Sendable, Equatable {
    case int(Int)
    case float(Double)
    case string(StringExpr)
    case bool(Bool)
    case none
    case name(String)
    /// `( expr )`, kept so the formatter prints the parentheses the user wrote.
    case paren(Expr)
    case list([Expr])
    case record([RecordField])
    case call(callee: Expr, arguments: [Argument])
    case member(Expr, Identifier)
    case index(Expr, Expr)
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    case `if`(condition: Expr, then: Expr, else: Expr)
    /// Stands in for an expression that could not be parsed (an error has been reported).
    case error
}

/// A string literal with its decoded text and parsed interpolations.
public struct StringExpr: Sendable, Equatable {
    public enum Segment: Sendable, Equatable {
        case text(String, Span)
        case interpolation(Expr)
    }

    public let segments: [Segment]
    public let isMultiline: Bool

    /// The value when there is no interpolation.
    public var plainValue: String? {
        var value = ""
        for segment in segments {
            guard case .text(let text, _) = segment else { return nil }
            value += text
        }
        return value
    }
}

/// `f(a, name: b)`: label nil for positional arguments.
public struct Argument: Sendable, Equatable {
    public let label: Identifier?
    public let value: Expr
    public let span: Span
}

/// `{name: expr}` or `{"quoted key": expr}`.
public struct RecordField: Sendable, Equatable {
    public let key: String
    public let keySpan: Span
    /// True when the key was written as a string.
    public let isQuotedKey: Bool
    public let value: Expr
    public let span: Span
}

public enum UnaryOperator: String, Sendable, Equatable {
    case not = "!"
    case negate = "-"
}

/// Binary operators with their precedence (higher binds tighter) and associativity, per LANGUAGE.md.
public enum BinaryOperator: String, Sendable, Equatable, CaseIterable {
    case mapping = "->"
    case or = "||"
    case and = "&&"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case range = ".."
    case halfOpenRange = "..<"
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case remainder = "%"

    public var precedence: Int {
        switch self {
        case .mapping: 2
        case .or: 3
        case .and: 4
        case .equal, .notEqual: 5
        case .less, .lessEqual, .greater, .greaterEqual: 6
        case .range, .halfOpenRange: 7
        case .add, .subtract: 8
        case .multiply, .divide, .remainder: 9
        }
    }

    /// Non-associative operators cannot be chained: `a == b == c` is an error.
    public var isAssociative: Bool {
        switch self {
        case .mapping, .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .range, .halfOpenRange: false
        default: true
        }
    }
}

import GenCore

/// What a token is. Literal values are decoded by the lexer; the exact spelling stays available through the span.
public enum TokenKind: Sendable, Hashable {
    case identifier(String)
    case keyword(Keyword)
    case int(Int)
    case float(Double)
    case string(StringLiteral)

    case leftParen, rightParen, leftBrace, rightBrace, leftBracket, rightBracket
    case comma, colon, dot, question
    case arrow  // ->
    case plus, minus, star, slash, percent
    case bang, equal, equalEqual, bangEqual
    case less, lessEqual, greater, greaterEqual
    case ampAmp, pipePipe
    case dotDot, dotDotLess

    /// Something the lexer could not make sense of; the lexer has already reported it, so the parser stays quiet.
    case error
    case endOfFile

    /// How the token is written in messages, e.g. "`{`", "identifier `foo`", "end of file".
    public var displayName: String {
        switch self {
        case .identifier(let name): "`\(name)`"
        case .keyword(let keyword): "keyword `\(keyword.rawValue)`"
        case .int, .float: "number"
        case .string: "string"
        case .error: "invalid token"
        case .endOfFile: "end of file"
        default: "`\(spelling)`"
        }
    }

    /// The fixed spelling of punctuation and keywords (empty for tokens with payloads).
    public var spelling: String {
        switch self {
        case .keyword(let keyword): keyword.rawValue
        case .leftParen: "("
        case .rightParen: ")"
        case .leftBrace: "{"
        case .rightBrace: "}"
        case .leftBracket: "["
        case .rightBracket: "]"
        case .comma: ","
        case .colon: ":"
        case .dot: "."
        case .question: "?"
        case .arrow: "->"
        case .plus: "+"
        case .minus: "-"
        case .star: "*"
        case .slash: "/"
        case .percent: "%"
        case .bang: "!"
        case .equal: "="
        case .equalEqual: "=="
        case .bangEqual: "!="
        case .less: "<"
        case .lessEqual: "<="
        case .greater: ">"
        case .greaterEqual: ">="
        case .ampAmp: "&&"
        case .pipePipe: "||"
        case .dotDot: ".."
        case .dotDotLess: "..<"
        case .identifier, .int, .float, .string, .error, .endOfFile: ""
        }
    }

    /// The identifier's name, if this is an identifier.
    public var identifierName: String? {
        if case .identifier(let name) = self { return name }
        return nil
    }
}

import GenCore

/// `gen 0.1`
public struct VersionDecl: Sendable, Equatable {
    /// As written, e.g. "0.1" (so "0.10" stays distinct from "0.1").
    public let version: String
    public let major: Int
    public let minor: Int
    public let span: Span
    public let trivia: NodeTrivia
}

/// A top-level declaration.
public enum Declaration: Sendable, Equatable {
    case `import`(ImportDecl)
    case `let`(LetDecl)
    case fn(FnDecl)
    case model(NamedDecl)
    case schema(SchemaDecl)
    case spec(BlockDecl)
    case arm(NamedDecl)
    case router(ExprDecl)
    case quality(QualityDecl)
    case reward(ExprDecl)
    case evaluate(BlockDecl)
    /// `expect { ... }`: what `gen test` checks on the script's replayed run.
    case expect(BlockDecl)

    public var span: Span {
        switch self {
        case .import(let d): d.span
        case .let(let d): d.span
        case .fn(let d): d.span
        case .model(let d), .arm(let d): d.span
        case .schema(let d): d.span
        case .spec(let d), .evaluate(let d), .expect(let d): d.span
        case .router(let d), .reward(let d): d.span
        case .quality(let d): d.span
        }
    }

    public var trivia: NodeTrivia {
        switch self {
        case .import(let d): d.trivia
        case .let(let d): d.trivia
        case .fn(let d): d.trivia
        case .model(let d), .arm(let d): d.trivia
        case .schema(let d): d.trivia
        case .spec(let d), .evaluate(let d), .expect(let d): d.trivia
        case .router(let d), .reward(let d): d.trivia
        case .quality(let d): d.trivia
        }
    }
}

/// `import "std/arms" as arms`
public struct ImportDecl: Sendable, Equatable {
    public let path: String
    public let pathSpan: Span
    public let alias: Identifier?
    public let span: Span
    public let trivia: NodeTrivia
}

/// `let max_len: int = 240`
public struct LetDecl: Sendable, Equatable {
    public let name: Identifier
    public let type: TypeRef?
    public let value: Expr
    public let span: Span
    public let trivia: NodeTrivia
}

/// `fn short(text: string, limit: int = 80) -> bool = len(text) <= limit`
public struct FnDecl: Sendable, Equatable {
    public let name: Identifier
    public let parameters: [Parameter]
    public let returnType: TypeRef?
    public let body: Expr
    public let span: Span
    public let trivia: NodeTrivia
}

/// `limit: int = 80`
public struct Parameter: Sendable, Equatable {
    public let name: Identifier
    public let type: TypeRef?
    public let defaultValue: Expr?
    public let span: Span
}

/// `string`, `list(string)`, `Intent?`
public struct TypeRef: Sendable, Equatable {
    public let name: Identifier
    public let arguments: [TypeRef]
    public let isOptional: Bool
    public let span: Span
}

/// `model NAME = expr` and `arm NAME = expr`.
public struct NamedDecl: Sendable, Equatable {
    public let name: Identifier
    public let value: Expr
    public let span: Span
    public let trivia: NodeTrivia
}

/// `router expr` and `reward = expr`.
public struct ExprDecl: Sendable, Equatable {
    public let value: Expr
    public let span: Span
    public let trivia: NodeTrivia
}

/// The `{ ... }` of a block declaration.
public struct BlockBody<Item: Sendable & Equatable>: Sendable, Equatable {
    public let items: [Item]
    public let openBrace: Span
    /// Nil when the block was never closed (an error has been reported).
    public let closeBrace: Span?
    /// Trivia between the last item and `}` (comments at the end of the block).
    public let closingTrivia: [TriviaPiece]
}

/// `schema Intent { field* }`
public struct SchemaDecl: Sendable, Equatable {
    public let name: Identifier
    public let body: BlockBody<Field>
    public let span: Span
    public let trivia: NodeTrivia
}

/// `note?: string`
public struct Field: Sendable, Equatable {
    public let name: Identifier
    public let isOptional: Bool
    public let value: Expr
    public let span: Span
    public let trivia: NodeTrivia
}

/// `spec NAME { attr* }` (name present) and `evaluate { attr* }` (name nil).
public struct BlockDecl: Sendable, Equatable {
    public let name: Identifier?
    public let body: BlockBody<Attribute>
    public let span: Span
    public let trivia: NodeTrivia
}

/// `count: 400`
public struct Attribute: Sendable, Equatable {
    public let key: Identifier
    public let value: Expr
    public let span: Span
    public let trivia: NodeTrivia
}

/// `quality { entry* }`
public struct QualityDecl: Sendable, Equatable {
    public let body: BlockBody<QualityEntry>
    public let span: Span
    public let trivia: NodeTrivia
}

/// One line of a quality block.
public struct QualityEntry: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `rule "name" expr`: a hard pass/fail check.
        case rule(name: StringName, check: Expr)
        /// `score "name" expr weight w threshold t`
        case score(name: StringName, value: Expr, modifiers: [ScoreModifier])
        /// `dedup expr`
        case dedup(Expr)
        /// `diversity expr`
        case diversity(Expr)
    }

    public let kind: Kind
    /// The span of the entry word (`rule`, `score`, ...).
    public let keywordSpan: Span
    public let span: Span
    public let trivia: NodeTrivia
}

/// The string naming a rule or score.
public struct StringName: Sendable, Equatable {
    public let value: String
    public let span: Span
}

/// `weight 0.3` or `threshold 0.5` after a score.
public struct ScoreModifier: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case weight, threshold
    }

    public let kind: Kind
    public let value: Expr
    public let span: Span
}

/// Hard keywords (never identifiers) and words reserved for future versions.
///
/// Declaration words (`model`, `schema`, ...), quality entry words and score modifiers are *contextual*: they are
/// lexed as identifiers and recognised by the parser only where they can start something; see `ContextualWord`.
public enum Keyword: String, Sendable, Hashable, CaseIterable {
    case gen, `import`, `as`, `let`, `fn`, `if`, then, `else`, `true`, `false`, none
    // Reserved: using one is an error ("`match` is reserved for a future version").
    case match, `for`, `in`, `while`, `return`, extends

    /// True for words reserved for a future version of the language.
    public var isReserved: Bool {
        switch self {
        case .match, .for, .in, .while, .return, .extends: true
        default: false
        }
    }

    /// The keyword spelled by `bytes`, if any (cheap rejection by length and first byte before building a String).
    static func match(_ bytes: UnsafeBufferPointer<UInt8>) -> Keyword? {
        guard bytes.count >= 2, bytes.count <= 7 else { return nil }
        switch bytes[0] {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "f"), UInt8(ascii: "g"), UInt8(ascii: "i"),
            UInt8(ascii: "l"), UInt8(ascii: "m"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"),
            UInt8(ascii: "w"):
            return Keyword(rawValue: String(decoding: bytes, as: UTF8.self))
        default:
            return nil
        }
    }
}

/// Words that are keywords only in one position: at the start of a top-level declaration, of a quality entry,
/// or of a score modifier. Anywhere else they are ordinary identifiers.
public enum ContextualWord: String, Sendable, Hashable, CaseIterable {
    case model, schema, spec, arm, router, quality, reward, evaluate
    case rule, score, dedup, diversity
    case weight, threshold

    /// The declaration words, in the order the documentation lists them.
    public static let declarations: [ContextualWord] = [.model, .schema, .spec, .arm, .router, .quality, .reward, .evaluate]
    /// The words that start a quality entry.
    public static let qualityEntries: [ContextualWord] = [.rule, .score, .dedup, .diversity]
    /// The words that modify a score entry.
    public static let scoreModifiers: [ContextualWord] = [.weight, .threshold]
}

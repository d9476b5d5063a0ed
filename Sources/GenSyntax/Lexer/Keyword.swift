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

    /// The keyword spelled by `bytes`, if any: compares bytes against the few keywords with the same first
    /// letter, so no String is built for ordinary identifiers.
    static func match(_ bytes: UnsafeBufferPointer<UInt8>) -> Keyword? {
        guard bytes.count >= 2, bytes.count <= 7, bytes[0] < 128 else { return nil }
        for (spelling, keyword) in byFirstByte[Int(bytes[0])] where spelling.count == bytes.count {
            if spelling.elementsEqual(bytes) { return keyword }
        }
        return nil
    }

    private static let byFirstByte: [[([UInt8], Keyword)]] = {
        var table = [[([UInt8], Keyword)]](repeating: [], count: 128)
        for keyword in Keyword.allCases {
            let spelling = Array(keyword.rawValue.utf8)
            table[Int(spelling[0])].append((spelling, keyword))
        }
        return table
    }()
}

/// Words that are keywords only in one position: at the start of a top-level declaration, of a quality entry,
/// or of a score modifier. Anywhere else they are ordinary identifiers.
public enum ContextualWord: String, Sendable, Hashable, CaseIterable {
    case model, schema, spec, arm, router, quality, reward, evaluate, expect
    case rule, score, dedup, diversity
    case weight, threshold

    /// The contextual word spelled by `name`, rejecting most identifiers by their first letter before any
    /// string comparison (the parser asks this for every identifier that starts a line).
    public static func named(_ name: String) -> ContextualWord? {
        switch name.utf8.first {
        case UInt8(ascii: "m"), UInt8(ascii: "s"), UInt8(ascii: "a"), UInt8(ascii: "r"), UInt8(ascii: "q"),
            UInt8(ascii: "e"), UInt8(ascii: "d"), UInt8(ascii: "w"), UInt8(ascii: "t"):
            return ContextualWord(rawValue: name)
        default:
            return nil
        }
    }

    /// The declaration words, in the order the documentation lists them.
    public static let declarations: [ContextualWord] = [.model, .schema, .spec, .arm, .router, .quality, .reward, .evaluate, .expect]
    /// The words that start a quality entry.
    public static let qualityEntries: [ContextualWord] = [.rule, .score, .dedup, .diversity]
    /// The words that modify a score entry.
    public static let scoreModifiers: [ContextualWord] = [.weight, .threshold]
}

/// The names `\p{...}` and `[:...:]` accept: general categories (one- and two-letter and long forms) and a
/// few binary properties. Scripts (`\p{Greek}`) are not known to the standard library, so they are refused.
enum PropertyNames {
    /// The property for a `\p{...}` name, matched loosely as Unicode asks: case, spaces, `_` and `-` ignored.
    static func property(_ name: String) -> ScalarProperty? {
        let key = String(name.lowercased().filter { $0 != " " && $0 != "_" && $0 != "-" })
        if let categories = categories[key] { return .categories(categories) }
        return binary[key]
    }

    /// `[:alpha:]` and its kin, as ICU reads them.
    static func posix(_ name: String) -> ScalarProperty? {
        switch name {
        case "alpha": .alphabetic
        case "digit": .digit
        case "alnum": .categories(letters + [.decimalNumber])
        case "space": .space
        case "blank": .horizontalSpace
        case "upper": .uppercase
        case "lower": .lowercase
        case "punct": .categories(punctuation)
        case "xdigit": .hexDigit
        case "word": .word
        case "cntrl": .categories([.control])
        default: nil
        }
    }

    private static let letters: [Unicode.GeneralCategory] = [
        .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
    ]
    private static let marks: [Unicode.GeneralCategory] = [.nonspacingMark, .spacingMark, .enclosingMark]
    private static let numbers: [Unicode.GeneralCategory] = [.decimalNumber, .letterNumber, .otherNumber]
    private static let punctuation: [Unicode.GeneralCategory] = [
        .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
        .finalPunctuation, .otherPunctuation,
    ]
    private static let symbols: [Unicode.GeneralCategory] = [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol]
    private static let separators: [Unicode.GeneralCategory] = [.spaceSeparator, .lineSeparator, .paragraphSeparator]
    private static let others: [Unicode.GeneralCategory] = [.control, .format, .surrogate, .privateUse, .unassigned]

    private static let categories: [String: [Unicode.GeneralCategory]] = {
        var table: [String: [Unicode.GeneralCategory]] = [
            "l": letters, "letter": letters, "m": marks, "mark": marks, "n": numbers, "number": numbers,
            "p": punctuation, "punctuation": punctuation, "s": symbols, "symbol": symbols,
            "z": separators, "separator": separators, "c": others, "other": others,
            "lc": [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter], "casedletter": [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter],
        ]
        let single: [(String, String, Unicode.GeneralCategory)] = [
            ("lu", "uppercaseletter", .uppercaseLetter), ("ll", "lowercaseletter", .lowercaseLetter),
            ("lt", "titlecaseletter", .titlecaseLetter), ("lm", "modifierletter", .modifierLetter),
            ("lo", "otherletter", .otherLetter), ("mn", "nonspacingmark", .nonspacingMark),
            ("mc", "spacingmark", .spacingMark), ("me", "enclosingmark", .enclosingMark),
            ("nd", "decimalnumber", .decimalNumber), ("nl", "letternumber", .letterNumber),
            ("no", "othernumber", .otherNumber), ("pc", "connectorpunctuation", .connectorPunctuation),
            ("pd", "dashpunctuation", .dashPunctuation), ("ps", "openpunctuation", .openPunctuation),
            ("pe", "closepunctuation", .closePunctuation), ("pi", "initialpunctuation", .initialPunctuation),
            ("pf", "finalpunctuation", .finalPunctuation), ("po", "otherpunctuation", .otherPunctuation),
            ("sm", "mathsymbol", .mathSymbol), ("sc", "currencysymbol", .currencySymbol),
            ("sk", "modifiersymbol", .modifierSymbol), ("so", "othersymbol", .otherSymbol),
            ("zs", "spaceseparator", .spaceSeparator), ("zl", "lineseparator", .lineSeparator),
            ("zp", "paragraphseparator", .paragraphSeparator), ("cc", "control", .control), ("cf", "format", .format),
            ("cs", "surrogate", .surrogate), ("co", "privateuse", .privateUse), ("cn", "unassigned", .unassigned),
        ]
        for (short, long, category) in single {
            table[short] = [category]
            table[long] = [category]
        }
        return table
    }()

    private static let binary: [String: ScalarProperty] = [
        "alphabetic": .alphabetic, "alpha": .alphabetic, "whitespace": .space, "space": .space,
        "lowercase": .lowercase, "lower": .lowercase, "uppercase": .uppercase, "upper": .uppercase,
        "hexdigit": .hexDigit, "xdigit": .hexDigit, "ascii": .ascii, "any": .anyScalar,
    ]
}

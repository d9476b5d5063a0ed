import GenCore

/// Lexer and parser messages. Keep members in alphabetical order (a test checks it); the member name is the id.
extension Messages {
    public static func badVersion(_ found: String) -> DiagnosticMessage {
        DiagnosticMessage("expected a version such as `0.1` after `gen`, found \(found)", hint: "the first line reads `gen MAJOR.MINOR`, e.g. `gen 0.1`")
    }

    public static func chainedOperator(_ op: String) -> DiagnosticMessage {
        DiagnosticMessage("`\(op)` cannot be chained")
    }

    public static func duplicateComma() -> DiagnosticMessage {
        DiagnosticMessage("unexpected extra `,`", hint: "remove the extra comma")
    }

    public static func duplicateVersionLine() -> DiagnosticMessage {
        DiagnosticMessage("duplicate version line", hint: "a script has exactly one `gen MAJOR.MINOR` line, at the top")
    }

    public static func emptyInterpolation() -> DiagnosticMessage {
        DiagnosticMessage(
            "empty interpolation `\\()`", hint: "put an expression inside, e.g. `\\(sample.label)`, or remove it")
    }

    public static func expectedClosingDelimiter(_ delimiter: String, _ context: String) -> DiagnosticMessage {
        DiagnosticMessage("expected `\(delimiter)` to close \(context)")
    }

    public static func expectedDeclaration(_ found: String) -> DiagnosticMessage {
        DiagnosticMessage(
            "expected a declaration, found \(found)",
            hint: "a declaration starts with `let`, `fn`, `import`, `model`, `schema`, `spec`, `arm`, `router`, "
                + "`quality`, `reward`, `evaluate` or `expect`")
    }

    public static func expectedExpression(_ found: String) -> DiagnosticMessage {
        DiagnosticMessage("expected an expression, found \(found)")
    }

    public static func expectedName(_ what: String, _ found: String) -> DiagnosticMessage {
        DiagnosticMessage("expected \(what), found \(found)")
    }

    public static func expectedQualityEntry(_ found: String) -> DiagnosticMessage {
        DiagnosticMessage(
            "expected a quality entry, found \(found)",
            hint: "entries are `rule \"name\" expr`, `score \"name\" expr [weight w] [threshold t]`, `dedup expr` "
                + "and `diversity expr`")
    }

    public static func expectedRuleName(_ entry: String, _ found: String) -> DiagnosticMessage {
        DiagnosticMessage(
            "expected the \(entry)'s name as a string, found \(found)",
            hint: "name each \(entry) so reports can refer to it, e.g. `\(entry) \"short enough\" len(sample.text) < 200`")
    }

    public static func expectedToken(_ token: String, _ context: String, _ found: String) -> DiagnosticMessage {
        DiagnosticMessage("expected `\(token)` \(context), found \(found)")
    }

    public static func importAfterDeclaration() -> DiagnosticMessage {
        DiagnosticMessage("`import` must come before the other declarations", hint: "move the import up, below the version line")
    }

    public static func incompleteInput() -> DiagnosticMessage {
        DiagnosticMessage("incomplete input")
    }

    public static func integerTooLarge(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage("integer literal `\(text)` is too large", hint: "integers are 64-bit; write a float such as `1e20` for larger values")
    }

    public static func keywordAsName(_ keyword: String) -> DiagnosticMessage {
        DiagnosticMessage("`\(keyword)` is a keyword and cannot be used as a name", hint: "choose another name, e.g. `\(keyword)_`")
    }

    public static func malformedNumber(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage("malformed number `\(text)`", hint: "numbers look like `42`, `1_000`, `0.5`, `1e-3` or `2.5E+4`")
    }

    public static func missingExponentDigits(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage("missing digits after the exponent in `\(text)`", hint: "write the exponent's digits, e.g. `1e3` or `2.5e-4`")
    }

    public static func missingModifierValue(_ modifier: String) -> DiagnosticMessage {
        DiagnosticMessage("expected a value after `\(modifier)`", hint: "e.g. `\(modifier) 0.5`")
    }

    public static func missingVersionLine() -> DiagnosticMessage {
        DiagnosticMessage("missing version line", hint: "start the script with `gen 0.1`")
    }

    public static func multilineStringIndentation() -> DiagnosticMessage {
        DiagnosticMessage(
            "line is indented less than the closing `\"\"\"`",
            hint: "indent every line of a multi-line string at least as far as its closing delimiter")
    }

    public static func multilineStringOpeningLine() -> DiagnosticMessage {
        DiagnosticMessage(
            "a multi-line string starts on the line after `\"\"\"`",
            hint: "put a line break right after the opening `\"\"\"`, or use a single-line `\"...\"` string")
    }

    public static func nestingTooDeep(_ limit: Int) -> DiagnosticMessage {
        DiagnosticMessage("expression nests too deeply (the limit is \(limit) levels)", hint: "split it up with `let` constants")
    }

    public static func newLineBeforeParenthesis(_ delimiter: String) -> DiagnosticMessage {
        DiagnosticMessage(
            "a `\(delimiter)` at the start of a line does not continue the line above",
            hint: "to call or index the expression above, move `\(delimiter)` to the end of its line")
    }

    public static func nonASCIIName(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage("`\(name)` is not a valid name", hint: "names use ASCII letters, digits and `_`; other characters go in strings")
    }

    public static func positionalAfterNamed() -> DiagnosticMessage {
        DiagnosticMessage("positional argument after a named argument", hint: "put positional arguments before named ones")
    }

    public static func reservedKeyword(_ keyword: String) -> DiagnosticMessage {
        DiagnosticMessage("`\(keyword)` is reserved for a future version", hint: "choose another name, e.g. `\(keyword)_`")
    }

    public static func singleQuotedString() -> DiagnosticMessage {
        DiagnosticMessage("strings use double quotes")
    }

    public static func unexpectedAfterExpression(_ found: String, _ context: String) -> DiagnosticMessage {
        DiagnosticMessage("unexpected \(found) after \(context)")
    }

    public static func unexpectedCharacter(_ character: String) -> DiagnosticMessage {
        DiagnosticMessage("unexpected character \(character)")
    }

    public static func unknownDeclaration(_ word: String) -> DiagnosticMessage {
        DiagnosticMessage("unknown declaration `\(word)`")
    }

    public static func unknownEscape(_ sequence: String) -> DiagnosticMessage {
        DiagnosticMessage(
            "unknown escape sequence `\(sequence)`",
            hint: "valid escapes are \\n \\t \\r \\\" \\\\ \\0 \\u{...} and \\( for interpolation")
    }

    public static func unknownUnicodeEscape(_ text: String) -> DiagnosticMessage {
        DiagnosticMessage(
            "invalid unicode escape `\(text)`",
            hint: "write `\\u{` then 1 to 8 hex digits of a Unicode scalar, then `}`, e.g. `\\u{1F600}`")
    }

    public static func unmatchedClosingDelimiter(_ delimiter: String) -> DiagnosticMessage {
        DiagnosticMessage("unmatched `\(delimiter)`", hint: "remove it, or add the opening delimiter it closes")
    }

    public static func unterminatedBlockComment() -> DiagnosticMessage {
        DiagnosticMessage("unterminated block comment", hint: "close it with `*/` (block comments nest)")
    }

    public static func unterminatedMultilineString() -> DiagnosticMessage {
        DiagnosticMessage("unterminated multi-line string", hint: "close it with `\"\"\"` on a line of its own")
    }

    public static func unterminatedString() -> DiagnosticMessage {
        DiagnosticMessage(
            "unterminated string", hint: "close it with `\"` on the same line, or use `\"\"\"` for a multi-line string")
    }

    public static func versionNotFirst() -> DiagnosticMessage {
        DiagnosticMessage("the version line must come first", hint: "move `gen MAJOR.MINOR` to the top of the script")
    }
}

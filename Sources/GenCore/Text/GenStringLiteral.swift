/// Text written back as a gen string literal, for AST dumps and for values shown in messages and the REPL.
public enum GenStringLiteral {
    /// A double-quoted literal the lexer reads back as `text`: `"`, `\` and control characters escaped
    /// (`\n`, `\t`, `\r`, the rest as `\u{…}`).
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20: out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// Finds balanced `{...}` / `[...]` spans in free text, aware of JSON strings and escapes, so braces in
/// prose or inside string values do not confuse it.
struct JSONCandidateScanner {
    /// A span that closed, or the closers an unfinished span still needs (its text was cut off).
    enum Scan {
        case complete(Substring)
        case truncated(missing: String)
        /// A closer that does not match its opener, at this index.
        case unbalanced(at: Substring.Index)
    }

    /// Scans from `start`, which must be an opening `{` or `[`.
    static func scan(_ text: Substring, from start: Substring.Index) -> Scan {
        var closers: [Character] = []
        var inString = false
        var escaped = false
        var index = start
        while index < text.endIndex {
            let character = text[index]
            if inString {
                if escaped { escaped = false }
                else if character == "\\" { escaped = true }
                else if character == "\"" { inString = false }
            } else {
                switch character {
                case "\"": inString = true
                case "{": closers.append("}")
                case "[": closers.append("]")
                case "}", "]":
                    guard closers.last == character else { return .unbalanced(at: index) }
                    closers.removeLast()
                    if closers.isEmpty { return .complete(text[start...index]) }
                default: break
                }
            }
            index = text.index(after: index)
        }
        return .truncated(missing: (inString ? "\"" : "") + String(closers.reversed()))
    }

    /// Removes commas that directly precede `}` or `]` outside strings (`{"a": 1,}`), the one repair
    /// that can never change a string's content.
    static func removingTrailingCommas(_ text: Substring) -> String {
        var output = ""
        var pendingComma: String?  // a comma plus the whitespace after it, held until we see what follows
        var inString = false
        var escaped = false
        for character in text {
            if inString {
                output.append(character)
                if escaped { escaped = false }
                else if character == "\\" { escaped = true }
                else if character == "\"" { inString = false }
                continue
            }
            if pendingComma != nil, character.isWhitespace {
                pendingComma?.append(character)
                continue
            }
            if let held = pendingComma {
                if character == "}" || character == "]" { output += held.dropFirst() } else { output += held }
                pendingComma = nil
            }
            switch character {
            case ",": pendingComma = ","
            case "\"": inString = true; output.append(character)
            default: output.append(character)
            }
        }
        return output + (pendingComma ?? "")
    }
}

import GenCore

extension Lexer {
    /// Skips spaces, line breaks and comments before a token; true when a line break was crossed.
    ///
    /// comment = line_comment | block_comment ;
    mutating func skipLeadingTrivia() -> Bool {
        var crossedNewline = false
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                position += 1
            case UInt8(ascii: "\r") where peek(1) == UInt8(ascii: "\n"):
                position += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                // A lone `\r` ends a line too (a CR-only file read as one long line).
                position += 1
                crossedNewline = true
            case 0xEF where position == 0 && peek(1) == 0xBB && peek(2) == 0xBF:
                position += 3  // byte-order mark
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                skipLineComment()
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                if skipBlockComment() { crossedNewline = true }
            default:
                return crossedNewline
            }
        }
        return crossedNewline
    }

    /// Skips spaces and comments after a token up to the end of its line; a block comment that spans lines is
    /// left for the next token's leading trivia.
    mutating func skipTrailingTrivia() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                position += 1
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                skipLineComment()
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                let (end, _) = BlockComment.end(from: position, in: bytes, limit: bytes.count)
                if bytes[position..<end].contains(UInt8(ascii: "\n")) { return }
                _ = skipBlockComment()
            default:
                return
            }
        }
    }

    /// line_comment = "//" , { ? any character except line break ? } ;
    mutating func skipLineComment() {
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") {
            if bytes[position] == UInt8(ascii: "\r") { return }
            position += 1
        }
    }

    /// block_comment = "/*" , { ? any character ? | block_comment } , "*/" ;
    ///
    /// Returns true when the comment contains a line break.
    mutating func skipBlockComment() -> Bool {
        let start = position
        let (end, closed) = BlockComment.end(from: position, in: bytes, limit: bytes.count)
        position = end
        if !closed {
            report(Messages.unterminatedBlockComment(), start, start + 2, label: "comment opened here")
        }
        return bytes[start..<end].contains(UInt8(ascii: "\n"))
    }
}

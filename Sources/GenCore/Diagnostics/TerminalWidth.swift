/// How many terminal columns a character occupies, so carets line up under wide characters (CJK, emoji).
enum TerminalWidth {
    static func of(_ character: Character) -> Int {
        for scalar in character.unicodeScalars where scalar.value >= 0x1100 {  // nothing below is wide
            if scalar.properties.isEmojiPresentation || isWide(scalar.value) { return 2 }
        }
        return 1
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

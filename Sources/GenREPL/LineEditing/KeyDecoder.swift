/// Turns terminal input bytes into keys: UTF-8 characters, control codes, and the ANSI/VT escape sequences
/// terminals send for arrows, Home/End and Delete (`ESC [ A`, `ESC O H`, `ESC [ 3 ~`, ...).
///
/// Bytes may arrive one at a time; an unfinished sequence waits for the next `feed`.
public struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []
    /// A sequence longer than this is garbage, not a key: drop it rather than grow without bound.
    private static let sequenceLimit = 16

    /// A decoder with no bytes pending.
    public init() {}

    /// The keys completed by these bytes.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [EditKey] {
        var keys: [EditKey] = []
        for byte in bytes {
            if let key = feed(byte) { keys.append(key) }
        }
        return keys
    }

    /// The key completed by this byte, if any.
    public mutating func feed(_ byte: UInt8) -> EditKey? {
        if pending.isEmpty { return start(byte) }
        pending.append(byte)
        let key = pending[0] == 0x1B ? escape() : utf8()
        if key == nil, pending.count >= Self.sequenceLimit {
            pending = []
            return .unknown
        }
        return key
    }

    private mutating func start(_ byte: UInt8) -> EditKey? {
        switch byte {
        case 0x1B, 0x80...0xFF:
            pending = [byte]
            // A stray continuation byte cannot start a character.
            if (0x80...0xBF).contains(byte) {
                pending = []
                return .unknown
            }
            return nil
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x02: return .left  // Ctrl-B
        case 0x06: return .right  // Ctrl-F
        case 0x10: return .up  // Ctrl-P
        case 0x0E: return .down  // Ctrl-N
        case 0x01...0x1A: return .control(Character(Unicode.Scalar(byte + 0x60)))
        case 0x20...0x7E: return .character(Character(Unicode.Scalar(byte)))
        default: return .unknown
        }
    }

    /// `ESC [ params final`, `ESC O final`; anything else after ESC (Alt-key) is ignored.
    private mutating func escape() -> EditKey? {
        guard pending.count >= 2 else { return nil }
        let introducer = pending[1]
        guard introducer == UInt8(ascii: "[") || introducer == UInt8(ascii: "O") else {
            pending = []
            return .unknown
        }
        guard pending.count >= 3, let final = pending.last, (0x40...0x7E).contains(final) else { return nil }
        let parameters = String(decoding: pending[2..<(pending.count - 1)], as: UTF8.self)
        pending = []
        switch (Character(Unicode.Scalar(final)), parameters) {
        case ("A", ""): return .up
        case ("B", ""): return .down
        case ("C", ""): return .right
        case ("D", ""): return .left
        case ("H", ""): return .home
        case ("F", ""): return .end
        case ("~", "1"), ("~", "7"): return .home
        case ("~", "4"), ("~", "8"): return .end
        case ("~", "3"): return .delete
        default: return .unknown
        }
    }

    /// Collects a multi-byte UTF-8 character.
    private mutating func utf8() -> EditKey? {
        let lead = pending[0]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard let last = pending.last, (0x80...0xBF).contains(last) else {
            // Not a continuation byte: the character is broken; start over with this byte.
            let byte = pending.removeLast()
            pending = []
            return start(byte) ?? .unknown
        }
        guard pending.count == length else { return nil }
        defer { pending = [] }
        let text = String(decoding: pending, as: UTF8.self)
        guard text.count == 1, let character = text.first, character != "\u{FFFD}" else { return .unknown }
        return .character(character)
    }
}

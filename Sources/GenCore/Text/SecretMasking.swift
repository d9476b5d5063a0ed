/// Replaces a secret in text by its UTF-8 bytes, and a secret cut short by an excerpt.
///
/// Swift's `String.contains` and Foundation's `replacingOccurrences` compare Characters: a secret followed by a
/// combining mark (U+0301), a variation selector or an emoji modifier ends in a different grapheme, so neither
/// finds it although every byte of it is there. Messages also quote excerpts (37, 60 or 300 characters) before
/// anything is redacted, so a secret can reach the redactor cut off: its first `minimumPrefix` bytes or more,
/// followed by anything, are masked too.
public enum SecretMasking {
    /// The shortest start of a secret that is masked on its own (a whole secret shorter than this is masked whole).
    public static let minimumPrefix = 16

    /// `text` with every occurrence of `secret`, or of its first `minimumPrefix` bytes or more, replaced.
    public static func mask(_ secret: String, in text: String, with replacement: String) -> String {
        let needle = Array(secret.utf8)
        guard !needle.isEmpty else { return text }
        let head = min(minimumPrefix, needle.count)
        var text = text
        text.makeContiguousUTF8()
        let masked: [UInt8]? = text.utf8.withContiguousStorageIfAvailable { haystack in
            var output: [UInt8]?
            var copied = 0
            var index = 0
            while index + head <= haystack.count {
                guard haystack[index] == needle[0], let end = matchEnd(needle, head: head, in: haystack, at: index) else {
                    index += 1
                    continue
                }
                if output == nil { output = [] }
                output?.append(contentsOf: haystack[copied..<index])
                output?.append(contentsOf: replacement.utf8)
                copied = end
                index = end
            }
            output?.append(contentsOf: haystack[copied...])
            return output
        } ?? nil
        guard let masked else { return text }
        return String(decoding: masked, as: UTF8.self)
    }

    /// Where the match of `needle` at `start` ends: past the whole needle, or past the longest start of it (at least
    /// `head` bytes) that ends on a scalar boundary of the text; nil when fewer than `head` bytes agree.
    private static func matchEnd(_ needle: [UInt8], head: Int, in haystack: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        var length = 0
        while length < needle.count, start + length < haystack.count, haystack[start + length] == needle[length] { length += 1 }
        // Never end inside a multi-byte scalar of the text (continuation bytes are 10xxxxxx).
        while length > 0, start + length < haystack.count, haystack[start + length] & 0xC0 == 0x80 { length -= 1 }
        return length >= head ? start + length : nil
    }
}

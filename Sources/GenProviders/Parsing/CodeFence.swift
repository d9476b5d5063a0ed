/// Markdown code fences in model output: ```json ... ```, ``` ... ```, and a final fence the model never
/// closed (its contents run to the end of the text).
///
/// One pass over the UTF-8 bytes: the next newline and the next bracket are remembered across fences, so
/// thousands of fences on one line (```{```{...) cost no more than one (it was quadratic: 35 KB of them took 4 s).
enum CodeFence {
    static func contents(of text: String) -> [String] {
        let bytes = Array(text.utf8)
        var blocks: [String] = []
        var position = 0
        var newline = -1, bracket = -1
        while let open = fence(in: bytes, from: position) {
            var body = open + 3
            // Skip an info string such as `json` up to the end of the opening line (a line with a bracket is JSON).
            let lineEnd = next(&newline, in: bytes, from: body) { $0 == UInt8(ascii: "\n") }
            if lineEnd < bytes.count, next(&bracket, in: bytes, from: body, where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") }) > lineEnd {
                body = lineEnd + 1
            }
            guard let close = fence(in: bytes, from: body) else {
                blocks.append(String(decoding: bytes[body...], as: UTF8.self))
                break
            }
            blocks.append(String(decoding: bytes[body..<close], as: UTF8.self))
            position = close + 3
        }
        return blocks
    }

    /// Where the next ``` starts, at or after `start`.
    private static func fence(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 3 <= bytes.count {
            if bytes[index] == UInt8(ascii: "`"), bytes[index + 1] == UInt8(ascii: "`"), bytes[index + 2] == UInt8(ascii: "`") { return index }
            index += 1
        }
        return nil
    }

    /// The first byte at or after `start` that matches (`bytes.count` when none), reusing `cached` while it is still
    /// ahead: positions only move forward, so each byte is looked at once.
    private static func next(_ cached: inout Int, in bytes: [UInt8], from start: Int, where matches: (UInt8) -> Bool) -> Int {
        if cached < start { cached = bytes[start...].firstIndex(where: matches) ?? bytes.count }
        return cached
    }
}

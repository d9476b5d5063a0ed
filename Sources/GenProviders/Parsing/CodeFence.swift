/// Markdown code fences in model output: ```json ... ```, ``` ... ```, and a final fence the model never
/// closed (its contents run to the end of the text).
enum CodeFence {
    static func contents(of text: String) -> [String] {
        var blocks: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "```") {
            var body = rest[open.upperBound...]
            // Skip an info string such as `json` up to the end of the opening line.
            if let newline = body.firstIndex(of: "\n") {
                let info = body[..<newline]
                if !info.contains("{") && !info.contains("[") { body = body[body.index(after: newline)...] }
            }
            if let close = body.range(of: "```") {
                blocks.append(String(body[..<close.lowerBound]))
                rest = body[close.upperBound...]
            } else {
                blocks.append(String(body))
                break
            }
        }
        return blocks
    }
}

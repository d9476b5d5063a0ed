/// A tiny element tree for SVG and XHTML-style HTML, so every string that reaches the page is escaped in one place.
///
/// Rendering is well-formed XML (and valid HTML): attributes are quoted and escaped, text is escaped, and only
/// elements that may be empty in HTML (void elements and SVG shapes) are written as `<x/>`.
public indirect enum Markup: Sendable, Equatable {
    case element(String, attributes: [(String, String)] = [], children: [Markup] = [])
    /// Text content; escaped when rendered.
    case text(String)
    /// Trusted text written verbatim: only for our own constant stylesheets, which contain no `<` or `&`.
    case raw(String)

    public static func == (lhs: Markup, rhs: Markup) -> Bool {
        lhs.render() == rhs.render()
    }

    /// Shorthand for an element.
    public static func el(_ name: String, _ attributes: [(String, String)] = [], _ children: [Markup] = []) -> Markup {
        .element(name, attributes: attributes, children: children)
    }

    /// Shorthand for an element holding only text.
    public static func el(_ name: String, _ attributes: [(String, String)] = [], text: String) -> Markup {
        .element(name, attributes: attributes, children: [.text(text)])
    }

    /// The markup as text.
    public func render() -> String {
        var output = ""
        write(to: &output)
        return output
    }

    /// Appends the markup to `output` (one buffer for a whole page instead of one string per node).
    public func write(to output: inout String) {
        switch self {
        case .text(let text):
            output += Markup.escapeText(text)
        case .raw(let text):
            output += text
        case .element(let name, let attributes, let children):
            output += "<" + name
            for (key, value) in attributes {
                output += " " + key + "=\"" + Markup.escapeAttribute(value) + "\""
            }
            if children.isEmpty && Markup.mayBeEmpty.contains(name) {
                output += "/>"
                return
            }
            output += ">"
            for child in children { child.write(to: &output) }
            output += "</" + name + ">"
        }
    }

    /// HTML void elements and SVG shapes: the only ones written as `<x/>`, since HTML parsers ignore the slash elsewhere.
    static let mayBeEmpty: Set<String> = [
        "br", "hr", "img", "meta", "link", "col", "input", "wbr",
        "circle", "rect", "line", "path", "polyline", "polygon", "ellipse", "stop", "use",
    ]

    /// Escapes `&`, `<` and `>` in text content.
    public static func escapeText(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    /// Escapes `&`, `<`, `>`, `"`, `'` and newlines in attribute values.
    public static func escapeAttribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where inAttribute: result += "&quot;"
            case "'" where inAttribute: result += "&#39;"
            case "\n" where inAttribute: result += "&#10;"
            default: result.unicodeScalars.append(Markup.xmlSafe(character))
            }
        }
        return result
    }

    /// Control characters other than tab, newline and carriage return are not allowed in XML: show U+FFFD instead.
    static func xmlSafe(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D { return "\u{FFFD}" }
        if value == 0xFFFE || value == 0xFFFF { return "\u{FFFD}" }
        return scalar
    }
}

/// A layout document in the style of Wadler's "prettier printer" (as used by Prettier and gofmt-like tools):
/// text, places where a line may break, indentation and groups that print flat when they fit.
///
/// The formatter builds one `Doc` per file from the AST and its tokens; `DocPrinter` chooses the line breaks.
indirect enum Doc: Sendable {
    case empty
    /// Literal text. It may contain line breaks (multi-line strings and block comments are printed verbatim).
    case text(String)
    /// One space, printed only between two texts on the same line (never at a line start or end).
    case space
    /// A space when the enclosing group is flat, a line break when it is broken.
    case line
    /// Nothing when the enclosing group is flat, a line break when it is broken.
    case softLine
    /// Always a line break; several in a row make one. `blank` asks for one empty line before what follows.
    case hardLine(blank: Bool)
    case concat([Doc])
    /// Lines broken inside `Doc` are indented one level more.
    case indent(Doc)
    /// Printed flat when it fits in the remaining width and `forceBreak` is false, else broken.
    case group(Doc, forceBreak: Bool)
    /// The first document when the enclosing group is broken, else the second (e.g. the trailing comma of a
    /// broken list, which is nothing when the list is flat).
    case ifBroken(Doc, else: Doc)
    /// Text held back until just before the next line break (a trailing `// comment`).
    case lineSuffix(String)
    /// A comment printed where it stands, unless comments are already held back for the end of the line:
    /// then it joins them, so comments never change order.
    case comment(String)

    static let hardLine = Doc.hardLine(blank: false)

    static func ifBroken(_ doc: Doc) -> Doc { .ifBroken(doc, else: .empty) }

    static func + (lhs: Doc, rhs: Doc) -> Doc {
        switch (lhs, rhs) {
        case (.empty, _): rhs
        case (_, .empty): lhs
        case (.concat(let a), .concat(let b)): .concat(a + b)
        case (.concat(let a), _): .concat(a + [rhs])
        case (_, .concat(let b)): .concat([lhs] + b)
        default: .concat([lhs, rhs])
        }
    }
}

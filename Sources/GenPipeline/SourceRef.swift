/// Where an IR node came from in the script, self-contained so the runtime can point at the cause of a
/// runtime error (file, line, column, length) without the AST or the source files.
public struct SourceRef: Codable, Sendable, Hashable {
    public var file: String
    /// UTF-8 byte offset of the start and the length in bytes, for caret rendering when the source is at hand.
    public var offset: Int
    public var length: Int
    /// 1-based line and column (columns count characters).
    public var line: Int
    public var column: Int

    public init(file: String, offset: Int, length: Int, line: Int, column: Int) {
        self.file = file
        self.offset = offset
        self.length = length
        self.line = line
        self.column = column
    }

    /// For nodes the compiler makes itself (defaults, presets) that have no place in any script.
    public static let synthesized = SourceRef(file: "<gen>", offset: 0, length: 0, line: 0, column: 0)

    public var description: String { "\(file):\(line):\(column)" }
}

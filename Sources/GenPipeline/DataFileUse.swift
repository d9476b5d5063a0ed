/// A file the script read when it was compiled (`read_jsonl`, `read_lines`): seed examples, attribute values, a
/// real test set. Kept in the graph by path (as written in the script) and content hash, so a dataset card can name
/// the files its run was seeded from and a reader can tell whether the file they hold is the same one.
public struct DataFileUse: Codable, Sendable, Equatable {
    public var path: String
    public var bytes: Int
    public var sha256: String

    public init(path: String, bytes: Int, sha256: String) {
        self.path = path
        self.bytes = bytes
        self.sha256 = sha256
    }
}

import GenPipeline

extension DatasetCard {
    /// The files the script read (seed examples, attribute values, test sets), by path and content hash: the run's
    /// provenance a reader can check a file against. Runs stored before the graph kept them say so.
    static func dataFilesText(_ files: [DataFileUse]?) -> String {
        guard let files else {
            return "- **Files read:** none recorded (the script read none, or the run was stored before Gen recorded them)\n"
        }
        return "- **Files read by the script** (seed examples, attribute values, test sets):\n"
            + files.map { "  - \(CardText.code($0.path)): \($0.bytes) bytes, SHA-256 \(CardText.code($0.sha256))" }.joined(separator: "\n") + "\n"
    }
}

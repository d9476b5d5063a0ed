/// Errors the evaluation stage reports instead of crashing: bad files, bad arguments, unknown models.
public enum EvalError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadableFile(path: String, reason: String)
    case emptyTrainingSet
    case emptyTestSet
    case mismatchedLengths(texts: Int, labels: Int)
    case unknownModel(name: String, available: [String])
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason): "cannot read '\(path)': \(reason)"
        case .emptyTrainingSet: "the training set is empty"
        case .emptyTestSet: "the test set is empty"
        case .mismatchedLengths(let texts, let labels): "\(texts) texts but \(labels) labels"
        case .unknownModel(let name, let available):
            "unknown model '\(name)'; available: \(available.joined(separator: ", "))"
        case .invalidArgument(let message): message
        }
    }
}

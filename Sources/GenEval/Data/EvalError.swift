/// Errors the evaluation stage reports instead of crashing: bad files, bad arguments, unknown models.
public enum EvalError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadableFile(path: String, reason: String)
    case emptyTrainingSet
    case emptyTestSet
    case mismatchedLengths(texts: Int, labels: Int)
    case unknownModel(name: String, available: [String])
    case invalidArgument(String)
    case tooManyClasses(count: Int, limit: Int)

    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason): "cannot read '\(path)': \(reason)"
        case .emptyTrainingSet: "the training set is empty"
        case .emptyTestSet: "the test set is empty"
        case .mismatchedLengths(let texts, let labels): "\(texts) texts but \(labels) labels"
        case .unknownModel(let name, let available):
            "unknown model '\(name)'; available: \(available.joined(separator: ", "))"
        case .invalidArgument(let message): message
        case .tooManyClasses(let count, let limit):
            "the training data has \(count) distinct labels, over the limit of \(limit) (each class keeps its own weights, "
                + "about 2 MB): is the label field really a class label? A free-text field as the label makes one class per sample"
        }
    }
}

import GenPipeline
import GenRun
import GenRuntime

/// One call of a check as its implementation sees it: the node, the evaluated arguments (model values
/// removed: the model travels in `model`), the spec context, the resolved model and the cache.
public struct CheckInvocation: Sendable {
    public var node: ModelCheckNode
    public var arguments: [Value]
    public var context: ModelCheckContext
    /// The resolved `using:` model; nil when the script named none (similarity then falls back to TF-IDF).
    public var model: CheckModel?
    public var cache: any CheckCache

    public init(node: ModelCheckNode, arguments: [Value], context: ModelCheckContext, model: CheckModel?, cache: any CheckCache) {
        self.node = node
        self.arguments = arguments
        self.context = context
        self.model = model
        self.cache = cache
    }

    /// The argument at `index` as text: strings as they are, other values as canonical JSON.
    func text(at index: Int, named name: String) throws -> String {
        guard arguments.indices.contains(index) else {
            throw ModelCheckError.badArguments(check: node.check, reason: "missing argument `\(name)` (position \(index + 1))")
        }
        return SampleText.render(arguments[index])
    }

    /// The model the check needs, or a clear error when the script named none.
    func requireModel() throws -> CheckModel {
        guard let model else { throw ModelCheckError.missingModel(check: node.check, known: []) }
        return model
    }
}

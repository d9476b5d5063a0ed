import GenPipeline
import GenProviders
import GenRun
import GenRuntime

/// The engine's `ModelChecker`: dispatches each `ModelCheckNode` by its check name through a registry of
/// `similarity`, `entails` and `judge`, resolving `using:` against the script's declared models.
///
/// Build it from the graph with the clients the engine already made for the arms:
/// `StandardModelChecker(models: CheckModel.from(graph: graph, clients: clients), cache: RunStoreCheckCache(store: store))`.
public struct StandardModelChecker: ModelChecker {
    public let models: [String: CheckModel]
    public let cache: any CheckCache
    public let registry: ModelCheckRegistry

    /// - Parameters:
    ///   - models: declared model name -> client and served model name.
    ///   - cache: where judgments and embeddings are kept by content.
    ///   - registry: the check kinds; the standard three unless a host passes its own.
    public init(models: [String: CheckModel], cache: any CheckCache, registry: ModelCheckRegistry? = nil) {
        self.models = models
        self.cache = cache
        self.registry = registry ?? .standard
    }

    public func run(_ check: ModelCheckNode, arguments: [Value], context: ModelCheckContext) async throws -> ModelCheckOutcome {
        guard let kind = registry.kind(named: check.check) else {
            throw ModelCheckError.unknownCheck(name: check.check, known: registry.names)
        }
        let model = try resolveModel(check, arguments: arguments, requiresModel: kind.requiresModel)
        // Model values among the arguments are the `using:` argument itself: the model travels separately.
        let plain = arguments.filter { if case .model = $0 { return false } else { return true } }
        let invocation = CheckInvocation(node: check, arguments: plain, context: context, model: model, cache: cache)
        // Named so a cassette, and a replay that misses, can say which check asked.
        return try await ModelCallSite.$current.withValue("check `\(check.check)`") { try await kind.run(invocation) }
    }

    /// `check.model`, else a model value among the arguments; a check that needs a model and names none gets
    /// the script's only model when it declares exactly one.
    private func resolveModel(_ check: ModelCheckNode, arguments: [Value], requiresModel: Bool) throws -> CheckModel? {
        let argumentModel = arguments.lazy.compactMap { value -> String? in
            if case .model(let name) = value { return name } else { return nil }
        }.first
        if let name = check.model ?? argumentModel {
            guard let model = models[name] else {
                throw ModelCheckError.unknownModel(check: check.check, model: name, known: models.keys.sorted())
            }
            return model
        }
        guard requiresModel else { return nil }
        guard models.count == 1, let only = models.values.first else {
            throw ModelCheckError.missingModel(check: check.check, known: models.keys.sorted())
        }
        return only
    }
}

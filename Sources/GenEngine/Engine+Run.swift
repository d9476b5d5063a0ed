import Foundation
import GenChecks
import GenCore
import GenGeneration
import GenPipeline
import GenProviders
import GenRun
import GenRuntime
import GenStore

/// Running a compiled script: the real parts (HTTP clients, arms, quality, reward, store) assembled
/// from the graph, the adaptive loop, and the exports.
extension Engine {
    /// Starts or resumes a run and drives it to its end. The store is closed and the files exported
    /// whatever happens, so a failed or interrupted run leaves consistent files behind.
    public func run(
        _ request: RunRequest, observer: (any RunObserver)? = nil, stop: StopSignal = StopSignal(),
        checker: (any ModelChecker)? = nil, clients injected: [String: any LLMClient]? = nil
    ) async throws -> RunResult {
        // The servers are asked before a new run's store is created: a server that is down must not leave a
        // directory that the same command, run again once the server is up, refuses as "already holds a run".
        var cassette = try CassetteSession(request.cassette)
        let (graph, store, seed, target, clients) = try await openRun(request) { graph in
            // A replay answers from its cassette: no HTTP client is made, no server asked.
            if let replaying = cassette.replayingClients(for: graph) { return replaying }
            // Injected clients (benchmarks, hosts with their own transport) replace the HTTP clients.
            let clients = try injected ?? Self.clients(for: graph, variables: variables, stop: stop) { model, progress in
                Task { await observer?.batchAPIProgress(model: model, progress) }
            }
            try await Self.preflight(graph, clients: clients)
            return clients
        }
        // Batch-mode models journal their batches in the store; a resumed run collects the ones still on the server.
        for client in clients.values {
            guard let batching = client as? BatchAPIClient else { continue }
            do {
                try await batching.attach(journal: RunStoreBatchJournal(store: store))
            } catch {
                await store.close()
                throw error
            }
        }
        // Arms and checks call through the recorder; traffic and batch journals stay with the real clients.
        let modelClients = cassette.wrap(clients, redact: { [redactor = storeOptions(graph).redactor] in redactor.redact($0) })
        let environment = scriptEnvironment(directory: URL(fileURLWithPath: request.scriptPath).standardizedFileURL.deletingLastPathComponent())
        let interpreter = try Interpreter(graph: graph, registry: capabilities.functions, environment: environment)
        let armEnvironment = ArmEnvironment(
            clients: modelClients, modelNames: Dictionary(uniqueKeysWithValues: graph.models.map { ($0.name, $0.model) }))
        var arms: [String: any Arm] = [:]
        for node in graph.arms { arms[node.name] = try capabilities.arms.makeArm(node, environment: armEnvironment) }
        let modelChecker = checker ?? StandardModelChecker(
            models: CheckModel.from(graph: graph, clients: modelClients), cache: RunStoreCheckCache(store: store),
            registry: capabilities.modelChecks)
        let quality = try ScriptQuality(
            graph: graph, interpreter: interpreter, checker: modelChecker, inProcess: capabilities.inProcessChecks,
            gates: capabilities.poolGates)
        let reward = try ScriptReward(expression: graph.reward, interpreter: interpreter)
        let configuration = RunConfiguration(
            seed: seed, targetCount: target, batchSize: graph.spec.batch,
            maxCandidates: graph.spec.budget.maxCandidates ?? RunConfiguration.defaultCandidateBudget(target: target),
            maxTokens: graph.spec.budget.maxTokens, maxDollars: graph.spec.budget.maxDollars,
            pipelineDepth: graph.spec.pipeline ?? 1)
        let exporter = PeriodicExport(
            store: store, options: ExportOptions(provenance: request.provenance), interval: request.exportInterval,
            next: observer)
        let loop = AdaptiveRun(
            graph: graph, arms: arms, quality: quality, reward: reward, store: store, configuration: configuration,
            observer: exporter, stop: stop, policies: capabilities.policies, classifiers: capabilities.classifiers,
            traffic: clients.compactMapValues { $0 as? any TrafficReporting })
        let outcome: RunOutcome
        do {
            outcome = try await loop.run()
        } catch {
            _ = try? await store.export(ExportOptions(provenance: request.provenance))
            await store.close()
            try await cassette.finish()
            throw CassetteSession.failure(for: error)
        }
        let exported = try await store.export(ExportOptions(provenance: request.provenance))
        await store.close()
        try await cassette.finish()
        return RunResult(outcome: outcome, directory: request.outDirectory, exported: exported, graph: graph)
    }

    /// A new run's store (compiling the script) or a stopped run's store (using the graph it was started with).
    /// `prepare` runs on the graph before a new store is created (and after a stopped one is opened).
    func openRun<Prepared>(
        _ request: RunRequest, prepare: (PipelineGraph) async throws -> Prepared
    ) async throws -> (PipelineGraph, RunStore, UInt64, Int, Prepared) {
        let database = request.outDirectory.appendingPathComponent("run.sqlite")
        let exists = FileManager.default.fileExists(atPath: database.path)
        if request.resume {
            guard exists else { throw RunFailure.nothingToResume(request.outDirectory.path) }
            // The graph names the variables the script read as secrets; the store that continues redacts them.
            let stored = try RunStore(opening: request.outDirectory, access: .readOnly)
            let storedInfo: RunInfo
            do {
                storedInfo = try await stored.info()
            } catch {
                await stored.close()
                throw error
            }
            await stored.close()
            let options = (try? PipelineGraph.decode(stored: storedInfo.graph)).map { storeOptions($0) } ?? StoreOptions()
            let store = try RunStore(opening: request.outDirectory, options: options)
            do {
                let info = try await store.info()
                let graph: PipelineGraph
                do {
                    graph = try PipelineGraph.decode(stored: info.graph)
                } catch {
                    throw StoreDamage(directory: request.outDirectory, findings: [.badGraph(error.reason)])
                }
                return (graph, store, info.seed, request.count ?? info.targetCount, try await prepare(graph))
            } catch {
                await store.close()
                throw error
            }
        }
        guard !exists else { throw RunFailure.runExists(request.outDirectory.path) }
        let compilation = compile(path: request.scriptPath)
        guard var graph = compilation.graph, !compilation.hasErrors else {
            throw RunFailure.scriptHasErrors(compilation.rendered())
        }
        if let router = request.routerOverride { graph.router = router }
        if let transform = request.graphTransform { graph = transform(graph) }
        let prepared = try await prepare(graph)
        try FileManager.default.createDirectory(at: request.outDirectory, withIntermediateDirectories: true)
        let seed = request.seed ?? RunRequest.defaultSeed
        let graphJSON = CanonicalJSON.parse(String(decoding: try JSONEncoder().encode(graph), as: UTF8.self)) ?? .null
        let store = try RunStore(
            creating: NewRun(scriptPath: request.scriptPath, scriptSHA256: graph.script.sha256, seed: seed, graph: graphJSON,
                             targetCount: request.count ?? graph.spec.count),
            in: request.outDirectory, options: storeOptions(graph))
        return (graph, store, seed, request.count ?? graph.spec.count, prepared)
    }

    /// The store of a run of `graph`: secrets redacted from everything it writes (see `EnvironmentSecrets`).
    func storeOptions(_ graph: PipelineGraph) -> StoreOptions {
        StoreOptions(redactor: EnvironmentSecrets.redactor(for: graph, variables: variables))
    }

    /// One HTTP client per declared model, with the script's servers, concurrency, rates, timeout and retries; a model in batch mode
    /// gets a batch-API client, whose wait on a batch ends when `stop` is requested and whose batches' progress goes to
    /// `batchProgress`.
    static func clients(
        for graph: PipelineGraph, variables: [String: String], stop: StopSignal = StopSignal(),
        batchProgress: @escaping @Sendable (_ model: String, BatchProgress) -> Void = { _, _ in }
    ) throws -> [String: any LLMClient] {
        var clients: [String: any LLMClient] = [:]
        for model in graph.models {
            let configuration = ClientConfiguration(
                baseURL: model.baseURL, apiKeyVariable: model.apiKeyEnv, timeout: model.timeoutSeconds,
                maxConcurrency: model.maxConcurrency, retry: RetryPolicy(maxAttempts: max(1, model.maxRetries + 1)),
                urlVariable: model.baseURLVariable, pool: model.baseURLs ?? [], adaptiveConcurrency: model.adaptive ?? true,
                requestsPerMinute: model.requestsPerMinute, tokensPerMinute: model.tokensPerMinute)
            do {
                if let batch = model.batch {
                    clients[model.name] = try BatchAPIClient(
                        configuration: configuration, settings: BatchSettings(pollInterval: batch.pollSeconds), environment: variables,
                        stopRequested: { stop.isRequested }, progress: { [name = model.name] in batchProgress(name, $0) })
                } else {
                    clients[model.name] = try OpenAICompatibleClient(configuration: configuration, environment: variables)
                }
            } catch {
                throw RunFailure.setup("model `\(model.name)`: \(error)")
            }
        }
        return clients
    }

    /// Asks every model an arm uses for its model list before any token is spent, so a server that is down
    /// or misconfigured stops the run at once with a message naming the URL.
    /// The model ids are checked too: a server that answers but does not serve the model the script names
    /// would fail every request.
    static func preflight(_ graph: PipelineGraph, clients: [String: any LLMClient]) async throws {
        let used = Set(graph.arms.compactMap(\.model) + graph.quality.flatMap { $0.modelChecks.compactMap(\.model) })
        for name in used.sorted() {
            guard let client = clients[name] as? any ModelListing else { continue }
            let served: [String]
            do {
                served = try await client.listModels()
            } catch {
                throw RunFailure.modelUnreachable("model `\(name)`: \(error)")
            }
            guard let node = graph.models.first(where: { $0.name == name }), !served.isEmpty, !served.contains(node.model) else { continue }
            let hint = suggest(node.model, candidates: served).map { "did you mean \"\($0)\"?" }
                ?? "it serves " + served.prefix(10).map { "\"\($0)\"" }.joined(separator: ", ") + (served.count > 10 ? ", ..." : "")
            throw RunFailure.modelUnreachable(
                "model `\(name)` asks the server at \(client.redactedBaseURL) for \"\(node.model)\", which it does not serve; \(hint)")
        }
    }
}

/// How a run ended and where its files are.
public struct RunResult: Sendable {
    public var outcome: RunOutcome
    public var directory: URL
    public var exported: ExportSummary
    public var graph: PipelineGraph
}

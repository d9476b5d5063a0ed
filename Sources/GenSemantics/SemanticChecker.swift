import Foundation
import GenCore
import GenPipeline
import GenSyntax

/// The result of checking a script: the graph when there are no errors, every diagnostic (sorted by file and
/// position), and the source files they point into (for `DiagnosticRenderer`).
public struct CheckResult: Sendable {
    public let graph: PipelineGraph?
    public let diagnostics: [Diagnostic]
    public let files: [SourceFile]
    /// The checked `let` constants by IR name, also when no graph could be built (a partial program in the REPL).
    public let constants: [String: IRConstant]
}

/// Checks a whole script (root plus imports) and lowers it to the pipeline graph: names, types, attribute
/// schemas, ranges and cross-references, all before any token is spent.
public enum SemanticChecker {
    public static func check(root: ModuleText, loader: any ModuleLoader, environment: CheckEnvironment) -> CheckResult {
        var graphLoader = ModuleGraphLoader(loader: loader)
        graphLoader.load(root: root)
        let session = CheckSession(environment: environment, modules: graphLoader.modules)
        session.diagnostics = graphLoader.diagnostics
        let graph = ProgramChecker(session: session).run()
        let diagnostics = Diagnostic.sortedByPosition(session.diagnostics)
        return CheckResult(
            graph: diagnostics.hasErrors ? nil : graph, diagnostics: diagnostics, files: graphLoader.modules.map(\.source),
            constants: session.constantByIRName.mapValues { IRConstant(value: $0.value, type: $0.type, source: $0.source) })
    }
}

/// Checks declarations in a fixed order and assembles the graph.
struct ProgramChecker {
    let session: CheckSession

    func run() -> PipelineGraph? {
        var diagnostics: [Diagnostic] = []
        session.scopes = ScopeBuilder.scopes(for: session.modules, diagnostics: &diagnostics)
        diagnostics.forEach(session.report)
        for module in session.modules {
            for symbol in ScopeBuilder.ownSymbols(of: module) { session.symbols[symbol.key] = symbol }
            checkVersion(module)
        }
        for module in session.modules.reversed() { checkDeclarations(module) }
        guard let root = session.modules.first else { return nil }
        return lowerRoot(root)
    }

    private func checkVersion(_ module: Module) {
        let environment = session.environment
        guard environment.checksVersion, let version = module.program.version, !environment.languageVersions.contains(version.version) else { return }
        session.report(Messages.unsupportedVersion(version.version, environment.languageVersions.joined(separator: ", ")), at: version.span)
    }

    /// Every `let`, `fn`, `schema` and `model` of a module, so errors in unused ones are reported too.
    private func checkDeclarations(_ module: Module) {
        for symbol in ScopeBuilder.ownSymbols(of: module) {
            switch symbol.thing {
            case .constant: _ = session.constant(symbol.key, usedAt: nil)
            case .function: session.function(symbol.key)
            case .schema: _ = session.schema(symbol.key, usedAt: nil)
            case .model: _ = session.model(symbol.key)
            case .arm, .spec: break
            }
        }
        guard !module.isRoot else { return }
        for declaration in module.program.declarations {
            let word: String? = switch declaration {
            case .spec: "spec"
            case .arm: "arm"
            case .router: "router"
            case .quality: "quality"
            case .reward: "reward"
            case .evaluate: "evaluate"
            case .expect: "expect"
            default: nil
            }
            if let word { session.report(Messages.declarationNotAllowedInModule(word), at: session.keywordSpan(declaration.span, word)) }
        }
    }

    /// The one declaration of a kind, reporting repeats with both spans.
    private func single<T>(_ word: String, _ items: [(T, Span)]) -> T? {
        guard let first = items.first else { return nil }
        for (_, span) in items.dropFirst() {
            session.report(Messages.duplicateBlock(word), at: session.keywordSpan(span, word),
                           secondary: [DiagnosticLabel("first declared here", at: session.keywordSpan(first.1, word))])
        }
        return first.0
    }

    private func lowerRoot(_ root: Module) -> PipelineGraph? {
        let declarations = root.program.declarations
        let specs = declarations.compactMap { if case .spec(let d) = $0 { (d, d.span) } else { nil } }
        let routers = declarations.compactMap { if case .router(let d) = $0 { (d, d.span) } else { nil } }
        let qualities = declarations.compactMap { if case .quality(let d) = $0 { (d, d.span) } else { nil } }
        let rewards = declarations.compactMap { if case .reward(let d) = $0 { (d, d.span) } else { nil } }
        let evaluations = declarations.compactMap { if case .evaluate(let d) = $0 { (d, d.span) } else { nil } }
        let expects = declarations.compactMap { if case .expect(let d) = $0 { (d, d.span) } else { nil } }
        let armDecls = declarations.compactMap { if case .arm(let d) = $0 { d } else { nil } }
        let end = root.source.span.endPoint
        let requiresAll = session.environment.requiresCompletePipeline

        let specDecl = single("spec", specs)
        let spec = specDecl.flatMap { session.lowerSpec($0, module: 0) }
        if requiresAll, specDecl == nil { session.report(Messages.missingDeclaration("spec", "spec data { domain: \"...\" output: Sample count: 100 }"), at: end) }
        let arms = armDecls.compactMap { session.arm($0, module: 0) }
        if requiresAll, armDecls.isEmpty { session.report(Messages.missingDeclaration("arm", "arm steady = naive(local, temperature: 0.7)"), at: end) }
        let routerDecl = single("router", routers)
        let router = routerDecl.flatMap { session.router($0, module: 0, armCount: armDecls.count) }
        if requiresAll, routerDecl == nil { session.report(Messages.missingDeclaration("router", "router epsilon_greedy(epsilon: 0.1)"), at: end) }
        let sample: GenType = (spec?.outputName ?? session.specOutputName).map { .schema($0) } ?? .record(fields: [:], open: true)
        var quality = single("quality", qualities).map { session.lowerQuality($0, module: 0, sample: sample) } ?? []
        // Without a dedup stage, identical samples were all accepted (5 of 6 in one run): exact dedup is the
        // default, and the graph shows it (its source is synthesized: no line of the script declares it).
        if !quality.contains(where: { $0.kind == .dedup }) { quality.append(.dedup(.exact, threshold: nil, source: .synthesized)) }
        let scoreNames = quality.compactMap { if case .score(let stage, _, _) = $0 { stage.name } else { nil } }
        let rewardDecl = single("reward", rewards)
        let reward = rewardDecl.flatMap { session.lowerReward($0, module: 0, scoreNames: scoreNames) }
        if requiresAll, rewardDecl == nil { session.report(Messages.missingDeclaration("reward", "reward = passed * (0.6 * quality + 0.4 * novelty)"), at: end) }
        let output = spec.flatMap { node in session.schemaByIRName[node.outputName].map { CheckedSchema(irName: node.outputName, schema: $0) } }
        let evaluation = single("evaluate", evaluations).flatMap { session.lowerEvaluation($0, module: 0, output: output) }
        let expectations = single("expect", expects).map { session.lowerExpectations($0, module: 0) }
        session.checkDollarBudget(specDecl)

        guard !session.diagnostics.hasErrors, let spec, let router, let reward, let version = root.program.version else { return nil }
        let runtimeExpressions = quality.compactMap(\.expressionStage?.expression) + quality.flatMap { $0.modelChecks.flatMap(\.arguments) } + [reward]
        var graph = PipelineGraph(
            languageVersion: version.version, script: ScriptIdentity(path: root.source.path, sha256: scriptHash()),
            models: session.modelOrder.compactMap { if case .done(let node)? = session.models[$0] { node } else { nil } },
            spec: spec, arms: arms, router: router, quality: quality, reward: reward, evaluation: evaluation,
            constants: session.constantByIRName.mapValues { IRConstant(value: $0.value, type: $0.type, source: $0.source) },
            functions: reachableFunctions(from: runtimeExpressions))
        graph.expectations = expectations
        return graph
    }

    /// User functions the runtime may call: those used by quality and reward expressions, transitively.
    private func reachableFunctions(from expressions: [IRExpr]) -> [FunctionNode] {
        var pending = expressions.flatMap(IRWalk.userCalls)
        var seen: Set<String> = []
        var nodes: [FunctionNode] = []
        while let name = pending.first {
            pending.removeFirst()
            guard seen.insert(name).inserted, let function = session.functionByIRName[name] else { continue }
            nodes.append(FunctionNode(
                name: name, parameters: function.parameters.map { FunctionParameter(name: $0.name, type: $0.type, defaultValue: $0.defaultValue) },
                result: function.result, body: function.body, source: function.source))
            pending += IRWalk.userCalls(function.body) + function.parameters.compactMap(\.defaultValue).flatMap(IRWalk.userCalls)
        }
        return nodes.sorted { $0.name < $1.name }
    }

    /// SHA-256 over every module's key and text, in load order.
    private func scriptHash() -> String {
        var bytes: [UInt8] = []
        for module in session.modules {
            bytes += Array(module.text.key.utf8) + [0] + module.source.bytes + [0]
        }
        return SHA256.hex(bytes)
    }
}

import GenCore
import GenPipeline
import GenSyntax

/// A kind call evaluated at compile time, with its parameters checked against the kind's spec.
struct LoweredKind {
    let spec: KindSpec
    /// The `model`-typed arguments, by parameter name (model IR names).
    let models: [String: String]
    /// Every other parameter: given values, then defaults (null defaults left out).
    let parameters: [String: JSONValue]
}

/// Turns declarations whose value is a kind call (`model`, `arm`, `router`, `dedup`, `diversity`) into their
/// parameters, checking ranges once the values are known.
extension CheckSession {
    /// Checks `expr` in a context where `family`'s kinds may be called, then evaluates it.
    func lowerKind(_ expr: Expr, family: KindFamily, module: Int, place: ExprContext.Place) -> LoweredKind? {
        let context = ExprContext(module: module, place: place, kinds: [family])
        guard let ir = check(expr, context) else { return nil }
        let value: StaticValue
        do {
            value = try staticValue(ir)
        } catch {
            report(Messages.compileTimeEvaluationFailed(String(describing: error)), at: expr.span)
            return nil
        }
        guard case .kind(let valueFamily, let name, let arguments) = value, valueFamily == family,
              let spec = environment.kinds(of: family).first(where: { $0.name == name }) else {
            report(Messages.expectedKindCall(family.rawValue), at: expr.span, hint: "found \(ir.type.described)")
            return nil
        }
        var models: [String: String] = [:]
        var parameters: [String: JSONValue] = [:]
        var failed = false
        for parameter in spec.parameters {
            guard let argument = arguments[parameter.name] else {
                if let defaultValue = parameter.defaultValue, defaultValue != .null { parameters[parameter.name] = defaultValue }
                continue
            }
            switch argument.value {
            case .model(let model): models[parameter.name] = model
            case .json(let json):
                parameters[parameter.name] = json
                if !rangeChecked(parameter, json, argument, declaration: expr.span) { failed = true }
                if let choices = parameter.choices, !checkChoice(parameter, choices, json, at: argument.span) { failed = true }
                if let fields = parameter.fields,
                   !checkRecordFields(parameter, fields, json, argumentSpan: argument.span, call: expr) { failed = true }
            case .kind:
                report(Messages.argumentType(parameter.name, spec.name, parameter.type.described, "a kind call"), at: argument.span)
                failed = true
            }
        }
        return failed ? nil : LoweredKind(spec: spec, models: models, parameters: parameters)
    }

    /// Range check at the argument when it is written in this declaration, else at the declaration with the
    /// argument as context (literals inside function bodies were checked there already).
    private func rangeChecked(_ parameter: ParameterSpec, _ value: JSONValue, _ argument: StaticArgument, declaration: Span) -> Bool {
        let inside = argument.span.file == declaration.file && argument.span.start >= declaration.start && argument.span.end <= declaration.end
        if inside { return checkRange(parameter, value, at: argument.span) }
        if argument.isClosed { return parameter.accepts(value.doubleValue ?? 0) || value.doubleValue == nil }
        return checkRange(parameter, value, at: declaration, secondary: [DiagnosticLabel("the value comes from here", at: argument.span)])
    }

    /// A string parameter with a fixed set of values (`mode: "batch"`): anything else is reported, with a did-you-mean.
    private func checkChoice(_ parameter: ParameterSpec, _ choices: [String], _ value: JSONValue, at span: Span) -> Bool {
        guard let text = value.stringValue, !choices.contains(text) else { return true }
        report(Messages.notAChoice(parameter.name, choices, CanonicalJSON.string(value)), at: span,
               hint: suggest(text, candidates: choices).map { "did you mean \"\($0)\"?" }
                   ?? "`\(parameter.name)` is the \(parameter.summary)")
        return false
    }

    // MARK: Models

    func model(_ key: DeclKey) -> ModelNode? {
        switch models[key] {
        case .done(let node)?: return node
        case .failed?: return nil
        case .inProgress?:
            if let symbol = symbols[key] { report(Messages.declarationCycle(key.name), at: symbol.nameSpan) }
            return nil
        case nil: break
        }
        guard let symbol = symbols[key], case .model(let decl) = symbol.thing else { return nil }
        models[key] = .inProgress
        var node: ModelNode?
        if let lowered = lowerKind(decl.value, family: .model, module: key.module, place: .model) {
            let p = lowered.parameters
            let pool = p["base_urls"]?.arrayValue?.compactMap(\.stringValue)
            guard checkEndpoints(base: p["base_url"]?.stringValue, pool: pool, call: decl.value) else {
                models[key] = .failed
                return nil
            }
            node = ModelNode(
                name: irName(for: key, kind: "model"), provider: lowered.spec.name, baseURL: p["base_url"]?.stringValue ?? pool?.first ?? "",
                model: p["model"]?.stringValue ?? "", apiKeyEnv: p["api_key_env"]?.stringValue,
                maxConcurrency: Self.int(p["max_concurrency"]) ?? 4, timeoutSeconds: p["timeout"]?.doubleValue ?? 60,
                maxRetries: Self.int(p["max_retries"]) ?? 2, source: sourceRef(decl.name.span),
                baseURLVariable: Self.environmentVariable(of: "base_url", in: decl.value), price: Self.price(p["price"]))
            node?.baseURLs = pool
            node?.adaptive = p["adaptive"] == .bool(false) ? false : nil
            node?.requestsPerMinute = Self.int(p["rpm"])
            node?.tokensPerMinute = Self.int(p["tpm"])
            node?.license = p["license"]?.stringValue
            if p["mode"]?.stringValue == "batch", pool != nil {
                // A batch's files live on the server that took them: polling another server of a pool would not find them.
                report(Messages.batchModeWithPool(), at: Self.argumentSpan("base_urls", in: decl.value) ?? decl.value.span,
                       secondary: Self.argumentSpan("mode", in: decl.value).map { [DiagnosticLabel("batch mode is asked for here", at: $0)] } ?? [])
                node = nil
            } else if p["mode"]?.stringValue == "batch" {
                node?.batch = BatchModeNode(pollSeconds: p["batch_poll"]?.doubleValue ?? BatchModeNode.defaultPollSeconds)
            } else if let poll = Self.argumentExpr("batch_poll", in: decl.value) {
                report(Messages.batchSettingWithoutBatchMode("batch_poll"), at: poll.span)
                node = nil
            }
            modelOrder.append(key)
        }
        models[key] = node.map(Memo.done) ?? .failed
        return node
    }

    /// A model reaches one server (`base_url`) or a pool (`base_urls`: at least one URL, none twice), never both.
    func checkEndpoints(base: String?, pool: [String]?, call: Expr) -> Bool {
        let span = { (label: String) in Self.argumentSpan(label, in: call) ?? call.span }
        switch (base, pool) {
        case (nil, nil):
            report(Messages.modelWithoutServer(), at: call.span)
            return false
        case (.some, .some):
            report(Messages.modelWithTwoServerKinds(), at: span("base_urls"),
                   secondary: [DiagnosticLabel("`base_url` is given here", at: span("base_url"))])
            return false
        case (nil, let pool?) where pool.isEmpty:
            report(Messages.emptyPool(), at: span("base_urls"))
            return false
        case (nil, let pool?):
            if let repeated = pool.enumerated().first(where: { pool.prefix($0.offset).contains($0.element) })?.element {
                report(Messages.repeatedPoolURL(repeated), at: span("base_urls"))
                return false
            }
            return true
        default:
            return true
        }
    }

    /// The variable NAME when the argument `label` of a constructor call is written `env("NAME", ...)`.
    static func environmentVariable(of label: String, in value: Expr) -> String? {
        guard case .call(_, let arguments) = value.kind,
              let argument = arguments.first(where: { $0.label?.name == label }),
              case .call(let callee, let envArguments) = argument.value.kind, case .name("env") = callee.kind,
              let first = envArguments.first, first.label == nil, case .string(let name) = first.value.kind
        else { return nil }
        return name.plainValue
    }

    /// `price: {input, output}` once checked; nil when the model declares none.
    static func price(_ value: JSONValue?) -> ModelPrice? {
        guard let input = value?["input"]?.doubleValue, let output = value?["output"]?.doubleValue else { return nil }
        return ModelPrice(input: input, output: output)
    }

    static func int(_ value: JSONValue?) -> Int? {
        if case .int(let whole)? = value { return whole }
        return nil
    }

    // MARK: Arms

    func arm(_ decl: NamedDecl, module: Int) -> ArmNode? {
        guard let lowered = lowerKind(decl.value, family: .arm, module: module, place: .arm) else { return nil }
        return ArmNode(
            name: decl.name.name, kind: lowered.spec.name, model: lowered.models["model"], parameters: lowered.parameters,
            source: sourceRef(decl.name.span))
    }

    // MARK: Router

    /// - Parameter armCount: the script's arms, for bounds that depend on their number (`floor` <= 1/K).
    func router(_ decl: ExprDecl, module: Int, armCount: Int) -> RouterNode? {
        // `router ucb1` without parentheses means the defaults.
        var value = decl.value
        if case .name = value.kind { value = Expr(.call(callee: value, arguments: []), span: value.span) }
        guard let lowered = lowerKind(value, family: .router, module: module, place: .router) else { return nil }
        let numbers = lowered.parameters.compactMapValues(\.doubleValue)
        var failed = false
        for parameter in lowered.spec.parameters where parameter.maximumPerArm && armCount > 0 {
            guard let number = numbers[parameter.name], !parameter.accepts(number, arms: armCount),
                  let bound = parameter.upperBound(arms: armCount) else { continue }
            report(Messages.parameterOverPerArmBound(parameter.name, number, bound: bound, arms: armCount),
                   at: Self.argumentSpan(parameter.name, in: value) ?? value.span)
            failed = true
        }
        return failed ? nil : RouterNode(policy: lowered.spec.name, parameters: numbers, source: sourceRef(decl.value.span))
    }

    /// The span of the argument labelled `name` in a call written in place, if there is one.
    static func argumentSpan(_ name: String, in value: Expr) -> Span? {
        guard case .call(_, let arguments) = value.kind else { return nil }
        return arguments.first { $0.label?.name == name }?.value.span
    }
}

import GenCore
import GenPipeline

/// Semantic-check messages (names, types, attributes, ranges, cross-checks, imports). Keep members in
/// alphabetical order; the member name is the id.
extension Messages {
    public static func argumentType(_ parameter: String, _ function: String, _ expected: String, _ found: String) -> DiagnosticMessage {
        DiagnosticMessage("argument `\(parameter)` of `\(function)` must be \(expected), found \(found)")
    }

    public static func attributeType(_ attribute: String, _ expected: String, _ found: String) -> DiagnosticMessage {
        DiagnosticMessage("`\(attribute)` must be \(expected), found \(found)")
    }

    public static func compileTimeEvaluationFailed(_ reason: String) -> DiagnosticMessage {
        DiagnosticMessage("cannot evaluate this at compile time: \(reason)")
    }

    public static func conditionNotBoolean(_ found: String) -> DiagnosticMessage {
        DiagnosticMessage("the condition of `if` must be bool, found \(found)")
    }

    public static func constantReward() -> DiagnosticMessage {
        DiagnosticMessage(
            "the reward uses no metric, so every arm gets the same reward", severity: .warning,
            hint: "use `passed`, `quality`, `novelty` or `scores[\"name\"]`, e.g. `passed * (0.6 * quality + 0.4 * novelty)`")
    }

    public static func declarationCycle(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage("`\(name)` depends on itself", hint: "a `let` cannot use its own value, directly or through other constants")
    }

    public static func declarationNotAllowedInModule(_ word: String) -> DiagnosticMessage {
        DiagnosticMessage(
            "`\(word)` can only be declared in the main script, not in an imported module",
            hint: "imported modules share `let`, `fn`, `model` and `schema` declarations")
    }

    public static func dollarBudgetWithoutPrice() -> DiagnosticMessage {
        DiagnosticMessage("`max_dollars` needs a price, and no model declares one",
                          hint: "declare what the model costs in dollars per million tokens, e.g. `model m = openai(..., price: {input: 0.15, output: 0.60})`, or use `max_tokens`")
    }

    public static func duplicateArgument(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage("argument `\(name)` is given more than once")
    }

    public static func duplicateAttribute(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage("attribute `\(name)` is given more than once", hint: "keep one of them")
    }

    public static func duplicateBlock(_ word: String) -> DiagnosticMessage {
        DiagnosticMessage("a script has at most one `\(word)` declaration", hint: "merge the two, or remove one")
    }

    public static func duplicateDeclaration(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage("`\(name)` is declared more than once", hint: "top-level names share one namespace; rename one of them")
    }

    public static func duplicateModifier(_ modifier: String) -> DiagnosticMessage {
        DiagnosticMessage("`\(modifier)` is given more than once for this score")
    }

    public static func duplicateQualityName(_ kind: String, _ name: String) -> DiagnosticMessage {
        DiagnosticMessage("two quality entries are named \"\(name)\"", hint: "reports and `scores[...]` refer to a \(kind) by its name; make it unique")
    }

    public static func duplicateSchemaField(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage("field `\(name)` is declared more than once in this schema")
    }

    public static func enumValueMismatch(_ value: String, _ type: String) -> DiagnosticMessage {
        DiagnosticMessage("\"\(value)\" is never equal to a value of type \(type)")
    }

    public static func evaluationFieldMissing(_ role: String, _ field: String, _ schema: String) -> DiagnosticMessage {
        DiagnosticMessage("the \(role) field `\(field)` is not a field of schema `\(schema)`")
    }

    public static func evaluationFieldType(_ role: String, _ field: String, _ expected: String, _ found: String) -> DiagnosticMessage {
        DiagnosticMessage("the \(role) field `\(field)` must be \(expected), found \(found)")
    }

    public static func evaluationTask() -> DiagnosticMessage {
        DiagnosticMessage("expected a task such as `classify(text -> label)`", hint: "name the schema's input field, then `->`, then its label field")
    }

    public static func evaluationTestRowField(_ field: String) -> DiagnosticMessage {
        DiagnosticMessage("the test rows have no field `\(field)`", hint: "every row needs the task's text and label fields")
    }

    public static func expectedKindCall(_ family: String) -> DiagnosticMessage {
        DiagnosticMessage("expected a \(family) such as `\(familyExample(family))`")
    }

    public static func expectedSchemaName(_ found: String) -> DiagnosticMessage {
        DiagnosticMessage("expected the name of a schema, found \(found)", hint: "declare `schema Name { ... }` and write `output: Name`")
    }

    public static func fieldOfNonRecord(_ field: String, _ type: String) -> DiagnosticMessage {
        DiagnosticMessage("cannot read field `\(field)` of a value of type \(type)")
    }

    public static func functionAsValue(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage("`\(name)` is a function; call it with `\(name)(...)`")
    }

    public static func ifBranchMismatch(_ then: String, _ otherwise: String) -> DiagnosticMessage {
        DiagnosticMessage("the branches of `if` have different types: \(then) and \(otherwise)")
    }

    public static func importCycle(_ path: String) -> DiagnosticMessage {
        DiagnosticMessage("import cycle: `\(path)` imports itself through the modules it imports", hint: "move the shared declarations into a third module both import")
    }

    public static func importNotFound(_ path: String, _ reason: String) -> DiagnosticMessage {
        DiagnosticMessage("cannot import \"\(path)\": \(reason)")
    }

    public static func importOutsideProject(_ path: String) -> DiagnosticMessage {
        DiagnosticMessage("cannot import \"\(path)\": it is outside the project", hint: "scripts may import files under their own directory only")
    }

    public static func indexType(_ base: String, _ index: String) -> DiagnosticMessage {
        DiagnosticMessage("cannot index a value of type \(base) with \(index)")
    }

    public static func invalidRegex(_ message: String) -> DiagnosticMessage {
        DiagnosticMessage("invalid regular expression: \(message)")
    }

    public static func kindOutOfPlace(_ name: String, _ product: String, _ place: String) -> DiagnosticMessage {
        DiagnosticMessage("`\(name)` makes \(product) and can only be used in \(place)")
    }

    public static func mappingOutsideTask() -> DiagnosticMessage {
        DiagnosticMessage("`->` can only be used in an evaluation task such as `classify(text -> label)`")
    }

    public static func missingArgument(_ parameter: String, _ function: String) -> DiagnosticMessage {
        DiagnosticMessage("missing argument `\(parameter)` in call to `\(function)`")
    }

    public static func missingAttribute(_ name: String, _ block: String) -> DiagnosticMessage {
        DiagnosticMessage("`\(block)` is missing the required attribute `\(name)`")
    }

    public static func missingDeclaration(_ word: String, _ example: String) -> DiagnosticMessage {
        DiagnosticMessage("the script has no `\(word)` declaration", hint: "add one, e.g. `\(example)`")
    }

    public static func missingKey(_ key: String, _ record: String) -> DiagnosticMessage {
        DiagnosticMessage("`\(record)` is missing the key `\(key)`")
    }

    public static func modelWithoutServer() -> DiagnosticMessage {
        DiagnosticMessage(
            "the model names no server",
            hint: "add `base_url: \"http://127.0.0.1:8080/v1\"`, or `base_urls: [...]` for a pool of servers")
    }

    public static func modelWithTwoServerKinds() -> DiagnosticMessage {
        DiagnosticMessage(
            "the model gives both `base_url` and `base_urls`",
            hint: "keep one: `base_url` for one server, `base_urls` for a pool (list the first server there too)")
    }

    public static func emptyPool() -> DiagnosticMessage {
        DiagnosticMessage("`base_urls` lists no server", hint: "list at least one /v1 URL, e.g. `[\"http://127.0.0.1:8080/v1\"]`")
    }

    public static func repeatedPoolURL(_ url: String) -> DiagnosticMessage {
        DiagnosticMessage(
            "`base_urls` lists \"\(url)\" twice",
            hint: "each server once: `max_concurrency` already sets how many requests one server gets")
    }

    public static func modelCheckNested(_ check: String) -> DiagnosticMessage {
        DiagnosticMessage(
            "`\(check)` cannot be used inside the arguments of another model check",
            hint: "model checks run before the expression; give each its own `score`")
    }

    public static func modelCheckOutsideQuality(_ check: String) -> DiagnosticMessage {
        DiagnosticMessage(
            "`\(check)` can only be called directly in a quality `rule` or `score`",
            hint: "model checks run asynchronously before the rule or score that uses them")
    }

    public static func moduleAliasAsValue(_ alias: String) -> DiagnosticMessage {
        DiagnosticMessage("`\(alias)` names an imported module; use one of its declarations, e.g. `\(alias).name`")
    }

    public static func noMatchingOverload(_ function: String, _ arguments: String) -> DiagnosticMessage {
        DiagnosticMessage("no form of `\(function)` takes (\(arguments))")
    }

    public static func nonBooleanRule(_ found: String) -> DiagnosticMessage {
        DiagnosticMessage("a rule must be a bool, found \(found)", hint: "rules are pass/fail checks; use `score` for numbers")
    }

    public static func nonNumericReward(_ found: String) -> DiagnosticMessage {
        DiagnosticMessage("the reward must be a number, found \(found)")
    }

    public static func nonNumericScore(_ found: String) -> DiagnosticMessage {
        DiagnosticMessage("a score must be a number in [0, 1], found \(found)", hint: "use `rule` for pass/fail checks")
    }

    public static func notCallable(_ name: String, _ what: String) -> DiagnosticMessage {
        DiagnosticMessage("`\(name)` is \(what), not a function")
    }

    public static func notAValue(_ name: String, _ what: String) -> DiagnosticMessage {
        DiagnosticMessage("`\(name)` is \(what) and cannot be used as a value here")
    }

    public static func operandTypes(_ op: String, _ left: String, _ right: String) -> DiagnosticMessage {
        DiagnosticMessage("operator `\(op)` cannot be applied to \(left) and \(right)")
    }

    public static func parameterOutOfRange(_ name: String, _ range: String, _ value: String) -> DiagnosticMessage {
        let phrase = range.hasPrefix("[") || range.hasPrefix("(") ? "in " + range : range
        return DiagnosticMessage("`\(name)` must be \(phrase), got \(value)")
    }

    public static func positionalNotAllowed(_ kind: String) -> DiagnosticMessage {
        DiagnosticMessage("`\(kind)` takes named arguments only", hint: "write `name: value`")
    }

    public static func quotaUnknownLabel(_ label: String, _ field: String) -> DiagnosticMessage {
        DiagnosticMessage("quota for \"\(label)\", which is not a value of the label field `\(field)`")
    }

    public static func quotasWithoutLabel() -> DiagnosticMessage {
        DiagnosticMessage("`quotas` needs a label field", hint: "add an enum field named `label` to the schema, or name one with `label: \"field\"`")
    }

    public static func recursiveInference(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage("recursive function `\(name)` needs a declared return type", hint: "write `-> type` after its parameters")
    }

    public static func returnType(_ function: String, _ declared: String, _ found: String) -> DiagnosticMessage {
        DiagnosticMessage("`\(function)` is declared to return \(declared), but its body is \(found)")
    }

    public static func schemaAsValue(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage("`\(name)` is a schema (a type), not a value")
    }

    public static func tooManyArguments(_ function: String, _ count: Int) -> DiagnosticMessage {
        DiagnosticMessage("`\(function)` takes \(count) argument\(count == 1 ? "" : "s") here; this one is extra")
    }

    public static func typeMismatch(_ expected: String, _ found: String) -> DiagnosticMessage {
        DiagnosticMessage("expected \(expected), found \(found)")
    }

    public static func undefinedName(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage("unknown name `\(name)`")
    }

    public static func unknownAttribute(_ name: String, _ block: String) -> DiagnosticMessage {
        DiagnosticMessage("unknown attribute `\(name)` in `\(block)`")
    }

    public static func unknownClassifier(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage("unknown classifier \"\(name)\"")
    }

    public static func unknownField(_ field: String, _ type: String) -> DiagnosticMessage {
        DiagnosticMessage("\(type) has no field `\(field)`")
    }

    public static func unknownKey(_ key: String, _ record: String) -> DiagnosticMessage {
        DiagnosticMessage("unknown key `\(key)` in `\(record)`")
    }

    public static func unknownFunction(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage("unknown function `\(name)`")
    }

    public static func unknownKind(_ family: String, _ name: String) -> DiagnosticMessage {
        DiagnosticMessage("unknown \(family) `\(name)`")
    }

    public static func unknownMetric(_ name: String, _ metrics: [RewardMetricSpec]) -> DiagnosticMessage {
        func names(_ scope: RewardMetricSpec.Scope) -> String {
            metrics.filter { $0.scope == scope }.map { "`\($0.name)`" }.joined(separator: ", ")
        }
        return DiagnosticMessage(
            "the reward cannot use `\(name)`: the pipeline produces no such metric",
            hint: "per sample: \(names(.sample)), `scores[\"score name\"]`; of the sample's arm in its batch: "
                + "\(names(.armInBatch)); of the accepted pool: \(names(.pool))")
    }

    public static func parameterOverPerArmBound(_ name: String, _ value: Double, bound: Double, arms: Int) -> DiagnosticMessage {
        DiagnosticMessage(
            "`\(name)` is \(ParameterSpec.number(value)), more than 1/\(arms) = \(ParameterSpec.number((bound * 10_000).rounded() / 10_000)) "
                + "with \(arms) arms",
            hint: "every arm is guaranteed `\(name)` of each batch, so with \(arms) arms it can be at most 1/\(arms)")
    }

    public static func duplicateEnumValue(_ value: String) -> DiagnosticMessage {
        DiagnosticMessage("the enum value \(GenStringLiteral.quote(value)) is listed twice", hint: "each value once: remove the repeat")
    }

    public static func quotasDoNotAddUp(_ total: String, listed: Int, labels: Int) -> DiagnosticMessage {
        DiagnosticMessage(
            "the quotas add up to \(total), not 1",
            hint: "quotas are shares of the dataset, one per label, adding up to 1"
                + (listed < labels ? "; a label left out gets none (\(listed) of \(labels) labels are listed)" : ""))
    }

    public static func declarationChainTooDeep(_ name: String, _ limit: Int) -> DiagnosticMessage {
        DiagnosticMessage(
            "`\(name)` is reached through a chain of more than \(limit) declarations, each defined by the next",
            hint: "compute it in fewer steps, or from a list (`sum([...])`) instead of one declaration per term")
    }

    public static func importsTooDeep(_ limit: Int) -> DiagnosticMessage {
        DiagnosticMessage(
            "imports nest more than \(limit) modules deep", hint: "import the modules you need from the script itself, not through a chain")
    }

    public static func scoreShadowsMetric(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(
            "score \"\(name)\" has the name of a built-in reward metric",
            hint: "rename the score; the reward reads it as `scores[\"new name\"]`, while `\(name)` stays the pipeline's metric")
    }

    /// "its parameters: `a`, `b`" for a hint when no name is close to a typo.
    public static func validNames(_ what: String, _ names: [String]) -> String {
        names.isEmpty ? "it takes no \(what)" : "its \(what): " + names.map { "`\($0)`" }.joined(separator: ", ")
    }

    public static func unknownParameter(_ name: String, _ kind: String) -> DiagnosticMessage {
        DiagnosticMessage("`\(kind)` has no parameter `\(name)`")
    }

    public static func unknownScore(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage("no quality score is named \"\(name)\"")
    }

    public static func unknownStdModule(_ path: String) -> DiagnosticMessage {
        DiagnosticMessage("no standard module \"\(path)\"")
    }

    public static func unknownType(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage("unknown type `\(name)`")
    }

    public static func unsupportedVersion(_ found: String, _ supported: String) -> DiagnosticMessage {
        DiagnosticMessage(
            "this gen understands language version \(supported), but the script declares \(found)",
            hint: "change the version line to `gen \(supported)`")
    }

    /// An example call for a family, used in `expectedKindCall`.
    static func familyExample(_ family: String) -> String {
        switch family {
        case "arm": "naive(local, temperature: 0.7)"
        case "model": "openai(base_url: \"http://127.0.0.1:8080/v1\", model: \"smollm2\")"
        case "router": "epsilon_greedy(epsilon: 0.1)"
        case "dedup": "near(0.85)"
        case "diversity": "novelty(min: 0.1)"
        default: "\(family)(...)"
        }
    }
}

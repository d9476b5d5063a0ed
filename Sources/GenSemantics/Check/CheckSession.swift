import GenCore
import GenPipeline
import GenSyntax

/// Memo state of a declaration checked on demand (so declarations may appear in any order).
enum Memo<Value> {
    case inProgress
    case done(Value)
    case failed
}

/// A checked `let`: its IR name, type and compile-time value.
struct CheckedConstant {
    let irName: String
    let type: GenType
    let value: JSONValue
    let source: SourceRef
}

/// A checked `fn`: signature first, body once checked.
struct CheckedFunction {
    let key: DeclKey
    let irName: String
    let parameters: [CheckedParameter]
    let result: GenType
    let body: IRExpr
    let source: SourceRef
}

struct CheckedParameter {
    let name: String
    let type: GenType
    let defaultValue: IRExpr?
}

/// A checked schema: its IR name and lowered fields.
struct CheckedSchema {
    let irName: String
    let schema: OutputSchema
}

/// All state of one check: the modules, their scopes, the environment, memo tables and diagnostics.
/// Single-threaded and internal; `SemanticChecker` is the public face.
final class CheckSession {
    let environment: CheckEnvironment
    let modules: [Module]
    var scopes: [[String: ScopeEntry]] = [] {
        didSet { scopeNameCache = [:] }
    }
    /// See `scopeNames(_:)`.
    var scopeNameCache: [Int: ScopeNames] = [:]
    var diagnostics: [Diagnostic] = []
    let lineIndexes: [LineIndex]

    var constants: [DeclKey: Memo<CheckedConstant>] = [:]
    var functions: [DeclKey: Memo<CheckedFunction>] = [:]
    /// Function signatures may be needed while a body is being checked (recursion).
    var functionSignatures: [DeclKey: (parameters: [CheckedParameter], result: GenType?)] = [:]
    var schemas: [DeclKey: Memo<CheckedSchema>] = [:]
    var models: [DeclKey: Memo<ModelNode>] = [:]
    /// Models in the order they were checked (root models first): the graph's model list.
    var modelOrder: [DeclKey] = []
    /// Schemas by IR name, for typing `.schema(name)` values.
    var schemaByIRName: [String: OutputSchema] = [:]
    /// IR names already handed out, per kind ("fn", "let", "schema", "model").
    private var usedIRNames: [String: [String: DeclKey]] = [:]
    /// Declarations being checked inside one another (a constant whose value uses the next): bounded, since each
    /// level is a few stack frames and 1,000 chained `let`s overflowed the stack (SIGSEGV).
    var declarationDepth = 0
    static let maxDeclarationDepth = 256
    var constantByIRName: [String: CheckedConstant] = [:]
    var functionByIRName: [String: CheckedFunction] = [:]
    var functionIRNames: [DeclKey: String] = [:]
    /// Every declaration by key.
    var symbols: [DeclKey: Symbol] = [:]
    /// The spec's values, once checked, for `spec.domain` inside quality expressions.
    var specValues: [String: (JSONValue, GenType)] = [:]
    /// False while the spec has errors: `spec` in quality expressions is then an open record, so a field the
    /// broken spec could not provide is not reported a second time.
    var specComplete = false
    /// The spec's output schema (IR name) once `output:` resolves, even when other attributes have errors:
    /// quality expressions are still checked against it.
    var specOutputName: String?

    init(environment: CheckEnvironment, modules: [Module]) {
        self.environment = environment
        self.modules = modules
        self.lineIndexes = modules.map { LineIndex($0.source) }
    }

    func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    func report(_ message: DiagnosticMessage, at span: Span, label: String? = nil, secondary: [DiagnosticLabel] = [], hint: String? = nil) {
        diagnostics.append(Diagnostic(message, at: span, label: label, secondary: secondary, hint: hint))
    }

    /// A self-contained source reference for an IR node.
    func sourceRef(_ span: Span) -> SourceRef {
        let index = Int(span.file.rawValue)
        guard index < modules.count else { return .synthesized }
        let location = lineIndexes[index].location(of: span.start)
        return SourceRef(
            file: modules[index].source.path, offset: span.start, length: span.length, line: location.line, column: location.column)
    }

    /// A unique IR name: the plain name unless another module already uses it, then `module-key:name`.
    /// Mutated in place: copying the inner dictionary out and back made every name O(declarations), and
    /// checking quadratic (10k/20k lets took 1.6/4.6 s).
    func irName(for key: DeclKey, kind: String) -> String {
        if let owner = usedIRNames[kind]?[key.name], owner != key {
            let qualified = modules[key.module].text.key + ":" + key.name
            usedIRNames[kind, default: [:]][qualified] = key
            return qualified
        }
        usedIRNames[kind, default: [:]][key.name] = key
        return key.name
    }

    /// The entry a name has at the top level of a module.
    func lookup(_ name: String, in module: Int) -> ScopeEntry? {
        scopes[module][name]
    }

    /// "did you mean `x`?" for a name among candidates, or nil.
    static func didYouMean(_ name: String, _ candidates: some Sequence<String>) -> String? {
        suggest(name, candidates: candidates).map { "did you mean `\($0)`?" }
    }
}

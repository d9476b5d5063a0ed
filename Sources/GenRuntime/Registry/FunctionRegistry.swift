import GenPipeline

/// The table of builtin and host functions scripts can call: name -> declared overloads + one implementation.
///
/// Overloads, not generics: a function the checker must type differently by argument (`len(string)` and
/// `len(list(any))`, `min(list(int)) -> int` and `min(list(float)) -> float`) declares one `FunctionSignature`
/// per shape, in order. The checker picks the first overload whose parameters accept the argument types, so
/// int overloads come before float ones and ints stay ints. `list(any)` accepts any list; an open record with no
/// fields (`{}` open) accepts any record or schema sample. At run time one implementation serves all overloads;
/// `CallContext.overload` says which one the arguments' outer shapes matched.
public struct FunctionRegistry: Sendable {
    /// A function body. Arguments arrive in parameter order with defaults filled and their outer shapes checked
    /// against the matched overload; throw `RuntimeProblem` for errors the script author should see.
    public typealias Implementation = @Sendable ([Value], inout CallContext) throws -> Value

    public struct Entry: Sendable {
        public let name: String
        public let overloads: [FunctionSignature]
        public let implementation: Implementation
        /// Declared with `registerModelCheck`: the checker hoists calls into `ModelCheckNode`s.
        public let isModelCheck: Bool
    }

    private var entries: [String: Entry] = [:]

    /// An empty registry; `FunctionRegistry.standard` has the builtins.
    public init() {}

    /// Every function's overloads by name: what the checker types calls against and `:help` lists.
    public var signatures: [String: [FunctionSignature]] { entries.mapValues(\.overloads) }

    /// Function names in alphabetical order.
    public var names: [String] { entries.keys.sorted() }

    public func entry(named name: String) -> Entry? { entries[name] }

    /// Registers a function with one signature. A later registration under the same name replaces the earlier
    /// one, so a host can override a builtin.
    public mutating func register(signature: FunctionSignature, implementation: @escaping Implementation) {
        register(overloads: [signature], implementation: implementation)
    }

    /// Registers an overloaded function; all overloads take the first one's name. An empty list registers nothing.
    public mutating func register(overloads: [FunctionSignature], implementation: @escaping Implementation) {
        guard let name = overloads.first?.name else { return }
        let named = overloads.map { signature in
            var signature = signature
            signature.name = name
            return signature
        }
        entries[name] = Entry(name: name, overloads: named, implementation: implementation, isModelCheck: false)
    }

    /// Declares a model-backed check (`similarity`, `entails`, `judge`). It is typed like any function, but the
    /// checker hoists every call into a `ModelCheckNode` that the run loop performs asynchronously before the
    /// expression, which then reads `modelCheckResult(i)`. A call that still reaches the interpreter is an error.
    public mutating func registerModelCheck(overloads: [FunctionSignature]) {
        guard let name = overloads.first?.name else { return }
        register(overloads: overloads) { _, _ in
            throw RuntimeProblem(
                .hostFunction, "`\(name)` is a model check: it runs before the expression, not inside it",
                hint: "the checker should have lowered this call to a model-check result")
        }
        if let entry = entries[name] {
            entries[name] = Entry(name: name, overloads: entry.overloads, implementation: entry.implementation, isModelCheck: true)
        }
    }

    /// Names of the model-backed checks, which the checker hoists out of quality expressions.
    public var modelCheckNames: Set<String> { Set(entries.values.filter(\.isModelCheck).map(\.name)) }

    /// Adds every function of another registry (theirs win on a name clash).
    public mutating func merge(_ other: FunctionRegistry) {
        entries.merge(other.entries) { _, theirs in theirs }
    }
}

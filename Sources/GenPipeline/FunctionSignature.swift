import GenCore

/// The declared shape of a builtin or host function: what the checker needs to type a call to it,
/// and what `gen repl`'s `:help` prints. Implementations live in the runtime's registry.
public struct FunctionSignature: Codable, Sendable, Equatable {
    public var name: String
    public var parameters: [SignatureParameter]
    public var result: GenType
    /// Variadic functions accept any number of trailing arguments of the last parameter's type.
    public var isVariadic: Bool
    /// One line for help output and hover text.
    public var summary: String

    public init(name: String, parameters: [SignatureParameter], result: GenType, isVariadic: Bool = false, summary: String) {
        self.name = name
        self.parameters = parameters
        self.result = result
        self.isVariadic = isVariadic
        self.summary = summary
    }
}

public struct SignatureParameter: Codable, Sendable, Equatable {
    public var name: String
    public var type: GenType
    /// A literal default; a parameter without one is required.
    public var defaultValue: JSONValue?

    public init(name: String, type: GenType, defaultValue: JSONValue? = nil) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
    }
}

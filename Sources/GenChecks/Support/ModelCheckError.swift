/// Why a model check could not run at all: a script or configuration problem the author must fix. Model
/// answers that cannot be read are not errors: they come back as outcomes whose method says what went wrong.
public enum ModelCheckError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The check name has no implementation in the registry.
    case unknownCheck(name: String, known: [String])
    /// `using:` names a model the engine has no client for.
    case unknownModel(check: String, model: String, known: [String])
    /// A judge or entailment check without `using:` in a script that declares several models (or none).
    case missingModel(check: String, known: [String])
    /// Too few arguments, or an argument of the wrong kind.
    case badArguments(check: String, reason: String)
    /// The embeddings endpoint answered with something unusable (wrong count, ragged widths).
    case badEmbeddings(model: String, reason: String)

    public var description: String {
        switch self {
        case .unknownCheck(let name, let known):
            return "unknown model check `\(name)`; known checks: \(known.joined(separator: ", "))"
        case .unknownModel(let check, let model, let known):
            let list = known.isEmpty ? "none declared" : known.joined(separator: ", ")
            return "`\(check)` uses model `\(model)`, which has no client; declared models: \(list)"
        case .missingModel(let check, let known):
            let list = known.isEmpty ? "none declared" : known.joined(separator: ", ")
            return "`\(check)` needs a model: add `using: <model>` (declared models: \(list))"
        case .badArguments(let check, let reason):
            return "`\(check)`: \(reason)"
        case .badEmbeddings(let model, let reason):
            return "embeddings from model `\(model)` are unusable: \(reason)"
        }
    }
}

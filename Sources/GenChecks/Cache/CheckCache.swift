import GenCore

/// Where judgments and embeddings are kept by content, so a resumed run or a re-scored sample costs nothing.
///
/// `key` is the full canonical content the value depends on (see `CheckCacheKey`); implementations may hash it.
public protocol CheckCache: Sendable {
    func value(kind: String, key: String) async throws -> JSONValue?
    func store(_ value: JSONValue, kind: String, key: String) async throws
    /// Held while a missing value is computed and stored (`KeyedGate`): one per cache, shared by its copies.
    var gate: KeyedGate { get }
}

/// Builds cache keys: canonical JSON of everything a value depends on (check kind, model, prompt version and
/// inputs), so equal content gives equal keys regardless of dictionary order.
public enum CheckCacheKey {
    public static func make(model: String, version: Int, inputs: [String: JSONValue]) -> String {
        var members = inputs
        members["model"] = .string(model)
        members["version"] = .int(version)
        return CanonicalJSON.string(.object(members))
    }
}

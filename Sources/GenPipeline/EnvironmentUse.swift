/// An environment variable the script read, by name only (values never enter the graph), and how the run
/// treats its value. Stored in the graph so a resumed run redacts the same variables without recompiling.
public struct EnvironmentUse: Codable, Sendable, Equatable {
    public enum Disclosure: String, Codable, Sendable {
        /// Redacted everywhere text leaves the process; may not reach a prompt.
        case secret
        /// An http(s) URL: an endpoint, shown with its query values redacted.
        case url
        /// Read with `public_env`: the script lets it reach prompts and files.
        case `public`
        /// Not set when the script was checked: the script's own default was used.
        case unset
    }

    public var name: String
    public var disclosure: Disclosure

    public init(name: String, disclosure: Disclosure) {
        self.name = name
        self.disclosure = disclosure
    }
}

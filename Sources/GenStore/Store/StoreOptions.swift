import Foundation

/// How a `RunStore` opens its database.
public struct StoreOptions: Sendable {
    public var durability: Durability
    /// How long a statement waits for another connection's lock before failing with SQLITE_BUSY.
    public var busyTimeoutMilliseconds: Int32
    /// Secrets scrubbed from every stored string; by default, from this process's environment.
    public var redactor: SecretRedactor

    public init(
        durability: Durability = .powerLoss, busyTimeoutMilliseconds: Int32 = 5000,
        redactor: SecretRedactor = SecretRedactor(environment: ProcessInfo.processInfo.environment)
    ) {
        self.durability = durability
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        self.redactor = redactor
    }
}

/// Whether a store is opened to continue a run (takes the directory lock) or only to read it (reports).
public enum StoreAccess: Sendable {
    case readWrite
    case readOnly
}

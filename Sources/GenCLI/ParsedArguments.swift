import Foundation

/// What the argument parser made of a command line, checked against the command's spec.
public struct ParsedArguments: Sendable, Equatable {
    public var positionals: [String]
    public var values: [String: String]
    public var switches: Set<String>

    public init(positionals: [String] = [], values: [String: String] = [:], switches: Set<String> = []) {
        self.positionals = positionals
        self.values = values
        self.switches = switches
    }

    public func has(_ flag: String) -> Bool { switches.contains(flag) }

    public func value(_ flag: String) -> String? { values[flag] }

    /// The value of an integer flag; a bad number is reported as a usage error naming the flag.
    public func int(_ flag: String) throws -> Int? {
        guard let text = values[flag] else { return nil }
        guard let number = Int(text.replacingOccurrences(of: "_", with: "")) else {
            throw UsageError(message: "--\(flag) expects a whole number, got `\(text)`")
        }
        return number
    }
}

/// A command line that does not fit the command: printed with the usage line, exit code 64.
public struct UsageError: Error, Equatable, Sendable {
    public var message: String
    public var hint: String?

    public init(message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}

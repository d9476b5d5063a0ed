import Foundation

/// What the argument parser made of a command line, checked against the command's spec. Flags are read by
/// their `FlagSpec`, the one place each flag's name, value and help are written.
public struct ParsedArguments: Sendable, Equatable {
    public var positionals: [String]
    public var values: [String: String]
    public var switches: Set<String>

    public init(positionals: [String] = [], values: [String: String] = [:], switches: Set<String> = []) {
        self.positionals = positionals
        self.values = values
        self.switches = switches
    }

    public func has(_ flag: FlagSpec) -> Bool { switches.contains(flag.name) }

    public func value(_ flag: FlagSpec) -> String? { values[flag.name] }

    /// The value of an integer flag; a bad number, or one outside `range`, is a usage error naming the flag.
    public func int(_ flag: FlagSpec, in range: ClosedRange<Int>? = nil) throws(UsageError) -> Int? {
        guard let text = values[flag.name] else { return nil }
        guard let number = Int(text.replacingOccurrences(of: "_", with: "")) else {
            throw UsageError(message: "--\(flag.name) expects a whole number, got `\(text)`")
        }
        if let range, !range.contains(number) {
            let bounds = range.upperBound == Int.max ? "at least \(range.lowerBound)" : "in \(range.lowerBound)...\(range.upperBound)"
            throw UsageError(message: "--\(flag.name) must be \(bounds), got \(number)")
        }
        return number
    }

    /// A comma-separated list of whole numbers (`--seeds 1,2,3`), each in `range`.
    public func ints(_ flag: FlagSpec, in range: ClosedRange<Int>) throws(UsageError) -> [Int]? {
        guard let text = values[flag.name] else { return nil }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let numbers = parts.compactMap { Int($0.replacingOccurrences(of: "_", with: "")) }
        guard !parts.isEmpty, numbers.count == parts.count, numbers.allSatisfy(range.contains) else {
            throw UsageError(message: "--\(flag.name) takes whole numbers in \(range.lowerBound)...\(range.upperBound) "
                             + "separated by commas, like \(flag.valueName ?? "1,2,3"); got `\(text)`")
        }
        return numbers
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

    /// The one way a usage error is printed: the message, its hint, and the command's usage line.
    func rendered(usage: String?) -> String {
        "error: \(message)\n" + (hint.map { "  = hint: \($0)\n" } ?? "") + (usage.map { "usage: \($0)\n" } ?? "")
    }
}

/// A command that could not do its work for a reason it has already put into words: the message is printed
/// as `error: MESSAGE` and the process exits with `exitCode` (66 for a missing input, 70 for a runtime failure).
public struct CommandFailure: Error, Sendable {
    public var message: String
    public var exitCode: Int32

    public init(_ message: String, exitCode: Int32) {
        self.message = message
        self.exitCode = exitCode
    }
}

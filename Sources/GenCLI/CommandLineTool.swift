import GenCore
import GenStore

/// One `gen` command: its spec and what it does. Returns the process exit code; a `UsageError` or
/// `CommandFailure` it throws is printed by the tool, and any other error is printed too, never swallowed.
public struct Command: Sendable {
    public var spec: CommandSpec
    public var run: @Sendable (ParsedArguments, Console) async throws -> Int32

    public init(spec: CommandSpec, run: @escaping @Sendable (ParsedArguments, Console) async throws -> Int32) {
        self.spec = spec
        self.run = run
    }
}

/// The `gen` front door: dispatches to commands, and owns `--help`, `help COMMAND`, `--version`
/// and the messages for unknown commands and flags.
public struct CommandLineTool: Sendable {
    public var version: String
    public var commands: [Command]
    /// `gen help TOPIC` pages that are not commands (`capabilities`), by name.
    public var topics: [String: @Sendable () -> String]

    public init(version: String, commands: [Command], topics: [String: @Sendable () -> String] = [:]) {
        self.version = version
        self.commands = commands
        self.topics = topics
    }

    public func run(_ arguments: [String], console: Console) async -> Int32 {
        guard let first = arguments.first else {
            console.writeError(overview())
            return ExitCode.usage
        }
        switch first {
        case "--help", "-h":
            console.write(overview())
            return 0
        case "--version", "-V", "version":
            console.write("gen \(version)\n")
            return 0
        case "help":
            return help(Array(arguments.dropFirst()), console: console)
        default:
            break
        }
        guard let command = commands.first(where: { $0.spec.name == first }) else {
            let hint = DidYouMean.hint(first, among: commands.map(\.spec.name)) ?? "run `gen --help` to see every command"
            console.writeError(UsageError(message: "unknown command `\(first)`", hint: hint).rendered(usage: nil) + "\n" + overview())
            return ExitCode.usage
        }
        return await Self.execute(command, arguments: Array(arguments.dropFirst()), console: console)
    }

    /// Runs one command on its arguments: `--help`, parsing, and every error it throws printed in one place.
    /// A program that is a single command (`gen-bench`) calls this directly.
    public static func execute(_ command: Command, arguments rest: [String], console: Console) async -> Int32 {
        if rest.contains("--help") || rest.contains("-h") {
            console.write(HelpText.command(command.spec))
            return 0
        }
        do {
            let parsed = try ArgumentParser.parse(rest, for: command.spec)
            return try await command.run(parsed, console)
        } catch let error as UsageError {
            console.writeError(error.rendered(usage: command.spec.usage))
            return ExitCode.usage
        } catch let failure as CommandFailure {
            console.writeError("error: \(failure.message)\n")
            return failure.exitCode
        } catch let damage as StoreDamage {
            // Any command that opens a run (inspect, report) refuses a damaged store the same way.
            console.writeError("error: \(damage)\n")
            return ExitCode.damagedStore
        } catch {
            console.writeError("error: \(error)\n")
            return ExitCode.runtimeFailure
        }
    }

    func help(_ arguments: [String], console: Console) -> Int32 {
        guard let name = arguments.first else {
            console.write(overview())
            return 0
        }
        if let topic = topics[name] {
            console.write(topic())
            return 0
        }
        guard let command = commands.first(where: { $0.spec.name == name }) else {
            let hint = DidYouMean.hint(name, among: commands.map(\.spec.name) + topics.keys.sorted())
                ?? "run `gen --help` to see every command"
            console.writeError(UsageError(message: "no help for unknown command `\(name)`", hint: hint).rendered(usage: nil))
            return ExitCode.usage
        }
        console.write(HelpText.command(command.spec))
        return 0
    }

    public func overview() -> String {
        HelpText.overview(version: version, commands: commands.map(\.spec), topics: topics.keys.sorted())
    }
}

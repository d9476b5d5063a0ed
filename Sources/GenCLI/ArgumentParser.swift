/// Hand-written argument parsing for `gen` commands (no third-party packages).
///
/// Accepts `--flag value`, `--flag=value`, switches, `--` to end flags, and positionals in any order
/// around flags. Unknown flags get a "did you mean" from the command's own flags.
public enum ArgumentParser {
    public static func parse(_ arguments: [String], for spec: CommandSpec) throws -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var flagsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if flagsEnded || !argument.hasPrefix("-") || argument == "-" {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                flagsEnded = true
                continue
            }
            let body = argument.drop { $0 == "-" }
            let name = String(body.prefix { $0 != "=" })
            let inlineValue = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
            guard let flag = spec.flags.first(where: { $0.name == name }) else {
                throw unknownFlag(argument, name: name, spec: spec)
            }
            guard let valueName = flag.valueName else {
                if inlineValue != nil {
                    throw UsageError(message: "--\(name) is a switch and takes no value")
                }
                parsed.switches.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.count {
                value = arguments[index]
                index += 1
            } else {
                throw UsageError(message: "--\(name) expects a value (\(valueName))")
            }
            if !flag.choices.isEmpty && !flag.choices.contains(value) {
                throw UsageError(
                    message: "--\(name) must be one of \(flag.choices.joined(separator: ", ")), got `\(value)`",
                    hint: DidYouMean.hint(value, among: flag.choices))
            }
            parsed.values[name] = value
        }
        try checkPositionals(parsed.positionals, spec: spec)
        return parsed
    }

    static func unknownFlag(_ argument: String, name: String, spec: CommandSpec) -> UsageError {
        let known = spec.flags.map(\.name)
        let suggestion = DidYouMean.hint(name, among: known, prefix: "--")
        let fallback = known.isEmpty
            ? "`\(spec.invocation)` takes no flags"
            : "`\(spec.invocation)` takes " + known.map { "--\($0)" }.joined(separator: ", ")
        return UsageError(message: "unknown flag `\(argument)` for `\(spec.invocation)`", hint: suggestion ?? fallback)
    }

    static func checkPositionals(_ positionals: [String], spec: CommandSpec) throws {
        let required = spec.positionals.filter { $0.arity != .optional }.count
        let unbounded = spec.positionals.contains { $0.arity == .oneOrMore }
        if positionals.count < required {
            let missing = spec.positionals.filter { $0.arity != .optional }[positionals.count]
            throw UsageError(message: "`\(spec.invocation)` needs \(missing.name): \(missing.help)")
        }
        if !unbounded && positionals.count > spec.positionals.count {
            let extra = positionals[spec.positionals.count]
            throw UsageError(message: "unexpected argument `\(extra)` for `\(spec.invocation)`")
        }
    }
}

import GenCore

/// The REPL's own messages (commands and files); script problems use the syntax and semantics catalogues.
extension Messages {
    public static func replCannotReadFile(_ path: String, _ reason: String) -> DiagnosticMessage {
        DiagnosticMessage("cannot read `\(path)`: \(reason)")
    }

    public static func replSampleIsNotJSON(_ problem: String) -> DiagnosticMessage {
        DiagnosticMessage("the sample is not a JSON object: \(problem)",
                          hint: "write it as JSON, e.g. `:assess {\"text\": \"WIN a prize now\", \"label\": \"spam\"}`")
    }

    public static func replCommandNeedsArgument(_ command: String, _ what: String) -> DiagnosticMessage {
        DiagnosticMessage("`:\(command)` needs \(what)", hint: "type `:help` for the list of commands")
    }

    public static func replCommandTakesNoArgument(_ command: String) -> DiagnosticMessage {
        DiagnosticMessage("`:\(command)` takes no argument")
    }

    public static func replExpressionHasNoValue(_ type: String) -> DiagnosticMessage {
        DiagnosticMessage(
            "the REPL cannot show a value of type \(type)",
            hint: "models and arms are used by the pipeline, not computed; `:env` lists what is declared")
    }

    public static func replUnknownCommand(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage("unknown command `:\(name)`", hint: "type `:help` for the list of commands")
    }
}

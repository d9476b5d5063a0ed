import Foundation
import GenCore
import GenSemantics
import GenSyntax

extension ReplSession {
    /// Runs a `:command` line; `path` names the input in diagnostics.
    mutating func command(_ line: String, path: String) -> ReplReply {
        let source = SourceFile(path: path, text: line)
        let parsed = ParsedCommand(line)
        let nameSpan = Span(file: source.id, start: parsed.nameStart, length: parsed.name.utf8.count + 1)
        guard let command = ReplCommand(rawValue: parsed.name) ?? (parsed.name == "q" ? .quit : nil) else {
            let hint = suggest(":" + parsed.name, candidates: ReplCommand.allCases.map { ":" + $0.rawValue })
                .map { "did you mean `\($0)`?" }
            return failure(Messages.replUnknownCommand(parsed.name), at: nameSpan, in: source, hint: hint)
        }
        let argumentSpan = Span(file: source.id, start: parsed.argumentStart, length: parsed.argument.utf8.count)
        if !command.takesArgument, !parsed.argument.isEmpty {
            return failure(Messages.replCommandTakesNoArgument(command.rawValue), at: argumentSpan, in: source)
        }
        switch command {
        case .type:
            guard !parsed.argument.isEmpty else {
                return failure(Messages.replCommandNeedsArgument("type", "an expression, e.g. `:type len(\"abc\")`"), at: source.span.endPoint, in: source)
            }
            return typeOf(source, from: parsed.argumentStart)
        case .load:
            guard !parsed.argument.isEmpty else {
                return failure(Messages.replCommandNeedsArgument("load", "a file, e.g. `:load examples/sms_spam.gen`"), at: source.span.endPoint, in: source)
            }
            return load(path: parsed.argument.unquoted, at: argumentSpan, in: source)
        case .assess:
            guard !parsed.argument.isEmpty else {
                return failure(Messages.replCommandNeedsArgument("assess", "a sample, e.g. `:assess {\"text\": \"hi\"}`"),
                               at: source.span.endPoint, in: source)
            }
            return assess(parsed.argument, at: argumentSpan, in: source)
        case .graph:
            guard let graph = state.graph else { return .output(pipelineStatus) }
            return .output(String(GraphRendering.text(graph).dropLast()))
        case .env:
            let lines = entries.flatMap { $0.declarations.map(describe) }
            return .output(lines.isEmpty ? "(nothing declared yet)" : lines.joined(separator: "\n"))
        case .reset:
            reset()
            return .output("the session is empty again")
        case .help:
            return .output(ReplCommand.helpText)
        case .quit:
            return .quit
        }
    }

    /// `:type EXPR`: the expression must be one complete expression on the line.
    private func typeOf(_ source: SourceFile, from start: Int) -> ReplReply {
        // Blank the command so the parser sees only the expression, at the columns the user typed it.
        var blanked = Array(source.text.utf8)
        for offset in 0..<start where blanked[offset] != UInt8(ascii: "\n") { blanked[offset] = UInt8(ascii: " ") }
        let (input, diagnostics) = Parser.parseReplInput(SourceFile(path: source.path, text: String(decoding: blanked, as: UTF8.self)))
        switch input {
        case .expression where !diagnostics.hasErrors:
            return evaluate(source.text, path: source.path, from: start, showValue: false)
        case .expression:
            return .error(DiagnosticRenderer.render(diagnostics, files: [source], colour: colour))
        case .incomplete:
            return failure(Messages.incompleteInput(), at: source.span.endPoint, in: source)
        case .declarations, .empty:
            let span = Span(file: source.id, start: start, end: source.bytes.count)
            return failure(Messages.replCommandNeedsArgument("type", "an expression, not a declaration"), at: span, in: source)
        }
    }

    /// Loads a script file's declarations into the session (what `gen repl FILE` does first). Relative paths
    /// start at the session's directory; the script's own relative paths then resolve next to it.
    public mutating func load(path: String) -> ReplReply {
        load(path: path, at: nil, in: nil)
    }

    private mutating func load(path: String, at span: Span?, in command: SourceFile?) -> ReplReply {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.standardizedFileURL.path) else {
            let exists = FileManager.default.fileExists(atPath: url.standardizedFileURL.path)
            let message = Messages.replCannotReadFile(path, exists ? "it is a directory or unreadable" : "no such file")
            guard let span, let command else { return .error("error: \(message.text)\n") }
            return failure(message, at: span, in: command)
        }
        let source = SourceFile(path: path, text: String(decoding: data, as: UTF8.self))
        let (program, diagnostics) = Parser.parse(source)
        if diagnostics.hasErrors { return .error(DiagnosticRenderer.render(diagnostics, files: [source], colour: colour)) }
        var entry = ReplEntry(path: path, text: source.text, declarations: program.declarations.map { ReplDeclaration($0, in: source) })
        if let error = acceptVersion(in: source, entry: &entry) { return error }
        return commit(entry, directory: url.standardizedFileURL.deletingLastPathComponent()) { session, new, replaced in
            var lines = ["loaded \(path): \(new.count) declaration\(new.count == 1 ? "" : "s")"]
            if !replaced.isEmpty { lines.append("replaced the earlier " + Self.list(replaced.map(\.displayName))) }
            return lines + [session.pipelineStatus]
        }
    }

    /// An error rendered with a caret under `span` in the command line.
    func failure(_ message: DiagnosticMessage, at span: Span, in source: SourceFile, hint: String? = nil) -> ReplReply {
        .error(DiagnosticRenderer.render(Diagnostic(message, at: span, hint: hint), files: [source], colour: colour))
    }

    /// Names in scope, builtins, kinds, keywords and commands starting with `prefix`, sorted.
    public func complete(prefix: String) -> [String] {
        if prefix.hasPrefix(":") {
            return ReplCommand.allCases.map { ":" + $0.rawValue }.filter { $0.hasPrefix(prefix) }
        }
        let environment = engine.checkEnvironment(scriptDirectory: scriptDirectory)
        var names = Set(entries.flatMap { $0.declarations.compactMap(\.name) })
        names.formUnion(environment.functions.map(\.name))
        for kinds in [environment.armKinds, environment.routerPolicies, environment.modelProviders, environment.dedupMethods,
                      environment.diversityMethods, environment.qualityChecks.map(\.kind)] {
            names.formUnion(kinds.map(\.name))
        }
        names.formUnion(Self.keywords)
        return names.filter { $0.hasPrefix(prefix) && $0 != prefix }.sorted()
    }

    static let keywords = [
        "let", "fn", "import", "model", "schema", "spec", "arm", "router", "quality", "reward", "evaluate",
        "if", "then", "else", "true", "false", "none",
    ]
}

/// `:name argument` split into its parts, with byte offsets for carets.
private struct ParsedCommand {
    let name: String
    let nameStart: Int
    let argument: String
    let argumentStart: Int

    init(_ line: String) {
        let bytes = Array(line.utf8)
        var index = 0
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        nameStart = index
        index += 1  // the colon
        let nameFrom = index
        while index < bytes.count, !isSpace(bytes[index]) { index += 1 }
        name = String(decoding: bytes[min(nameFrom, bytes.count)..<index], as: UTF8.self)
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        var end = bytes.count
        while end > index, isSpace(bytes[end - 1]) || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        argumentStart = index
        argument = String(decoding: bytes[index..<end], as: UTF8.self)
    }
}

extension String {
    /// Without one pair of surrounding double quotes (`:load "my file.gen"`).
    var unquoted: String {
        count >= 2 && hasPrefix("\"") && hasSuffix("\"") ? String(dropFirst().dropLast()) : self
    }
}

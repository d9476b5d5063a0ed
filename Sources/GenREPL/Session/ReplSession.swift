import Foundation
import GenCore
import GenEngine
import GenPipeline
import GenSemantics
import GenSyntax

/// The REPL's core, free of terminal I/O: lines go in, replies come out.
///
/// Declarations accumulate while they check cleanly (an input with errors changes nothing); a later declaration
/// of the same name, or a second `router`/`quality`/`reward`/`evaluate`/`spec`, replaces the earlier one. An
/// expression is checked and evaluated against everything declared so far: the session checks
/// `<declarations> let __repl_value = EXPR` and reads the constant the checker computed with the engine's interpreter.
public struct ReplSession: Sendable {
    /// Checks and evaluates every input (its host functions are callable from the REPL).
    public let engine: Engine
    /// Where `:load` paths start: the directory the REPL was started in.
    public let directory: URL
    /// Where relative paths inside scripts (imports, `read_jsonl`) resolve: `directory`, or the directory of the
    /// file loaded last (so a loaded script means what it means under `gen run`).
    public private(set) var scriptDirectory: URL
    /// Render diagnostics with ANSI colours.
    public var colour: Bool

    var entries: [ReplEntry] = []
    var pendingLines: [String] = []
    var inputCount = 0
    var version = "0.1"
    /// What the last clean check of `entries` produced.
    var state = ReplState()

    /// An empty session; `directory` is where `:load` paths and scripts' relative paths start.
    public init(engine: Engine, directory: URL, colour: Bool = false) {
        self.engine = engine
        self.directory = directory.standardizedFileURL
        self.scriptDirectory = directory.standardizedFileURL
        self.colour = colour
    }

    /// True while an incomplete input waits for more lines (the front end shows the continuation prompt).
    public var isContinuing: Bool { !pendingLines.isEmpty }

    /// Handles one line: a `:command` (at the start of an input), or a line of a declaration or expression.
    public mutating func submit(_ line: String) -> ReplReply {
        if pendingLines.isEmpty, line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(":") {
            inputCount += 1
            return command(line, path: "<repl:\(inputCount)>")
        }
        pendingLines.append(line)
        let path = "<repl:\(inputCount + 1)>"
        let source = SourceFile(path: path, text: pendingLines.joined(separator: "\n"))
        let (input, diagnostics) = Parser.parseReplInput(source)
        if case .incomplete = input { return .needMoreInput }
        pendingLines = []
        if case .empty = input { return .output("") }
        inputCount += 1
        if diagnostics.hasErrors { return .error(DiagnosticRenderer.render(diagnostics, files: [source], colour: colour)) }
        switch input {
        case .declarations(let declarations):
            return declare(source: source, declarations: declarations)
        case .expression:
            return evaluate(source.text, path: path, showValue: true)
        case .incomplete, .empty:
            return .output("")
        }
    }

    /// Drops a half-typed input (Ctrl-C at the continuation prompt).
    public mutating func cancelInput() {
        pendingLines = []
    }

    /// At the end of the input stream: the error for an input left incomplete, if any.
    public mutating func endOfInput() -> ReplReply? {
        guard !pendingLines.isEmpty else { return nil }
        let source = SourceFile(path: "<repl:\(inputCount + 1)>", text: pendingLines.joined(separator: "\n"))
        pendingLines = []
        inputCount += 1
        let diagnostic = Diagnostic(Messages.incompleteInput(), at: source.span.endPoint, hint: "the input ended inside an unclosed brace, bracket, parenthesis or string")
        return .error(DiagnosticRenderer.render(diagnostic, files: [source], colour: colour))
    }

    /// Forgets every declaration and any half-typed input.
    public mutating func reset() {
        entries = []
        pendingLines = []
        state = ReplState()
        version = "0.1"
        scriptDirectory = directory
    }

    /// Adds an input's declarations, replacing earlier ones with the same name (or the same single block).
    mutating func declare(source: SourceFile, declarations: [Declaration]) -> ReplReply {
        var entry = ReplEntry(path: source.path, text: source.text, declarations: declarations.map { ReplDeclaration($0, in: source) })
        if let error = acceptVersion(in: source, entry: &entry) { return error }
        return commit(entry, directory: scriptDirectory) { session, new, replaced in
            let notes = replaced.isEmpty ? [] : ["(replaces the earlier " + ReplSession.list(replaced.map(\.displayName)) + ")"]
            return new.map(session.describe) + notes
        }
    }

    /// Checks the entries plus `entry` (minus what it replaces); on success makes them the session's state and
    /// answers with `answer`, which gets the updated session (a closure may not capture a mutating `self`).
    mutating func commit(
        _ entry: ReplEntry, directory: URL,
        answer: (_ session: ReplSession, _ new: [ReplDeclaration], _ replaced: [ReplDeclaration]) -> [String]
    ) -> ReplReply {
        var candidate = entries
        var replaced: [ReplDeclaration] = []
        let keys = entry.declarations.reduce(into: Set<String>()) { $0.formUnion($1.keys) }
        for index in candidate.indices { replaced += candidate[index].removeDeclarations(sharingAny: keys) }
        candidate.removeAll { $0.declarations.isEmpty }
        if !entry.declarations.isEmpty { candidate.append(entry) }
        let checked = check(candidate, directory: directory)
        if checked.hasErrors { return .error(checked.rendered(colour: colour)) }
        entries = candidate
        scriptDirectory = directory
        state = ReplState(checked.result)
        let warnings = checked.result.diagnostics.isEmpty ? [] : [checked.rendered(colour: colour)]
        return .output((warnings + answer(self, entry.declarations, replaced)).joined(separator: "\n"))
    }

    /// Blanks a version line typed in the input (the session writes its own), refusing an unsupported version.
    mutating func acceptVersion(in source: SourceFile, entry: inout ReplEntry) -> ReplReply? {
        let (tokens, _) = Lexer.tokenize(source)
        guard tokens.count >= 2, tokens[0].kind == .keyword(.gen) else { return nil }
        let span = tokens[0].span.union(tokens[1].span)
        let written = source.text(of: tokens[1].span)
        let supported = engine.checkEnvironment(scriptDirectory: scriptDirectory).languageVersions
        if engine.checksVersion, !supported.contains(written) {
            let diagnostic = Diagnostic(Messages.unsupportedVersion(written, supported.joined(separator: ", ")), at: span)
            return .error(DiagnosticRenderer.render(diagnostic, files: [source], colour: colour))
        }
        version = written
        entry.blank(span)
        return nil
    }

    /// Checks `entries` (and an expression bound to `__repl_value`) as one partial program.
    func check(_ entries: [ReplEntry], expression: ReplEntry? = nil, expressionStart: Int = 0, directory: URL? = nil) -> ReplCheck {
        let base = directory ?? scriptDirectory
        let program = ReplProgram(version: version, entries: entries, expression: expression, expressionStart: expressionStart)
        var environment = engine.checkEnvironment(scriptDirectory: base)
        environment.requiresCompletePipeline = false
        let root = ModuleText(key: ReplState.rootPath, displayPath: ReplState.rootPath, text: program.text)
        let result = SemanticChecker.check(root: root, loader: FileModuleLoader(projectRoot: base), environment: environment)
        return ReplCheck(result: result, program: program)
    }
}

/// One check of the session's program, with its diagnostics mapped back to the inputs.
struct ReplCheck {
    let result: CheckResult
    let program: ReplProgram

    var hasErrors: Bool { result.diagnostics.hasErrors }

    func rendered(colour: Bool) -> String {
        DiagnosticRenderer.render(
            program.remap(result.diagnostics, checked: result.files), files: program.files(checked: result.files), colour: colour)
    }
}

/// The checked state of the session's declarations: constants (with their values) and, once the pipeline is
/// complete, its graph.
struct ReplState: Sendable {
    /// The path of the assembled script (the graph's script path, the constants' source file).
    static let rootPath = "<repl>"

    var constants: [String: IRConstant] = [:]
    var graph: PipelineGraph?

    init() {}

    init(_ result: CheckResult) {
        constants = result.constants
        graph = result.graph
    }

    /// A constant of the session's own script by its source name (IR names may be module-qualified).
    func constant(named name: String) -> IRConstant? {
        Self.constant(named: name, in: constants)
    }

    static func constant(named name: String, in constants: [String: IRConstant]) -> IRConstant? {
        constants.first { key, constant in
            constant.source.file == rootPath && (key == name || key.hasSuffix(":" + name))
        }?.value
    }
}

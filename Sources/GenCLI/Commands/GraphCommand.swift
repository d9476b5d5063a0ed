import Foundation
import GenCore
import GenEngine
import GenSemantics

/// `gen graph FILE [--format text|dot|json]`: the checked pipeline graph the runtime would execute.
enum GraphCommand {
    static let spec = CommandSpec(
        name: "graph", summary: "Print the pipeline graph a script compiles to",
        details: """
            text: a readable outline. dot: Graphviz (`gen graph x.gen --format dot | dot -Tsvg > x.svg`).
            json: the IR with sorted keys, stable enough to diff in git.
            """,
        positionals: [PositionalSpec("FILE", help: "the .gen script")],
        flags: [formatFlag])

    static let formatFlag = FlagSpec(
        "format", value: "FORMAT", choices: GraphRendering.Format.allCases.map(\.rawValue), help: "output format (default text)")

    static let command = Command(spec: spec) { arguments, console in
        let path = arguments.positionals[0]
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure("cannot read \(path): no such file", exitCode: ExitCode.noInput)
        }
        let compilation = Engine().compile(path: path)
        guard let graph = compilation.graph, !compilation.hasErrors else {
            console.writeError(compilation.rendered(colour: console.stderrIsTerminal))
            return ExitCode.scriptError
        }
        let format = GraphRendering.Format(rawValue: arguments.value(formatFlag) ?? "text") ?? .text
        let text = try GraphRendering.render(graph, format: format)
        console.write(text.hasSuffix("\n") ? text : text + "\n")
        return ExitCode.ok
    }
}

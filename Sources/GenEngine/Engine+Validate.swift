import Foundation
import GenCore
import GenPipeline
import GenQuality
import GenRuntime
import GenSemantics

/// Checks a lowered graph against what only the runtime knows, so `gen check` reports it before a token is
/// spent: each arm kind's own validation (a template's unknown slot, a `by_label` key that is no label) and the
/// seed examples against the output schema (a seed with a wrong label or an unknown field).
extension Engine {
    func runtimeProblems(_ graph: PipelineGraph, files: [SourceFile]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for arm in graph.arms {
            for problem in capabilities.arms.problems(arm, spec: graph.spec) {
                diagnostics.append(Diagnostic(DiagnosticMessage("arm `\(arm.name)`: \(problem)"), at: Self.span(arm.source, files: files)))
            }
        }
        if let validator = try? SchemaValidator(schema: graph.spec.output, extraFields: .reject) {
            for (position, example) in graph.spec.examples.enumerated() {
                guard let issue = validator.validate(example).issues.first else { continue }
                diagnostics.append(Diagnostic(
                    DiagnosticMessage("seed example \(position + 1) does not match `\(graph.spec.outputName)`: \(issue.description)",
                                      hint: "seeds are shown to the model and kept out of the dataset as duplicates: they must be valid samples"),
                    at: Self.span(graph.spec.source, files: files)))
            }
        }
        return diagnostics
    }

    /// The checker's span for an IR node's source (the start of its file when the file is not among `files`).
    static func span(_ source: SourceRef, files: [SourceFile]) -> Span {
        guard let file = files.first(where: { $0.path == source.file }) else {
            return files.first.map { Span(file: $0.id, start: 0, length: 0) } ?? Span(file: FileID(0), start: 0, length: 0)
        }
        return Span(file: file.id, start: source.offset, length: source.length)
    }

    /// The checker's result with the runtime's problems added; no graph when there are errors. `reads` are the
    /// variables the check read: a secret value the graph carries is an error, and the graph records their names.
    public func finished(
        graph: PipelineGraph?, diagnostics: [Diagnostic], files: [SourceFile], reads: EnvironmentReadLog = EnvironmentReadLog()
    ) -> Compilation {
        guard var graph else { return Compilation(graph: nil, diagnostics: diagnostics, files: files) }
        let problems = runtimeProblems(graph, files: files) + EnvironmentSecrets.leaks(reads.reads, in: graph, files: files)
        let uses = reads.uses
        graph.environment = uses.isEmpty ? nil : uses
        let dataFiles = reads.files
        graph.dataFiles = dataFiles.isEmpty ? nil : dataFiles
        return Compilation(graph: problems.isEmpty ? graph : nil, diagnostics: diagnostics + problems, files: files)
    }
}

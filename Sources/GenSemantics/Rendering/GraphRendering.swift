import Foundation
import GenCore
import GenPipeline

/// `gen graph FILE --format text|dot|json`: the pipeline graph as a readable outline, Graphviz DOT, or stable
/// JSON (sorted keys, pretty) that diffs cleanly in git.
public enum GraphRendering {
    public enum Format: String, CaseIterable, Sendable {
        case text, dot, json
    }

    public static func render(_ graph: PipelineGraph, format: Format) throws -> String {
        switch format {
        case .text: return text(graph)
        case .dot: return dot(graph)
        case .json: return try json(graph)
        }
    }

    public static func json(_ graph: PipelineGraph) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(graph), as: UTF8.self) + "\n"
    }

    public static func text(_ graph: PipelineGraph) -> String {
        var lines = ["pipeline \(graph.script.path) (gen \(graph.languageVersion))"]
        lines.append("spec \(graph.spec.name): \(graph.spec.count) × \(graph.spec.outputName), batch \(graph.spec.batch)")
        for field in graph.spec.output.fields {
            lines.append("  \(field.name)\(field.isOptional ? "?" : ""): \(field.type.displayName)")
        }
        for model in graph.models { lines.append("model \(model.name): \(model.provider) \(model.model) \(model.servedAt)" + (model.price.map { ", " + $0.summary } ?? "")
            + (model.batch.map { ", " + $0.summary } ?? "")) }
        for arm in graph.arms {
            var shown = arm.parameters
            shown["attributes"] = shown["attributes"].map { AttributeSource.displayed($0, perLabel: !graph.spec.labels.isEmpty) }
            let parameters = shown.keys.sorted().map { "\($0): \(CanonicalJSON.string(shown[$0] ?? .null))" }
            lines.append("arm \(arm.name): \(arm.kind)(\(([arm.model].compactMap { $0 } + parameters).joined(separator: ", ")))")
        }
        let policy = graph.router.parameters.keys.sorted().map { "\($0): \(CanonicalJSON.string(.double(graph.router.parameters[$0] ?? 0)))" }
        lines.append("router \(graph.router.policy)(\(policy.joined(separator: ", ")))")
        for (position, stage) in graph.quality.enumerated() {
            var line = "quality \(position + 1). \(stage.kind.rawValue) \"\(stage.name)\""
            if stage.source == .synthesized { line += " (default)" }
            if case .score(_, let weight, let threshold) = stage {
                line += " weight \(CanonicalJSON.string(.double(weight)))"
                if let threshold { line += " threshold \(CanonicalJSON.string(.double(threshold)))" }
            }
            let checks = stage.modelChecks.map { "\($0.check)\($0.model.map { " using \($0)" } ?? "")" }
            if !checks.isEmpty { line += " [" + checks.joined(separator: ", ") + "]" }
            lines.append(line)
        }
        lines.append("reward: \(IRRendering.render(graph.reward))")
        if let evaluation = graph.evaluation {
            lines.append("evaluate: classify(\(evaluation.textField) -> \(evaluation.labelField)) with \(evaluation.classifier), every \(evaluation.every), "
                + "\(evaluation.test.count) test rows, weight \(CanonicalJSON.string(.double(evaluation.weight)))")
        }
        for function in graph.functions { lines.append("fn \(function.name) = \(IRRendering.render(function.body))") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Nodes for models, arms, router, quality stages in order, reward and evaluation; edges arm -> model,
    /// router -> arms, stage -> stage.
    public static func dot(_ graph: PipelineGraph) -> String {
        var out = ["digraph pipeline {", "  rankdir=LR;", "  node [shape=box, fontname=\"Helvetica\"];"]
        func node(_ id: String, _ label: String, _ shape: String) {
            out.append("  \(quote(id)) [label=\(quote(label)), shape=\(shape)];")
        }
        func edge(_ from: String, _ to: String, _ label: String? = nil) {
            out.append("  \(quote(from)) -> \(quote(to))\(label.map { " [label=\(quote($0))]" } ?? "");")
        }
        node("spec", "spec \(graph.spec.name)\n\(graph.spec.count) × \(graph.spec.outputName)", "note")
        for model in graph.models { node("model:\(model.name)", "model \(model.name)\n\(model.model)", "cylinder") }
        node("router", "router \(graph.router.policy)", "diamond")
        edge("spec", "router")
        for arm in graph.arms {
            node("arm:\(arm.name)", "arm \(arm.name)\n\(arm.kind)", "box")
            edge("router", "arm:\(arm.name)")
            if let model = arm.model { edge("arm:\(arm.name)", "model:\(model)", "uses") }
        }
        var previous: [String] = graph.arms.map { "arm:\($0.name)" }
        for (position, stage) in graph.quality.enumerated() {
            let id = "quality:\(position)"
            node(id, "\(stage.kind.rawValue) \(stage.name)", stage.kind == .rule ? "box" : "ellipse")
            for from in previous { edge(from, id) }
            for check in stage.modelChecks { if let model = check.model { edge(id, "model:\(model)", check.check) } }
            previous = [id]
        }
        node("reward", "reward\n\(IRRendering.render(graph.reward))", "hexagon")
        for from in previous { edge(from, "reward") }
        edge("reward", "router", "feedback")
        if let evaluation = graph.evaluation {
            node("evaluate", "evaluate classify(\(evaluation.textField) -> \(evaluation.labelField))", "octagon")
            edge("reward", "evaluate")
            edge("evaluate", "router", "delayed reward")
        }
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    /// A DOT double-quoted string.
    static func quote(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out + "\""
    }
}

import Foundation
import GenCore
import GenPipeline
import GenRuntime
import GenStore

/// What the engine does with the variables a script read: a secret value (read with `env()`, not a URL) may not
/// appear anywhere in the graph, since the graph feeds prompts, judges and the run store; and every secret value
/// is redacted from what the run writes and prints.
enum EnvironmentSecrets {
    /// One error per secret read whose value the graph carries, at the `env()` call.
    static func leaks(_ reads: [EnvironmentRead], in graph: PipelineGraph, files: [SourceFile]) -> [Diagnostic] {
        let secrets = reads.filter { $0.disclosure == .secret && ($0.value?.count ?? 0) >= SecretRedactor.minimumLength }
        guard !secrets.isEmpty, let data = try? JSONEncoder().encode(graph), let json = CanonicalJSON.parse(String(decoding: data, as: UTF8.self))
        else { return [] }
        var strings: [String] = []
        collect(json, into: &strings)
        return secrets.compactMap { read in
            // By bytes, like the store's redaction: Character comparison misses a value followed by a combining mark.
            guard let value = read.value, strings.contains(where: { Data($0.utf8).range(of: Data(value.utf8)) != nil }) else { return nil }
            return Diagnostic(.secretReachesGraph(read.name),
                at: Engine.span(read.source, files: files))
        }
    }

    static func collect(_ value: JSONValue, into strings: inout [String]) {
        switch value {
        case .string(let text): strings.append(text)
        case .array(let items): for item in items { collect(item, into: &strings) }
        case .object(let fields): for (key, item) in fields { strings.append(key); collect(item, into: &strings) }
        default: break
        }
    }

    /// The run's redactor: secret-named process variables (`*_KEY`, `*_TOKEN`, ...) plus the current value of every
    /// variable the script read as a secret (names from the graph, so a resumed run redacts the same ones).
    static func redactor(for graph: PipelineGraph, variables: [String: String]) -> SecretRedactor {
        var secrets = SecretRedactor.secretNamed(in: variables)
        for use in graph.environment ?? [] where use.disclosure == .secret {
            if let value = variables[use.name] { secrets[use.name] = value }
        }
        return SecretRedactor(secrets: secrets)
    }
}

extension DiagnosticMessage {
    static func secretReachesGraph(_ name: String) -> DiagnosticMessage {
        DiagnosticMessage(
            "the value of env(\(GenStringLiteral.quote(name))) would be sent to the model and stored with the run",
            hint: "env() values are secrets: they never reach a prompt, a judge or the run's files; "
                + "if this one is not secret, read it with public_env(\(GenStringLiteral.quote(name)))")
    }
}

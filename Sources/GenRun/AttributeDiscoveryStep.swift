import GenGeneration
import GenPipeline
import GenStore

/// Attribute discovery at run start: every `discover(...)` dimension of every arm, once per label of the
/// spec's label enum (once when there is none). Values a previous process stored are reused, so `--resume`
/// never asks again; each new answer is stored as soon as it arrives.
extension AdaptiveRun {
    func discoverAttributes() async throws {
        var stored = try await store.discoveredAttributes()
        for name in armOrder {
            guard let arm = arms[name] as? any DiscoveringArm else { continue }
            let requests = arm.discoveryRequests(labels: graph.spec.labels)
            guard !requests.isEmpty else { continue }
            var found: [(request: AttributeDiscovery.Request, values: [String])] = []
            for request in requests {
                if let row = stored.first(where: { $0.arm == name && $0.dimension == request.dimension && $0.label == request.label }) {
                    found.append((request, row.values))
                    continue
                }
                let outcome = try await arm.discover(request, domain: graph.spec.domain)
                let row = DiscoveredAttribute(
                    arm: name, dimension: request.dimension, label: request.label, values: outcome.values,
                    calls: outcome.calls, tokens: outcome.tokens,
                    dollars: ModelPrice.adding(nil, graph.price(ofArm: name), prompt: outcome.tokens - outcome.completionTokens,
                                               completion: outcome.completionTokens))
                try await store.record(discovered: row)
                stored.append(row)
                found.append((request, outcome.values))
            }
            arms[name] = arm.filled(found)
        }
        progress.discovered = stored.filter { armOrder.contains($0.arm) }
    }
}

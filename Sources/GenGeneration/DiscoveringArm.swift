/// An arm with attribute dimensions whose values its model proposes once per label at run start
/// (`discover(...)`). The run asks (or reads what a previous process stored) before the first batch and
/// generates with the arm `filled` returns.
public protocol DiscoveringArm: Arm {
    /// One request per discovered dimension and label; one per dimension when `labels` is empty.
    func discoveryRequests(labels: [String]) -> [AttributeDiscovery.Request]
    /// Asks the arm's model (bounded retries); throws `AttributeDiscoveryError` when no value came back.
    func discover(_ request: AttributeDiscovery.Request, domain: String) async throws -> AttributeDiscovery.Outcome
    /// The arm drawing from the values found for each request.
    func filled(_ found: [(request: AttributeDiscovery.Request, values: [String])]) -> any Arm
}

extension LLMArm: DiscoveringArm {
    public func discoveryRequests(labels: [String]) -> [AttributeDiscovery.Request] {
        prompting.attributes.discovered.flatMap { dimension -> [AttributeDiscovery.Request] in
            guard let source = dimension.source else { return [] }
            return (labels.isEmpty ? [nil] : labels.map(Optional.some)).map { label in
                AttributeDiscovery.Request(
                    arm: name, dimension: dimension.name, description: source.description ?? dimension.name,
                    count: source.count, label: label)
            }
        }
    }

    public func discover(_ request: AttributeDiscovery.Request, domain: String) async throws -> AttributeDiscovery.Outcome {
        try await AttributeDiscovery.discover(request, client: client, model: model, domain: domain, temperature: temperature)
    }

    public func filled(_ found: [(request: AttributeDiscovery.Request, values: [String])]) -> any Arm {
        var arm = self
        for (request, values) in found { arm.prompting.attributes.fill(request.dimension, label: request.label, values: values) }
        return arm
    }
}

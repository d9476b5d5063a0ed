/// A generation strategy the router chooses between. Arms are created by the `ArmRegistry` from the
/// script's `arm` declarations; each kind reads its own parameters, so a new kind needs no switch anywhere.
public protocol Arm: Sendable {
    var name: String { get }
    /// Produces one candidate per slot, in slot order. Throws only for failures that stop the run
    /// (server unreachable, bad credentials); everything else becomes a rejected candidate with its reason.
    func generate(_ slots: [SlotRequest], context: GenerationContext) async throws -> [Candidate]
}

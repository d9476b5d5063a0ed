import Testing
import GenPipeline
@testable import GenSemantics

/// `mode:` and `batch_poll:` on a model: what valid values lower to (the errors are golden cases in
/// errors/batch_mode.gen).
@Suite struct BatchModeAttributeTests {
    static func model(_ options: String) -> ModelNode? {
        let script = validScript.replacingOccurrences(of: "model: \"smollm2\")", with: "model: \"smollm2\"\(options))")
        let result = checkText(script)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return result.graph?.models.first
    }

    @Test func batchModeLowersWithItsPollInterval() {
        #expect(Self.model(#", mode: "batch", batch_poll: 5"#)?.batch == BatchModeNode(pollSeconds: 5))
        #expect(Self.model(#", mode: "batch""#)?.batch == BatchModeNode(pollSeconds: 30), "30 s by default")
    }

    @Test func onlineIsTheDefault() {
        #expect(Self.model("")?.batch == nil)
        #expect(Self.model(#", mode: "online""#)?.batch == nil)
    }
}

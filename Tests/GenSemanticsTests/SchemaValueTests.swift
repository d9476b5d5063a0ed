import Testing
@testable import GenSemantics

@Suite struct SchemaValueTests {
    /// Found by fuzzing: a repeated enum value trapped `gen check` (signal 4) in quota lowering.
    @Test func aRepeatedEnumValueIsAnErrorNotATrap() {
        let text = """
        gen 0.1
        model local = openai(base_url: "http://127.0.0.1:8080/v1", model: "smollm2")
        schema Intent {
          text: string
          label: enum("lost_card", "lost_card", "transfer_failed")
        }
        spec bank {
          domain: "Bank chat messages"
          output: Intent
          count: 10
        }
        arm a = naive(local)
        router ucb1()
        reward = passed * quality
        """
        let rendered = renderedDiagnostics(text)
        #expect(rendered.contains(#"test.gen:5:28: error: the enum value "lost_card" is listed twice"#), "\(rendered)")
    }
}

import Testing
@testable import GenSemantics

/// Every error in one pass: an error in one block hides nothing in the others and adds no follow-on error.
@Suite struct RecoveryTests {
    static let script = """
    gen 0.1
    model local = openai(base_url: "http://127.0.0.1:8080/v1", model: 42)
    schema S {
      text: string
    }
    spec s {
      domain: "Short notes"
      output: S
      count: "ten"
    }
    arm a = naive(local, temperature: 3)
    router ucb1()
    quality {
      rule "r" len(sample.txt) > 3
      score "q" similarity(sample.txt, spec.domain) weight 1
    }
    reward = passed * quality
    """

    /// Before: the spec error hid both `sample.txt` typos and added a false error at `spec.domain`; the model
    /// error hid `temperature: 3`, which appeared only on the next pass.
    @Test func errorsInSpecAndModelHideNothingElse() {
        let result = checkText(Self.script)
        let messages = result.diagnostics.map { "\($0.span.start)|\($0.message)" }
        #expect(result.diagnostics.count == 5, "\(messages)")
        let rendered = renderedDiagnostics(Self.script)
        #expect(rendered.contains("test.gen:11:35: error: `temperature` must be in [0, 2], got 3"), "\(rendered)")
        #expect(rendered.contains("test.gen:14:23: error: schema `S` has no field `txt`"))
        #expect(rendered.contains("test.gen:15:31: error: schema `S` has no field `txt`"))
        #expect(!rendered.contains("no field `domain`"), "no follow-on error")
    }
}

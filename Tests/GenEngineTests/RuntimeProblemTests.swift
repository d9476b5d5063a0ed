import Foundation
import Testing
import GenCore
@testable import GenEngine

/// What only the runtime knew is reported by the checker, before the run: it failed at start (exit 70 with a
/// `--resume` hint that could not work) or was never noticed.
@Suite struct RuntimeProblemTests {
    static let script = """
    gen 0.1
    schema S {
      text: string
      label: enum("ham", "spam")
    }
    spec s {
      domain: "Text messages"
      output: S
      count: 4
      examples: [{text: "see you at noon", label: "ham"}]
    }
    arm t = template(slots: {x: ["a", "b"]}, by_label: {ham: ["hello {x}"], spam: ["win {x}"]})
    router ucb1()
    reward = passed * quality
    """

    func compile(_ text: String) -> Compilation {
        Engine(variables: [:]).compile(source: text, path: "t.gen", directory: URL(fileURLWithPath: "/tmp"))
    }

    @Test func theValidScriptChecksClean() {
        #expect(compile(Self.script).diagnostics.isEmpty, "\(compile(Self.script).rendered())")
    }

    @Test func anUndefinedTemplateSlotIsACheckerError() {
        let rendered = compile(Self.script.replacingOccurrences(of: "hello {x}", with: "hello {y}")).rendered()
        #expect(rendered.contains("t.gen:12:5: error: arm `t`: unknown slot `y` in pattern \"hello {y}\""), "\(rendered)")
    }

    @Test func aByLabelKeyThatIsNoLabelIsACheckerError() {
        let rendered = compile(Self.script.replacingOccurrences(of: "spam: [\"win {x}\"]", with: "spma: [\"win {x}\"]")).rendered()
        #expect(rendered.contains("`by_label` key \"spma\" is not a label; the labels: \"ham\", \"spam\""), "\(rendered)")
    }

    @Test func aSeedWithAWrongLabelOrFieldIsACheckerError() {
        let wrongLabel = compile(Self.script.replacingOccurrences(of: "label: \"ham\"}]", with: "label: \"hma\"}]"))
        #expect(wrongLabel.graph == nil)
        #expect(wrongLabel.rendered().contains("seed example 1 does not match `S`"), "\(wrongLabel.rendered())")
        let extraField = compile(Self.script.replacingOccurrences(of: "label: \"ham\"}]", with: "label: \"ham\", txt: \"x\"}]"))
        #expect(extraField.rendered().contains("seed example 1 does not match `S`"), "\(extraField.rendered())")
    }
}

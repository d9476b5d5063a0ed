import Testing
import GenEval

@Suite struct LoaderTests {
    @Test func reportsBadLinesWithNumbersAndKeepsGoodOnes() {
        let content = """
            {"text": "fine", "label": "a"}

            not json
            {"text": "no label"}
            {"text": 3, "label": "a"}
            [1, 2]
            {"text": "numeric label", "label": 2}
            {"text": "null label", "label": null}
            {"text": "last", "label": "b"}
            """
        let result = LabeledTextLoader.parse(content)
        #expect(result.samples == [
            LabeledText(text: "fine", label: "a"), LabeledText(text: "numeric label", label: "2"),
            LabeledText(text: "last", label: "b"),
        ])
        #expect(result.issues.map(\.line) == [3, 4, 5, 6, 8])
        #expect(result.issues[0].description == "line 3: not valid JSON")
        #expect(result.issues[1].message.contains("missing \"label\""))
    }

    @Test func customKeys() {
        let result = LabeledTextLoader.parse(#"{"sentence": "hi", "intent": "greet"}"#, textKey: "sentence", labelKey: "intent")
        #expect(result.samples == [LabeledText(text: "hi", label: "greet")])
    }

    @Test func missingFileIsAnError() {
        #expect(throws: EvalError.self) { try LabeledTextLoader.read(path: "/nonexistent/gen-eval.jsonl") }
    }

    @Test func fixturesLoadCleanly() throws {
        #expect(try FixtureData.samples("sst2").count == 872)
        #expect(try FixtureData.samples("sms_spam").count == 1600)
        #expect(try FixtureData.samples("ag_news").count == 1200)
    }
}

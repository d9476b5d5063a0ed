import GenCore
import GenProviders
import Testing

/// Model output as small models really write it, and worse.
@Suite struct ModelOutputParserTests {
    static let sample: JSONValue = .object(["text": .string("I lost my card"), "label": .string("lost_card")])
    static let sampleJSON = #"{"text": "I lost my card", "label": "lost_card"}"#

    static func object(_ output: String) -> Result<JSONValue, OutputRejection> {
        ModelOutputParser.parse(output, as: .jsonObject)
    }

    static func rejection(_ output: String, as shape: OutputShape = .jsonObject) -> String? {
        if case .failure(let rejection) = ModelOutputParser.parse(output, as: shape) { return rejection.reason }
        return nil
    }

    @Test(arguments: [
        sampleJSON,
        "  \n\t\(sampleJSON)\n  ",
        "\u{FEFF}\(sampleJSON)",
        "```json\n\(sampleJSON)\n```",
        "```JSON\n\(sampleJSON)\n```\n",
        "```\n\(sampleJSON)\n```",
        "```json \(sampleJSON)```",
        "Here is the sample you asked for:\n\n```json\n\(sampleJSON)\n```\n\nLet me know if you need more!",
        "```json\n\(sampleJSON)",  // the model never closed its fence
        "Sure! \(sampleJSON)",
        "Sure! Here it is: \(sampleJSON) Hope this helps.",
        "\(sampleJSON)<|im_end|>",
        "\(sampleJSON)}}",
        "\(sampleJSON)\n\nNote: the label is {lost_card}.",
        "\(sampleJSON) \(#"{"text": "second", "label": "x"}"#)",
        "Use {curly braces} like this: \(sampleJSON)",
        "Sample [1]: \(sampleJSON)",
        "A { stray brace, then \(sampleJSON)",
        "```python\nprint('hi')\n```\n\(sampleJSON)",
        #"{"text": "I lost my card", "label": "lost_card",}"#,
        "{\n  \"text\": \"I lost my card\",\n  \"label\": \"lost_card\",\n}",
    ])
    func theSampleIsFoundIn(_ output: String) {
        #expect(Self.object(output) == .success(Self.sample))
    }

    @Test func bracesQuotesAndEscapesInsideStringsDoNotConfuseTheScanner() {
        let output = #"Result: {"text": "he said \"use } and { here\" \\", "label": "a,}"} trailing"#
        let expected: JSONValue = .object(["text": .string(#"he said "use } and { here" \"#), "label": .string("a,}")])
        #expect(Self.object(output) == .success(expected))
    }

    @Test func unicodeAndEscapesSurvive() {
        let output = #"{"text": "Café ☕️ 👩🏽‍💻 \u00e9\n", "label": "ok"}"#
        #expect(Self.object(output) == .success(.object(["text": .string("Café ☕️ 👩🏽‍💻 é\n"), "label": .string("ok")])))
    }

    @Test func numbersKeepTheirKindAndNestingIsKept() {
        let output = #"{"n": 3, "x": 3.5, "list": [1, {"deep": [true, null]}]}"#
        let expected: JSONValue = .object([
            "n": .int(3), "x": .double(3.5),
            "list": .array([.int(1), .object(["deep": .array([.bool(true), .null])])]),
        ])
        #expect(Self.object(output) == .success(expected))
    }

    @Test(arguments: [
        (#"{"text": "I lost my card", "label": "lost_card""#, "truncated JSON: missing `}`"),
        (#"{"items": [1, 2"#, "truncated JSON: missing `]}`"),
        (#"{"text": "I lost my ca"#, "truncated JSON: missing `\"}`"),
        (#"Sure: ```json\n{"text": "I lost"#, "truncated JSON: missing `\"}`"),
        (#"{"a": {"b": 1}, "text": "cut"#, "truncated JSON: missing `\"}`"),
    ])
    func cutOffJSONIsRejectedAsTruncated(_ output: String, _ reason: String) {
        #expect(Self.rejection(output) == reason)
    }

    @Test(arguments: [
        "{'text': 'I lost my card', 'label': 'lost_card'}",
        "Here: {'text': \"mixed\", 'label': 'x'}",
    ])
    func singleQuotedPseudoJSONIsRejectedNotRepaired(_ output: String) {
        #expect(Self.rejection(output) == "invalid JSON: strings use single quotes")
    }

    @Test(arguments: [
        ("", "empty output"),
        ("   \n\t ", "empty output"),
        ("I cannot help with that.", "no JSON object found"),
        ("{text: hello}", "invalid JSON: `{text: hello}`"),
        (#"{"a": [1, 2}"#, "invalid JSON: mismatched brackets"),
        (#"{"a": 1 "b": 2}"#, #"invalid JSON: `{"a": 1 "b": 2}`"#),
        (#"{"a": NaN}"#, #"invalid JSON: `{"a": NaN}`"#),
        (#"[{"text": "x"}]"#, "expected a JSON object, found a JSON array"),
        (#"{"text": "\ud800"}"#, #"invalid JSON: `{"text": "\ud800"}`"#),
    ])
    func unreadableOutputIsRejectedWithItsReason(_ output: String, _ reason: String) {
        #expect(Self.rejection(output) == reason)
    }

    @Test func aFragmentOfABrokenObjectIsNeverTakenForTheAnswer() {
        let output = #"{"text": "x", "inner": {"label": "pos"}, oops}"#
        #expect(Self.rejection(output)?.hasPrefix("invalid JSON") == true)
    }

    @Test func arraysAreFoundWhenAskedFor() {
        let output = "Here are two:\n```json\n[{\"text\": \"a\"}, {\"text\": \"b\"},]\n```"
        let expected: JSONValue = .array([.object(["text": .string("a")]), .object(["text": .string("b")])])
        #expect(ModelOutputParser.parse(output, as: .jsonArray) == .success(expected))
        #expect(Self.rejection(#"{"items": [1, 2]}"#, as: .jsonArray) == "expected a JSON array, found a JSON object")
    }

    @Test(arguments: [
        ("  Paris  ", "Paris"),
        ("```\nline one\nline two\n```", "line one\nline two"),
        ("```text\nhello\n```", "hello"),
    ])
    func textModeTrimsAndUnwrapsFences(_ output: String, _ expected: String) {
        #expect(ModelOutputParser.parse(output, as: .text) == .success(.string(expected)))
    }

    @Test(arguments: ["", " \n ", "```\n\n```"])
    func emptyTextIsRejected(_ output: String) {
        #expect(Self.rejection(output, as: .text) == "empty output")
    }

    /// Random soup of JSON-ish characters: the parser must answer every input, and every success must be
    /// an object that survives a canonical round trip.
    @Test func randomInputsNeverCrashAndSuccessesAreObjects() {
        var random = SeededRandom(seed: 2024)
        let alphabet = Array(#"{}[]"',:\ abc01-.e\ntruefalsenull```json"#)
        var successes = 0
        for _ in 0..<3000 {
            let length = random.nextIndex(40)
            let output = String((0..<length).map { _ in alphabet[random.nextIndex(alphabet.count)] })
            switch ModelOutputParser.parse(output, as: .jsonObject) {
            case .success(let value):
                successes += 1
                #expect(value.objectValue != nil)
                #expect(CanonicalJSON.parse(CanonicalJSON.string(value)) == value)
            case .failure(let rejection):
                #expect(!rejection.reason.isEmpty)
            }
        }
        #expect(successes > 0, "the soup should contain some objects like {} to exercise the success path")
    }
}

@Suite struct ChatResponseParsingTests {
    @Test func cutOffOutputNamesMaxTokensAsTheCause() {
        let response = ChatResponse(text: #"{"text": "I lost"#, finishReason: .length, usage: TokenUsage())
        #expect(response.parsedOutput(as: .jsonObject) == .failure(OutputRejection(
            "truncated JSON: missing `\"}` (the model stopped at max_tokens; raise max_tokens)")))
    }

    @Test func completeOutputParsesWhateverTheFinishReason() {
        let response = ChatResponse(text: #"{"a": 1}"#, finishReason: .length, usage: TokenUsage())
        #expect(response.parsedOutput(as: .jsonObject) == .success(.object(["a": .int(1)])))
        let stopped = ChatResponse(text: "{", finishReason: .stop, usage: TokenUsage())
        #expect(stopped.parsedOutput(as: .jsonObject) == .failure(OutputRejection("truncated JSON: missing `}`")))
    }
}

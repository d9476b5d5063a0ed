import Testing
import GenCore
import GenPipeline
@testable import GenGeneration

@Suite struct StructuredOutputTests {
    @Test func schemaBecomesJSONSchema() {
        let schema = OutputSchema(fields: [
            SchemaField(name: "sku", type: .string(pattern: "[A-Z]{3}-[0-9]{4}")),
            SchemaField(name: "price", type: .float(min: 1, max: 2000)),
            SchemaField(name: "tags", type: .list(element: .string(maxLength: 20), minCount: 1, maxCount: 5)),
            SchemaField(name: "weight", isOptional: true, type: .int(min: 10)),
        ])
        let expected = #"{"additionalProperties":false,"properties":{"price":{"maximum":2000.0,"minimum":1.0,"type":"number"},"sku":{"pattern":"^(?:[A-Z]{3}-[0-9]{4})$","type":"string"},"tags":{"items":{"maxLength":20,"type":"string"},"maxItems":5,"minItems":1,"type":"array"},"weight":{"minimum":10,"type":"integer"}},"required":["sku","price","tags"],"type":"object"}"#
        #expect(CanonicalJSON.string(StructuredOutput.jsonSchema(for: schema)) == expected)
    }

    @Test func promptListsEverythingTheSpecSays() {
        let context = GenerationContext(
            domain: "Bank chat", constraints: ["first person", "no names"],
            schema: OutputSchema(fields: [
                SchemaField(name: "text", type: .string(minLength: 12, maxLength: 240)),
                SchemaField(name: "label", type: .enumeration(["lost_card", "check_balance"])),
            ]),
            schemaName: "Intent", labelField: "label", seedExamples: [], accepted: [])
        let prompt = PromptBuilder.userPrompt(context: context, examples: [], targetLabel: "lost_card")
        #expect(prompt == """
        Domain: Bank chat

        Requirements:
        - first person
        - no names

        Each sample is a JSON object with these fields:
        - text: text of 12 to 240 characters
        - label: one of "lost_card", "check_balance"

        Write one new sample whose label is "lost_card".
        """)
    }
}

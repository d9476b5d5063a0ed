import Foundation
import GenCore
import GenPipeline
import Testing

struct OutputSchemaCodingTests {
    @Test func everyFieldTypeSurvivesARoundTrip() throws {
        let schema = OutputSchema(fields: [
            SchemaField(name: "text", type: .string(minLength: 1, maxLength: 240, pattern: "[a-z ]+")),
            SchemaField(name: "count", isOptional: true, type: .int(min: 0, max: 9)),
            SchemaField(name: "score", type: .float(min: 0, max: 1)),
            SchemaField(name: "urgent", type: .bool),
            SchemaField(name: "label", type: .enumeration(["a", "b"])),
            SchemaField(name: "tags", type: .list(element: .string(), minCount: 1, maxCount: 3)),
            SchemaField(name: "meta", type: .object([SchemaField(name: "source", type: .string())])),
        ])
        let data = try JSONEncoder().encode(schema)
        #expect(try JSONDecoder().decode(OutputSchema.self, from: data) == schema)
    }

    @Test func typesEncodeWithAKindTagAndOnlyTheBoundsGiven() throws {
        let data = try JSONEncoder().encode(SchemaFieldType.string(maxLength: 240))
        let value = try #require(CanonicalJSON.parse(String(decoding: data, as: UTF8.self)))
        #expect(value == .object(["kind": .string("string"), "maxLength": .int(240)]))
    }

    @Test func unknownKindIsADecodingError() {
        let data = Data(#"{"kind": "date"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SchemaFieldType.self, from: data) }
    }
}

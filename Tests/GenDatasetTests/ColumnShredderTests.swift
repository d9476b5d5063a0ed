import GenCore
import Testing
@testable import GenDataset

/// Dremel levels for optional fields, lists (empty and absent) and nested groups.
@Suite struct ColumnShredderTests {
    let schema = ParquetSchema(fields: [
        ParquetNode("n", .optional, .primitive(.int64, utf8: false)),
        ParquetNode("tags", .optional, .list(element: ParquetNode("element", .optional, .primitive(.byteArray, utf8: true)))),
        ParquetNode("meta", .required, .group([ParquetNode("lang", .optional, .primitive(.byteArray, utf8: true))])),
    ])

    @Test func columnsCarryTheirPathsAndMaximumLevels() {
        #expect(schema.columns.map(\.path) == [["n"], ["tags", "list", "element"], ["meta", "lang"]])
        #expect(schema.columns.map(\.maxDefinition) == [1, 3, 1])
        #expect(schema.columns.map(\.maxRepetition) == [0, 1, 0])
    }

    @Test func levelsFollowPresenceAndRepetition() throws {
        var shredder = ColumnShredder(schema: schema)
        try shredder.append(row: ["n": .int(5), "tags": .array([.string("a"), .null, .string("b")]), "meta": .object(["lang": .string("en")])])
        try shredder.append(row: ["tags": .array([]), "meta": .object([:])])
        try shredder.append(row: ["n": .null, "meta": .object([:])])
        let n = shredder.columns[0], tags = shredder.columns[1], lang = shredder.columns[2]
        #expect(n.definitionLevels == [1, 0, 0])
        #expect(n.values == [.int64(5)])
        // [a, null, b]: three entries, the 2nd and 3rd repeat at level 1; an empty list stops at 1, an absent one at 0.
        #expect(tags.repetitionLevels == [0, 1, 1, 0, 0])
        #expect(tags.definitionLevels == [3, 2, 3, 1, 0])
        #expect(tags.values == [.bytes([0x61]), .bytes([0x62])])
        #expect(lang.definitionLevels == [1, 0, 0])
    }

    @Test func aValueOfTheWrongTypeOrAMissingRequiredFieldIsNamed() {
        var shredder = ColumnShredder(schema: schema)
        #expect(throws: ParquetValueError(description: "`n` should be an int but is \"five\"")) {
            try shredder.append(row: ["n": .string("five"), "meta": .object([:])])
        }
        #expect(throws: ParquetValueError(description: "`meta` is missing but the schema requires it")) {
            try shredder.append(row: [:])
        }
    }
}

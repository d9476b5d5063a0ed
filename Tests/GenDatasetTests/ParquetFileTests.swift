import GenCore
import Testing
@testable import GenDataset

/// The file's layout read back with the tests' Thrift reader: magic at both ends, the footer's length, schema,
/// row count, key-value metadata, and each column chunk pointing at a page holding its values.
@Suite struct ParquetFileTests {
    let schema = ParquetSchema(fields: [
        ParquetNode("text", .required, .primitive(.byteArray, utf8: true)),
        ParquetNode("n", .optional, .primitive(.int64, utf8: false)),
    ])
    let rows: [[String: JSONValue]] = [["text": .string("a"), "n": .int(7)], ["text": .string("bc")]]

    func footer(_ file: [UInt8]) -> ThriftValue {
        let length = file.suffix(8).prefix(4).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        var reader = ThriftCompactReader(file, at: file.count - 8 - length)
        return reader.structure()
    }

    @Test func magicFooterSchemaAndMetadata() throws {
        let file = try ParquetWriter(schema: schema, compression: .uncompressed, metadata: [("huggingface", "{}")]).write(rows: rows)
        #expect(Array(file.prefix(4)) == Array("PAR1".utf8))
        #expect(Array(file.suffix(4)) == Array("PAR1".utf8))
        let meta = footer(file)
        #expect(meta[1] == .i32(1))
        #expect(meta[3]?.integer == 2)
        #expect(meta[2]?.elements.compactMap { $0[4]?.text } == ["schema", "text", "n"])
        // text: BYTE_ARRAY, REQUIRED, converted UTF8 and logical STRING; n: INT64, OPTIONAL.
        let text = meta[2]!.elements[1]
        #expect(text[1] == .i32(6) && text[3] == .i32(0) && text[6] == .i32(0))
        #expect(text[10] == .structure([ThriftField(1, .structure([]))]))
        #expect(meta[2]!.elements[2][1] == .i32(2) && meta[2]!.elements[2][3] == .i32(1))
        #expect(meta[5]?.elements.first?[1]?.text == "huggingface")
        #expect(meta[6]?.text == "gen version 0.1.0")
    }

    @Test func eachChunkPointsAtAPageWithItsLevelsAndValues() throws {
        let file = try ParquetWriter(schema: schema, compression: .uncompressed).write(rows: rows)
        let chunks = footer(file)[4]!.elements[0][1]!.elements
        #expect(chunks.count == 2)
        let n = chunks[1][3]!
        #expect(n[3]?.elements.compactMap(\.text) == ["n"])
        #expect(n[5]?.integer == 2)  // two level entries: 7 and a null
        var reader = ThriftCompactReader(file, at: Int(n[9]!.integer!))
        let header = reader.structure()
        #expect(header[1] == .i32(0))
        #expect(header[5]?[1] == .i32(2))
        let size = Int(header[3]!.integer!)
        let body = Array(file[reader.position..<(reader.position + size)])
        // Definition levels (1, then 0) as two RLE runs behind their length, then the one PLAIN int64.
        #expect(body == [4, 0, 0, 0, 2, 1, 2, 0] + PageEncoding.littleEndian(UInt64(7)))
        #expect(n[7]?.integer == Int64(reader.position + size) - n[9]!.integer!)
    }

    @Test func gzipPagesDeclareBothSizesAndNoRowsWriteNoRowGroup() throws {
        let file = try ParquetWriter(schema: schema, compression: .gzip).write(rows: rows)
        let chunk = footer(file)[4]!.elements[0][1]!.elements[0][3]!
        #expect(chunk[4] == .i32(2))
        var reader = ThriftCompactReader(file, at: Int(chunk[9]!.integer!))
        let header = reader.structure()
        #expect(Array(file[reader.position..<(reader.position + 2)]) == [0x1F, 0x8B])  // the gzip magic
        // No levels (the column is required): two PLAIN byte arrays, each a 4-byte length then its bytes.
        let plainSize: Int64 = (4 + 1) + (4 + 2)
        #expect(header[2]?.integer == plainSize)
        let empty = try ParquetWriter(schema: schema).write(rows: [])
        #expect(footer(empty)[4]?.elements.isEmpty == true)
        #expect(footer(empty)[3]?.integer == 0)
    }

    @Test func aRowThatDoesNotFitIsNamedByPosition() {
        #expect(throws: ParquetValueError(description: "row 2: `text` is missing but the schema requires it")) {
            try ParquetWriter(schema: schema).write(rows: [["text": .string("a")], [:]])
        }
    }
}

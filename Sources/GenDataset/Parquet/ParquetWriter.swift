import GenCore

/// A whole Parquet file in memory: `PAR1`, one row group with one PLAIN data page (v1) per leaf column, the
/// Thrift compact FileMetaData footer, its length and `PAR1` again. Datasets Gen makes fit in memory, and one
/// page per column keeps the layout easy to check.
public struct ParquetWriter: Sendable {
    public enum Compression: Int32, Sendable { case uncompressed = 0, gzip = 2 }

    public var schema: ParquetSchema
    public var compression: Compression
    /// Footer key-value metadata (`huggingface` carries the dataset's features for `datasets`).
    public var metadata: [(key: String, value: String)]

    static let magic = Array("PAR1".utf8)
    static let createdBy = "gen version 0.1.0"

    public init(schema: ParquetSchema, compression: Compression = .gzip, metadata: [(key: String, value: String)] = []) {
        self.schema = schema
        self.compression = compression
        self.metadata = metadata
    }

    /// The file's bytes; a row that does not fit the schema is named by its position.
    public func write(rows: [[String: JSONValue]]) throws -> [UInt8] {
        var shredder = ColumnShredder(schema: schema)
        for (position, row) in rows.enumerated() {
            do {
                try shredder.append(row: row)
            } catch let error as ParquetValueError {
                throw ParquetValueError(description: "row \(position + 1): \(error.description)")
            }
        }
        var file = Self.magic
        var chunks: [ThriftValue] = []
        var groupBytes: Int64 = 0
        if !rows.isEmpty {
            for (descriptor, column) in zip(schema.columns, shredder.columns) {
                let offset = Int64(file.count)
                let page = try self.page(column, descriptor: descriptor)
                file += page.bytes
                groupBytes += Int64(page.uncompressedSize)
                chunks.append(chunk(descriptor, values: column.definitionLevels.count, offset: offset, page: page))
            }
        }
        let rowGroups: [ThriftValue] = rows.isEmpty ? [] : [.structure([
            ThriftField(1, .list(.structure, chunks)), ThriftField(2, .i64(groupBytes)), ThriftField(3, .i64(Int64(rows.count))),
        ])]
        var footer = [
            ThriftField(1, .i32(1)),
            ThriftField(2, .list(.structure, schema.elements)),
            ThriftField(3, .i64(Int64(rows.count))),
            ThriftField(4, .list(.structure, rowGroups)),
            ThriftField(6, .string(Self.createdBy)),
        ]
        if !metadata.isEmpty {
            footer.append(ThriftField(5, .list(.structure, metadata.map { .structure([ThriftField(1, .string($0.key)), ThriftField(2, .string($0.value))]) })))
        }
        let encoded = ThriftCompact.encode(.structure(footer))
        file += encoded
        file += PageEncoding.littleEndian(UInt32(encoded.count))
        file += Self.magic
        return file
    }

    struct Page {
        var bytes: [UInt8]
        var uncompressedSize: Int
    }

    /// A data page v1: header, then (compressed) repetition levels, definition levels and PLAIN values.
    func page(_ column: ShreddedColumn, descriptor: ParquetColumnDescriptor) throws -> Page {
        var body: [UInt8] = []
        if descriptor.maxRepetition > 0 { body += PageEncoding.levels(column.repetitionLevels, maxLevel: descriptor.maxRepetition) }
        if descriptor.maxDefinition > 0 { body += PageEncoding.levels(column.definitionLevels, maxLevel: descriptor.maxDefinition) }
        body += PageEncoding.plain(column.values)
        let stored = compression == .gzip ? try Gzip.compress(body) : body
        // Page sizes are i32 in the format: one page per column caps a column at 2 GiB.
        guard body.count <= Int32.max, stored.count <= Int32.max else {
            throw ParquetValueError(description: "column `\(descriptor.path.joined(separator: "."))` holds \(body.count) bytes, over one page's 2 GiB")
        }
        let header = ThriftCompact.encode(.structure([
            ThriftField(1, .i32(0)),  // DATA_PAGE
            ThriftField(2, .i32(Int32(body.count))),
            ThriftField(3, .i32(Int32(stored.count))),
            ThriftField(5, .structure([
                ThriftField(1, .i32(Int32(column.definitionLevels.count))),
                ThriftField(2, .i32(0)),  // PLAIN values
                ThriftField(3, .i32(3)),  // RLE definition levels
                ThriftField(4, .i32(3)),  // RLE repetition levels
            ])),
        ]))
        return Page(bytes: header + stored, uncompressedSize: header.count + body.count)
    }

    func chunk(_ descriptor: ParquetColumnDescriptor, values: Int, offset: Int64, page: Page) -> ThriftValue {
        let metadata = ThriftValue.structure([
            ThriftField(1, .i32(descriptor.type.rawValue)),
            ThriftField(2, .list(.i32, [.i32(0), .i32(3)])),  // PLAIN, RLE
            ThriftField(3, .list(.binary, descriptor.path.map(ThriftValue.string))),
            ThriftField(4, .i32(compression.rawValue)),
            ThriftField(5, .i64(Int64(values))),
            ThriftField(6, .i64(Int64(page.uncompressedSize))),
            ThriftField(7, .i64(Int64(page.bytes.count))),
            ThriftField(9, .i64(offset)),
        ])
        return .structure([ThriftField(2, .i64(offset)), ThriftField(3, metadata)])
    }
}

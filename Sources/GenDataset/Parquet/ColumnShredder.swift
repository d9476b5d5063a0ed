import GenCore

/// A leaf value as Parquet stores it.
public enum ParquetScalar: Sendable, Equatable {
    case boolean(Bool)
    case int64(Int64)
    case double(Double)
    case bytes([UInt8])
}

/// One column's levels and its non-null values, in row order.
public struct ShreddedColumn: Sendable, Equatable {
    public var repetitionLevels: [Int] = []
    public var definitionLevels: [Int] = []
    public var values: [ParquetScalar] = []
}

/// A value that does not fit the schema it is written with.
public struct ParquetValueError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
}

/// Dremel's record shredding: each row's nested JSON becomes, for every leaf column, a (repetition level,
/// definition level, value) triple per leaf occurrence, so nulls, empty lists and nesting survive in flat columns.
public struct ColumnShredder {
    public let schema: ParquetSchema
    public private(set) var columns: [ShreddedColumn]
    private let paths: [[String]]

    public init(schema: ParquetSchema) {
        self.schema = schema
        paths = schema.columns.map(\.path)
        columns = Array(repeating: ShreddedColumn(), count: paths.count)
    }

    public mutating func append(row: [String: JSONValue]) throws {
        for field in schema.fields {
            try write(row[field.name], node: field, path: [field.name], repetition: 0, definition: 0, depth: 0)
        }
    }

    /// Writes `value` under `node`; `repetition` is the level for its first leaf, `definition` how many
    /// optional or repeated ancestors are present. `depth` counts repeated ancestors (the list's own level).
    private mutating func write(
        _ value: JSONValue?, node: ParquetNode, path: [String], repetition: Int, definition: Int, depth: Int
    ) throws {
        var definition = definition
        let present = value.map { $0 != .null } ?? false
        switch node.repetition {
        case .optional:
            guard present, let value else { return absent(under: path, repetition: repetition, definition: definition) }
            definition += 1
            try writePresent(value, node: node, path: path, repetition: repetition, definition: definition, depth: depth)
        case .required:
            guard present, let value else {
                throw ParquetValueError(description: "`\(path.joined(separator: "."))` is missing but the schema requires it")
            }
            try writePresent(value, node: node, path: path, repetition: repetition, definition: definition, depth: depth)
        case .repeated:
            throw ParquetValueError(description: "`\(path.joined(separator: "."))`: repeated fields are written through lists only")
        }
    }

    private mutating func writePresent(
        _ value: JSONValue, node: ParquetNode, path: [String], repetition: Int, definition: Int, depth: Int
    ) throws {
        switch node.kind {
        case .primitive(let type, _):
            let index = paths.firstIndex(of: path)!
            columns[index].repetitionLevels.append(repetition)
            columns[index].definitionLevels.append(definition)
            columns[index].values.append(try Self.scalar(value, type: type, path: path))
        case .group(let children):
            guard case .object(let members) = value else { throw mismatch(path, "an object", value) }
            for child in children {
                try write(members[child.name], node: child, path: path + [child.name], repetition: repetition, definition: definition, depth: depth)
            }
        case .list(let element):
            guard case .array(let items) = value else { throw mismatch(path, "a list", value) }
            let listPath = path + ["list"]
            // An empty list: present (this definition level) but no element below the repeated group.
            guard !items.isEmpty else { return absent(under: listPath, repetition: repetition, definition: definition) }
            for (position, item) in items.enumerated() {
                try write(item, node: element, path: listPath + [element.name], repetition: position == 0 ? repetition : depth + 1,
                          definition: definition + 1, depth: depth + 1)
            }
        }
    }

    /// A null or absent node: every leaf below it gets one entry at the definition level reached.
    private mutating func absent(under path: [String], repetition: Int, definition: Int) {
        for (index, leaf) in paths.enumerated() where leaf.starts(with: path) {
            columns[index].repetitionLevels.append(repetition)
            columns[index].definitionLevels.append(definition)
        }
    }

    static func scalar(_ value: JSONValue, type: ParquetNode.PhysicalType, path: [String]) throws -> ParquetScalar {
        switch (type, value) {
        case (.boolean, .bool(let flag)): return .boolean(flag)
        case (.int64, .int(let number)): return .int64(Int64(number))
        case (.int64, .double(let number)) where number.rounded() == number && abs(number) < 9e18: return .int64(Int64(number))
        case (.double, .double(let number)): return .double(number)
        case (.double, .int(let number)): return .double(Double(number))
        case (.byteArray, .string(let text)): return .bytes(Array(text.utf8))
        default:
            let wanted = ["boolean": "a bool", "int64": "an int", "double": "a number", "byteArray": "a string"]["\(type)"] ?? "\(type)"
            throw mismatch(path, wanted, value)
        }
    }
}

private func mismatch(_ path: [String], _ wanted: String, _ value: JSONValue) -> ParquetValueError {
    ParquetValueError(description: "`\(path.joined(separator: "."))` should be \(wanted) but is \(CanonicalJSON.string(value).prefix(60))")
}

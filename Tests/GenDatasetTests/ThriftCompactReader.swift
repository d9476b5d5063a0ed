@testable import GenDataset

/// A Thrift compact decoder for the tests only: reads back what ThriftCompact writes, so a test can compare a
/// Parquet footer or page header as values. Handles the types the writer emits.
struct ThriftCompactReader {
    let bytes: [UInt8]
    var position: Int

    init(_ bytes: [UInt8], at position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    mutating func structure() -> ThriftValue {
        var fields: [ThriftField] = []
        var last: Int16 = 0
        while true {
            let header = bytes[position]
            position += 1
            if header == 0 { return .structure(fields) }
            let delta = Int16(header >> 4)
            let id = delta == 0 ? Int16(unzigzag(varint())) : last + delta
            last = id
            fields.append(ThriftField(id, value(type: header & 0x0F)))
        }
    }

    mutating func value(type: UInt8) -> ThriftValue {
        switch ThriftType(rawValue: type)! {
        case .boolTrue: return .bool(true)
        case .boolFalse: return .bool(false)
        case .i32: return .i32(Int32(unzigzag(varint())))
        case .i64: return .i64(unzigzag(varint()))
        case .binary:
            let count = Int(varint())
            defer { position += count }
            return .binary(Array(bytes[position..<(position + count)]))
        case .list:
            let header = bytes[position]
            position += 1
            let count = header >> 4 == 15 ? Int(varint()) : Int(header >> 4)
            let element = ThriftType(rawValue: header & 0x0F)!
            return .list(element, (0..<count).map { _ in element == .structure ? structure() : value(type: element.rawValue) })
        case .structure: return structure()
        default: fatalError("type \(type) is not written by ThriftCompact")
        }
    }

    mutating func varint() -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    func unzigzag(_ number: UInt64) -> Int64 { Int64(bitPattern: number >> 1) ^ -Int64(bitPattern: number & 1) }
}

extension ThriftValue {
    /// A struct's field by id.
    subscript(id: Int16) -> ThriftValue? {
        guard case .structure(let fields) = self else { return nil }
        return fields.first { $0.id == id }?.value
    }

    var elements: [ThriftValue] {
        if case .list(_, let items) = self { return items }
        return []
    }

    var text: String? {
        if case .binary(let bytes) = self { return String(decoding: bytes, as: UTF8.self) }
        return nil
    }

    var integer: Int64? {
        switch self {
        case .i32(let number): return Int64(number)
        case .i64(let number): return number
        default: return nil
        }
    }
}

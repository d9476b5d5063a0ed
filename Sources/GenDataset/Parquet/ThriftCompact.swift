/// A Thrift value as Parquet's footer and page headers need it, written in the compact protocol
/// (https://github.com/apache/thrift/blob/master/doc/specs/thrift-compact-protocol.md).
/// Values, not a streaming writer, so tests can compare whole structures and encoding stays one function.
public indirect enum ThriftValue: Sendable, Equatable {
    case bool(Bool)
    case i32(Int32)
    case i64(Int64)
    case binary([UInt8])
    /// Every element has the element type's compact type id.
    case list(ThriftType, [ThriftValue])
    case structure([ThriftField])

    static func string(_ text: String) -> ThriftValue { .binary(Array(text.utf8)) }
}

public struct ThriftField: Sendable, Equatable {
    public var id: Int16
    public var value: ThriftValue

    public init(_ id: Int16, _ value: ThriftValue) {
        self.id = id
        self.value = value
    }
}

/// Compact protocol type ids.
public enum ThriftType: UInt8, Sendable {
    case boolTrue = 1, boolFalse = 2, byte = 3, i16 = 4, i32 = 5, i64 = 6, double = 7, binary = 8, list = 9, set = 10, map = 11
    case structure = 12
}

public enum ThriftCompact {
    /// The bytes of a struct (fields in ascending id order, then the stop byte).
    public static func encode(_ value: ThriftValue) -> [UInt8] {
        var bytes: [UInt8] = []
        write(value, into: &bytes)
        return bytes
    }

    static func write(_ value: ThriftValue, into bytes: inout [UInt8]) {
        switch value {
        case .bool(let flag): bytes.append(flag ? 1 : 2)  // only inside lists; a bool field's value is in its header
        case .i32(let number): varint(zigzag(Int64(number)), into: &bytes)
        case .i64(let number): varint(zigzag(number), into: &bytes)
        case .binary(let data):
            varint(UInt64(data.count), into: &bytes)
            bytes += data
        case .list(let type, let elements):
            if elements.count < 15 {
                bytes.append(UInt8(elements.count) << 4 | type.rawValue)
            } else {
                bytes.append(0xF0 | type.rawValue)
                varint(UInt64(elements.count), into: &bytes)
            }
            for element in elements { write(element, into: &bytes) }
        case .structure(let fields):
            var last: Int16 = 0
            for field in fields.sorted(by: { $0.id < $1.id }) {
                let type = fieldType(field.value)
                let delta = Int(field.id) - Int(last)
                if delta > 0 && delta <= 15 {
                    bytes.append(UInt8(delta) << 4 | type.rawValue)
                } else {
                    bytes.append(type.rawValue)
                    varint(zigzag(Int64(field.id)), into: &bytes)
                }
                last = field.id
                if case .bool = field.value { continue }
                write(field.value, into: &bytes)
            }
            bytes.append(0)
        }
    }

    /// The type id a field header carries (a bool field's value is its type id).
    static func fieldType(_ value: ThriftValue) -> ThriftType {
        switch value {
        case .bool(let flag): return flag ? .boolTrue : .boolFalse
        case .i32: return .i32
        case .i64: return .i64
        case .binary: return .binary
        case .list: return .list
        case .structure: return .structure
        }
    }

    static func zigzag(_ number: Int64) -> UInt64 {
        UInt64(bitPattern: (number << 1) ^ (number >> 63))
    }

    /// Unsigned LEB128, as Thrift compact and Parquet's RLE run headers use it.
    static func varint(_ number: UInt64, into bytes: inout [UInt8]) {
        var rest = number
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
}

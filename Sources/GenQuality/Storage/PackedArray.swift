import Foundation

/// Large numeric arrays in saved state are stored as little-endian bytes (base64 in JSON): a 100k-sample
/// index would otherwise be tens of millions of JSON numbers.
enum PackedArray {
    static func encode<T: FixedWidthInteger>(_ values: [T]) -> Data {
        var data = Data(capacity: values.count * MemoryLayout<T>.size)
        for value in values {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    static func decode<T: FixedWidthInteger>(_ data: Data, as type: T.Type, codingPath: [CodingKey]) throws -> [T] {
        let width = MemoryLayout<T>.size
        guard data.count % width == 0 else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath, debugDescription: "packed array of \(data.count) bytes is not a multiple of \(width)"))
        }
        var values = [T]()
        values.reserveCapacity(data.count / width)
        data.withUnsafeBytes { raw in
            for offset in stride(from: 0, to: raw.count, by: width) {
                var value: T = 0
                withUnsafeMutableBytes(of: &value) { target in
                    target.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset..<offset + width]))
                }
                values.append(T(littleEndian: value))
            }
        }
        return values
    }

    static func encode(_ values: [Float]) -> Data { encode(values.map(\.bitPattern)) }
    static func encode(_ values: [Double]) -> Data { encode(values.map(\.bitPattern)) }

    static func decodeFloats(_ data: Data, codingPath: [CodingKey]) throws -> [Float] {
        try decode(data, as: UInt32.self, codingPath: codingPath).map(Float.init(bitPattern:))
    }

    static func decodeDoubles(_ data: Data, codingPath: [CodingKey]) throws -> [Double] {
        try decode(data, as: UInt64.self, codingPath: codingPath).map(Double.init(bitPattern:))
    }
}

extension KeyedEncodingContainer {
    mutating func encodePacked<T: FixedWidthInteger>(_ values: [T], forKey key: Key) throws {
        try encode(PackedArray.encode(values), forKey: key)
    }
    mutating func encodePacked(_ values: [Float], forKey key: Key) throws {
        try encode(PackedArray.encode(values), forKey: key)
    }
    mutating func encodePacked(_ values: [Double], forKey key: Key) throws {
        try encode(PackedArray.encode(values), forKey: key)
    }
}

extension KeyedDecodingContainer {
    func decodePacked<T: FixedWidthInteger>(_ type: T.Type, forKey key: Key) throws -> [T] {
        try PackedArray.decode(decode(Data.self, forKey: key), as: type, codingPath: codingPath + [key])
    }
    func decodePackedFloats(forKey key: Key) throws -> [Float] {
        try PackedArray.decodeFloats(decode(Data.self, forKey: key), codingPath: codingPath + [key])
    }
    func decodePackedDoubles(forKey key: Key) throws -> [Double] {
        try PackedArray.decodeDoubles(decode(Data.self, forKey: key), codingPath: codingPath + [key])
    }

    /// Throws a clear error when saved state is internally inconsistent (e.g. arrays of different lengths).
    func require(_ condition: Bool, _ message: @autoclosure () -> String, forKey key: Key) throws {
        if !condition {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: message())
        }
    }
}

/// The byte encodings inside a data page: levels in the RLE/bit-packing hybrid (runs only) and values PLAIN.
enum PageEncoding {
    /// Bits needed for levels up to `maxLevel`.
    static func bitWidth(_ maxLevel: Int) -> Int {
        maxLevel == 0 ? 0 : Int.bitWidth - maxLevel.leadingZeroBitCount
    }

    /// Levels as RLE runs (header `count << 1`, then the value in ceil(width / 8) bytes), prefixed by the
    /// 4-byte length data page v1 puts before each level block. Runs suit levels: they repeat.
    static func levels(_ levels: [Int], maxLevel: Int) -> [UInt8] {
        let width = (bitWidth(maxLevel) + 7) / 8
        var runs: [UInt8] = []
        var index = 0
        while index < levels.count {
            var end = index + 1
            while end < levels.count && levels[end] == levels[index] { end += 1 }
            ThriftCompact.varint(UInt64(end - index) << 1, into: &runs)
            for byte in 0..<width { runs.append(UInt8(truncatingIfNeeded: levels[index] >> (8 * byte))) }
            index = end
        }
        return littleEndian(UInt32(runs.count)) + runs
    }

    /// PLAIN: fixed-width little-endian numbers, booleans packed eight to a byte from the low bit, byte arrays
    /// each after a 4-byte length.
    static func plain(_ values: [ParquetScalar]) -> [UInt8] {
        var bytes: [UInt8] = []
        var bits: [Bool] = []
        for value in values {
            switch value {
            case .boolean(let flag): bits.append(flag)
            case .int64(let number): bytes += littleEndian(UInt64(bitPattern: number))
            case .double(let number): bytes += littleEndian(number.bitPattern)
            case .bytes(let data):
                bytes += littleEndian(UInt32(data.count))
                bytes += data
            }
        }
        guard !bits.isEmpty else { return bytes }
        var packed = [UInt8](repeating: 0, count: (bits.count + 7) / 8)
        for (position, bit) in bits.enumerated() where bit { packed[position / 8] |= 1 << (position % 8) }
        return packed
    }

    static func littleEndian<T: FixedWidthInteger>(_ number: T) -> [UInt8] {
        (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: number >> (8 * $0)) }
    }
}

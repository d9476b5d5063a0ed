import Testing
@testable import GenDataset

/// Levels as RLE runs behind their length, and PLAIN values, byte for byte.
@Suite struct PageEncodingTests {
    @Test func levelsAreRunsWithTheirLengthFirst() {
        // Runs: three 1s (header 3 << 1 = 6, value 1), one 0 (header 2, value 0); one byte per value for width 1.
        #expect(PageEncoding.levels([1, 1, 1, 0], maxLevel: 1) == [4, 0, 0, 0, 6, 1, 2, 0])
        #expect(PageEncoding.bitWidth(0) == 0)
        #expect(PageEncoding.bitWidth(1) == 1)
        #expect(PageEncoding.bitWidth(3) == 2)
        #expect(PageEncoding.bitWidth(4) == 3)
    }

    @Test func plainValues() {
        #expect(PageEncoding.plain([.boolean(true), .boolean(false), .boolean(true)]) == [0b101])
        #expect(PageEncoding.plain([.int64(-2)]) == [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
        #expect(PageEncoding.plain([.double(1)]) == [0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
        #expect(PageEncoding.plain([.bytes([0x61, 0x62]), .bytes([])]) == [2, 0, 0, 0, 0x61, 0x62, 0, 0, 0, 0])
    }
}

import Testing
@testable import GenDataset

/// The compact protocol's bytes, checked against the specification by hand, and read back by the tests' reader.
@Suite struct ThriftCompactTests {
    @Test func shortFieldDeltasZigzagIntsAndTheStopByte() {
        #expect(ThriftCompact.encode(.structure([ThriftField(1, .i32(1))])) == [0x15, 0x02, 0x00])
        #expect(ThriftCompact.encode(.structure([ThriftField(1, .i64(-1))])) == [0x16, 0x01, 0x00])
        // A bool field's value is its type id; nothing follows the header.
        #expect(ThriftCompact.encode(.structure([ThriftField(1, .bool(true)), ThriftField(2, .bool(false))])) == [0x11, 0x12, 0x00])
    }

    @Test func aJumpOfMoreThan15WritesTheIdAsAZigzagI16() {
        // id 20 -> zigzag 40 (0x28); 300 -> zigzag 600 -> varint D8 04.
        #expect(ThriftCompact.encode(.structure([ThriftField(1, .i32(0)), ThriftField(20, .i64(300))]))
            == [0x15, 0x00, 0x06, 0x28, 0xD8, 0x04, 0x00])
    }

    @Test func listsAndStringsAndNestedStructs() {
        #expect(ThriftCompact.encode(.structure([ThriftField(2, .list(.binary, [.string("a"), .string("b")]))]))
            == [0x29, 0x28, 0x01, 0x61, 0x01, 0x62, 0x00])
        // 15 or more elements: the size moves to a varint after 0xF_.
        let long = ThriftCompact.encode(.structure([ThriftField(1, .list(.i32, Array(repeating: .i32(0), count: 15)))]))
        #expect(Array(long.prefix(3)) == [0x19, 0xF5, 0x0F])
        #expect(ThriftCompact.encode(.structure([ThriftField(3, .structure([ThriftField(1, .structure([]))]))])) == [0x3C, 0x1C, 0x00, 0x00, 0x00])
    }

    @Test func whatIsWrittenReadsBack() {
        let value = ThriftValue.structure([
            ThriftField(1, .i32(-7)), ThriftField(2, .list(.structure, [.structure([ThriftField(4, .string("ünï"))])])),
            ThriftField(3, .i64(1 << 40)), ThriftField(5, .bool(true)), ThriftField(40, .list(.binary, (0..<20).map { .string("\($0)") })),
        ])
        var reader = ThriftCompactReader(ThriftCompact.encode(value))
        #expect(reader.structure() == value)
    }
}

import GenCore
import GenLSP
import Testing

@Suite struct MessageFramerTests {
    let first = JSONValue.object(["jsonrpc": .string("2.0"), "id": .int(1), "method": .string("initialize"), "params": .object(["é": .string("😀")])])
    let second = JSONValue.object(["jsonrpc": .string("2.0"), "method": .string("initialized")])

    @Test func aStreamSplitAtEveryByteGivesBothMessagesOnce() throws {
        let bytes = MessageFramer.frame(first) + MessageFramer.frame(second)
        for cut in 1..<bytes.count {
            var framer = MessageFramer()
            let frames = try framer.append(bytes[..<cut]) + framer.append(bytes[cut...])
            #expect(frames == [.message(first), .message(second)], "cut at \(cut)")
        }
    }

    @Test func mergedMessagesInOneReadAreAllReturned() throws {
        var framer = MessageFramer()
        let frames = try framer.append(MessageFramer.frame(first) + MessageFramer.frame(second) + MessageFramer.frame(first))
        #expect(frames == [.message(first), .message(second), .message(first)])
    }

    @Test func theLengthCountsBytesNotCharacters() {
        let header = String(decoding: MessageFramer.frame(.string("é😀")), as: UTF8.self)
        // `"é😀"` is 2 quotes + 2 + 4 bytes.
        #expect(header.hasPrefix("Content-Length: 8\r\n\r\n"))
    }

    @Test func aBodyThatIsNotJSONIsReportedAndTheStreamGoesOn() throws {
        var framer = MessageFramer()
        let frames = try framer.append(Array("Content-Type: x\r\nContent-Length: 3\r\n\r\n{x}".utf8) + MessageFramer.frame(second))
        #expect(frames == [.invalidJSON, .message(second)])
    }

    @Test func aHeaderWithoutLengthBreaksTheStream() {
        var framer = MessageFramer()
        #expect(throws: MessageFramer.BrokenStream.self) { try framer.append(Array("Content-Type: x\r\n\r\n{}".utf8)) }
    }
}

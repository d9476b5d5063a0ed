import Foundation
import Testing
@testable import GenProviders

/// The socket transport's response parser, fed the way a socket delivers: in pieces that may split anything.
@Suite struct HTTPResponseParserTests {
    private func parse(_ pieces: [String], limit: Int = 1 << 20) throws -> (HTTPResponseParser, complete: Bool) {
        var parser = HTTPResponseParser(bodyLimit: limit)
        var complete = false
        for piece in pieces {
            complete = try Array(piece.utf8).withUnsafeBytes { try parser.feed($0) }
        }
        return (parser, complete)
    }

    @Test func aChunkedBodySplitAtEveryByteIsReadWhole() throws {
        let response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-Id: 7\r\n\r\n"
            + "5;ext=1\r\nhello\r\n1\r\n \r\nA\r\nwonderland\r\n0\r\nTrailer: x\r\n\r\n"
        let bytes = Array(response.utf8)
        for split in 1..<bytes.count {
            var parser = HTTPResponseParser(bodyLimit: 1 << 20)
            let first = try bytes[..<split].withUnsafeBytes { try parser.feed($0) }
            #expect(!first, "complete too early at split \(split)")
            let second = try bytes[split...].withUnsafeBytes { try parser.feed($0) }
            #expect(second, "incomplete at split \(split)")
            #expect(String(decoding: parser.body, as: UTF8.self) == "hello wonderland")
            #expect(parser.headers["x-id"] == "7")
            #expect(parser.keepAlive)
        }
    }

    @Test func aContentLengthBodyEndsAtItsLengthAndLaterBytesStopReuse() throws {
        let (parser, complete) = try parse(["HTTP/1.1 201 Created\r\nContent-Length: 3\r\n\r\nab", "c"])
        #expect(complete)
        #expect(parser.status == 201)
        #expect(parser.keepAlive)
        let (extra, _) = try parse(["HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nxJUNK"])
        #expect(extra.keepAlive == false)
    }

    @Test func interimAnswersAreSkipped() throws {
        let (parser, complete) = try parse(["HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"])
        #expect(complete)
        #expect(parser.status == 200)
        #expect(String(decoding: parser.body, as: UTF8.self) == "ok")
    }

    @Test func aBodyWithoutFramingEndsWhenTheServerCloses() throws {
        var (parser, complete) = try parse(["HTTP/1.0 200 OK\r\n\r\npartial", " body"])
        #expect(!complete)
        let ended = parser.endOfStream()
        #expect(ended)
        #expect(String(decoding: parser.body, as: UTF8.self) == "partial body")
        #expect(parser.keepAlive == false)
    }

    @Test func aCloseBeforeTheDeclaredLengthIsNotAnAnswer() throws {
        var (parser, complete) = try parse(["HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort"])
        #expect(!complete)
        let ended = parser.endOfStream()
        #expect(ended == false)
    }

    @Test func connectionCloseAndHTTP10DecideReuse() throws {
        #expect(try parse(["HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"]).0.keepAlive == false)
        #expect(try parse(["HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n"]).0.keepAlive == false)
        #expect(try parse(["HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n"]).0.keepAlive)
    }

    @Test func bodiesPastTheLimitAreRefusedBeforeTheyFillMemory() {
        #expect(throws: HTTPResponseParser.Failure.tooLarge(limit: 4)) {
            try parse(["HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"], limit: 4)
        }
        #expect(throws: HTTPResponseParser.Failure.tooLarge(limit: 4)) {
            try parse(["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n", "3\r\ndef\r\n"], limit: 4)
        }
        #expect(throws: HTTPResponseParser.Failure.tooLarge(limit: 4)) {
            try parse(["HTTP/1.1 200 OK\r\n\r\nabc", "de"], limit: 4)
        }
    }

    @Test(arguments: [
        "SSH-2.0-OpenSSH_9.2\r\n\r\n",
        "HTTP/1.1 abc OK\r\n\r\n",
        "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: lots\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabXY",
    ])
    func somethingThatIsNotHTTPIsMalformed(_ response: String) {
        #expect {
            try parse([response])
        } throws: { error in
            if case HTTPResponseParser.Failure.malformed = error { return true }
            return false
        }
    }

    @Test func anEndlessHeadIsCutOff() {
        let endless = "HTTP/1.1 200 OK\r\n" + String(repeating: "X-Filler: aaaaaaaaaaaaaaaa\r\n", count: 4000)
        #expect(throws: HTTPResponseParser.Failure.malformed("the response head is longer than 64 KB")) { try parse([endless]) }
    }
}

import Foundation

/// Reads one HTTP/1.1 response from bytes as they arrive: the head, then a body framed by Content-Length, by
/// chunked transfer encoding, or by the server closing the connection. Interim 1xx answers are skipped.
struct HTTPResponseParser {
    enum Failure: Error, Equatable {
        case malformed(String)
        case tooLarge(limit: Int)
    }

    private enum Phase {
        case head
        case fixed(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkEnd
        case trailers
        case untilClose
        case done
    }

    /// No sane server sends a head this long; one that does is not speaking HTTP to us.
    static let maxHeadBytes = 64 << 10

    let bodyLimit: Int
    private var phase = Phase.head
    /// Bytes of the head, or of chunk framing, not yet consumed.
    private var pending: [UInt8] = []
    private(set) var status = 0
    private(set) var headers: [String: String] = [:]
    private(set) var body: [UInt8] = []
    private var isHTTP10 = false
    /// Whether the connection may carry another request after this response.
    private(set) var keepAlive = true

    init(bodyLimit: Int) {
        self.bodyLimit = bodyLimit
    }

    var isComplete: Bool {
        if case .done = phase { return true }
        return false
    }

    /// Whether any byte of a response has arrived.
    private(set) var hasStarted = false

    /// Takes the next bytes; true once the response is complete.
    mutating func feed(_ bytes: UnsafeRawBufferPointer) throws -> Bool {
        if !bytes.isEmpty { hasStarted = true }
        var input = bytes[...]
        while !input.isEmpty {
            switch phase {
            case .head:
                let searchFrom = max(0, pending.count - 3)
                pending.append(contentsOf: input)
                input = input[input.endIndex...]
                guard let end = Self.find(crlfcrlf, in: pending, from: searchFrom) else {
                    if pending.count > Self.maxHeadBytes { throw Failure.malformed("the response head is longer than 64 KB") }
                    return false
                }
                let rest = Array(pending[(end + 4)...])
                try readHead(pending[..<end])
                pending = []
                if !rest.isEmpty { return try rest.withUnsafeBytes { try feed($0) } }
            case .fixed(let remaining):
                let take = min(remaining, input.count)
                try append(input.prefix(take))
                input = input.dropFirst(take)
                phase = remaining == take ? .done : .fixed(remaining: remaining - take)
            case .untilClose:
                try append(input)
                input = input[input.endIndex...]
            case .chunkData(let remaining):
                let take = min(remaining, input.count)
                try append(input.prefix(take))
                input = input.dropFirst(take)
                phase = remaining == take ? .chunkEnd : .chunkData(remaining: remaining - take)
            case .chunkSize, .chunkEnd, .trailers:
                pending.append(contentsOf: input)
                input = input[input.endIndex...]
                try readChunkFraming()
            case .done:
                // Bytes after a complete response: the connection's framing is off, so it is not reused.
                keepAlive = false
                return true
            }
        }
        return isComplete
    }

    /// The server closed the connection: true when that ends the response (a body framed by the close).
    mutating func endOfStream() -> Bool {
        if case .untilClose = phase { phase = .done }
        return isComplete
    }

    // MARK: - Head

    private let crlfcrlf: [UInt8] = [13, 10, 13, 10]

    private mutating func readHead(_ bytes: ArraySlice<UInt8>) throws {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)[...]
        guard let statusLine = lines.popFirst() else { throw Failure.malformed("the response has no status line") }
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let code = Int(parts[1]), (100...999).contains(code) else {
            throw Failure.malformed("the response does not start with an HTTP/1.x status line: \(statusLine.prefix(60))")
        }
        var fields: [String: String] = [:]
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw Failure.malformed("a header line has no colon: \(line.prefix(60))") }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            fields[name] = fields[name].map { "\($0), \(value)" } ?? value
        }
        if (100..<200).contains(code), code != 101 {
            return // An interim answer (100 Continue, 103 Early Hints): the real head follows.
        }
        status = code
        headers = fields
        isHTTP10 = parts[0] == "HTTP/1.0"
        let connection = fields["connection"]?.lowercased() ?? ""
        keepAlive = isHTTP10 ? connection.contains("keep-alive") : !connection.contains("close")
        if fields["transfer-encoding"]?.lowercased().contains("chunked") == true {
            phase = .chunkSize
        } else if let lengthText = fields["content-length"] {
            guard let length = Int(lengthText.split(separator: ",")[0].trimmingCharacters(in: .whitespaces)), length >= 0 else {
                throw Failure.malformed("the Content-Length header is not a number: \(lengthText.prefix(40))")
            }
            guard length <= bodyLimit else { throw Failure.tooLarge(limit: bodyLimit) }
            body.reserveCapacity(length)
            phase = length == 0 ? .done : .fixed(remaining: length)
        } else if code == 204 || code == 304 {
            phase = .done
        } else {
            keepAlive = false
            phase = .untilClose
        }
    }

    // MARK: - Body

    private mutating func append(_ bytes: Slice<UnsafeRawBufferPointer>) throws {
        guard body.count + bytes.count <= bodyLimit else { throw Failure.tooLarge(limit: bodyLimit) }
        body.append(contentsOf: bytes)
    }

    /// Consumes chunk-size lines, chunk ends and trailers from `pending`; chunk data moves on to `body`.
    private mutating func readChunkFraming() throws {
        var start = 0
        defer { pending.removeFirst(start) }
        while true {
            switch phase {
            case .chunkSize:
                guard let end = Self.find([13, 10], in: pending, from: start) else {
                    if pending.count - start > 1024 { throw Failure.malformed("a chunk-size line is longer than 1 KB") }
                    return
                }
                let line = String(decoding: pending[start..<end], as: UTF8.self)
                let sizeText = line.split(separator: ";", maxSplits: 1).first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
                guard let size = Int(sizeText, radix: 16), size >= 0 else {
                    throw Failure.malformed("a chunk size is not hexadecimal: \(line.prefix(40))")
                }
                start = end + 2
                guard size > 0 else {
                    phase = .trailers
                    continue
                }
                guard body.count + size <= bodyLimit else { throw Failure.tooLarge(limit: bodyLimit) }
                let take = min(size, pending.count - start)
                body.append(contentsOf: pending[start..<(start + take)])
                start += take
                phase = take == size ? .chunkEnd : .chunkData(remaining: size - take)
                if take < size { return }
            case .chunkEnd:
                guard pending.count - start >= 2 else { return }
                guard pending[start] == 13, pending[start + 1] == 10 else { throw Failure.malformed("a chunk does not end with CRLF") }
                start += 2
                phase = .chunkSize
            case .trailers:
                guard let end = Self.find([13, 10], in: pending, from: start) else { return }
                let isLast = end == start
                start = end + 2
                if isLast {
                    phase = .done
                    if start < pending.count { keepAlive = false }
                    return
                }
            default:
                return
            }
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == needle[0] {
                var matched = true
                for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    /// The response as the client sees it.
    var reply: HTTPReply {
        HTTPReply(status: status, headers: headers, body: Data(body))
    }
}

import GenCore

/// Splits a byte stream into LSP messages: `Content-Length: N` headers, a blank line, then N bytes of JSON.
///
/// Bytes arrive in arbitrary pieces (half a header, two messages in one read), so the framer keeps what it
/// has not used yet and returns every message completed by each append.
public struct MessageFramer: Sendable {
    /// What one complete frame held.
    public enum Frame: Sendable, Equatable {
        case message(JSONValue)
        /// A frame whose body is not JSON: answered with a parse error, the stream goes on.
        case invalidJSON
    }

    /// A header the framer cannot recover from (no Content-Length): the stream is unusable.
    public struct BrokenStream: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    private var buffer: [UInt8] = []
    private static let headerEnd: [UInt8] = Array("\r\n\r\n".utf8)

    public init() {}

    public mutating func append(_ bytes: some Sequence<UInt8>) throws(BrokenStream) -> [Frame] {
        buffer.append(contentsOf: bytes)
        var frames: [Frame] = []
        var consumed = 0
        while let headerRange = Self.find(Self.headerEnd, in: buffer, from: consumed) {
            let header = String(decoding: buffer[consumed..<headerRange.lowerBound], as: UTF8.self)
            guard let length = Self.contentLength(header) else {
                throw BrokenStream(description: "an LSP header without Content-Length: \(header.debugDescription)")
            }
            let bodyStart = headerRange.upperBound
            guard buffer.count - bodyStart >= length else { break }
            let body = String(decoding: buffer[bodyStart..<(bodyStart + length)], as: UTF8.self)
            frames.append(CanonicalJSON.parse(body).map(Frame.message) ?? .invalidJSON)
            consumed = bodyStart + length
        }
        if consumed > 0 { buffer.removeFirst(consumed) }
        return frames
    }

    /// The bytes of one message as written to the client.
    public static func frame(_ message: JSONValue) -> [UInt8] {
        let body = Array(CanonicalJSON.string(message).utf8)
        return Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    private static func contentLength(_ header: String) -> Int? {
        for line in header.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" }) {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-length" else { continue }
            return Int(parts[1].trimmingCharacters(in: .whitespaces)).flatMap { $0 >= 0 ? $0 : nil }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Range<Int>? {
        guard haystack.count - start >= needle.count else { return nil }
        for index in start...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index..<(index + needle.count) }
        }
        return nil
    }
}

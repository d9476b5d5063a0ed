import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Blocking socket helpers for the stub server: read one HTTP/1.1 request, write bytes.
enum SocketIO {
    /// Reads a request (head plus Content-Length body); answers `Expect: 100-continue` as curl wants.
    /// Nil when the peer closes early or sends something that is not HTTP.
    static func readRequest(from socket: Int32) -> StubRequest? {
        var buffer = Data()
        let separator = Data("\r\n\r\n".utf8)
        var headEnd: Range<Data.Index>?
        while headEnd == nil {
            guard let chunk = receive(socket) else { return nil }
            buffer.append(chunk)
            headEnd = buffer.range(of: separator)
            if buffer.count > 1 << 20 { return nil }
        }
        guard let headEnd else { return nil }
        let head = String(decoding: buffer[..<headEnd.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(buffer[headEnd.upperBound...])
        let length = Int(headers["content-length"] ?? "0") ?? 0
        if headers["expect"]?.lowercased() == "100-continue", body.count < length {
            write(Data("HTTP/1.1 100 Continue\r\n\r\n".utf8), to: socket)
        }
        while body.count < length {
            guard let chunk = receive(socket) else { return nil }
            body.append(chunk)
        }
        return StubRequest(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: body)
    }

    /// Writes all bytes, ignoring a peer that has gone (no SIGPIPE: MSG_NOSIGNAL).
    @discardableResult
    static func write(_ data: Data, to socket: Int32) -> Bool {
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return true }
            var sent = 0
            while sent < raw.count {
                let result = send(socket, base + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                if result <= 0 { return false }
                sent += result
            }
            return true
        }
    }

    private static func receive(_ socket: Int32) -> Data? {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = recv(socket, &chunk, chunk.count, 0)
        return count > 0 ? Data(chunk[0..<count]) : nil
    }

    /// The bytes of a response head.
    static func head(status: Int, headers: [String: String], contentLength: Int, keepAlive: Bool = false) -> Data {
        var text = "HTTP/1.1 \(status) \(reasonPhrase(status))\r\n"
        var all = headers
        all["Content-Length"] = String(contentLength)
        all["Connection"] = keepAlive ? "keep-alive" : "close"
        for (name, value) in all.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        return Data((text + "\r\n").utf8)
    }

    private static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 404: return "Not Found"
        case 422: return "Unprocessable Entity"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}

import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One address a TCP connection can be opened to.
struct SocketAddress: @unchecked Sendable {
    var storage = sockaddr_storage()
    var length: socklen_t = 0

    var family: Int32 { Int32(storage.ss_family) }
}

/// Host names to addresses, with a short cache: a fleet's requests must not each pay for a lookup.
enum AddressResolver {
    /// How long a lookup is trusted; a fleet whose addresses move is followed within this time.
    static let lifetime: UInt64 = 60_000_000_000

    private static let cache = Mutex<[String: (addresses: [SocketAddress], expires: UInt64)]>([:])

    /// The addresses of `host`, IPv4 first (a server started on 127.0.0.1 is not listening on ::1, which
    /// `localhost` may resolve to first). Throws `TransportFailure.unknownHost`.
    ///
    /// A lookup that may ask a DNS server runs on a dispatch thread: getaddrinfo blocks, and a slow resolver
    /// must not hold one of the few threads Swift's concurrency runs every task on.
    static func resolve(host: String, port: Int) async throws -> [SocketAddress] {
        if let cached = cache.withLock({ $0["\(host):\(port)"] }), cached.expires > EventLoop.now { return cached.addresses }
        if isNumeric(host) { return try lookUp(host: host, port: port) }
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try lookUp(host: host, port: port) }) }
        }
    }

    private static func isNumeric(_ host: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }

    private static func lookUp(host: String, port: Int) throws -> [SocketAddress] {
        let key = "\(host):\(port)"
        let now = EventLoop.now
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_family = AF_UNSPEC
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { throw TransportFailure.unknownHost }
        defer { freeaddrinfo(list) }
        var addresses: [SocketAddress] = []
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let current = entry {
            if let address = current.pointee.ai_addr, current.pointee.ai_family == AF_INET || current.pointee.ai_family == AF_INET6 {
                var socketAddress = SocketAddress()
                let length = Int(current.pointee.ai_addrlen)
                withUnsafeMutableBytes(of: &socketAddress.storage) { target in
                    target.copyMemory(from: UnsafeRawBufferPointer(start: address, count: min(length, target.count)))
                }
                socketAddress.length = socklen_t(length)
                addresses.append(socketAddress)
            }
            entry = current.pointee.ai_next
        }
        guard !addresses.isEmpty else { throw TransportFailure.unknownHost }
        let ordered = addresses.filter { $0.family == AF_INET } + addresses.filter { $0.family != AF_INET }
        cache.withLock { $0[key] = (ordered, now + lifetime) }
        return ordered
    }
}

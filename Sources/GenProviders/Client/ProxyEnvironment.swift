import Foundation

/// Whether an HTTP proxy named in the environment takes a request, by libcurl's rules, so that `http://` requests
/// a proxy should carry go through URLSession (whose libcurl honours the variables) instead of straight to the
/// server over Gen's sockets.
///
/// The proxy is `http_proxy` (lower case only: libcurl ignores `HTTP_PROXY` for plain HTTP, against "httpoxy"),
/// else `all_proxy` or `ALL_PROXY`. `no_proxy` (or `NO_PROXY`) lists hosts that skip it, separated by commas:
/// `*` for all, a name for itself and its subdomains (a leading dot is optional), an IPv4 address, or an IPv4
/// range as `10.0.0.0/8`. A `:port` after an entry is ignored, as libcurl ignores it.
struct ProxyEnvironment: Sendable, Equatable {
    /// True when a proxy is set at all.
    let isSet: Bool
    private let exclusions: [String]

    init(_ environment: [String: String] = ProcessInfo.processInfo.environment) {
        let proxy = [environment["http_proxy"], environment["all_proxy"], environment["ALL_PROXY"]]
            .compactMap { $0?.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }
        isSet = proxy != nil
        exclusions = (environment["no_proxy"] ?? environment["NO_PROXY"] ?? "")
            .split { $0 == "," || $0 == " " }.map { Self.entry(String($0)) }.filter { !$0.isEmpty }
    }

    /// Whether a request to `url` goes through the proxy.
    func proxies(_ url: URL) -> Bool {
        guard isSet, let host = url.host?.lowercased() else { return false }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return !exclusions.contains { Self.matches(bare, $0) }
    }

    /// An entry lower-cased, without a leading dot or a trailing port (an IPv6 address keeps its colons).
    private static func entry(_ raw: String) -> String {
        var text = raw.lowercased()
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") { return String(text[text.index(after: text.startIndex)..<close]) }
        if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") { text = String(text[..<colon]) }
        while text.hasPrefix(".") { text.removeFirst() }
        return text
    }

    private static func matches(_ host: String, _ entry: String) -> Bool {
        if entry == "*" || host == entry { return true }
        if let range = IPv4Range(entry) { return IPv4Range(host).map { range.contains($0.base) } ?? false }
        return host.hasSuffix("." + entry)
    }
}

/// An IPv4 address with a prefix length (`10.0.0.0/8`; a plain address is /32).
private struct IPv4Range {
    let base: UInt32
    let mask: UInt32

    init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1)
        let pieces = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        let octets = pieces.compactMap { UInt8($0) }
        guard pieces.count == 4, octets.count == 4 else { return nil }
        let bits = parts.count == 2 ? Int(parts[1]) : 32
        guard let bits, (0...32).contains(bits) else { return nil }
        base = octets.reduce(0) { $0 << 8 | UInt32($1) }
        mask = bits == 0 ? 0 : UInt32.max << UInt32(32 - bits)
    }

    func contains(_ address: UInt32) -> Bool { address & mask == base & mask }
}

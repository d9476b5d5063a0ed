import Foundation
import GenCore
import GenPipeline
import Synchronization

/// One variable a script read through `env()` or `public_env()`, where, and its value (never printed or stored:
/// the value is only used to find and redact it).
public struct EnvironmentRead: Sendable, Equatable {
    public var name: String
    /// Read with `public_env`: the script says the value may reach the model and the run's files.
    public var isPublic: Bool
    public var source: SourceRef
    public var value: String?

    public init(name: String, isPublic: Bool, source: SourceRef, value: String?) {
        self.name = name
        self.isPublic = isPublic
        self.source = source
        self.value = value
    }

    /// How the run treats the value: a URL is an endpoint (shown with its query values redacted), a public value
    /// is shown, any other value is a secret redacted everywhere text leaves the process.
    public var disclosure: EnvironmentUse.Disclosure {
        if isPublic { return .public }
        guard let value else { return .unset }
        return Self.isURL(value) ? .url : .secret
    }

    static func isURL(_ value: String) -> Bool {
        guard let url = URL(string: value), let scheme = url.scheme?.lowercased(), url.host != nil else { return false }
        return scheme == "http" || scheme == "https"
    }
}

/// The reads of one check or run, in order; shared by the evaluations that happen during it.
public final class EnvironmentReadLog: Sendable {
    private let storage = Mutex<[EnvironmentRead]>([])

    public init() {}

    func record(_ read: EnvironmentRead) {
        storage.withLock { reads in
            if !reads.contains(where: { $0.name == read.name && $0.isPublic == read.isPublic && $0.source == read.source }) {
                reads.append(read)
            }
        }
    }

    public var reads: [EnvironmentRead] { storage.withLock { $0 } }

    private let fileStorage = Mutex<[DataFileUse]>([])

    /// A file the script read, once per path.
    func recordFile(path: String, data: Data) {
        fileStorage.withLock { files in
            guard !files.contains(where: { $0.path == path }) else { return }
            files.append(DataFileUse(path: path, bytes: data.count, sha256: SHA256.hex(data)))
        }
    }

    /// Every file read, in the order first read.
    public var files: [DataFileUse] { fileStorage.withLock { $0 } }

    /// One use per variable name (a variable read both ways counts as secret unless every read was public).
    public var uses: [EnvironmentUse] {
        var byName: [String: EnvironmentUse.Disclosure] = [:]
        var order: [String] = []
        for read in reads {
            if byName[read.name] == nil { order.append(read.name) }
            let disclosure = read.disclosure
            byName[read.name] = byName[read.name].map { $0 == .secret || disclosure == .secret ? .secret : $0 } ?? disclosure
        }
        return order.map { EnvironmentUse(name: $0, disclosure: byName[$0] ?? .secret) }
    }
}

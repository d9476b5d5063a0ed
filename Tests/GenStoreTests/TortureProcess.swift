import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Launches the `gen-store-torture` helper (built next to the test binary) and optionally SIGKILLs it.
struct TortureProcess {
    struct Outcome {
        /// Everything the child wrote to stdout before it ended.
        var output: String
        var standardError: String
        /// Whether it died of SIGKILL (rather than finishing).
        var killed: Bool
        var status: Int32
    }

    /// When the child gets SIGKILL.
    enum KillPlan: Sendable {
        /// Never on purpose (only after the time limit, which fails the test).
        case never
        /// A fixed time after launch: may land during start-up, schema creation or the first batches.
        case afterLaunch(Duration)
        /// Once this incarnation has reported `commits` batches, plus a delay: lands mid-work on any machine speed.
        case afterCommits(Int, then: Duration)
    }

    let executable: URL
    let logs: URL

    init(logs: URL) throws {
        let testBinary = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        executable = URL(fileURLWithPath: testBinary).deletingLastPathComponent().appendingPathComponent("gen-store-torture")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(executable.path) (build the gen-store-torture target)"])
        }
        self.logs = logs
    }

    /// Runs the helper and kills it as planned. A run that is not meant to be killed is still killed after
    /// `limit`, so a hang fails the test instead of stalling it.
    func run(_ arguments: [String], kill plan: KillPlan, limit: Duration = .seconds(20)) async throws -> Outcome {
        let name = UUID().uuidString
        let outputURL = logs.appendingPathComponent("\(name).out")
        let errorURL = logs.appendingPathComponent("\(name).err")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        let (ended, signal) = AsyncStream.makeStream(of: Void.self)
        process.terminationHandler = { _ in
            signal.yield()
            signal.finish()
        }
        try process.run()
        let processID = process.processIdentifier
        let watchdog = Task {
            // Cancelled (so no kill) as soon as the child ends by itself.
            switch plan {
            case .never:
                try await Task.sleep(for: limit)
            case .afterLaunch(let delay):
                try await Task.sleep(for: delay, tolerance: .zero)
            case .afterCommits(let commits, let delay):
                let deadline = ContinuousClock.now + limit
                while Self.commits(in: outputURL) < commits, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(1), tolerance: .zero)
                }
                try await Task.sleep(for: delay, tolerance: .zero)
            }
            kill(processID, SIGKILL)
        }
        for await _ in ended {}
        watchdog.cancel()
        let killed = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
        if case .never = plan, killed { Issue.record("gen-store-torture \(arguments) did not finish within \(limit)") }
        return Outcome(
            output: (try? String(contentsOf: outputURL, encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOf: errorURL, encoding: .utf8)) ?? "", killed: killed,
            status: process.terminationStatus)
    }

    private static func commits(in file: URL) -> Int {
        guard let data = FileManager.default.contents(atPath: file.path) else { return 0 }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").filter { $0.hasPrefix("committed ") }.count
    }
}

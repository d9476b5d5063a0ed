import Foundation

/// A running stub fleet, in this process or another.
protocol FleetHandle: Sendable {
    var baseURLs: [String] { get }
    func stop()
}

struct InProcessFleet: FleetHandle {
    let fleet: StubFleet
    init(_ settings: StubFleet.Settings) throws { fleet = try StubFleet(settings) }
    var baseURLs: [String] { fleet.baseURLs }
    func stop() { fleet.stop() }
}

/// `gen-bench stub-fleet` in a child process: it prints one base URL a line, then `ready`, and exits when its
/// standard input closes (when this process stops it, or dies).
final class ChildFleet: FleetHandle, @unchecked Sendable {
    // Set once in init; `stop` only closes the pipe and waits.
    let process = Process()
    let input = Pipe()
    let baseURLs: [String]

    init(_ settings: StubFleet.Settings) throws {
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        process.arguments = settings.arguments
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var text = ""
        let reader = output.fileHandleForReading
        while !text.contains("ready\n") {
            let chunk = reader.availableData
            guard !chunk.isEmpty else {
                throw ScaleBenchmarkError("`gen-bench stub-fleet` exited before it was ready: \(text)")
            }
            text += String(decoding: chunk, as: UTF8.self)
        }
        baseURLs = text.split(separator: "\n").map(String.init).filter { $0.hasPrefix("http://") }
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}

extension StubFleet {
    /// `gen-bench stub-fleet`: starts the fleet, prints its base URLs and `ready`, and serves until standard input closes.
    static func serveUntilInputCloses(_ settings: Settings, write: (String) -> Void) throws {
        let fleet = try StubFleet(settings)
        write(fleet.baseURLs.joined(separator: "\n") + "\nready\n")
        while !FileHandle.standardInput.availableData.isEmpty {}
        fleet.stop()
    }
}

import Foundation

/// One run of a shell (bash, zsh, fish) found on PATH, for the completion tests. A shell that is not installed
/// is a failure with its name (env exits 127), never a skip: scripts/setup.sh installs all three.
struct ShellRun {
    let code: Int32
    let out: String
    let err: String

    init(_ shell: String, _ arguments: [String], in directory: URL? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [shell] + arguments
        if let directory { process.currentDirectoryURL = directory }
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read before waiting, so a full pipe cannot stall the shell.
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        let errData = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        code = process.terminationStatus
        out = String(decoding: outData, as: UTF8.self)
        err = String(decoding: errData, as: UTF8.self)
    }

    /// The output's non-empty lines, sorted.
    var lines: [String] { out.split(separator: "\n").map(String.init).sorted() }
}

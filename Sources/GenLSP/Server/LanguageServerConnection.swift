import Foundation
import GenCore

/// Runs a language server over a byte stream (stdio for `gen lsp`, pipes in tests) until `exit` or end of input.
public enum LanguageServerConnection {
    /// Returns the exit code: 0 after `shutdown` then `exit`, 1 otherwise (LSP's rule), 1 on a broken stream.
    public static func serve(input: FileHandle, output: FileHandle, log: (String) -> Void = { _ in },
                             makeServer: (@escaping LanguageServer.Send) -> LanguageServer) -> Int32 {
        let queue = MessageQueue()
        // A thread of its own: a blocking read must not hold one of Swift's few concurrency threads.
        let reader = Thread {
            while true {
                let data = input.availableData
                queue.push(data)
                if data.isEmpty { return }
            }
        }
        reader.start()
        let server = makeServer { message in output.write(Data(MessageFramer.frame(message))) }
        var framer = MessageFramer()
        while let chunks = queue.takeAll() {
            for chunk in chunks {
                let frames: [MessageFramer.Frame]
                do {
                    frames = try framer.append(chunk)
                } catch {
                    log("error: not LSP input: \(error.description)\n")
                    return 1
                }
                for frame in frames {
                    server.handle(frame)
                    if let code = server.exitCode { return code }
                }
            }
            // Messages already waiting come first: a burst of edits is checked once, after its last edit.
            if queue.isEmpty { server.publishPendingDiagnostics() }
        }
        return server.exitCode ?? 1
    }
}

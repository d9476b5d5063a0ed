import Foundation
import GenEngine
import GenLSP

/// `gen lsp`: the language server editors start; it speaks LSP on standard input and output.
enum LSPCommand {
    static let spec = CommandSpec(
        name: "lsp", summary: "Language server for editors (LSP over standard input and output)",
        details: """
            Started by an editor, not by hand: it reads Content-Length framed JSON-RPC on standard input and answers
            on standard output. Diagnostics (the messages of `gen check`), hover, completion, go to definition,
            document symbols, formatting (`gen fmt`) and rename. See "Editors: gen lsp" in the README.
            Exit codes: 0 after the client's shutdown and exit, 1 when the input ends without them or is not LSP.
            """,
        flags: [stdioFlag])

    /// What VS Code's client and others pass to choose the stdio transport, the only one there is.
    static let stdioFlag = FlagSpec("stdio", help: "talk over standard input and output (the default and only transport)")

    static let command = Command(spec: spec) { _, console in
        LanguageServerConnection.serve(
            input: FileHandle.standardInput, output: FileHandle.standardOutput, log: { console.writeError($0) }
        ) { send in
            LanguageServer(engine: Engine(), version: GenTool.version, send: send)
        }
    }
}

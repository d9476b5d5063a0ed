// The `gen` command-line tool. Everything lives in GenCLI, where it is tested without a process.
import Foundation
import GenCLI

let code = await GenTool.make().run(Array(CommandLine.arguments.dropFirst()), console: StandardConsole())
exit(code)

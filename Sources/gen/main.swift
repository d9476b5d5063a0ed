// The `gen` command-line tool. Everything lives in GenCLI, where it is tested without a process.
import Foundation
import GenCLI
import GenProviders

// A run over many servers holds a socket per connection: the soft open-files limit is raised to the hard one.
OpenFileLimit.raiseToHardLimit()

let code = await GenTool.make().run(Array(CommandLine.arguments.dropFirst()), console: StandardConsole())
exit(code)

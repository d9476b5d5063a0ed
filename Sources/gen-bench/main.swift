// gen-bench: figures for the parts of Gen whose speed or quality is measured (parse, router, run, quality,
// eval, interpreter, savings). Kept out of the `gen` binary and the library products.
// Build with `swift build -c release --product gen-bench` for real figures.
import Foundation
import GenBenchmarks
import GenCLI

let code = await CommandLineTool.execute(BenchCommand.command, arguments: Array(CommandLine.arguments.dropFirst()), console: StandardConsole())
exit(code)

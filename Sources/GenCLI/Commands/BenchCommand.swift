import Foundation
import GenCore

/// `gen bench parse [--lines N] [--runs N]`: lexer and parser throughput on a generated script.
enum BenchCommand {
    static let spec = CommandSpec(
        name: "bench", summary: "Measure the speed of a part of gen (today: `parse`)",
        details: """
            `gen bench parse` generates a realistic script (every declaration kind, comments, interpolated strings,
            nested expressions), lexes and parses it several times and prints lines/s and MB/s, best and median.
            Build with `swift build -c release --product gen` first: debug builds are many times slower.
            """,
        positionals: [PositionalSpec("WHAT", help: "what to measure: parse")],
        flags: [
            FlagSpec("lines", value: "N", help: "size of the generated script in lines (default 50000)"),
            FlagSpec("runs", value: "N", help: "how many times to lex and parse it (default 7)"),
        ])

    static let command = Command(spec: spec) { arguments, console in
        guard arguments.positionals.first == "parse" else {
            let what = arguments.positionals.first ?? ""
            console.writeError("error: unknown benchmark `\(what)`\n  = hint: the available benchmark is `parse`\nusage: \(spec.usage)\n")
            return ExitCode.usage
        }
        let lines: Int
        let runs: Int
        do {
            lines = try arguments.int("lines") ?? 50_000
            runs = try arguments.int("runs") ?? 7
        } catch let error as UsageError {
            console.writeError("error: \(error.message)\nusage: \(spec.usage)\n")
            return ExitCode.usage
        } catch {
            return ExitCode.usage
        }
        guard lines > 0, lines <= 10_000_000, runs > 0, runs <= 1000 else {
            console.writeError("error: --lines must be in 1...10000000 and --runs in 1...1000\nusage: \(spec.usage)\n")
            return ExitCode.usage
        }
        console.write(report(ParseBenchmark.run(lines: lines, runs: runs), runs: runs))
        return ExitCode.ok
    }

    static func report(_ result: ParseBenchmark, runs: Int) -> String {
        let megabytes = Double(result.bytes) / 1_000_000
        var text = "gen bench parse: \(grouped(result.lines)) lines, \(fixed(megabytes, 2)) MB, \(grouped(result.tokens)) tokens, "
        text += "\(result.diagnostics) diagnostics, \(runs) run\(runs == 1 ? "" : "s")\n"
        #if DEBUG
        text += "note: this is a debug build; build with `swift build -c release --product gen` for real figures\n"
        #endif
        for (name, timings) in [("lex+parse", result.parse), ("lex only", result.lex)] {
            text += name.padding(to: 10)
            for (label, seconds) in [("best", timings.best), ("median", timings.median)] {
                let linesPerSecond = seconds > 0 ? Double(result.lines) / seconds : 0
                let megabytesPerSecond = seconds > 0 ? megabytes / seconds : 0
                text += "  \(label) \(fixed(seconds * 1000, 1)) ms = \(grouped(Int(linesPerSecond))) lines/s, \(fixed(megabytesPerSecond, 1)) MB/s"
            }
            text += "\n"
        }
        return text
    }

    /// 1234567 as "1,234,567".
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out += "," }
            out.append(character)
        }
        return (value < 0 ? "-" : "") + out
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}

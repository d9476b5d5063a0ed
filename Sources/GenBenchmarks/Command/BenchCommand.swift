import GenCLI
import Foundation
import GenCore

/// `gen-bench WHAT`: figures for the parts whose speed or quality the issues name targets for.
public enum BenchCommand {
    static let benchmarks = ["parse", "router", "run", "quality", "eval", "interpreter", "savings", "percall", "utility", "checks", "aimd", "scale", "lsp"]
    /// Started by `scale` in a child process; named in the details, not in the list of benchmarks.
    static let helpers = ["stub-fleet"]

    static let spec = CommandSpec(
        name: "", summary: "Measure a part of gen: parse, router, run, quality, eval, interpreter, savings, percall, utility, checks, aimd, scale, lsp",
        details: """
            parse: lexes and parses a generated script (every declaration kind, comments, interpolation); lines/s, MB/s.
            router: regret of every policy on the standard problems R1-R5 beside the reference figures, and the targets.
            run: samples/s through the whole loop against a stub server at concurrency 1, 8, 64, and engine µs/sample.
            quality: in-process quality stages on synthetic samples at pool sizes 1k, 10k, 100k; the regex (a+)+$ on 100 KB.
            eval: training and evaluation time at 1k/10k/100k samples and accuracy on the shared real data sets.
            interpreter: rule and reward evaluations per second.
            savings FILE: runs the script as written and with `router random()` on its own model servers, same seeds
              and target, and prints the tokens per accepted sample of each and what the router saves.
            percall FILE [--per-call N]: runs the script with every model arm at per_call N (default 4) and at per_call 1, same
              seeds and target, and prints the tokens per accepted sample of each and the saving; exit 1 under 30%.
            utility FILE --test REAL.jsonl: runs the script and a plain loop derived from it (one naive arm at 0.7, the schema
              only) on the same server, seeds and count, trains the script's classifier on each and tests it on the real rows:
              accuracy and macro-F1 (mean and spread over seeds), tokens per accepted sample, wall time; exit 1 on a missed target.
            checks REAL.jsonl [--domain TEXT] [--hypothesis "The text is {label}."] [--count N] [--url URL] [--model NAME]: AUC of
              label_fits and entails at telling a real row's true label from a wrong one, on the local model server.
            aimd [--rate N] [--seconds S]: the pools' adaptive concurrency against servers that admit a known rate and answer 429
              beyond it: simulated at 5, 20, 100, 400 requests/s, then live over HTTP against a stub (default 40/s, 30 s); the rate
              reached, the 429 share, the limit found; exit 1 when a rate is missed by more than 10%.
            scale [--endpoints 1,4,16,64] [--concurrency 16] [--median 1.0] [--sigma 0.5] [--seconds 90] [--batch N] [--pipeline N] [--adaptive on|off]:
              the whole loop against stub endpoints (started by `gen-bench stub-fleet` in a child process) that answer after a
              lognormal delay, at most --concurrency requests at once each; per fleet size samples/s, the ideal rate (endpoints x
              concurrency / mean latency), the share reached and the engine's CPU per sample; exit 1 when 64 x 16 misses 90% or
              uses a core or more.
            lsp [--lines N] [--runs N]: `gen lsp` in process on a generated script (default 5000 lines): milliseconds from a
              one-character change to its republished diagnostics over --runs changes (default 41); target under 50 ms.
            stub-fleet --endpoints N [--concurrency C] [--median S] [--sigma S] [--seeds SEED]: the fleet alone; prints one base
              URL a line, then `ready`, and serves until its standard input closes.
            Build with `swift build -c release --product gen-bench` first: debug builds are many times slower.
            """,
        positionals: [
            PositionalSpec("WHAT", help: "what to measure: " + benchmarks.joined(separator: ", ")),
            PositionalSpec("FILE", arity: .optional, help: "savings, percall, utility: the script to run; checks: the real rows"),
        ],
        flags: [Flag.lines, Flag.runs, Flag.seeds, Flag.count, Flag.perCall, Flag.test, Flag.keep, Flag.domain, Flag.hypothesis, Flag.url, Flag.model, Flag.data, Flag.pools, Flag.window, Flag.recall, Flag.tables,
                Flag.flips, Flag.shortlist, Flag.rate, Flag.seconds, Flag.endpoints, Flag.concurrency, Flag.median, Flag.sigma,
                Flag.batch, Flag.pipeline, Flag.fleet, Flag.adaptive],
        program: "gen-bench")

    enum Flag {
        static let lines = FlagSpec("lines", value: "N", help: "parse: size of the generated script in lines (default 50000); lsp: (default 5000)")
        static let runs = FlagSpec("runs", value: "N", help: "parse: how many times to lex and parse it (default 7); lsp: changes timed (default 41)")
        static let seeds = FlagSpec(
            "seeds", value: "N", help: "router: seeds per problem (default 200, 50 for R1); savings, percall, utility: the seeds to run, like 1,2,3 (the default)")
        static let count = FlagSpec("count", value: "N", help: "run: accepted samples per row (default 640); savings, percall, utility: per run (default: the spec's)")
        static let perCall = FlagSpec("per-call", value: "N", help: "percall: samples per request to compare with one (default 4)")
        static let domain = FlagSpec("domain", value: "TEXT", help: "checks: what the texts are (default \"Short texts\")")
        static let hypothesis = FlagSpec("hypothesis", value: "TEXT", help: "checks: the entails statement, {label} filled (default \"The text is {label}.\")")
        static let url = FlagSpec("url", value: "URL", help: "checks: the model server (default $GEN_LLM_URL or http://127.0.0.1:8080/v1)")
        static let model = FlagSpec("model", value: "NAME", help: "checks: the model name the server knows (default smollm2)")
        static let test = FlagSpec("test", value: "FILE", help: "utility: the real JSON Lines test set")
        static let keep = FlagSpec(
            "keep", value: "DIR", help: "utility: keep the runs in DIR/script-SEED and DIR/plain-SEED, for gen compare (default: removed)")
        static let data = FlagSpec("data", value: "DIR", help: "eval: the shared data directory (default ../shared/data)")
        static let pools = FlagSpec("pools", value: "N,N,...", help: "quality: pool sizes to measure at (default 1000,10000,100000)")
        static let window = FlagSpec("window", value: "N", help: "quality: candidates timed at each pool size (default 4000)")
        static let recall = FlagSpec("recall", value: "N", help: "quality: queries for the search's recall figures, 0 for none (default 300)")
        static let tables = FlagSpec("tables", value: "N", help: "quality: LSH tables of the nearest-neighbour search (default 16)")
        static let flips = FlagSpec("flips", value: "N", help: "quality: probed bit flips per table (default 2)")
        static let rate = FlagSpec("rate", value: "N", help: "aimd: requests per second the live stub admits (default 40)")
        static let seconds = FlagSpec(
            "seconds", value: "S", help: "aimd: length of the live run (default 30); scale: each run asks for this many seconds of the ideal rate (default 90)")
        static let shortlist = FlagSpec("shortlist", value: "N", help: "quality: candidates verified exactly per query (default 8)")
        static let endpoints = FlagSpec("endpoints", value: "N,N,...", help: "scale: fleet sizes (default 1,4,16,64); stub-fleet: endpoints")
        static let concurrency = FlagSpec("concurrency", value: "N", help: "scale, stub-fleet: requests each endpoint serves at once (default 16)")
        static let median = FlagSpec("median", value: "SECONDS", help: "scale, stub-fleet: median latency (default 1.0)")
        static let sigma = FlagSpec("sigma", value: "S", help: "scale, stub-fleet: spread of the latency's logarithm (default 0.5)")
        static let batch = FlagSpec("batch", value: "N", help: "scale: slots per batch (default endpoints x concurrency, 16-256)")
        static let pipeline = FlagSpec("pipeline", value: "N", help: "scale: batches generating at once (default 8 x endpoints x concurrency / batch, 8-64)")
        static let adaptive = FlagSpec("adaptive", value: "ON", choices: ["on", "off"],
                                       help: "scale: the pool's adaptive concurrency (default on; off: max_concurrency from the start)")
        static let fleet = FlagSpec("fleet", value: "WHERE", choices: ["process", "in-process"],
                                    help: "scale: run the stub fleet in a child process (default) or in this one (its CPU then counts)")
    }

    public static let command = Command(spec: spec) { arguments, console in
        let what = arguments.positionals.first ?? ""
        guard benchmarks.contains(what) || helpers.contains(what) else {
            let hint = DidYouMean.hint(what, among: benchmarks) ?? "the benchmarks are " + benchmarks.joined(separator: ", ")
            throw UsageError(message: "unknown benchmark `\(what)`", hint: hint)
        }
        guard what == "parse" else { return try await OtherBenchmarks.run(what, arguments: arguments, console: console) }
        let lines = try arguments.int(Flag.lines, in: 1...10_000_000) ?? 50_000
        let runs = try arguments.int(Flag.runs, in: 1...1000) ?? 7
        console.write(report(ParseBenchmark.run(lines: lines, runs: runs), runs: runs))
        return ExitCode.ok
    }

    static func report(_ result: ParseBenchmark, runs: Int) -> String {
        let megabytes = Double(result.bytes) / 1_000_000
        var text = "gen-bench parse: \(grouped(result.lines)) lines, \(fixed(megabytes, 2)) MB, \(grouped(result.tokens)) tokens, "
        text += "\(result.diagnostics) diagnostics, \(runs) run\(runs == 1 ? "" : "s")\n"
        #if DEBUG
        text += "note: this is a debug build; build with `swift build -c release --product gen-bench` for real figures\n"
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

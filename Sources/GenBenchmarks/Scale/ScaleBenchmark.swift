import Foundation
import GenCore
import GenEngine
import GenProviders
import GenRun
import GenTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `gen-bench scale`: the whole loop against a fleet of stub endpoints with realistic latency (lognormal, median
/// about 1 s) and a concurrency limit per endpoint, at several fleet sizes. Per size: samples/s, the ideal rate
/// (every endpoint always busy), the share of it reached, and the engine's CPU (this process's user + system
/// time; the fleet runs in a child process) per sample and in cores.
enum ScaleBenchmark {
    struct Options: Sendable, Equatable {
        var endpointCounts = [1, 4, 16, 64]
        var concurrency = 16
        var median = 1.0
        var sigma = 0.5
        /// Each run asks for about this many seconds of the ideal rate's samples: long enough that start-up (about
        /// 1 s), the first batch's slowest request (about 4 s) and the drain at the end (a few seconds) do not make
        /// most of the figure, as they do at 30 s.
        var seconds = 90.0
        /// Slots per batch (nil: endpoints x concurrency, at least 16, at most 1024).
        var batch: Int?
        /// Batches generating at once (nil: 8).
        var pipeline: Int?
        var seed: UInt64 = 1
        /// Start the fleet in this process (tests): its CPU is then counted as the engine's.
        var inProcessFleet = false
        /// The pool's adaptive concurrency (the default); off, every endpoint gets `concurrency` requests from the start.
        var adaptive = true

        func fleet(endpoints: Int) -> StubFleet.Settings {
            StubFleet.Settings(endpoints: endpoints, concurrency: concurrency, median: median, sigma: sigma, seed: seed)
        }

        /// Slots per batch: endpoints x concurrency, 16 to 256. Larger batches cost the serial quality pass more (each
        /// sample is compared with the batch's earlier ones: perf put a quarter of the engine's CPU there at 1,024).
        func batchSize(endpoints: Int) -> Int { batch ?? min(256, max(16, endpoints * concurrency)) }

        /// Batches in flight: enough for eight times the requests the fleet serves at once (at least 8, at most 64),
        /// so the endpoints stay busy while the oldest batch waits for its slowest request.
        func depth(endpoints: Int) -> Int {
            pipeline ?? min(64, max(8, 8 * endpoints * concurrency / batchSize(endpoints: endpoints)))
        }

        /// Samples one run asks for: the ideal rate over `seconds`, and at least 20.
        func count(endpoints: Int) -> Int { max(20, Int((fleet(endpoints: endpoints).idealRate * seconds).rounded())) }
    }

    /// The issue's target at 64 endpoints x 16 concurrent requests.
    static let targetShare = 0.90
    static let targetCores = 1.0

    struct Row: Equatable {
        var endpoints: Int
        var concurrency: Int
        var idealRate: Double
        var accepted: Int
        var candidates: Int
        var seconds: Double
        var cpuSeconds: Double
        /// Samples/s from the first commit to the last: the rate once start-up (compiling, health checks, the first
        /// batch's slowest request) is over (nil with fewer than two commits).
        var afterFirstCommitRate: Double? = nil
        /// The fleet's CPU seconds (its child process), when it ran apart.
        var fleetCPUSeconds: Double? = nil
        /// When the first and the last batch were committed, in seconds from the start.
        var firstCommit: Double? = nil
        var lastCommit: Double? = nil

        var rate: Double { seconds > 0 ? Double(candidates) / seconds : 0 }
        var share: Double { idealRate > 0 ? rate / idealRate : 0 }
        var cpuPerSample: Double { candidates > 0 ? cpuSeconds / Double(candidates) : 0 }
        var cores: Double { seconds > 0 ? cpuSeconds / seconds : 0 }
        /// The target holds for the 64 x 16 fleet; smaller fleets are measured against the same bar, for information.
        var meetsTarget: Bool { share >= ScaleBenchmark.targetShare && cores < ScaleBenchmark.targetCores }
    }

    static func run(_ options: Options, log: (String) -> Void) async throws -> (text: String, metTarget: Bool) {
        OpenFileLimit.raiseToHardLimit()
        var rows: [Row] = []
        for endpoints in options.endpointCounts {
            let row = try await measure(endpoints: endpoints, options: options)
            log("\(endpoints) endpoint\(endpoints == 1 ? "" : "s"): \(row.candidates) samples in \(NumberText.fixed(row.seconds, 1)) s; "
                + "batches committed from \(NumberText.fixed(row.firstCommit ?? 0, 1)) s to \(NumberText.fixed(row.lastCommit ?? 0, 1)) s\n")
            rows.append(row)
        }
        let text = report(rows, options: options)
        let judged = rows.filter { $0.endpoints == 64 && $0.concurrency == 16 }
        return (text, judged.allSatisfy(\.meetsTarget))
    }

    static func measure(endpoints: Int, options: Options) async throws -> Row {
        let settings = options.fleet(endpoints: endpoints)
        let fleet: any FleetHandle = options.inProcessFleet ? try InProcessFleet(settings) : try ChildFleet(settings)
        defer { fleet.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gen-scale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let count = options.count(endpoints: endpoints)
        let script = directory.appendingPathComponent("scale.gen")
        try self.script(urls: fleet.baseURLs, concurrency: options.concurrency, count: count,
                        batch: options.batchSize(endpoints: endpoints), pipeline: options.depth(endpoints: endpoints), adaptive: options.adaptive)
            .write(to: script, atomically: true, encoding: .utf8)
        let commits = CommitClock()
        let cpuBefore = processCPUSeconds()
        let fleetBefore = processCPUSeconds(RUSAGE_CHILDREN)
        let started = DispatchTime.now().uptimeNanoseconds
        let result = try await Engine(variables: [:]).run(
            RunRequest(scriptPath: script.path, outDirectory: directory.appendingPathComponent("run"), seed: options.seed),
            observer: commits)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let cpu = processCPUSeconds() - cpuBefore
        fleet.stop()
        // A child's CPU is counted once it has exited and been waited for.
        let fleetCPU = options.inProcessFleet ? nil : processCPUSeconds(RUSAGE_CHILDREN) - fleetBefore
        let progress = result.outcome.progress
        guard result.outcome.end == .targetReached else {
            throw ScaleBenchmarkError("the run at \(endpoints) endpoints ended short of its \(count) samples: \(result.outcome.end)")
        }
        return Row(endpoints: endpoints, concurrency: options.concurrency, idealRate: settings.idealRate, accepted: progress.accepted,
                   candidates: progress.candidates, seconds: seconds, cpuSeconds: cpu,
                   afterFirstCommitRate: CommitClock.rateAfterFirst(await commits.marks), fleetCPUSeconds: fleetCPU,
                   firstCommit: await commits.marks.first?.seconds, lastCommit: await commits.marks.last?.seconds)
    }

    /// The benchmark's script: the stub tests' SMS script (three arms on one model, schema and rule checks,
    /// near-duplicate detection, the default reward) with its model a pool of the fleet's endpoints, and the fleet's
    /// size, batch and pipeline.
    static func script(urls: [String], concurrency: Int, count: Int, batch: Int, pipeline: Int, adaptive: Bool = true) -> String {
        let pool = urls.map { "\"\($0)\"" }.joined(separator: ", ")
        return StubModelServer.script(url: urls.first ?? "http://127.0.0.1:1/v1", count: count)
            .replacingOccurrences(of: "base_url: \"\(urls.first ?? "http://127.0.0.1:1/v1")\"", with: "base_urls: [\(pool)]")
            .replacingOccurrences(of: "max_concurrency: 4", with: "max_concurrency: \(concurrency)" + (adaptive ? "" : ", adaptive: false"))
            .replacingOccurrences(of: "  batch: 4\n", with: "  batch: \(batch)\n  pipeline: \(pipeline)\n  max_candidates: \(count * 3)\n")
    }

    static func report(_ rows: [Row], options: Options) -> String {
        var text = "gen-bench scale: \(options.concurrency) concurrent requests per endpoint, latency lognormal (median "
            + "\(NumberText.fixed(options.median, 2)) s, sigma \(NumberText.fixed(options.sigma, 2)), mean "
            + "\(NumberText.fixed(options.fleet(endpoints: 1).meanLatency, 3)) s), "
            + (options.adaptive ? "" : "adaptive concurrency off, ")
            + "about \(NumberText.fixed(options.seconds, 0)) s of samples per row\n"
        #if DEBUG
        text += "note: this is a debug build; build with `swift build -c release --product gen-bench` for real figures\n"
        #endif
        if options.inProcessFleet { text += "note: the fleet ran in this process; its CPU counts as the engine's\n" }
        text += "endpoints".padding(to: 11) + "batch".padding(to: 7) + "samples".padding(to: 9) + "seconds".padding(to: 9)
            + "depth".padding(to: 7) + "samples/s".padding(to: 11) + "ideal/s".padding(to: 9) + "of ideal".padding(to: 10) + "after 1st".padding(to: 11)
            + "CPU ms/sample".padding(to: 15) + "cores".padding(to: 7) + "fleet cores\n"
        for row in rows {
            text += "\(row.endpoints)".padding(to: 11) + "\(options.batchSize(endpoints: row.endpoints))".padding(to: 7)
                + "\(row.candidates)".padding(to: 9) + NumberText.fixed(row.seconds, 1).padding(to: 9)
                + "\(options.depth(endpoints: row.endpoints))".padding(to: 7)
                + NumberText.fixed(row.rate, 1).padding(to: 11) + NumberText.fixed(row.idealRate, 1).padding(to: 9)
                + (NumberText.fixed(row.share * 100, 1) + "%").padding(to: 10)
                + (row.afterFirstCommitRate.map { NumberText.fixed($0 / row.idealRate * 100, 1) + "%" } ?? "-").padding(to: 11)
                + NumberText.fixed(row.cpuPerSample * 1000, 3).padding(to: 15) + NumberText.fixed(row.cores, 2).padding(to: 7)
                + (row.fleetCPUSeconds.map { NumberText.fixed(row.seconds > 0 ? $0 / row.seconds : 0, 2) } ?? "-") + "\n"
        }
        if let row = rows.first(where: { $0.endpoints == 64 && $0.concurrency == 16 }) {
            text += "target at 64 endpoints x 16: at least \(NumberText.fixed(targetShare * 100, 0))% of the ideal rate with under "
                + "\(NumberText.fixed(targetCores, 0)) core: \(NumberText.fixed(row.share * 100, 1))% with \(NumberText.fixed(row.cores, 2)) cores: "
                + (row.meetsTarget ? "MET" : "MISSED") + "\n"
        }
        return text
    }

    /// This process's CPU time so far (or its waited-for children's), user and system, in seconds.
    static func processCPUSeconds(_ who: __rusage_who = RUSAGE_SELF) -> Double {
        var usage = rusage()
        getrusage(who.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

/// When each batch was committed and how many candidates the run had then.
actor CommitClock: RunObserver {
    var marks: [(seconds: Double, candidates: Int)] = []
    let started = DispatchTime.now().uptimeNanoseconds

    func batchFinished(_ progress: RunProgress) async {
        marks.append((Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9, progress.candidates))
        // GEN_SCALE_TRACE=1 prints each commit: a stall (a batch held up by its slowest request) shows as a gap.
        if ProcessInfo.processInfo.environment["GEN_SCALE_TRACE"] != nil, let mark = marks.last {
            FileHandle.standardError.write(Data("commit \(String(format: "%.2f", mark.seconds)) \(mark.candidates) accepted \(progress.accepted)\n".utf8))
        }
    }

    /// Samples/s from the first commit to the last (the first batch's own samples left out).
    static func rateAfterFirst(_ marks: [(seconds: Double, candidates: Int)]) -> Double? {
        guard let first = marks.first, let last = marks.last, last.seconds > first.seconds else { return nil }
        return Double(last.candidates - first.candidates) / (last.seconds - first.seconds)
    }
}

struct ScaleBenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

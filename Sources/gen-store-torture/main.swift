import Foundation
import GenStore

// gen-store-torture: a helper for GenStore's SIGKILL test and a store benchmark.
//   gen-store-torture run DIR SEED BATCHES [EXPORT_EVERY] [normal|full]
//   gen-store-torture bench DIR [BATCHES]
let usage = "usage: gen-store-torture run DIR SEED BATCHES [EXPORT_EVERY] [normal|full] | bench DIR [BATCHES]"
let arguments = Array(CommandLine.arguments.dropFirst())

func fail(_ message: String, code: Int32) -> Never {
    FileHandle.standardError.write(Data("gen-store-torture: \(message)\n".utf8))
    exit(code)
}

switch (arguments.first, arguments.count) {
case ("run", 4...6):
    guard let seed = UInt64(arguments[2]), let batches = Int(arguments[3]), batches >= 0 else { fail(usage, code: 64) }
    let exportEvery = arguments.count > 4 ? Int(arguments[4]) ?? 0 : 0
    let durability: Durability = arguments.count > 5 && arguments[5] == "normal" ? .processCrash : .powerLoss
    do {
        try await TortureRun.run(
            directory: URL(fileURLWithPath: arguments[1]), seed: seed, batches: batches, exportEvery: exportEvery,
            durability: durability)
    } catch {
        fail("\(error)", code: 70)
    }
case ("bench", 2...3):
    let batches = arguments.count > 2 ? Int(arguments[2]) ?? 500 : 500
    do {
        for durability in [Durability.processCrash, .powerLoss] {
            let directory = URL(fileURLWithPath: arguments[1]).appendingPathComponent(durability.rawValue)
            print(try await StoreBenchmark.run(directory: directory, batches: batches, durability: durability))
        }
    } catch {
        fail("\(error)", code: 70)
    }
default:
    fail(usage, code: 64)
}

// A host program embedding Gen. It adds four things to the engine's capabilities (an arm kind, a router
// policy, an in-process quality check and a function), checks examples/host/ads.gen against exactly those
// capabilities, and runs it end to end on the model server at GEN_LLM_URL (default: the local llama.cpp server).
//
//   swift run gen-host-example [RUN_DIRECTORY]
//
// Exit codes: 0 the run reached its target, 65 the script has errors, 70 the run failed or fell short.
import Foundation
import Gen

var capabilities = Capabilities.standard
capabilities.register(armKind: HeadlineArm.spec, make: HeadlineArm.make)
capabilities.register(policy: RoundRobinPolicy.self)
capabilities.register(check: ShoutingCheck())
capabilities.register(BrandSafe.signature, implementation: BrandSafe.call)
let engine = Engine(capabilities: capabilities)

let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ads.gen").path
let compilation = engine.compile(path: script)
guard let graph = compilation.graph, !compilation.hasErrors else {
    // Diagnostics are values; the renderer gives the same caret output as `gen check`.
    FileHandle.standardError.write(Data(compilation.rendered().utf8))
    exit(65)
}
print("checked \(script): arms \(graph.arms.map { "\($0.name) (\($0.kind))" }.joined(separator: ", ")), router \(graph.router.policy)")

// A script that misuses a host capability gets the checker's usual message, from the host's own signature.
let broken = try String(contentsOfFile: script, encoding: .utf8).replacingOccurrences(of: "temperature: 0.9", with: "temperature: 3")
print(engine.compile(source: broken, path: "ads.gen", directory: URL(fileURLWithPath: script).deletingLastPathComponent()).rendered())

let out = CommandLine.arguments.dropFirst().first.map { URL(fileURLWithPath: $0) }
    ?? FileManager.default.temporaryDirectory.appendingPathComponent("gen-host-\(UUID().uuidString)")
do {
    let result = try await engine.run(RunRequest(scriptPath: script, outDirectory: out, seed: 7))
    let arms = result.outcome.progress.arms.map { "\($0.name) \($0.accepted)/\($0.pulls)" }.joined(separator: ", ")
    print("accepted \(result.exported.accepted) of \(result.outcome.progress.target) (\(arms)); dataset in \(out.path)")
    let store = try RunStore(opening: out, access: .readOnly)
    for sample in try await store.acceptedSamples() { print("  [\(sample.arm)] \(sample.sample["text"]?.stringValue ?? "")") }
    // The report says how each check ran and what it measures, from the same capabilities.
    let report = try await ReportWriter.write(runDirectory: out, capabilities: capabilities.reportView)
    print("report: \(report.report.path)")
    guard result.outcome.end == .targetReached else {
        FileHandle.standardError.write(Data("the run ended short of its target: \(result.outcome.end)\n".utf8))
        exit(70)
    }
} catch {
    FileHandle.standardError.write(Data("run failed: \(error)\n".utf8))
    exit(70)
}

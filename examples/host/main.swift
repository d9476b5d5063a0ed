// A host program embedding Gen: it registers a Swift function that scripts can call, checks a script
// held in a string, prints the diagnostics or the pipeline graph, and evaluates an expression that
// uses the host function. Build and run: swift run gen-host-example
import Foundation
import GenEngine
import GenCore
import GenPipeline
import GenRuntime
import GenSemantics

var engine = Engine()

// 1. A host function with declared parameter and result types: the checker knows it like a builtin.
engine.register(
    FunctionSignature(
        name: "brand_safe", parameters: [SignatureParameter(name: "text", type: .string)], result: .bool,
        summary: "true when the text names no competitor")
) { arguments, _ in
    guard case .string(let text) = arguments.first else { return .bool(false) }
    return .bool(!["acme", "globex"].contains { text.lowercased().contains($0) })
}

// 2. A script kept in the host's memory, using the host function in a quality rule.
let script = """
gen 0.1
model local = openai(base_url: env("GEN_LLM_URL", "http://127.0.0.1:8080/v1"), model: "smollm2")
schema Ad {
  text: string(min: 10, max: 120)
}
spec ads {
  domain: "One-line ads for hiking boots"
  output: Ad
  count: 20
}
arm plain = naive(local, temperature: 0.7)
router ucb1()
quality {
  rule "brand safe" brand_safe(sample.text)
}
reward = passed * (0.5 + 0.5 * novelty)
"""

let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
let compilation = engine.compile(source: script, path: "ads.gen", directory: directory)
guard let graph = compilation.graph, !compilation.hasErrors else {
    // Diagnostics are values; the renderer gives the same caret output as `gen check`.
    print(compilation.rendered())
    exit(65)
}
print(try GraphRendering.render(graph, format: .text))

// 3. Evaluate the script's own rule on a sample, with the host function behind it.
let interpreter = try Interpreter(graph: graph, registry: engine.functions)
if let rule = graph.quality.first?.expression {
    let compiled = try interpreter.compile(rule, bindings: ["sample"], context: "rule \"brand safe\"")
    for text in ["Boots that never quit", "Better than ACME boots"] {
        let kept = try interpreter.evaluateRule(compiled, bindings: [.record(["text": .string(text)])])
        print("\(text): \(kept ? "kept" : "rejected")")
    }
}

// 4. A type error in a script that misuses the host function is reported at the script's span.
let broken = script.replacingOccurrences(of: "brand_safe(sample.text)", with: "brand_safe(3)")
print(engine.compile(source: broken, path: "ads.gen", directory: directory).rendered())

import GenCore
import GenSyntax

/// The files `gen init` writes: a script for the named task, its seed examples, a `.gitignore` and a README.
/// Pure text, so tests read it without a disk; `InitCommand` writes it.
struct StarterProject {
    /// The script's and the spec's name (an identifier, see `scriptName(forDirectory:)`).
    var name: String
    var task: String
    var labels: [String]

    static let defaultTask = "Short messages people write, each with one label"

    /// Relative path and text of every file, script first.
    var files: [(path: String, text: String)] {
        [("\(name).gen", script), ("seeds.jsonl", seeds), (".gitignore", gitignore), ("README.md", readme)]
    }

    var script: String {
        let labelList = labels.map(GenStringLiteral.quote).joined(separator: ", ")
        return """
        // \(singleLine(task))
        // Check it: gen check \(name).gen
        // Run it:   gen run \(name).gen --out runs/\(name)
        gen 0.1

        import "std/arms"
        import "std/quality"

        // Any OpenAI-compatible server; GEN_LLM_URL points the same script at another one.
        model local = openai(base_url: env("GEN_LLM_URL", "http://127.0.0.1:8080/v1"), model: "smollm2")

        schema Sample {
          text: string(min: 10, max: 280)
          label: enum(\(labelList))
        }

        spec \(name) {
          domain: \(GenStringLiteral.quote(singleLine(task)))
          output: Sample
          count: 200
          batch: 8
          constraints: [
            "Reads like something a real person wrote, not like an example from a textbook",
            "The label follows from the text alone",
          ]
          examples: read_jsonl("seeds.jsonl")
        }

        // Three ways to write a sample, not three temperatures: from the prompt alone, from examples, and by
        // rewriting an accepted sample. The router learns which pays, per label.
        arm plain = naive(local, temperature: 0.7)
        arm shots = fewshot(local, k: 3, seeds: 2, temperature: 0.8)
        arm retold = evolve(
          local,
          temperature: 0.9,
          from: "accepted",
          mutation: "change the situation and the wording, keeping the label",
        )

        router contextual_thompson()

        quality {
          rule "schema" valid(sample)
          rule "no assistant talk" no_meta_talk(sample.text)
          dedup near(0.8)
        }

        reward = passed * (0.6 * quality + 0.4 * novelty)

        """
    }

    /// Two placeholder examples per label: the arms show them to the model, so the README says to replace them.
    var seeds: String {
        labels.flatMap { label in
            ["A first example labelled \(label): replace it with a real one", "A second example labelled \(label): replace it too"]
                .map { CanonicalJSON.string(.object(["text": .string($0), "label": .string(label)])) + "\n" }
        }.joined()
    }

    var gitignore: String {
        "# Run directories: datasets, stores and reports written by `gen run --out runs/...`\nruns/\n"
    }

    var readme: String {
        """
        # \(name)

        \(singleLine(task))

        Labels: \(labels.map { "`\($0)`" }.joined(separator: ", ")).

        - `\(name).gen`: the script (schema, spec, arms, router, quality rules, reward).
        - `seeds.jsonl`: seed examples, one JSON object per line with `text` and `label`. Replace the placeholders
          with real examples: the arms show them to the model.

        ```sh
        gen check \(name).gen                    # every problem at once, before a token is spent
        gen run \(name).gen --out runs/\(name)   # needs a model server at $GEN_LLM_URL
        ```

        """
    }

    /// The task as one line (it is written into comments and a README paragraph).
    func singleLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// An identifier for the script made from the directory's name: `Bank Intents` → `bank_intents`.
    static func scriptName(forDirectory directoryName: String) -> String {
        var name = ""
        for character in directoryName.lowercased() {
            let keep = character.isASCII && (character.isLetter || character.isNumber)
            if keep { name.append(character) } else if !name.isEmpty, name.last != "_" { name.append("_") }
        }
        while name.hasSuffix("_") { name.removeLast() }
        if name.isEmpty { return "starter" }
        if name.first!.isNumber { name = "data_" + name }
        // A keyword, or a name the script already uses, would not parse or would clash.
        let taken = Keyword(rawValue: name) != nil || ContextualWord(rawValue: name) != nil || namesInScript.contains(name)
        return taken ? name + "_data" : name
    }

    /// Names the script declares or reads besides the spec's.
    static let namesInScript: Set<String> = ["local", "plain", "shots", "retold", "sample", "passed", "novelty", "env", "openai"]
}

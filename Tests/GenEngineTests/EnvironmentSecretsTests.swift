import Foundation
import Testing
import GenCore
import GenPipeline
import GenStore
@testable import GenEngine

/// `env()` reads are secrets unless they are URLs or read with `public_env` (issue 17: env() read any variable
/// and its value went to the model in the prompt).
@Suite struct EnvironmentSecretsTests {
    func compile(domain: String, variables: [String: String]) -> Compilation {
        var engine = Engine(variables: variables)
        engine.checksVersion = true
        let script = """
        gen 0.1
        model local = openai(base_url: env("STUB_URL", "http://127.0.0.1:9/v1"), model: "smollm2")
        schema Q {
          text: string
        }
        spec qs {
          domain: \(domain)
          output: Q
          count: 5
        }
        arm a = naive(local)
        router ucb1()
        quality {
          rule "short" len(sample.text) < 200
        }
        reward = passed
        """
        return engine.compile(source: script, path: "env.gen", directory: FileManager.default.temporaryDirectory)
    }

    @Test func aSecretInThePromptIsAnErrorAtTheEnvCall() throws {
        let compilation = compile(domain: "env(\"TEAM_NOTE\")", variables: ["TEAM_NOTE": "internal roadmap 2027"])
        #expect(compilation.graph == nil)
        let text = compilation.rendered()
        #expect(text.contains("the value of env(\"TEAM_NOTE\") would be sent to the model"), "\(text)")
        #expect(text.contains("public_env(\"TEAM_NOTE\")"))
        #expect(text.contains("env.gen:7:11:"), "\(text)")
        #expect(!text.contains("internal roadmap 2027"))
    }

    @Test func publicEnvAndURLsMayReachTheGraphAndAreListedByName() throws {
        let compilation = compile(domain: "public_env(\"TEAM_NOTE\")",
                                  variables: ["TEAM_NOTE": "internal roadmap 2027", "STUB_URL": "http://127.0.0.1:8080/v1"])
        let graph = try #require(compilation.graph, "\(compilation.rendered())")
        #expect(graph.spec.domain == "internal roadmap 2027")
        #expect(graph.environment == [EnvironmentUse(name: "STUB_URL", disclosure: .url),
                                      EnvironmentUse(name: "TEAM_NOTE", disclosure: .public)])
        #expect(EnvironmentText.summary(graph.environment)
                == "environment variables read: STUB_URL (endpoint URLs); TEAM_NOTE (public_env, shown)")
    }

    @Test func anUnsetVariableIsListedAsSuchNotAsASecret() throws {
        // The examples read GEN_LLM_URL with a default; unset, the summary called it a secret.
        let graph = try #require(compile(domain: "\"news\"", variables: [:]).graph)
        #expect(graph.environment == [EnvironmentUse(name: "STUB_URL", disclosure: .unset)])
        #expect(EnvironmentText.summary(graph.environment) == "environment variables read: STUB_URL (not set, the script's defaults used)")
    }

    @Test func theRunsRedactorCoversSecretReadsAndSecretNamedVariablesButNotURLs() {
        var graph = PipelineGraphBox.minimal
        graph.environment = [EnvironmentUse(name: "PASSPHRASE", disclosure: .secret), EnvironmentUse(name: "STUB_URL", disclosure: .url)]
        let redactor = EnvironmentSecrets.redactor(for: graph, variables: [
            "PASSPHRASE": "correct horse battery", "STUB_URL": "http://127.0.0.1:8080/v1", "OPENAI_API_KEY": "sk-abcdefgh12345",
        ])
        let text = redactor.redact("correct horse battery at http://127.0.0.1:8080/v1 with sk-abcdefgh12345")
        #expect(text == "[redacted PASSPHRASE] at http://127.0.0.1:8080/v1 with [redacted OPENAI_API_KEY]")
    }

    @Test func olderGraphsWithoutTheFieldStillDecode() throws {
        var graph = PipelineGraphBox.minimal
        graph.environment = nil
        let json = String(decoding: try JSONEncoder().encode(graph), as: UTF8.self)
        #expect(!json.contains("\"environment\""))
        #expect(try JSONDecoder().decode(PipelineGraph.self, from: Data(json.utf8)) == graph)
    }
}

enum PipelineGraphBox {
    static var minimal: PipelineGraph {
        let compilation = Engine(variables: [:]).compile(path: Paths.root.appendingPathComponent("examples/sms_spam.gen").path)
        return compilation.graph!
    }
}

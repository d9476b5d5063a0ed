import Foundation
import Testing
@testable import GenREPL

@Suite struct ReplCommandTests {
    @Test func typeShowsTheTypeOnlyAndPointsErrorsIntoTheCommandLine() {
        var session = makeSession()
        _ = session.submit("fn twice(n: int) -> int = n * 2")
        #expect(session.submit(":type twice(2)") == .output("int"))
        #expect(session.submit(":type [1.5, 2]") == .output("list(float)"))
        #expect(session.submit(":type  twise(2)").errorText == """
            <repl:4>:1:8: error: unknown function `twise`
               |
             1 | :type  twise(2)
               |        ^^^^^
               = hint: did you mean `twice`?

            """)
        #expect(session.submit(":type").errorText?.contains("`:type` needs an expression") == true)
        #expect(session.submit(":type let x = 1").errorText?.contains("not a declaration") == true)
    }

    @Test func envListsDeclarationsWithTypes() {
        var session = makeSession()
        #expect(session.environmentListing() == "(nothing declared yet)")
        _ = session.feed("let limit = 80", "fn short(text: string) -> bool = len(text) <= limit", "import \"std/arms\"")
        #expect(session.environmentListing() == """
            let limit = 80 : int
            fn short(text: string) -> bool
            import "std/arms"
            """)
        #expect(session.submit(":env now").errorText?.contains("`:env` takes no argument") == true)
    }

    @Test func graphSaysWhatIsMissingThenRendersTheCompletePipeline() {
        var session = makeSession()
        #expect(session.submit(":graph") == .output("no pipeline yet: still missing `spec`, `arm`, `router` and `reward`"))
        let declarations = [
            #"model local = openai(base_url: "http://127.0.0.1:1/v1", model: "m")"#,
            "schema Note {", "  text: string", "}",
            "spec notes {", #"  domain: "short notes""#, "  output: Note", "  count: 10", "}",
            "arm plain = naive(local, temperature: 0.5)",
        ]
        for line in declarations { _ = session.submit(line) }
        #expect(session.submit(":graph") == .output("no pipeline yet: still missing `router` and `reward`"))
        _ = session.feed("router epsilon_greedy(epsilon: 0.2)", "reward = passed")
        let graph = session.submit(":graph").outputText ?? ""
        #expect(graph.hasPrefix("pipeline <repl> (gen 0.1)\nspec notes: 10 × Note"))
        #expect(graph.contains("arm plain: naive(local"))
        #expect(graph.contains("router epsilon_greedy("))
        #expect(graph.hasSuffix("reward: passed"))
        // A second router replaces the first.
        #expect(session.submit("router thompson()").outputText?.contains("(replaces the earlier `router`)") == true)
        #expect(session.submit(":graph").outputText?.contains("router thompson") == true)
    }

    @Test func loadBringsAScriptInAndItsRelativePathsResolveNextToIt() {
        var session = makeSession()
        _ = session.submit("let local = 1")
        let reply = session.submit(":load examples/sms_spam.gen")
        #expect(reply == .output("""
            loaded examples/sms_spam.gen: 14 declarations
            replaced the earlier `local`
            the pipeline is complete: `:graph` shows it
            """))
        #expect(session.scriptDirectory.lastPathComponent == "examples")
        let graph = session.submit(":graph").outputText ?? ""
        #expect(graph.contains("spec sms: 12 × Sms, batch 4"))
        #expect(graph.contains("evaluate: classify(text -> label) with logreg, every 50, 300 test rows"))
        // The loaded declarations are in scope for expressions (std/quality's function too).
        #expect(session.submit("no_meta_talk(\"hello there\")") == .output("= true : bool"))
        #expect(session.submit(":type careful").errorText != nil)
        #expect(session.environmentListing().contains("arm careful = conservative(local)"))
    }

    @Test func assessRunsASampleThroughTheQualityBlock() {
        var session = makeSession()
        #expect(session.submit(":assess {\"text\": \"hi\"}").errorText?.contains("needs a complete pipeline") == true)
        _ = session.submit(":load examples/sms_spam.gen")
        #expect(session.submit(":assess {\"text\": \"WIN a free cruise, reply YES now\", \"label\": \"spam\"}") == .output("""
            passes every in-process stage
              pass  output schema
              pass  dedup near
              pass  rule "schema"
              pass  rule "no assistant talk"
            """))
        let meta = session.submit(":assess {\"text\": \"As an AI language model, I cannot write SMS\", \"label\": \"ham\"}")
        #expect(meta.outputText?.hasPrefix("rejected: rule \"no assistant talk\"") == true)
        #expect(meta.outputText?.contains("  fail  rule \"no assistant talk\"") == true)
        let wrongLabel = session.submit(":assess {\"text\": \"see you at 8\", \"label\": \"maybe\"}").outputText ?? ""
        #expect(wrongLabel.hasPrefix("rejected: schema: field `label`"))
        #expect(session.submit(":assess [1, 2]").errorText?.contains("it is JSON, but not an object") == true)
        #expect(session.submit(":assess {text: 1}").errorText?.contains("it does not parse as JSON") == true)
        #expect(session.submit(":assess").errorText?.contains("`:assess` needs a sample") == true)
        // Stages that need a model are named, not run.
        var movies = makeSession()
        _ = movies.submit(":load examples/movie_sentiment.gen")
        let review = movies.submit(":assess {\"text\": \"A warm, funny film that never drags.\", \"label\": \"positive\"}")
        #expect(review.outputText?.hasSuffix("not run (they need a model server): \"about movies\", \"label fits\"") == true)
    }

    @Test func loadErrors() {
        var session = makeSession()
        #expect(session.submit(":load nowhere/missing.gen").errorText == """
            <repl:1>:1:7: error: cannot read `nowhere/missing.gen`: no such file
               |
             1 | :load nowhere/missing.gen
               |       ^^^^^^^^^^^^^^^^^^^

            """)
        #expect(session.load(path: "missing.gen") == .error("error: cannot read `missing.gen`: no such file\n"))
        #expect(session.submit(":load").errorText?.contains("`:load` needs a file") == true)
    }

    @Test func loadedFileWithAnErrorIsRefusedWholeAndRenderedAgainstItsPath() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gen-repl-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "gen 0.1\nlet a = 1\nlet b = a + c\n".write(to: directory.appendingPathComponent("bad.gen"), atomically: true, encoding: .utf8)
        var session = ReplSession(engine: .init(variables: [:]), directory: directory)
        let error = session.submit(":load bad.gen").errorText ?? ""
        #expect(error.hasPrefix("bad.gen:3:13: error: unknown name `c`"))
        #expect(session.environmentListing() == "(nothing declared yet)")
    }

    @Test func resetForgetsEverything() {
        var session = makeSession()
        _ = session.feed("let a = 1", "schema S {")
        #expect(session.submit("}") == .output("schema S {}"))
        #expect(session.submit(":reset") == .output("the session is empty again"))
        #expect(session.environmentListing() == "(nothing declared yet)")
        #expect(session.submit("a").errorText?.contains("unknown name `a`") == true)
    }

    @Test func unknownCommandSuggestsTheClosest() {
        var session = makeSession()
        #expect(session.submit(":tpye 1").errorText == """
            <repl:1>:1:1: error: unknown command `:tpye`
               |
             1 | :tpye 1
               | ^^^^^
               = hint: did you mean `:type`?

            """)
        #expect(session.submit(":frobnicate").errorText?.contains("type `:help` for the list of commands") == true)
    }

    @Test func helpAndQuit() {
        var session = makeSession()
        let help = session.submit(":help").outputText ?? ""
        for command in ReplCommand.allCases { #expect(help.contains(command.usage)) }
        #expect(session.submit(":quit") == .quit)
        #expect(session.submit("  :q") == .quit)
    }

    @Test func completionOffersNamesBuiltinsKindsAndCommands() {
        var session = makeSession()
        _ = session.submit("let lengthy = 3")
        #expect(session.complete(prefix: "leng") == ["lengthy"])
        #expect(session.complete(prefix: "le").contains("len"))
        #expect(session.complete(prefix: "epsilon").contains("epsilon_greedy"))
        #expect(session.complete(prefix: "eva") == ["evaluate"])
        #expect(session.complete(prefix: ":t") == [":type"])
        #expect(session.complete(prefix: ":") == ReplCommand.allCases.map { ":" + $0.rawValue })
    }
}

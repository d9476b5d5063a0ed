// swift-tools-version: 6.0
// Gen: an embedded DSL engine for adaptive synthetic-data generation. No package dependencies by design:
// Foundation, the toolchain's test libraries and system C libraries only.
import PackageDescription

let package = Package(
    name: "Gen",
    products: [
        // `import Gen`: all a host needs. The modules below are the engine's own layering, not products.
        .library(name: "Gen", targets: ["Gen"]),
        .executable(name: "gen", targets: ["gen"]),
        .executable(name: "gen-bench", targets: ["gen-bench"]),
    ],
    targets: [
        // Spans, source files, diagnostics and their rendering, seeded randomness: shared by every layer.
        .target(name: "GenCore"),
        .testTarget(name: "GenCoreTests", dependencies: ["GenCore"]),
        // Source text to tokens (with trivia) to AST; the grammar is grammar/gen.ebnf.
        .target(name: "GenSyntax", dependencies: ["GenCore"]),
        .testTarget(name: "GenSyntaxTests", dependencies: ["GenSyntax", "GenCore", "GenTestSupport"], exclude: ["Fixtures"]),
        // `gen fmt`: the one canonical layout of .gen files; keeps every comment, idempotent, checked against the AST.
        .target(name: "GenFormat", dependencies: ["GenSyntax", "GenCore"]),
        .testTarget(name: "GenFormatTests", dependencies: ["GenFormat", "GenSyntax", "GenCore"]),
        // The `gen` command line: argument parsing, help, and the check/fmt/ast/tokens/bench commands.
        .target(name: "GenCLI", dependencies: [
            "GenFormat", "GenEngine", "GenSemantics", "GenSyntax", "GenCore", "GenRun", "GenEval", "GenStore", "GenRouter",
            "GenReport", "GenREPL", "GenQuality", "GenRuntime", "GenProviders", "GenPipeline", "GenDataset", "GenLSP",
        ]),
        .testTarget(name: "GenCLITests", dependencies: [
            "GenCLI", "GenFormat", "GenSyntax", "GenCore", "GenStore", "GenTestSupport", "GenSemantics", "GenEngine", "GenPipeline", "GenEval",
        ]),
        .executableTarget(name: "gen", dependencies: ["GenCLI", "GenProviders"]),
        // `gen lsp`: the Language Server Protocol over stdio (diagnostics, hover, completion, definition, symbols,
        // formatting, rename) on the same checker, formatter and capabilities registry as the command line.
        .target(name: "GenLSP", dependencies: ["GenEngine", "GenSemantics", "GenSyntax", "GenFormat", "GenPipeline", "GenCore"]),
        .testTarget(name: "GenLSPTests", dependencies: ["GenLSP", "GenCore", "GenEngine", "GenTestSupport"]),
        // Benchmarks (parse, router, run, quality, eval, interpreter, savings) and `gen-bench`, which runs them:
        // outside the library products and the `gen` binary.
        .target(name: "GenBenchmarks", dependencies: [
            "GenCLI", "GenCore", "GenSyntax", "GenEngine", "GenEval", "GenQuality", "GenRouter", "GenRuntime", "GenPipeline",
            "GenProviders", "GenTestSupport", "GenChecks", "GenLSP",
        ]),
        .executableTarget(name: "gen-bench", dependencies: ["GenBenchmarks", "GenCLI"]),
        .testTarget(name: "GenBenchmarksTests", dependencies: [
            "GenBenchmarks", "GenCLI", "GenCore", "GenSyntax", "GenFormat", "GenRouter", "GenRuntime", "GenPipeline", "GenEval",
            "GenQuality", "GenTestSupport", "GenEngine",
        ]),
        // The checked pipeline graph (IR): the only contract between the compiler and the runtime.
        .target(name: "GenPipeline", dependencies: ["GenCore"]),
        // The standard modules (stdlib/*.gen), embedded by scripts/embed-stdlib.sh.
        .target(name: "GenStdlib"),
        // Names, types, attribute schemas, ranges and cross-checks; lowering of a checked script to the pipeline graph.
        .target(name: "GenSemantics", dependencies: ["GenCore", "GenSyntax", "GenPipeline", "GenStdlib"]),
        .testTarget(
            name: "GenSemanticsTests", dependencies: [
                "GenSemantics", "GenEngine", "GenStdlib", "GenSyntax", "GenPipeline", "GenCore", "GenTestSupport",
            ],
            exclude: ["Fixtures"]),
        // Values, the expression interpreter (stack machine with step budget and recursion limit), the builtin and
        // host function registry, and the script's only effects (env, read_jsonl) behind ScriptEnvironment.
        .target(name: "GenRuntime", dependencies: ["GenCore", "GenPipeline"]),
        .testTarget(name: "GenRuntimeTests", dependencies: ["GenRuntime", "GenPipeline", "GenCore", "GenBenchmarks"]),
        // Bandit policies that share each batch among arms, their saved state, and the router benchmark.
        .target(name: "GenRouter", dependencies: ["GenCore"]),
        .testTarget(name: "GenRouterTests", dependencies: ["GenRouter", "GenCore", "GenBenchmarks"]),
        // OpenAI-compatible LLM client (chat, embeddings, retries, structured-output dialects) and model-output parsing.
        .target(name: "GenProviders", dependencies: ["GenCore", "CEpoll"]),
        // Linux's epoll and eventfd headers (part of libc: nothing to link) for the socket transport's event loop.
        .systemLibrary(name: "CEpoll"),
        // Test helpers other test targets reuse: a scriptable HTTP/1.1 stub server on loopback.
        .target(name: "GenTestSupport", dependencies: ["GenCore"]),
        .testTarget(name: "GenProvidersTests", dependencies: ["GenProviders", "GenTestSupport", "GenCore"]),
        // Arms (naive, fewshot, template) through a registry, prompts, structured output, label quotas.
        .target(name: "GenGeneration", dependencies: ["GenCore", "GenPipeline", "GenProviders"]),
        .testTarget(name: "GenGenerationTests", dependencies: ["GenGeneration", "GenPipeline", "GenProviders", "GenCore"]),
        // Small seeded text classifiers (naive Bayes, logistic regression), metrics, evaluation reports,
        // per-arm downstream credit (Shapley / leave-one-out) and the evaluation benchmark.
        .target(name: "GenEval", dependencies: ["GenCore"]),
        .testTarget(name: "GenEvalTests", dependencies: ["GenEval", "GenBenchmarks"], resources: [.copy("Fixtures")]),
        // System SQLite (libsqlite3-dev) through a plain module map: no pkg-config needed.
        .systemLibrary(name: "CSQLite"),
        // Run store on SQLite (WAL): runs, batches, candidates with checks, evaluations with per-arm credit,
        // content cache; resume after a kill; atomic JSONL export and its verification; report queries.
        .target(name: "GenStore", dependencies: ["CSQLite", "GenCore"]),
        // Writes batches in a loop for GenStoreTests' SIGKILL test; `bench` times record(batch:candidates:).
        .executableTarget(name: "gen-store-torture", dependencies: ["GenStore", "GenCore"]),
        .testTarget(name: "GenStoreTests", dependencies: ["GenStore", "GenCore"]),
        // The adaptive run loop: context, routing, generation, quality, reward, store commit, progress.
        .target(name: "GenRun", dependencies: [
            "GenCore", "GenPipeline", "GenRouter", "GenProviders", "GenGeneration", "GenStore", "GenRuntime", "GenEval",
            "GenQuality",
        ]),
        .testTarget(name: "GenRunTests", dependencies: [
            "GenRun", "GenCore", "GenPipeline", "GenRouter", "GenProviders", "GenGeneration", "GenStore", "GenRuntime",
            "GenEval",
        ]),
        // One facade for hosts, the CLI, the REPL and tests: check, compile, evaluate, run.
        .target(name: "GenEngine", dependencies: [
            "GenCore", "GenSyntax", "GenPipeline", "GenSemantics", "GenRuntime", "GenRouter", "GenGeneration",
            "GenProviders", "GenStore", "GenRun", "GenEval", "GenQuality", "GenChecks", "GenReport",
        ]),
        .testTarget(name: "GenEngineTests", dependencies: [
            "GenEngine", "GenCore", "GenPipeline", "GenSemantics", "GenRuntime", "GenRouter", "GenGeneration",
            "GenRun", "GenStore", "GenProviders", "GenChecks", "GenTestSupport", "GenReport", "GenEval", "GenQuality",
        ]),
        // The REPL: a terminal-free session core (declarations accumulate, expressions evaluate, :commands), a
        // line editor (termios raw mode, history) and the driver `gen repl` runs.
        .target(name: "GenREPL", dependencies: ["GenEngine", "GenCore", "GenSyntax", "GenPipeline", "GenSemantics", "GenRuntime", "GenStore"]),
        .testTarget(name: "GenREPLTests", dependencies: ["GenREPL", "GenEngine", "GenCore"]),
        // In-process quality stages: schema validation, text rules, exact and MinHash near dedup, novelty from
        // centred TF-IDF or embeddings (SimHash LSH), Vendi and distinct-n diversity, metrics, the benchmark.
        .target(name: "GenQuality", dependencies: ["GenCore", "GenPipeline"]),
        .testTarget(name: "GenQualityTests", dependencies: ["GenQuality", "GenPipeline", "GenCore", "GenBenchmarks"]),
        // Model-backed quality checks (similarity with centred embeddings or TF-IDF, entailment from yes/no
        // logprobs, rubric judge with structured output) behind GenRun's ModelChecker, cached by content.
        .target(name: "GenChecks", dependencies: ["GenCore", "GenPipeline", "GenRuntime", "GenProviders", "GenRun", "GenStore", "GenQuality"]),
        .testTarget(name: "GenChecksTests", dependencies: [
            "GenChecks", "GenCore", "GenPipeline", "GenRuntime", "GenProviders", "GenRun", "GenStore",
        ]),
        // SVG charts drawn by our own code: linear and band scales, nice 1-2-5 ticks, axes, legends, line/area,
        // stacked and grouped bar charts, a colour-blind-safe palette for light and dark pages. Foundation only.
        .target(name: "GenCharts"),
        .testTarget(name: "GenChartsTests", dependencies: ["GenCharts"]),
        // System zlib (zlib1g-dev) through a plain module map: the report tests inflate Chromium's PNG screenshots.
        .systemLibrary(name: "CZlib"),
        // The run report (one self-contained HTML page with SVG charts) and DATASET_CARD.md, read from the run store.
        .target(name: "GenReport", dependencies: ["GenCharts", "GenStore", "GenPipeline", "GenCore"]),
        .testTarget(name: "GenReportTests", dependencies: [
            "GenReport", "GenStore", "GenPipeline", "GenCore", "GenRun", "GenGeneration", "GenEval", "CZlib",
        ]),
        // Datasets for the Hugging Face Hub: Gen's own Parquet writer (Thrift compact footer, system zlib for GZIP),
        // stratified seeded splits, and the Hub folder (data/SPLIT-00000-of-00001.*, README.md card) `gen export` writes.
        .target(name: "GenDataset", dependencies: ["GenCore", "GenPipeline", "GenStore", "GenReport", "CZlib"]),
        .testTarget(name: "GenDatasetTests", dependencies: [
            "GenDataset", "GenCore", "GenPipeline", "GenStore", "GenReport", "GenRun", "GenGeneration",
        ], exclude: ["hub_roundtrip.py"]),
        // What a host imports: the engine and the types its capabilities are made of, re-exported.
        .target(name: "Gen", dependencies: [
            "GenEngine", "GenCore", "GenGeneration", "GenPipeline", "GenProviders", "GenReport", "GenRouter", "GenRun", "GenRuntime",
            "GenSemantics", "GenStore",
        ]),
        // examples/host: a host program embedding Gen with its own arm kind, router policy, check and function.
        .executableTarget(name: "gen-host-example", dependencies: ["Gen"], path: "examples/host", exclude: ["ads.gen"]),
    ],
    swiftLanguageModes: [.v6]
)

import Foundation
import Testing
import GenTestSupport
@testable import GenCLI

/// `gen export` through the tool: a stub-served run exported as a Hub folder, and every bad command line named.
@Suite(.serialized) struct ExportCommandTests {
    /// A finished 12-sample run from the stub model server.
    func stubRun() async throws -> URL {
        let server = try StubModelServer.start()
        defer { server.stop() }
        let directory = StubModelServer.temporaryDirectory()
        let script = directory.appendingPathComponent("sms.gen")
        try StubModelServer.script(url: server.baseURL, count: 12).write(to: script, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("run")
        let run = await gen(["run", script.path, "--out", out.path, "--seed", "3"])
        #expect(run.code == 0, "\(run.err)")
        return out
    }

    @Test func writesTheHubFolderWithStratifiedSplitsAndItsCard() async throws {
        let run = try await stubRun()
        let out = run.appendingPathComponent("export")
        let export = await gen(["export", run.path, "--split", "train=0.75,test=0.25", "--out", out.path])
        #expect(export.code == 0, "\(export.err)")
        #expect(export.out.contains("train: 9 rows in \(out.path)/data/train-00000-of-00001.parquet\n"))
        #expect(export.out.contains("test: 3 rows in \(out.path)/data/test-00000-of-00001.parquet\n"))
        let parquet = try Data(contentsOf: out.appendingPathComponent("data/train-00000-of-00001.parquet"))
        #expect(parquet.prefix(4) == Data("PAR1".utf8) && parquet.suffix(4) == Data("PAR1".utf8))
        let card = try contents(out.appendingPathComponent("README.md").path)
        #expect(card.contains("  - split: test\n    path: data/test-00000-of-00001.parquet\n"))
        #expect(card.contains("class_label:"))

        // The same run and seed give the same bytes; the default folder is RUN/hub and the format follows --format.
        let again = await gen(["export", run.path, "--split", "train=0.75,test=0.25", "--out", out.path])
        #expect(again.code == 0)
        #expect(try Data(contentsOf: out.appendingPathComponent("data/train-00000-of-00001.parquet")) == parquet)
        let jsonl = await gen(["export", run.path, "--format", "jsonl"])
        #expect(jsonl.code == 0, "\(jsonl.err)")
        // A second export into the same folder leaves only its own data files.
        let single = await gen(["export", run.path, "--out", out.path])
        #expect(single.code == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("data").path) == ["train-00000-of-00001.parquet"])
        let lines = try contents(run.appendingPathComponent("hub/data/train-00000-of-00001.jsonl").path)
        #expect(lines == (try contents(run.appendingPathComponent("dataset.jsonl").path)))
    }

    @Test func badCommandLinesAndAMissingRunSayWhatToDo() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let split = await gen(["export", directory.url.path, "--split", "train=0.9,test=0.2"])
        #expect(split.code == 64)
        #expect(split.err == """
            error: bad --split: the fractions sum to 1.1, not 1
              = hint: write it as NAME=FRACTION pairs that sum to 1, e.g. `train=0.9,test=0.1`
            usage: gen export RUN [--format FORMAT] [--split NAME=F,...] [--out DIR] [--seed N] [--provenance] [--license ID] [--license-name NAME] [--license-link URL]

            """)
        let format = await gen(["export", directory.url.path, "--format", "parquett"])
        #expect(format.code == 64)
        #expect(format.err.hasPrefix("error: --format must be one of parquet, jsonl, csv, got `parquett`\n  = hint: did you mean `parquet`?\n"))
        let missing = await gen(["export", directory.url.path])
        #expect(missing.code == 66)
        #expect(missing.err == "error: no run in \(directory.url.path) (it has no run.sqlite)\n  = hint: pass the directory `gen run --out DIR` wrote\n")
        #expect(await gen(["help", "export"]).out.contains("Writes DIR/data/SPLIT-00000-of-00001.FORMAT for every split"))
    }
}

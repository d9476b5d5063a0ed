import Foundation
import GenCore
import Testing
@testable import GenCLI

/// `gen init`: a starter project that the real checker accepts, in `gen fmt`'s layout, that never overwrites.
@Suite struct InitCommandTests {
    static let files = ["bank_help.gen", "seeds.jsonl", ".gitignore", "README.md"]

    @Test func theProjectPassesTheRealCheckerAndIsFormatted() async throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let directory = root.url.appendingPathComponent("Bank Help").path
        let made = await gen(["init", directory, "--task", "Messages customers type into a \"bank\" chat \\(sic)", "--labels", "lost_card,refund,other"])
        #expect(made.code == 0, "\(made.err)")
        #expect(made.out.contains("next: gen check"))
        for file in Self.files {
            #expect(FileManager.default.fileExists(atPath: directory + "/" + file), "\(file)")
        }
        let script = directory + "/bank_help.gen"
        let text = try contents(script)
        let checked = await gen(["check", script])
        #expect(checked.code == 0 && checked.out == "checked 1 file: no errors\n", "\(checked.err)\n\(text)")
        let formatted = await gen(["fmt", "--check", script])
        #expect(formatted.code == 0 && formatted.out.isEmpty, "\(formatted.out)")
        #expect(text.contains(#"enum("lost_card", "refund", "other")"#))
        #expect(text.contains(#"read_jsonl("seeds.jsonl")"#))
    }

    @Test func armsDifferInMoreThanTemperature() {
        let script = StarterProject(name: "x", task: "t", labels: ["a", "b"]).script
        let kinds = ["naive(", "fewshot(", "evolve("].filter(script.contains)
        #expect(kinds.count == 3)
        #expect(script.contains("router ") && script.contains("quality {") && script.contains("count: "))
    }

    @Test func everySeedLineIsJSONWithADeclaredLabel() throws {
        let labels = ["lost_card", "refund", "other"]
        let seeds = StarterProject(name: "x", task: "t", labels: labels).seeds
        let rows = seeds.split(separator: "\n").map { CanonicalJSON.parse(String($0)) }
        #expect(rows.count == 2 * labels.count)
        for row in rows {
            let label = try #require(row?["label"]?.stringValue)
            #expect(labels.contains(label) && (row?["text"]?.stringValue?.count ?? 0) >= 10)
        }
        #expect(Set(rows.compactMap { $0?["label"]?.stringValue }) == Set(labels))
    }

    @Test func aNonEmptyDirectoryIsRefusedWithoutForce() async throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let kept = try root.file("notes.txt", "mine")
        let refused = await gen(["init", root.url.path])
        #expect(refused.code == 64)
        #expect(refused.err.contains("is not empty") && refused.err.contains("--force"), "\(refused.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.url.path) == ["notes.txt"])
        let forced = await gen(["init", root.url.path, "--force"])
        #expect(forced.code == 0, "\(forced.err)")
        #expect(try contents(kept) == "mine")
        #expect(FileManager.default.fileExists(atPath: root.url.appendingPathComponent("seeds.jsonl").path))
    }

    @Test(arguments: [
        ("a,\"b", "has the character `\"`"), ("a,,b", "empty label"), ("a,a", "given twice"), ("solo", "at least two"),
        (#"a,b\(c)"#, "has the character `\\`"), ("a,b c", "has the character ` `"),
    ])
    func badLabelsAreUsageErrors(labels: String, message: String) async throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let run = await gen(["init", root.url.appendingPathComponent("p").path, "--labels", labels])
        #expect(run.code == 64)
        #expect(run.err.contains(message) && run.err.contains("hint:"), "\(run.err)")
        #expect(!FileManager.default.fileExists(atPath: root.url.appendingPathComponent("p").path))
    }

    @Test func scriptNamesAreIdentifiersThatClashWithNothing() {
        #expect(StarterProject.scriptName(forDirectory: "Bank Intents!") == "bank_intents")
        #expect(StarterProject.scriptName(forDirectory: "2024-spam") == "data_2024_spam")
        #expect(StarterProject.scriptName(forDirectory: "gen") == "gen_data")
        #expect(StarterProject.scriptName(forDirectory: "sample") == "sample_data")
        #expect(StarterProject.scriptName(forDirectory: "...") == "starter")
    }

    @Test func aDirectoryNamedLikeAKeywordStillChecks() async throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let directory = root.url.appendingPathComponent("gen").path
        #expect(await gen(["init", directory]).code == 0)
        let checked = await gen(["check", directory + "/gen_data.gen"])
        #expect(checked.code == 0, "\(checked.err)")
    }
}

import Foundation
import Testing
import GenCore
import GenPipeline
@testable import GenReport

/// The card written beside dataset.jsonl agrees with the file it describes.
@Suite struct DatasetCardTests {
    /// `gen report --out` rewrote the run's own DATASET_CARD.md; the card now goes beside the chosen report.
    @Test func reportOutLeavesTheRunsOwnCardAlone() async throws {
        // A copy of the fixture run, so no other test writes its card meanwhile.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gen-run-copy-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: try await FixtureRun.shared.value, to: directory)
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("gen-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let runCard = directory.appendingPathComponent(DatasetCard.fileName)
        let before = try? Data(contentsOf: runCard)
        let output = try await ReportWriter.write(runDirectory: directory, out: elsewhere.appendingPathComponent("r.html"))
        #expect(output.card == elsewhere.appendingPathComponent(DatasetCard.fileName))
        #expect(FileManager.default.fileExists(atPath: output.card.path))
        #expect((try? Data(contentsOf: runCard)) == before)
    }

    func written() async throws -> (URL, String, [JSONValue]) {
        let directory = try await FixtureRun.shared.value
        let output = try await ReportWriter.write(runDirectory: directory, out: directory.appendingPathComponent("card-test-report.html"))
        let card = try String(contentsOf: output.card, encoding: .utf8)
        let lines = try String(contentsOf: directory.appendingPathComponent("dataset.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try #require(CanonicalJSON.parse(String($0))) }
        return (directory, card, lines)
    }

    /// The YAML front matter's lines (between the two `---`).
    func frontMatter(_ card: String) throws -> [String] {
        let lines = card.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "---")
        let end = try #require(lines.dropFirst().firstIndex(of: "---"))
        return Array(lines[1..<end])
    }

    @Test func frontMatterHasTheHubFieldsAndTheDatasetSize() async throws {
        let (_, card, lines) = try await written()
        let yaml = try frontMatter(card)
        for key in ["pretty_name:", "license:", "language:", "task_categories:", "size_categories:", "configs:", "dataset_info:"] {
            #expect(yaml.contains { $0.hasPrefix(key) }, "missing \(key)")
        }
        #expect(yaml.contains("- text-classification"))
        #expect(yaml.contains("- \"n<1K\""))
        #expect(yaml.contains("    path: dataset.jsonl"))
        #expect(yaml.contains("    num_examples: \(lines.count)"))
        #expect(yaml.contains("  - name: \"label\""))
        // The Hub's conventions hold for the run directory's own card too: the label's names, and for `other` a
        // license name and a link to this card.
        #expect(yaml.contains("      class_label:"))
        #expect(yaml.contains("          '1': \"spam\""))
        #expect(yaml.contains("license_link: \"DATASET_CARD.md\""))
        #expect(yaml.contains("- machine-generated"))
    }

    @Test func countsAndLabelDistributionMatchTheDatasetFile() async throws {
        let (_, card, lines) = try await written()
        #expect(lines.count == 48)
        #expect(card.contains("| accepted samples (dataset.jsonl) | \(lines.count) |"))
        var labels: [String: Int] = [:]
        for line in lines { labels[line["label"]?.stringValue ?? "", default: 0] += 1 }
        for (label, count) in labels {
            let share = String(format: "%.1f%%", 100 * Double(count) / Double(lines.count))
            #expect(card.contains("| \(label) | \(count) | \(share) |"), "label \(label)")
        }
        #expect(!card.contains("dataset.jsonl has not been exported"))
        #expect(!card.contains("lines but the run store has"))
    }

    @Test func theCardSaysHowTheDataWasMade() async throws {
        let (_, card, _) = try await written()
        for heading in ["## What was asked for", "## How it was made", "## Counts", "## Label distribution", "## Diversity",
                        "## Downstream results", "## Known limits"] {
            #expect(card.contains(heading))
        }
        #expect(card.contains("Text messages a phone user receives, some of them spam"))
        #expect(card.contains("  - Spam tries to sell or phish"))
        #expect(card.contains("| faithful | naive | local | temperature 0.7 |"))
        #expect(card.contains("`epsilon_greedy` (decay 0.8, epsilon 0.5, min 0.05)"))
        #expect(card.contains("| exact | dedup (default) |  |  | exact |"), "the fixture's dedup has no source line: the default")
        #expect(card.contains("distinct-1 "))
        #expect(card.contains("| accuracy | majority baseline | macro-F1 |"), "the baseline stands beside every accuracy")
        #expect(card.contains("- **Seed examples:** "), "the card says what the seeds were used for")
        #expect(card.contains("| not declared: see the model's terms (`license:` on the model) |"), "no license declared, none guessed")
        #expect(card.contains("held-out"))
    }

    @Test func theFilesTheScriptReadAreListedWithTheirHashes() {
        let listed = DatasetCard.dataFilesText([DataFileUse(path: "seeds/bank.jsonl", bytes: 812, sha256: String(repeating: "ab", count: 32))])
        #expect(listed.contains("- **Files read by the script**"))
        #expect(listed.contains("  - `seeds/bank.jsonl`: 812 bytes, SHA-256 `" + String(repeating: "ab", count: 32) + "`"))
        #expect(DatasetCard.dataFilesText(nil).contains("none recorded"))
    }

    @Test func yamlAndMarkdownEscaping() {
        #expect(CardText.yaml("a \"b\" \\ c\nd") == "\"a \\\"b\\\" \\\\ c\\nd\"")
        #expect(CardText.yaml("bell\u{07}") == "\"bell\\x07\"")
        #expect(CardText.cell("a|b\nc<d") == "a\\|b c&lt;d")
        #expect(CardText.code("x`y") == "`` x`y ``")
        #expect(CardMetadata.sizeCategory(999) == "n<1K")
        #expect(CardMetadata.sizeCategory(1_000) == "1K<n<10K")
        #expect(CardMetadata.sizeCategory(250_000) == "100K<n<1M")
    }
}

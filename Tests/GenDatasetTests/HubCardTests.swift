import Foundation
import Testing
import GenDataset
import GenReport

/// The README.md card `gen export` writes follows the Hub's metadata conventions.
@Suite struct HubCardTests {
    func export(_ options: HubExportOptions) async throws -> (card: String, splits: [ExportedSplit]) {
        let run = try await HubFixtureRun.shared.value
        let out = run.appendingPathComponent("card-\(UUID().uuidString)")
        let splits = try await HubExport.write(runDirectory: run, to: out, options: options)
        return (try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8), splits)
    }

    @Test func featuresLabelsLicenseAndSplits() async throws {
        let (card, splits) = try await export(HubExportOptions(split: try SplitSpec.parse("train=0.75,test=0.25")))
        let test = try #require(splits.last)
        #expect(splits.map(\.rows).reduce(0, +) == 40)
        let yaml = String(card.split(separator: "\n---\n")[0])
        for line in [
            "license: \"other\"", "license_name: \"undecided\"", "license_link: \"README.md\"",
            "annotations_creators:\n- machine-generated", "task_categories:\n- text-classification", "task_ids:\n- multi-class-classification",
            "  - name: \"label\"\n    dtype:\n      class_label:\n        names:\n          '0': \"ham\"\n          '1': \"spam\"",
            "  - name: \"tags\"\n    list: string",
            "  - name: \"meta\"\n    struct:\n    - name: \"source\"\n      dtype: string\n    - name: \"lang\"\n      dtype: string",
            "  - name: \"words\"\n    dtype: int64", "  - name: \"score\"\n    dtype: float64", "  - name: \"urgent\"\n    dtype: bool",
            "  - split: train\n    path: data/train-00000-of-00001.parquet", "  - split: test\n    path: data/test-00000-of-00001.parquet",
            "  - name: test\n    num_examples: \(test.rows)\n    num_bytes: \(test.bytes)",
        ] {
            #expect(yaml.contains(line), "\(line)")
        }
        for section in ["## Uses", "## Out-of-scope use", "## Citation", "## Files", "## How it was made"] {
            #expect(card.contains("\n" + section + "\n"), "\(section)")
        }
        #expect(card.contains("| local | smollm2 | openai | http://127.0.0.1:8080/v1 | apache-2.0 |"), "the license the script declares")
        #expect(card.contains("- `data/test-00000-of-00001.parquet`: the `test` split, \(test.rows) samples."))
        #expect(!card.contains("_reward"))
    }

    @Test func aChosenLicenseNeedsNoNameAndProvenanceColumnsAreDeclared() async throws {
        let (card, _) = try await export(HubExportOptions(format: .csv, provenance: true, card: CardOptions(license: "apache-2.0")))
        #expect(card.contains("license: \"apache-2.0\"\n"))
        #expect(!card.contains("license_name"))
        #expect(card.contains("  - name: \"_reward\"\n    dtype: float64"))
        #expect(card.contains("  - name: \"tags\"\n    dtype: string"), "a CSV cell holds the list as JSON text")
        #expect(card.contains("Lists and objects are JSON text in their cells"))
    }
}

import Foundation
import GenCore
import Testing
import GenDataset

/// The exported folders read back by the Hub's own libraries from PyPI (pyarrow, datasets, huggingface_hub) in the
/// virtualenv `scripts/hub-python.sh install` makes and scripts/test.sh installs before the tests. Without it these
/// tests fail, never skip: CI must not pass without the round trip.
@Suite(.serialized) struct PythonRoundTripTests {
    /// GEN_HUB_PYTHON (scripts/test.sh sets it), else the script's default place.
    static let python = ProcessInfo.processInfo.environment["GEN_HUB_PYTHON"] ?? "/opt/gen-cache/hub-venv/bin/python"
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("hub_roundtrip.py").path

    /// Exports the fixture run and returns what the Python libraries saw, as JSON.
    func roundTrip(_ format: DatasetFormat, provenance: Bool = false) async throws -> JSONValue {
        guard FileManager.default.isExecutableFile(atPath: Self.python) else {
            throw RoundTripFailure(
                description: "no Python for the Hub round trip at \(Self.python): run `scripts/hub-python.sh install` (scripts/test.sh does) or set GEN_HUB_PYTHON")
        }
        let run = try await HubFixtureRun.shared.value
        let out = run.appendingPathComponent("python-\(format.rawValue)-\(UUID().uuidString)")
        _ = try await HubExport.write(runDirectory: run, to: out, options: HubExportOptions(
            format: format, split: try SplitSpec.parse("train=0.75,test=0.25"), provenance: provenance))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [Self.script, out.path, format.rawValue]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lastLine = String(decoding: stdout, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        guard process.terminationStatus == 0, let facts = CanonicalJSON.parse(lastLine) else {
            throw RoundTripFailure(
                description: "hub_roundtrip.py failed (\(process.terminationStatus)): \(String(decoding: stderr, as: UTF8.self).suffix(3000))")
        }
        return facts
    }

    @Test func pyarrowReadsGensParquetWithItsTypesAndRows() async throws {
        let facts = try await roundTrip(.parquet)
        let train = try #require(facts["pyarrow"]?["train-00000-of-00001.parquet"])
        let test = try #require(facts["pyarrow"]?["test-00000-of-00001.parquet"])
        #expect((train["rows"]?.integer ?? 0) + (test["rows"]?.integer ?? 0) == 40)
        #expect(train["columns"] == strings("text", "label", "words", "score", "urgent", "tags", "meta", "spans"))
        #expect(train["types"] == .object([
            "text": "string", "label": "int64", "words": "int64", "score": "double", "urgent": "bool", "tags": "list<element: string>",
            "meta": "struct<source: string not null, lang: string>",
            "spans": "list<element: struct<start: int64 not null, marks: list<element: string> not null>>",
        ].mapValues(JSONValue.string)))
        #expect(train["nullable"]?["words"] == .bool(true))
        #expect(train["nullable"]?["text"] == .bool(false))
        // The first train row is the first accepted sample that went to train: compare it with dataset.jsonl.
        let first = try #require(train["first"])
        let run = try await HubFixtureRun.shared.value
        let lines = try String(contentsOf: run.appendingPathComponent("dataset.jsonl"), encoding: .utf8).split(separator: "\n")
        let samples = lines.compactMap { CanonicalJSON.parse(String($0)) }
        let match = try #require(samples.first { $0["text"] == first["text"] })
        #expect(first["label"] == .int(match["label"] == .string("ham") ? 0 : 1))
        for field in ["score", "urgent", "tags", "meta", "spans"] { #expect(first[field] == match[field], "\(field)") }
        #expect(first["words"] == (match["words"] ?? .null))
        // Every row of both files, nested lists included, is an accepted sample (label by name, nulls as absent).
        let read = (train["all"]?.arrayValue ?? []) + (test["all"]?.arrayValue ?? [])
        let asSamples = read.map { row -> String in
            var sample = withoutNulls(row)
            if case .int(let index)? = sample["label"] { sample = sample.setting("label", .string(["ham", "spam"][index])) }
            return CanonicalJSON.string(sample)
        }
        #expect(asSamples.sorted() == samples.map { CanonicalJSON.string($0) }.sorted())
        #expect(train["huggingface"]?["info"]?["features"]?["label"] == .object(["_type": .string("ClassLabel"), "names": strings("ham", "spam")]))
    }

    @Test func datasetsLoadsEachFormatsFolderWithTheLabelAsClassLabel() async throws {
        for format in DatasetFormat.allCases {
            let facts = try await roundTrip(format, provenance: format == .csv)
            let train = try #require(facts["datasets"]?["train"], "\(format)")
            let test = try #require(facts["datasets"]?["test"], "\(format)")
            #expect((train["rows"]?.integer ?? 0) + (test["rows"]?.integer ?? 0) == 40, "\(format)")
            #expect(train["features"]?["label"] == .string("ClassLabel"), "\(format)")
            #expect(train["label_names"] == strings("ham", "spam"), "\(format)")
            #expect(test["label_strings"] == strings("ham", "spam"), "\(format): the rare label reaches the test split")
            #expect(train["features"]?["tags"] == .string(format == .csv ? "Value" : "List"), "\(format)")
            #expect(train["features"]?["meta"] == .string(format == .csv ? "Value" : "dict"), "\(format)")
            #expect(train["features"]?["spans"] == .string(format == .csv ? "Value" : "List"), "\(format)")
            if format == .csv { #expect(train["features"]?["_reward"] == .string("Value")) }
        }
    }

    @Test func huggingfaceHubParsesTheCardAndDatasetsReadsItsFeaturesAndConfigs() async throws {
        let facts = try await roundTrip(.parquet)
        let card = try #require(facts["card"])
        let metadata = try #require(card["metadata"])
        #expect(metadata["license"] == .string("other"))
        #expect(metadata["license_name"] == .string("undecided"))
        #expect(metadata["annotations_creators"] == strings("machine-generated"))
        #expect(metadata["task_ids"] == strings("multi-class-classification"))
        #expect(metadata["size_categories"] == strings("n<1K"))
        let features = try #require(card["features"]?["default"]?.stringValue)
        #expect(features.contains("'label': ClassLabel(names=['ham', 'spam'])"))
        #expect(features.contains("'tags': List(Value('string'))"))
        #expect(features.contains("'meta': {'source': Value('string'), 'lang': Value('string')}"))
        #expect(features.contains("'spans': List({'start': Value('int64'), 'marks': List(Value('string'))})"))
        #expect(card["configs"]?["default"]?["data_files"]?.arrayValue?.count == 2)
        for section in ["## Uses", "## Out-of-scope use", "## Citation"] {
            #expect(card["sections"]?.arrayValue?.contains(.string(section)) == true, "\(section)")
        }
    }
}

/// Why the round trip could not run: thrown, so the test fails with this message.
struct RoundTripFailure: Error, CustomStringConvertible {
    var description: String
}

private func strings(_ items: String...) -> JSONValue { .array(items.map(JSONValue.string)) }

/// Python's None for an absent optional field, removed as dataset.jsonl never writes it.
private func withoutNulls(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let members): return .object(members.filter { $0.value != .null }.mapValues(withoutNulls))
    case .array(let items): return .array(items.map(withoutNulls))
    default: return value
    }
}

private extension JSONValue {
    func setting(_ key: String, _ member: JSONValue) -> JSONValue {
        guard case .object(var members) = self else { return self }
        members[key] = member
        return .object(members)
    }

    var integer: Int? {
        if case .int(let number) = self { return number }
        return nil
    }
}

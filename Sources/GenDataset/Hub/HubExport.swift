import Foundation
import GenCore
import GenReport
import GenPipeline
import GenStore

/// The formats `gen export` writes.
public enum DatasetFormat: String, Sendable, CaseIterable {
    case parquet, jsonl, csv
}

/// What `gen export` writes: the format, the splits and what the card cannot know.
public struct HubExportOptions: Sendable {
    public var format: DatasetFormat
    public var split: SplitSpec
    /// The split's seed; nil for the run's own seed.
    public var seed: UInt64?
    public var provenance: Bool
    public var card: CardOptions

    public init(format: DatasetFormat = .parquet, split: SplitSpec = .all, seed: UInt64? = nil, provenance: Bool = false,
                card: CardOptions = CardOptions()) {
        self.format = format
        self.split = split
        self.seed = seed
        self.provenance = provenance
        self.card = card
    }
}

/// One written data file.
public struct ExportedSplit: Sendable, Equatable {
    public var name: String
    public var url: URL
    public var rows: Int
    public var bytes: Int
}

/// Cause and hint for an export that cannot be made.
public struct HubExportError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var hint: String?
    public var description: String { message }
}

/// A run's accepted samples as a dataset folder in the Hugging Face Hub's layout:
/// `data/SPLIT-00000-of-00001.EXT` per split and `README.md`, the dataset card with the split files in `configs`.
public enum HubExport {
    public static func write(runDirectory: URL, to folder: URL, options: HubExportOptions) async throws -> [ExportedSplit] {
        let store = try RunStore(opening: runDirectory, access: .readOnly)
        let lines = try await store.datasetLines(provenance: options.provenance)
        let data = try await RunReport.load(store)
        await store.close()
        guard let spec = data.graph?.spec else {
            throw HubExportError(message: "the run's pipeline graph cannot be read: \(data.graphProblem ?? "none stored")",
                                 hint: "`gen doctor \(runDirectory.path)` explains the damage")
        }
        let samples = try lines.enumerated().map { position, line in
            guard case .object(let members)? = CanonicalJSON.parse(line) else {
                throw HubExportError(message: "accepted sample #\(position + 1) is not a JSON object", hint: "export it with --format jsonl")
            }
            return members
        }
        let strata = samples.map { sample in spec.labelField.flatMap { sample[$0]?.stringValue } }
        let assignment = StratifiedSplit.assign(strata: strata, spec: options.split, seed: options.seed ?? data.run.seed)
        let dataFolder = folder.appendingPathComponent("data")
        do {
            try FileManager.default.createDirectory(at: dataFolder, withIntermediateDirectories: true)
        } catch {
            throw HubExportError(message: "cannot create \(dataFolder.path): \(error.localizedDescription)", hint: "choose another --out")
        }
        var written: [ExportedSplit] = []
        for (share, positions) in zip(options.split.shares, assignment) {
            let url = dataFolder.appendingPathComponent("\(share.name)-00000-of-00001.\(options.format.rawValue)")
            let bytes = try fileBytes(positions.map { samples[$0] }, lines: positions.map { lines[$0] }, spec: spec, options: options)
            try save(bytes, to: url)
            written.append(ExportedSplit(name: share.name, url: url, rows: positions.count, bytes: bytes.count))
        }
        try removeStaleFiles(in: dataFolder, keeping: Set(written.map(\.url.lastPathComponent)))
        var card = options.card
        card.provenance = options.provenance
        card.nestedAsText = options.format == .csv
        card.splits = written.map { CardSplit(name: $0.name, path: "data/" + $0.url.lastPathComponent, count: $0.rows, bytes: $0.bytes) }
        try save(Array(DatasetCard.render(data, options: card).utf8), to: folder.appendingPathComponent("README.md"))
        return written
    }

    static func fileBytes(
        _ samples: [[String: JSONValue]], lines: [String], spec: SpecNode, options: HubExportOptions
    ) throws -> [UInt8] {
        switch options.format {
        case .jsonl:
            return Array(lines.map { $0 + "\n" }.joined().utf8)
        case .csv:
            let columns = spec.output.fields.map(\.name) + (options.provenance ? ["_arm", "_batch", "_reward"] : [])
            return Array(CSVTable.render(columns: columns, rows: samples).utf8)
        case .parquet:
            let mapping = ParquetMapping(spec: spec, provenance: options.provenance)
            let writer = ParquetWriter(schema: mapping.schema, compression: .gzip, metadata: [("huggingface", mapping.huggingfaceMetadata)])
            do {
                return try writer.write(rows: samples.map(mapping.row))
            } catch let error as ParquetValueError {
                throw HubExportError(message: "a sample does not fit the schema: \(error.description)",
                                     hint: "export it with --format jsonl, which keeps samples as they are")
            }
        }
    }

    /// Data files an earlier export left (another split or format): `load_dataset` on the folder would find them.
    /// Only names in Gen's own pattern are removed, never other files someone put there.
    static func removeStaleFiles(in folder: URL, keeping: Set<String>) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where !keeping.contains(name) && name.contains("-00000-of-00001.")
            && DatasetFormat.allCases.contains(where: { name.hasSuffix("." + $0.rawValue) }) {
            do {
                try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            } catch {
                throw HubExportError(message: "cannot remove the earlier export's \(name): \(error.localizedDescription)",
                                     hint: "remove \(folder.path) or choose another --out")
            }
        }
    }

    static func save(_ bytes: [UInt8], to url: URL) throws {
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw HubExportError(message: "cannot write \(url.path): \(error.localizedDescription)", hint: "choose another --out")
        }
    }
}

import Foundation
import GenCore
import GenDataset
import GenReport
import GenStore

/// `gen export RUN [--format parquet|jsonl|csv] [--split train=0.9,test=0.1] [--out DIR]`: the run's accepted
/// samples as a dataset folder in the Hugging Face Hub's layout, with its card as README.md.
enum ExportCommand {
    static let spec = CommandSpec(
        name: "export", summary: "Write a run's dataset as a Hugging Face Hub folder (Parquet, JSONL or CSV)",
        details: """
            Writes DIR/data/SPLIT-00000-of-00001.FORMAT for every split and DIR/README.md, the dataset card with the
            splits in its `configs`. Splits are stratified by the label field when the schema has an enum label, and
            seeded (the run's seed unless --seed), so the same run gives the same files. Parquet is written by Gen
            itself (GZIP pages), with the label as a ClassLabel index that `datasets` shows by name.
            """,
        positionals: [PositionalSpec("RUN", help: "the run directory")],
        flags: [Flag.format, Flag.split, Flag.out, Flag.seed, Flag.provenance, Flag.license, Flag.licenseName, Flag.licenseLink])

    enum Flag {
        static let format = FlagSpec("format", value: "FORMAT", choices: DatasetFormat.allCases.map(\.rawValue),
                                     help: "the data files' format (default parquet)")
        static let split = FlagSpec("split", value: "NAME=F,...", help: "named fractions summing to 1 (default train=1)")
        static let out = FlagSpec("out", value: "DIR", help: "the dataset folder (default RUN/hub)")
        static let seed = FlagSpec("seed", value: "N", help: "the split's seed (default the run's seed)")
        static let provenance = FlagSpec("provenance", help: "add the _arm, _batch and _reward columns")
        static let license = FlagSpec("license", value: "ID", help: "the Hub license id for the card (default other)")
        static let licenseName = FlagSpec("license-name", value: "NAME", help: "with --license other: the license's short name")
        static let licenseLink = FlagSpec("license-link", value: "URL", help: "with --license other: where its text is")
    }

    static let command = Command(spec: spec) { arguments, console in
        let run = URL(fileURLWithPath: arguments.positionals[0])
        let format = arguments.value(Flag.format).flatMap(DatasetFormat.init(rawValue:)) ?? .parquet
        let split: SplitSpec
        do {
            split = try arguments.value(Flag.split).map(SplitSpec.parse) ?? .all
        } catch let error as SplitSpecError {
            throw UsageError(message: error.description, hint: error.hint)
        }
        let seed = try arguments.int(Flag.seed, in: 0...Int.max).map(UInt64.init)
        guard FileManager.default.fileExists(atPath: run.appendingPathComponent("run.sqlite").path) else {
            throw CommandFailure("no run in \(run.path) (it has no run.sqlite)\n  = hint: pass the directory `gen run --out DIR` wrote",
                                 exitCode: ExitCode.noInput)
        }
        let folder = arguments.value(Flag.out).map { URL(fileURLWithPath: $0) } ?? run.appendingPathComponent("hub")
        let card = CardOptions(license: arguments.value(Flag.license) ?? "other", licenseName: arguments.value(Flag.licenseName),
                               licenseLink: arguments.value(Flag.licenseLink))
        let options = HubExportOptions(format: format, split: split, seed: seed, provenance: arguments.has(Flag.provenance), card: card)
        do {
            for file in try await HubExport.write(runDirectory: run, to: folder, options: options) {
                console.write("\(file.name): \(file.rows) rows in \(file.url.path)\n")
            }
            console.write("dataset card: \(folder.appendingPathComponent("README.md").path)\n")
            return ExitCode.ok
        } catch let error as HubExportError {
            throw CommandFailure(error.message + (error.hint.map { "\n  = hint: \($0)" } ?? ""), exitCode: ExitCode.runtimeFailure)
        }
    }
}

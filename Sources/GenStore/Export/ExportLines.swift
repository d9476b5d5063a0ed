import GenCore

/// The stored rows an export is made of, and the one function per file that turns them into lines.
/// Export and verification both use these, so "what the file should hold" has a single definition.
struct ExportedSample {
    var sampleText: String
    var arm: String
    var batchIndex: Int
    var reward: Double
}

struct ExportedRejection {
    var batchIndex: Int
    var slot: Int
    var arm: String
    var sampleText: String?
    var rawText: String?
    var reasons: [String]
}

enum ExportLines {
    /// The stored canonical sample, byte for byte (so its SHA-256 is the candidate's content hash), or with
    /// provenance members added.
    static func dataset(_ sample: ExportedSample, provenance: Bool) -> String {
        guard provenance, case .object(var members)? = CanonicalJSON.parse(sample.sampleText) else { return sample.sampleText }
        members["_arm"] = .string(sample.arm)
        members["_batch"] = .int(sample.batchIndex)
        members["_reward"] = .double(sample.reward)
        return CanonicalJSON.string(.object(members))
    }

    /// The sample when it parsed, else the raw output, with why it was rejected and where it came from.
    static func rejected(_ row: ExportedRejection) -> String {
        var members: [String: JSONValue] = [
            "arm": .string(row.arm), "batch": .int(row.batchIndex), "slot": .int(row.slot),
            "reasons": .array(row.reasons.map(JSONValue.string)),
        ]
        if let text = row.sampleText, let sample = CanonicalJSON.parse(text) {
            members["sample"] = sample
        } else {
            members["raw"] = .string(row.rawText ?? "")
        }
        return CanonicalJSON.string(.object(members))
    }
}

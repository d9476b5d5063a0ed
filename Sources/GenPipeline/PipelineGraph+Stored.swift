import Foundation
import GenCore

/// Reading back the graph a run stored (`runs.graph_json`): resume, the report and `gen doctor` all decode
/// it, and a damaged one must be explained in plain words, never shown as a raw `DecodingError`.
extension PipelineGraph {
    public static func decode(stored json: JSONValue) throws(StoredGraphError) -> PipelineGraph {
        if json.objectValue?.isEmpty ?? false { throw StoredGraphError(reason: "the run stored no pipeline graph") }
        do {
            return try JSONDecoder().decode(PipelineGraph.self, from: Data(CanonicalJSON.string(json).utf8))
        } catch {
            throw StoredGraphError(reason: "the stored pipeline graph does not read back: " + DecodingProblem.describe(error))
        }
    }

    /// Why the stored graph cannot be used, or nil when it decodes.
    public static func problem(stored json: JSONValue) -> String? {
        do {
            _ = try decode(stored: json)
            return nil
        } catch {
            return error.reason
        }
    }
}

/// Why a stored pipeline graph cannot be used, in words.
public struct StoredGraphError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
}

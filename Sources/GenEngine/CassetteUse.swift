import Foundation
import GenPipeline
import GenProviders

/// `gen run --record FILE` or `--replay FILE`: every model exchange of the run written to, or answered from, a cassette.
public enum CassetteUse: Sendable, Equatable {
    case record(URL)
    case replay(URL)
}

/// The run's side of a cassette: wraps the clients the arms and checks call, and at the end writes the
/// recording or reports the first request a replay could not answer.
struct CassetteSession {
    var recorder: CassetteRecorder?
    var recordURL: URL?
    var replayer: CassetteReplayer?

    /// Loads a replay's cassette before anything else happens, so a bad file fails before a run directory exists.
    init(_ use: CassetteUse?) throws {
        switch use {
        case .record(let url)?:
            recordURL = url
        case .replay(let url)?:
            replayer = CassetteReplayer(cassette: try Cassette.load(from: url), path: url.path)
        case nil:
            break
        }
    }

    /// One cassette client per declared model in place of HTTP clients: nothing that could open a socket is made.
    func replayingClients(for graph: PipelineGraph) -> [String: any LLMClient]? {
        guard let replayer else { return nil }
        return Dictionary(uniqueKeysWithValues: graph.models.map { ($0.name, ReplayingClient(name: $0.name, replayer: replayer) as any LLMClient) })
    }

    /// Starts recording with the run's secret redactor: the clients the arms and checks call record through it.
    mutating func wrap(_ clients: [String: any LLMClient], redact: @escaping @Sendable (String) -> String) -> [String: any LLMClient] {
        guard recordURL != nil else { return clients }
        let recorder = CassetteRecorder(redact: redact)
        self.recorder = recorder
        return clients.mapValues { RecordingClient(base: $0, recorder: recorder) }
    }

    /// Writes the recording, also after a failed run (what was exchanged is useful). A replay that did not find a
    /// request fails through the error the client threw (see `failure(for:)`), not here: a pipelined run's batches
    /// still in flight at the end are cancelled, and one of them may ask what the recording never sent.
    func finish() async throws {
        if let recorder, let recordURL { try await recorder.cassette.write(to: recordURL) }
    }

    /// A replay's miss as the run's failure, naming the request and saying to record again.
    static func failure(for error: any Error) -> any Error {
        if case .notRecorded(let message)? = error as? LLMError { return RunFailure.notInCassette(message) }
        return error
    }
}

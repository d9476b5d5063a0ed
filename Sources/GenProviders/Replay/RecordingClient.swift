import GenCore

/// Wraps a model client and writes each exchange to a cassette. It returns the response as the cassette will
/// give it back, so the recorded run and its replay see the same bytes. A failure that stops the run is not
/// recorded (the run ends there), nor a cancellation; any other is, so the replay fails the same slot the same way.
public struct RecordingClient: LLMClient {
    public let base: any LLMClient
    public let recorder: CassetteRecorder

    public init(base: any LLMClient, recorder: CassetteRecorder) {
        self.base = base
        self.recorder = recorder
    }

    public func chat(_ request: ChatRequest) async throws -> ChatResponse {
        let canonical = RequestFingerprint.canonical(request)
        let response = try await exchange(canonical) { CassetteResponse.encode(try await base.chat(request)) }
        return try CassetteResponse.chat(response)
    }

    public func embed(_ texts: [String], model: String) async throws -> EmbeddingResponse {
        let canonical = RequestFingerprint.canonical(embedding: texts, model: model)
        let response = try await exchange(canonical) { CassetteResponse.encode(try await base.embed(texts, model: model)) }
        return try CassetteResponse.embedding(response)
    }

    private func exchange(_ canonical: JSONValue, call: () async throws -> JSONValue) async throws -> JSONValue {
        let fingerprint = RequestFingerprint.of(canonical)
        let occurrence = await recorder.begin(fingerprint)
        let caller = ModelCallSite.current
        do {
            let response = try await call()
            await recorder.add(CassetteExchange(
                fingerprint: fingerprint, occurrence: occurrence, caller: caller, request: canonical, outcome: .response(response)))
            return response
        } catch let error as LLMError where error.stopsRun {
            throw error
        } catch is CancellationError {
            throw CancellationError()  // a batch cancelled at the end of a run: nothing was answered
        } catch {
            await recorder.add(CassetteExchange(
                fingerprint: fingerprint, occurrence: occurrence, caller: caller, request: canonical, outcome: .failure("\(error)")))
            throw error
        }
    }
}

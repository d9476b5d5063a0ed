import Testing
import GenPipeline
@testable import GenSemantics

/// `base_urls`, `rpm`, `tpm` and `adaptive` on a model: what valid values lower to and how listings show them
/// (the errors are golden cases in errors/pools.gen).
@Suite struct PoolAttributeTests {
    static func model(_ arguments: String) -> ModelNode? {
        let script = validScript.replacingOccurrences(
            of: "openai(base_url: \"http://127.0.0.1:8080/v1\", model: \"smollm2\")", with: "openai(\(arguments))")
        let result = checkText(script)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return result.graph?.models.first
    }

    @Test func aPoolLowersWithItsRatesAndShowsAsAPool() throws {
        let model = try #require(Self.model(
            #"base_urls: ["http://a:8000/v1", "http://b:8000/v1"], model: "smollm2", rpm: 600, tpm: 90000, adaptive: false"#))
        #expect(model.endpoints == ["http://a:8000/v1", "http://b:8000/v1"] && model.baseURL == "http://a:8000/v1")
        #expect(model.requestsPerMinute == 600 && model.tokensPerMinute == 90000 && model.adaptive == false)
        #expect(model.servedAt == "at a pool of 2: http://a:8000/v1, http://b:8000/v1 (rpm 600, tpm 90000, fixed concurrency)")
    }

    @Test func oneServerStaysOneServer() throws {
        let model = try #require(Self.model(#"base_url: "http://127.0.0.1:8080/v1", model: "smollm2""#))
        #expect(model.baseURLs == nil && model.endpoints == ["http://127.0.0.1:8080/v1"])
        #expect(model.adaptive == nil && model.requestsPerMinute == nil)
        #expect(model.servedAt == "at http://127.0.0.1:8080/v1")
    }
}

import Foundation
import GenCore
import GenProviders
import GenTestSupport
import Testing

/// One structured-output setting for every backend: OpenAI's `json_schema` form first, llama.cpp's
/// `json_object` + `schema` form when the server refuses it, remembered per endpoint.
@Suite struct StructuredOutputFallbackTests {
    /// A server that only takes llama.cpp's form, refusing the other the way `rejection` says.
    static func llamaStyleServer(rejection: StubResponse) throws -> StubHTTPServer {
        try StubHTTPServer { request, _ in
            request.json?["response_format"]?["type"]?.stringValue == "json_schema"
                ? rejection
                : .json(OpenAIStubBodies.chatCompletion(#"{"text": "great film", "label": "pos"}"#))
        }
    }

    static func formats(_ server: StubHTTPServer) -> [JSONValue?] {
        server.requests.map { $0.json?["response_format"] }
    }

    static let llamaCppRejection = StubResponse.json(OpenAIStubBodies.llamaCppResponseFormatRejection(), status: 500)
    static let validationRejection = StubResponse.json(.object(["detail": .string("response_format: unsupported type json_schema")]), status: 422)

    @Test(arguments: [llamaCppRejection, validationRejection])
    func refusedJSONSchemaFallsBackToJSONObjectAndIsRemembered(rejection: StubResponse) async throws {
        let server = try Self.llamaStyleServer(rejection: rejection)
        defer { server.stop() }
        let sleeper = RecordingSleeper()
        let client = try StubClients.client(baseURL: server.baseURL, sleeper: sleeper)
        let first = try await client.chat(StubClients.request(schema: StubClients.schema))
        #expect(first.structuredOutput == .jsonObjectWithSchema)
        #expect(first.text.contains("great film"))
        let second = try await client.chat(StubClients.request(schema: StubClients.schema))
        #expect(second.structuredOutput == .jsonObjectWithSchema)
        let sent = Self.formats(server)
        #expect(sent.count == 3, "one refusal, then llama.cpp's form for both requests")
        #expect(sent[0] == .object(["type": .string("json_schema"),
                                    "json_schema": .object(["name": .string("output"), "schema": StubClients.schema])]))
        #expect(sent[1] == .object(["type": .string("json_object"), "schema": StubClients.schema]))
        #expect(sent[2] == sent[1])
        // A refused format is not a server hiccup to retry: it is never sent again. (The sleeper may still see a
        // wait when the loaded test machine drops a connection to the stub; that retry reaches the server as
        // one of the three requests counted above.)
        #expect(sent.filter { $0 == sent[0] }.count == 1, "the refused json_schema form is sent once")
    }

    @Test func openAIStyleServerKeepsJSONSchema() async throws {
        let server = try StubHTTPServer(responses: [.json(OpenAIStubBodies.chatCompletion(#"{"text": "x", "label": "neg"}"#))])
        defer { server.stop() }
        let response = try await StubClients.client(baseURL: server.baseURL).chat(StubClients.request(schema: StubClients.schema))
        #expect(response.structuredOutput == .jsonSchema)
        #expect(server.requests.count == 1)
    }

    @Test func fixedDialectIsSentAsIsWithoutFallback() async throws {
        let server = try Self.llamaStyleServer(rejection: Self.validationRejection)
        defer { server.stop() }
        let client = try StubClients.client(baseURL: server.baseURL, structuredOutput: .fixed(.jsonSchema))
        let error = await #expect(throws: LLMError.self) { try await client.chat(StubClients.request(schema: StubClients.schema)) }
        #expect(error == .badRequest(url: server.baseURL, status: 422, serverMessage: "response_format: unsupported type json_schema"))
        #expect(server.requests.count == 1)
    }

    @Test func aServerRefusingBothFormsReportsBothMessages() async throws {
        let server = try StubHTTPServer { request, _ in
            let type = request.json?["response_format"]?["type"]?.stringValue ?? "none"
            return .json(.object(["error": .object(["message": .string("response_format \(type) is not supported")])]), status: 400)
        }
        defer { server.stop() }
        let error = await #expect(throws: LLMError.self) {
            try await StubClients.client(baseURL: server.baseURL).chat(StubClients.request(schema: StubClients.schema))
        }
        let text = error?.description ?? ""
        #expect(text.contains("accepts neither structured-output form"))
        #expect(text.contains("json_schema: response_format json_schema is not supported"))
        #expect(text.contains("json_object: response_format json_object is not supported"))
        #expect(server.requests.count == 2)
    }

    @Test func unrelatedBadRequestDoesNotTriggerTheFallback() async throws {
        let server = try StubHTTPServer(responses: [.json(.object(["error": .object(["message": .string("prompt is too long")])]), status: 400)])
        defer { server.stop() }
        await #expect(throws: LLMError.badRequest(url: server.baseURL, status: 400, serverMessage: "prompt is too long")) {
            try await StubClients.client(baseURL: server.baseURL).chat(StubClients.request(schema: StubClients.schema))
        }
        #expect(server.requests.count == 1)
    }

    @Test func freeTextRequestsSendNoResponseFormat() async throws {
        let server = try StubHTTPServer(responses: [StubClients.ok])
        defer { server.stop() }
        let response = try await StubClients.client(baseURL: server.baseURL).chat(StubClients.request())
        #expect(response.structuredOutput == nil)
        #expect(server.requests.first?.json?["response_format"] == nil)
    }
}

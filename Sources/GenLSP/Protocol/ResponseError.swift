import GenCore

/// A JSON-RPC error a request answers with instead of a result: never a crash, never silence.
public struct ResponseError: Error, Equatable, Sendable {
    public let code: Int
    public let message: String

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    public static func parseError(_ message: String) -> ResponseError { ResponseError(code: -32700, message: message) }
    public static func invalidRequest(_ message: String) -> ResponseError { ResponseError(code: -32600, message: message) }
    public static func methodNotFound(_ method: String) -> ResponseError { ResponseError(code: -32601, message: "unknown method `\(method)`") }
    public static func invalidParams(_ message: String) -> ResponseError { ResponseError(code: -32602, message: message) }
    public static func serverNotInitialized() -> ResponseError { ResponseError(code: -32002, message: "the server has not been initialized") }
    /// LSP's RequestFailed: the request was valid but cannot be done (rename of a keyword, say).
    public static func requestFailed(_ message: String) -> ResponseError { ResponseError(code: -32803, message: message) }

    var json: JSONValue { .object(["code": .int(code), "message": .string(message)]) }
}

import GenCore

/// Typed reads of request parameters: a missing or mistyped member is an invalid-params error naming it.
struct Params {
    let value: JSONValue

    func string(_ key: String) throws(ResponseError) -> String {
        guard let text = value[key]?.stringValue else { throw .invalidParams("`\(key)` must be a string") }
        return text
    }

    func int(_ key: String) throws(ResponseError) -> Int {
        guard case .int(let number)? = value[key] else { throw .invalidParams("`\(key)` must be an integer") }
        return number
    }

    func object(_ key: String) throws(ResponseError) -> Params {
        guard let member = value[key], member.objectValue != nil else { throw .invalidParams("`\(key)` must be an object") }
        return Params(value: member)
    }

    func array(_ key: String) throws(ResponseError) -> [JSONValue] {
        guard let items = value[key]?.arrayValue else { throw .invalidParams("`\(key)` must be an array") }
        return items
    }

    /// `textDocument.uri`, present in every document request.
    func documentURI() throws(ResponseError) -> String { try object("textDocument").string("uri") }

    func position() throws(ResponseError) -> LSPPosition {
        let position = try object("position")
        return LSPPosition(line: try position.int("line"), character: try position.int("character"))
    }
}

import Foundation

/// A `DecodingError` in plain words: where in the document and what was wrong there.
///
/// Swift's own description dumps coding paths and contexts (`keyNotFound(CodingKeys(stringValue: ...`),
/// which tells a user nothing; stored JSON that no longer decodes must be explained, not dumped.
public enum DecodingProblem {
    /// "`spec.count` is missing", "`arms[2].name` is a number where text was expected", ...
    public static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(place(context.codingPath + [key])) is missing"
        case .valueNotFound(let type, let context):
            return "\(place(context.codingPath)) is null where \(noun(type)) was expected"
        case .typeMismatch(let type, let context):
            return "\(place(context.codingPath)) is not \(noun(type))"
        case .dataCorrupted(let context):
            // At the top level this is JSONDecoder's syntax error, whose own words are plain ("...not valid JSON.").
            if context.codingPath.isEmpty { return "the document cannot be read: \(context.debugDescription)" }
            return "\(place(context.codingPath)) holds a value that is not allowed (\(context.debugDescription))"
        @unknown default:
            return "\(error)"
        }
    }

    /// `a.b[2].c`, or "the document" for the top level.
    static func place(_ path: [any CodingKey]) -> String {
        guard !path.isEmpty else { return "the document" }
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return "`\(text)`"
    }

    /// A Swift type as a user would name the JSON it wants.
    static func noun(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Bool.Type: return "true or false"
        case is Int.Type, is Int64.Type, is UInt64.Type: return "a whole number"
        case is Double.Type, is Float.Type: return "a number"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array<") { return "a list" }
            if name.hasPrefix("Dictionary<") { return "an object" }
            return "a \(name) value"
        }
    }
}

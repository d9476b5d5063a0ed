import Foundation
import GenCore

/// The human-readable part of an error body, in the shapes servers use:
/// OpenAI `{"error": {"message": ...}}`, FastAPI `{"detail": ...}`, `{"error": "..."}`, `{"message": ...}`,
/// or plain text. Long bodies are cut so one message cannot flood a report.
enum ServerMessage {
    static let limit = 600

    static func extract(from body: Data) -> String {
        let raw = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !raw.isEmpty else { return "no details in the response body" }
        let value = CanonicalJSON.parse(raw)
        let message = value.flatMap(message(in:)) ?? raw
        return message.count > limit ? String(message.prefix(limit)) + "…" : message
    }

    private static func message(in value: JSONValue) -> String? {
        if let text = value["error"]?["message"]?.stringValue { return text }
        if let text = value["error"]?.stringValue { return text }
        if let text = value["message"]?.stringValue { return text }
        if let detail = value["detail"] {
            return detail.stringValue ?? CanonicalJSON.string(detail)
        }
        return nil
    }
}

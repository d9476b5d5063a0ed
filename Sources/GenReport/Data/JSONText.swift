import GenCore

/// JSON values as short readable text for tables and cards.
enum JSONText {
    /// Strings bare, everything else as canonical JSON, cut to 80 characters.
    static func short(_ value: JSONValue) -> String {
        let text = value.stringValue ?? CanonicalJSON.string(value)
        return text.count <= 80 ? text : String(text.prefix(79)) + "\u{2026}"
    }
}

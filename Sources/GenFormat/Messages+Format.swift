import GenCore

/// Formatter messages. Keep members in alphabetical order; the member name is the id.
extension Messages {
    public static func formatterSafetyCheckFailed(_ detail: String) -> DiagnosticMessage {
        DiagnosticMessage(
            "the formatter refused to format this file: \(detail)",
            hint: "this is a bug in `gen fmt`; the file was left unchanged, please report it with the file")
    }
}

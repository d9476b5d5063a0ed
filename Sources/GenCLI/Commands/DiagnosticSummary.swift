import GenCore

/// The last line of `gen check` and friends: "2 errors in 1 file", "1 error and 3 warnings in 2 files".
enum DiagnosticSummary {
    static func line(_ diagnostics: [Diagnostic], files: Int) -> String {
        counts(diagnostics) + " in " + plural(files, "file")
    }

    /// "2 errors", "1 error and 3 warnings" (notes are not counted).
    static func counts(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        var parts: [String] = []
        if errors > 0 || warnings == 0 { parts.append(plural(errors, "error")) }
        if warnings > 0 { parts.append(plural(warnings, "warning")) }
        return parts.joined(separator: " and ")
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}

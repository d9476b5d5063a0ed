import GenCore

/// `textDocument/publishDiagnostics` from the checker's diagnostics: the same message as `gen check`, its
/// label and hint and unplaced notes appended, its secondary spans and placed notes as related information.
enum PublishedDiagnostics {
    static func notification(for analysis: DocumentAnalysis) -> JSONValue {
        let items = analysis.diagnostics.map { diagnostic($0, positions: analysis.positions, uri: analysis.uri) }
        return .object([
            "jsonrpc": .string("2.0"), "method": .string("textDocument/publishDiagnostics"),
            "params": .object(["uri": .string(analysis.uri), "version": .int(analysis.version), "diagnostics": .array(items)]),
        ])
    }

    /// Clears a closed document's diagnostics.
    static func cleared(uri: String) -> JSONValue {
        .object(["jsonrpc": .string("2.0"), "method": .string("textDocument/publishDiagnostics"),
                 "params": .object(["uri": .string(uri), "diagnostics": .array([])])])
    }

    static func diagnostic(_ diagnostic: Diagnostic, positions: PositionMap, uri: String) -> JSONValue {
        var message = diagnostic.message
        if let label = diagnostic.label, !label.isEmpty { message += " (\(label))" }
        for note in diagnostic.notes where note.span == nil { message += "\nnote: \(note.text)" }
        if let hint = diagnostic.hint { message += "\nhint: \(hint)" }
        let related = diagnostic.secondary.map { (text: $0.text, span: $0.span) }
            + diagnostic.notes.compactMap { note in note.span.map { (text: note.text, span: $0) } }
        var object: [String: JSONValue] = [
            "range": positions.range(of: diagnostic.span).json,
            "severity": .int(severity(diagnostic.severity)),
            "source": .string("gen"),
            "code": .string(diagnostic.id.description),
            "message": .string(message),
        ]
        let sameFile = related.filter { $0.span.file == diagnostic.span.file }
        if !sameFile.isEmpty {
            object["relatedInformation"] = .array(sameFile.map { item in
                .object(["location": .object(["uri": .string(uri), "range": positions.range(of: item.span).json]), "message": .string(item.text)])
            })
        }
        return .object(object)
    }

    /// LSP's DiagnosticSeverity: 1 error, 2 warning, 3 information.
    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: 1
        case .warning: 2
        case .note: 3
        }
    }
}

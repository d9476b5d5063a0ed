import GenCore

/// `textDocument/definition`: where a name, `alias.name` or `sample.field` is declared, in this file, an
/// imported one, or a standard module; on an import's path, the module itself.
struct DefinitionProvider {
    func definition(_ analysis: DocumentAnalysis, at position: LSPPosition) -> JSONValue {
        let offset = analysis.positions.offset(of: position)
        if let (_, module) = analysis.imports.first(where: { $0.declaration.pathSpan.contains(offset) }), let module, let uri = module.uri {
            return location(uri: uri, range: LSPRange(start: LSPPosition(line: 0, character: 0), end: LSPPosition(line: 0, character: 0)))
        }
        let context = CursorContext(program: analysis.program, offset: offset)
        if let (module, field) = analysis.sampleField(of: context) { return location(module, field.name.span) }
        if let (module, symbol) = analysis.target(of: context) { return location(module, symbol.nameSpan) }
        return .null
    }

    private func location(_ module: IndexedModule, _ span: Span) -> JSONValue {
        guard let uri = module.uri else { return .null }
        return location(uri: uri, range: PositionMap(module.source).range(of: span))
    }

    private func location(uri: String, range: LSPRange) -> JSONValue {
        .object(["uri": .string(uri), "range": range.json])
    }
}

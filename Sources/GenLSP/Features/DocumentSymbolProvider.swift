import GenCore
import GenSyntax

/// `textDocument/documentSymbol`: the named declarations, schema fields under their schema.
struct DocumentSymbolProvider {
    /// LSP's SymbolKind values used here.
    static func kind(_ kind: DeclaredSymbol.Kind) -> Int {
        switch kind {
        case .constant: 14
        case .function: 12
        case .model: 13
        case .schema: 23
        case .arm: 5
        case .spec: 2
        }
    }

    func symbols(_ analysis: DocumentAnalysis) -> JSONValue {
        let positions = analysis.positions
        return .array(analysis.root.symbols.map { symbol in
            var object: [String: JSONValue] = [
                "name": .string(symbol.name), "detail": .string(symbol.kind.rawValue), "kind": .int(Self.kind(symbol.kind)),
                "range": positions.range(of: symbol.declaration.span).json, "selectionRange": positions.range(of: symbol.nameSpan).json,
            ]
            if case .schema(let schema) = symbol.declaration {
                object["children"] = .array(schema.body.items.map { field in
                    .object([
                        "name": .string(field.name.name), "kind": .int(8), "detail": .string(analysis.source.text(of: field.value.span)),
                        "range": positions.range(of: field.span).json, "selectionRange": positions.range(of: field.name.span).json,
                    ])
                })
            }
            return .object(object)
        })
    }
}

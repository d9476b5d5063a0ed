import GenCore
import GenSyntax

/// `textDocument/completion`: what may be typed where the cursor is. Clients filter by the typed prefix.
struct CompletionProvider {
    let catalog: CapabilityCatalog

    /// LSP's CompletionItemKind values used here.
    enum ItemKind: Int {
        case function = 3, field = 5, variable = 6, `class` = 7, module = 9, property = 10, keyword = 14, constant = 21, `struct` = 22
    }

    static let declarationWords = ["gen", "import", "let", "fn"] + ContextualWord.declarations.map(\.rawValue)
    static let qualityWords = ContextualWord.qualityEntries.map(\.rawValue)
    static let expressionWords = ["if", "then", "else", "true", "false", "none"]

    func completion(_ analysis: DocumentAnalysis, at position: LSPPosition) -> JSONValue {
        let context = CursorContext(program: analysis.program, offset: analysis.positions.offset(of: position))
        return .object(["isIncomplete": .bool(false), "items": .array(items(analysis, context))])
    }

    private func items(_ analysis: DocumentAnalysis, _ context: CursorContext) -> [JSONValue] {
        if context.qualifier == "sample" {
            guard let (module, schema) = analysis.sampleSchema else { return [] }
            return schema.body.items.map { item($0.name.name, .field, detail: module.source.text(of: $0.value.span)) }
        }
        if let qualifier = context.qualifier {
            guard let module = analysis.module(aliased: qualifier) else { return [] }
            return module.symbols.filter(\.kind.isExported).map { symbol(module, $0, analysis) }
        }
        if context.startsDeclaration { return Self.declarationWords.map { item($0, .keyword) } }
        if context.block == "quality", context.callee == nil, isLineStart(analysis, context) {
            return Self.qualityWords.map { item($0, .keyword) }
        }
        var items: [JSONValue] = []
        if context.startsArgument, let callee = context.callee, let entry = catalog.kinds[callee] {
            items += entry.spec.parameters.map { parameter in
                item(parameter.name, .property, detail: parameter.signatureText, documentation: entry.spec.summary, insert: parameter.name + ": ")
            }
        }
        items += analysis.namesInScope.map { symbol($0.module, $0.symbol, analysis) }
        items += analysis.imports.compactMap { $0.declaration.alias.map { item($0.name, .module) } }
        items += catalog.functions.keys.sorted().compactMap { name in
            catalog.functions[name]?.first.map { item(name, .function, detail: CapabilityCatalog.functionSignatureText($0), documentation: $0.summary) }
        }
        items += catalog.kinds.keys.sorted().compactMap { name in
            catalog.kinds[name].map { item(name, .class, detail: $0.spec.signatureText, documentation: "\($0.role): \($0.spec.summary)") }
        }
        items += (Self.expressionWords + ["sample"]).map { item($0, .keyword) }
        return items
    }

    /// True when the word being typed (or the cursor) is the first thing on its line.
    private func isLineStart(_ analysis: DocumentAnalysis, _ context: CursorContext) -> Bool {
        guard let word = context.word else { return true }
        let line = analysis.positions.lines.line(of: word.span.start)
        let start = analysis.positions.lines.lineStarts[line - 1]
        return analysis.source.text(of: Span(file: analysis.source.id, start: start, end: word.span.start)).allSatisfy(\.isWhitespace)
    }

    private func symbol(_ module: IndexedModule, _ symbol: DeclaredSymbol, _ analysis: DocumentAnalysis) -> JSONValue {
        let kind: ItemKind = switch symbol.kind {
        case .constant: .constant
        case .function: .function
        case .schema: .struct
        case .model, .arm, .spec: .variable
        }
        var detail = symbol.signature(in: module.source)
        if symbol.kind == .constant, let type = analysis.constantType(symbol, in: module) { detail = "\(symbol.name): \(type.displayName)" }
        return item(symbol.name, kind, detail: detail, documentation: symbol.documentation.isEmpty ? nil : symbol.documentation)
    }

    private func item(_ label: String, _ kind: ItemKind, detail: String? = nil, documentation: String? = nil, insert: String? = nil) -> JSONValue {
        var object: [String: JSONValue] = ["label": .string(label), "kind": .int(kind.rawValue)]
        if let detail { object["detail"] = .string(detail) }
        if let documentation { object["documentation"] = .string(documentation) }
        if let insert { object["insertText"] = .string(insert) }
        return .object(object)
    }
}

import GenCore
import GenPipeline
import GenSyntax

/// Everything the requests on one document version need: its parse, its imports' parses, the diagnostics
/// `gen check` gives it, and the checked constants (for their types).
struct DocumentAnalysis {
    let uri: String
    let version: Int
    let root: IndexedModule
    /// Each import of the root with the module it loaded (nil when it did not load).
    let imports: [(declaration: ImportDecl, module: IndexedModule?)]
    /// The diagnostics in the root file, sorted by position.
    let diagnostics: [Diagnostic]
    let constants: [String: IRConstant]
    /// Absolute paths of the workspace files this document imports (re-checked when one of them changes).
    let importedPaths: Set<String>
    let positions: PositionMap

    var program: Program { root.program }
    var source: SourceFile { root.source }

    /// What a bare name means at the top level: the root's own declarations first, then what imports without
    /// an alias share, as the checker's scope does.
    func resolve(_ name: String) -> (module: IndexedModule, symbol: DeclaredSymbol)? {
        if let own = root.symbol(named: name) { return (root, own) }
        for (declaration, module) in imports where declaration.alias == nil {
            if let module, let symbol = module.symbol(named: name), symbol.kind.isExported { return (module, symbol) }
        }
        return nil
    }

    /// The module imported `as alias`.
    func module(aliased alias: String) -> IndexedModule? {
        imports.first { $0.declaration.alias?.name == alias }?.module
    }

    /// Every name a bare identifier can refer to here, for completion.
    var namesInScope: [(module: IndexedModule, symbol: DeclaredSymbol)] {
        var seen = Set<String>()
        var names: [(IndexedModule, DeclaredSymbol)] = []
        for symbol in root.symbols where seen.insert(symbol.name).inserted { names.append((root, symbol)) }
        for (declaration, module) in imports where declaration.alias == nil {
            guard let module else { continue }
            for symbol in module.symbols where symbol.kind.isExported && seen.insert(symbol.name).inserted { names.append((module, symbol)) }
        }
        return names
    }

    /// The checked type of a `let`, when the checker got that far.
    func constantType(_ symbol: DeclaredSymbol, in module: IndexedModule) -> GenType? {
        if let constant = constants[symbol.name], constant.source.file == module.source.path { return constant.type }
        return constants[module.key + ":" + symbol.name]?.type
    }
}

extension DocumentAnalysis {
    /// The schema `sample` has: the one the spec's `output:` names.
    var sampleSchema: (module: IndexedModule, schema: SchemaDecl)? {
        for case .spec(let spec) in program.declarations {
            guard let output = spec.body.items.first(where: { $0.key.name == "output" }), case .name(let name) = output.value.kind,
                  let (module, symbol) = resolve(name), case .schema(let schema) = symbol.declaration else { continue }
            return (module, schema)
        }
        return nil
    }

    /// The declaration a word names: `alias.name`, `sample.field` (as its schema), or a name in scope.
    func target(of context: CursorContext) -> (module: IndexedModule, symbol: DeclaredSymbol)? {
        guard let word = context.word?.text else { return nil }
        if let qualifier = context.qualifier {
            guard let module = module(aliased: qualifier), let symbol = module.symbol(named: word), symbol.kind.isExported else { return nil }
            return (module, symbol)
        }
        return context.isArgumentLabel ? nil : resolve(word)
    }

    /// The field `sample.word` points at.
    func sampleField(of context: CursorContext) -> (module: IndexedModule, field: Field)? {
        guard context.qualifier == "sample", let word = context.word?.text, let (module, schema) = sampleSchema,
              let field = schema.body.items.first(where: { $0.name.name == word }) else { return nil }
        return (module, field)
    }
}

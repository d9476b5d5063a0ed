import GenCore
import GenSyntax

/// A top-level declaration, identified by its module and name.
struct DeclKey: Hashable {
    let module: Int
    let name: String
}

/// What a top-level name declares.
enum DeclaredThing {
    case constant(LetDecl)
    case function(FnDecl)
    case model(NamedDecl)
    case schema(SchemaDecl)
    case arm(NamedDecl)
    case spec(BlockDecl)

    /// How the thing is called in messages: "a constant", "a model", ...
    var description: String {
        switch self {
        case .constant: "a constant"
        case .function: "a function"
        case .model: "a model"
        case .schema: "a schema"
        case .arm: "an arm"
        case .spec: "the spec"
        }
    }
}

/// A declared name with where it was declared.
struct Symbol {
    let key: DeclKey
    let thing: DeclaredThing
    /// The span of the name in its declaration (for "first declared here").
    let nameSpan: Span
}

/// What a name means in one module's top-level scope.
enum ScopeEntry {
    case symbol(Symbol)
    /// `import "..." as alias`: the module index, and the alias span.
    case module(Int, Span)

    var span: Span {
        switch self {
        case .symbol(let symbol): symbol.nameSpan
        case .module(_, let span): span
        }
    }
}

/// Builds each module's top-level scope: its own declarations plus what its imports export, reporting
/// duplicates with both spans.
enum ScopeBuilder {
    /// The declarations a module makes itself (exported to importers), and the diagnostics for duplicates among them.
    static func ownSymbols(of module: Module) -> [Symbol] {
        module.program.declarations.compactMap { declaration -> Symbol? in
            let make = { (name: Identifier, thing: DeclaredThing) in
                Symbol(key: DeclKey(module: module.index, name: name.name), thing: thing, nameSpan: name.span)
            }
            switch declaration {
            case .let(let d): return make(d.name, .constant(d))
            case .fn(let d): return make(d.name, .function(d))
            case .model(let d): return make(d.name, .model(d))
            case .schema(let d): return make(d.name, .schema(d))
            case .arm(let d): return make(d.name, .arm(d))
            case .spec(let d): return d.name.map { make($0, .spec(d)) }
            default: return nil
            }
        }
    }

    static func scopes(for modules: [Module], diagnostics: inout [Diagnostic]) -> [[String: ScopeEntry]] {
        let own = modules.map(ownSymbols)
        return modules.map { module in
            var scope: [String: ScopeEntry] = [:]
            func declare(_ name: String, _ entry: ScopeEntry) {
                if let first = scope[name] {
                    // The same declaration reached twice (e.g. one module imported twice) is not a clash.
                    if case .symbol(let a) = first, case .symbol(let b) = entry, a.nameSpan == b.nameSpan { return }
                    diagnostics.append(Diagnostic(
                        Messages.duplicateDeclaration(name), at: entry.span,
                        secondary: [DiagnosticLabel("first declared here", at: first.span)]))
                } else {
                    scope[name] = entry
                }
            }
            for (decl, target) in module.imports {
                guard let target else { continue }
                if let alias = decl.alias {
                    declare(alias.name, .module(target, alias.span))
                } else {
                    for symbol in own[target] where isExported(symbol) { declare(symbol.key.name, .symbol(symbol)) }
                }
            }
            for symbol in own[module.index] { declare(symbol.key.name, .symbol(symbol)) }
            return scope
        }
    }

    /// Imported modules share constants, functions, models and schemas.
    static func isExported(_ symbol: Symbol) -> Bool {
        switch symbol.thing {
        case .constant, .function, .model, .schema: true
        case .arm, .spec: false
        }
    }
}

/// A module's top-level names by what they name, sorted, for "did you mean" hints. Built once per module
/// on first use (scopes are fixed before any expression is checked): collecting them for every unknown
/// name made checking a file with thousands of mistakes quadratic.
struct ScopeNames {
    /// Constants and models: what a bare name in an expression can refer to.
    let values: [String]
    let functions: [String]
    let schemas: [String]

    init(_ scope: [String: ScopeEntry]) {
        var values: [String] = [], functions: [String] = [], schemas: [String] = []
        for (name, entry) in scope {
            guard case .symbol(let symbol) = entry else { continue }
            switch symbol.thing {
            case .constant, .model: values.append(name)
            case .function: functions.append(name)
            case .schema: schemas.append(name)
            default: break
            }
        }
        self.values = values.sorted()
        self.functions = functions.sorted()
        self.schemas = schemas.sorted()
    }
}

extension CheckSession {
    /// The names of a module's scope, built on first use.
    func scopeNames(_ module: Int) -> ScopeNames {
        if let names = scopeNameCache[module] { return names }
        let names = ScopeNames(scopes[module])
        scopeNameCache[module] = names
        return names
    }
}

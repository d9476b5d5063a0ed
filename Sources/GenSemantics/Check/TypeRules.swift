import GenPipeline

/// Which values may stand where: the checker's subtyping rules, matching the runtime's promotions.
///
/// `any` goes both ways; an int is accepted where a float is expected (the runtime promotes it); an enum value is
/// a string; `list(any)` accepts any list; an open record with no fields accepts any record or sample; a record
/// or sample is accepted where a record with known fields is expected when it has them all.
struct TypeRules {
    /// Fields of schema samples by schema IR name.
    let schemaFields: (String) -> [String: GenType]?

    func isAssignable(_ from: GenType, to target: GenType) -> Bool {
        switch (from, target) {
        case (.any, _), (_, .any): return true
        case (.int, .float): return true
        case (.enumeration, .string): return true
        case (.enumeration(let values), .enumeration(let allowed)): return Set(values).isSubset(of: Set(allowed))
        case (.list(let element), .list(let targetElement)): return isAssignable(element, to: targetElement)
        case (.range(let bound), .range(let targetBound)): return isAssignable(bound, to: targetBound)
        case (_, .record(let targetFields, let open)):
            guard let fields = recordFields(from) else { return false }
            if open && targetFields.isEmpty { return true }
            return targetFields.allSatisfy { name, type in fields[name].map { isAssignable($0, to: type) } ?? false }
        default: return from == target
        }
    }

    /// The fields of a record or sample type, else nil.
    func recordFields(_ type: GenType) -> [String: GenType]? {
        switch type {
        case .record(let fields, _): return fields
        case .schema(let name): return schemaFields(name)
        default: return nil
        }
    }

    /// The common type of two values that meet (list elements, `if` branches), or nil when there is none.
    func join(_ a: GenType, _ b: GenType) -> GenType? {
        if a == b { return a }
        switch (a, b) {
        case (.any, _), (_, .any): return .any
        case (.int, .float), (.float, .int): return .float
        case (.enumeration(let x), .enumeration(let y)): return .enumeration(x + y.filter { !x.contains($0) })
        case (.enumeration, .string), (.string, .enumeration): return .string
        case (.none, _): return b
        case (_, .none): return a
        case (.list(let x), .list(let y)): return join(x, y).map(GenType.list)
        case (.record(let x, let xOpen), .record(let y, let yOpen)):
            var fields: [String: GenType] = [:]
            for (name, type) in x {
                guard let other = y[name], let joined = join(type, other) else { continue }
                fields[name] = joined
            }
            return .record(fields: fields, open: xOpen || yOpen || fields.count != x.count || fields.count != y.count)
        default: return nil
        }
    }

    /// True when the type holds floats somewhere (the runtime promotes ints there).
    static func isNumber(_ type: GenType) -> Bool { type.isNumeric }
}

extension SchemaFieldType {
    /// The static type of a value of this field.
    var genType: GenType {
        switch self {
        case .string: .string
        case .int: .int
        case .float: .float
        case .bool: .bool
        case .enumeration(let values): .enumeration(values)
        case .list(let element, _, _): .list(element.genType)
        case .object(let fields): .record(fields: OutputSchema(fields: fields).fieldTypes, open: false)
        }
    }
}

extension OutputSchema {
    /// Field name to static type.
    var fieldTypes: [String: GenType] {
        Dictionary(fields.map { ($0.name, $0.type.genType) }, uniquingKeysWith: { first, _ in first })
    }
}

extension GenType {
    /// How a type reads in "found ..." messages; schema samples read as their schema's name.
    var described: String { displayName }
}

import GenCore
import GenPipeline
import GenSyntax

/// `schema Name { field: type ... }`: field types with their constraints (`string(min: 12, max: 240)`,
/// `enum("a", "b")`, `list(string, max: 5)`, another schema, or `{nested: int}`).
extension CheckSession {
    func schema(_ key: DeclKey, usedAt span: Span?) -> CheckedSchema? {
        switch schemas[key] {
        case .done(let schema)?: return schema
        case .failed?: return nil
        case .inProgress?:
            if let span { report(Messages.declarationCycle(key.name), at: span, hint: "a schema cannot contain itself") }
            schemas[key] = .failed
            return nil
        case nil: break
        }
        guard let symbol = symbols[key], case .schema(let decl) = symbol.thing else { return nil }
        schemas[key] = .inProgress
        var fields: [SchemaField] = []
        var seen: [String: Span] = [:]
        var failed = false
        for field in decl.body.items {
            if let first = seen[field.name.name] {
                report(Messages.duplicateSchemaField(field.name.name), at: field.name.span, secondary: [DiagnosticLabel("first declared here", at: first)])
                failed = true
                continue
            }
            seen[field.name.name] = field.name.span
            guard let type = fieldType(field.value, module: key.module) else { failed = true; continue }
            fields.append(SchemaField(name: field.name.name, isOptional: field.isOptional, type: type))
        }
        if case .failed? = schemas[key] { return nil }
        guard !failed else {
            schemas[key] = .failed
            return nil
        }
        let checked = CheckedSchema(irName: irName(for: key, kind: "schema"), schema: OutputSchema(fields: fields))
        schemas[key] = .done(checked)
        schemaByIRName[checked.irName] = checked.schema
        return checked
    }

    static let fieldTypeNames = ["string", "int", "float", "bool", "enum", "list"]

    func fieldType(_ expr: Expr, module: Int) -> SchemaFieldType? {
        switch expr.kind {
        case .name(let name):
            switch name {
            case "string": return .string()
            case "int": return .int()
            case "float": return .float()
            case "bool": return .bool
            default: return schemaReference(name, span: expr.span, module: module)
            }
        case .call(let callee, let arguments):
            guard case .name(let name) = callee.kind else { break }
            return constrainedType(name, calleeSpan: callee.span, arguments, span: expr.span, module: module)
        case .record(let recordFields):
            var fields: [SchemaField] = []
            for field in recordFields {
                guard let type = fieldType(field.value, module: module) else { return nil }
                fields.append(SchemaField(name: field.key, type: type))
            }
            return .object(fields)
        case .paren(let inner):
            return fieldType(inner, module: module)
        default: break
        }
        report(Messages.unknownType(modules[module].source.text(of: expr.span)), at: expr.span,
               hint: "field types are string, int, float, bool, enum(...), list(...), a schema name or {field: type}")
        return nil
    }

    private func schemaReference(_ name: String, span: Span, module: Int) -> SchemaFieldType? {
        if case .symbol(let symbol)? = lookup(name, in: module), case .schema = symbol.thing {
            return schema(symbol.key, usedAt: span).map { .object($0.schema.fields) }
        }
        report(Messages.unknownType(name), at: span, hint: Self.didYouMean(name, Self.fieldTypeNames + scopeNames(module).schemas))
        return nil
    }

    private func constrainedType(_ name: String, calleeSpan: Span, _ arguments: [Argument], span: Span, module: Int) -> SchemaFieldType? {
        let context = ExprContext(module: module, place: .constant)
        if name == "enum" {
            var values: [String] = []
            var duplicated = false
            for argument in arguments {
                guard let ir = check(argument.value, context), let value = constantValue(ir, span: argument.value.span) else { return nil }
                let texts: [String]
                switch value {
                case .string(let text): texts = [text]
                case .array(let items) where items.allSatisfy({ $0.stringValue != nil }): texts = items.compactMap(\.stringValue)
                default:
                    report(Messages.typeMismatch("a string", ir.type.described), at: argument.value.span, label: "enum values are strings")
                    return nil
                }
                // A repeated value would be one label counted twice in quotas, prompts and the report.
                for text in texts where values.contains(text) {
                    report(Messages.duplicateEnumValue(text), at: argument.value.span)
                    duplicated = true
                }
                values += texts.filter { !values.contains($0) }
            }
            if duplicated { return nil }
            guard !values.isEmpty else {
                report(Messages.missingArgument("values", "enum"), at: span, hint: "list the values, e.g. `enum(\"yes\", \"no\")`")
                return nil
            }
            return .enumeration(values)
        }
        let parameters: [(String, GenType)]
        switch name {
        case "string": parameters = [("min", .int), ("max", .int), ("pattern", .string)]
        case "int": parameters = [("min", .int), ("max", .int)]
        case "float": parameters = [("min", .float), ("max", .float)]
        case "list": parameters = [("element", .any), ("min", .int), ("max", .int)]
        default:
            report(Messages.unknownType(name), at: calleeSpan, hint: Self.didYouMean(name, Self.fieldTypeNames))
            return nil
        }
        let names = parameters.map(\.0)
        let binder = ArgumentBinder(function: name, names: names, positional: name == "list" ? ["element"] : [])
        guard let bound = binder.bind(arguments, report: { self.report($0) }) else { return nil }
        var values: [String: JSONValue] = [:]
        for (parameter, type) in parameters where parameter != "element" {
            guard let argument = bound.named[parameter] else { continue }
            guard let ir = check(argument.value, expecting: type, context, message: { Messages.argumentType(parameter, name, type.described, $0) }),
                  let value = constantValue(ir, span: argument.value.span) else { return nil }
            if parameter != "pattern", let number = value.doubleValue, number < 0 {
                report(Messages.parameterOutOfRange(parameter, ">= 0", CanonicalJSON.string(value)), at: argument.value.span)
                return nil
            }
            if parameter == "pattern", case .string(let pattern) = value, !checkRegex(pattern, argument.value) { return nil }
            values[parameter] = value
        }
        if let low = values["min"]?.doubleValue, let high = values["max"]?.doubleValue, low > high {
            report(Messages.parameterOutOfRange("min", "<= max (\(CanonicalJSON.string(values["max"] ?? .null)))", CanonicalJSON.string(values["min"] ?? .null)),
                   at: bound.named["min"]?.value.span ?? span)
            return nil
        }
        let int = { (key: String) in values[key].flatMap { if case .int(let whole) = $0 { whole } else { nil } } }
        switch name {
        case "string": return .string(minLength: int("min"), maxLength: int("max"), pattern: values["pattern"]?.stringValue)
        case "int": return .int(min: int("min"), max: int("max"))
        case "float": return .float(min: values["min"]?.doubleValue, max: values["max"]?.doubleValue)
        default:
            guard let element = bound.named["element"] else {
                report(Messages.missingArgument("element", "list"), at: span, hint: "e.g. `list(string, max: 5)`")
                return nil
            }
            return fieldType(element.value, module: module).map { .list(element: $0, minCount: int("min"), maxCount: int("max")) }
        }
    }
}

import GenCore
import GenSyntax

extension Layout {
    /// One top-level declaration (its leading comments are already printed).
    mutating func declaration(_ declaration: Declaration) -> Doc {
        switch declaration {
        case .import(let decl):
            var doc = stream.take(.keyword(.import)) + .space + stream.take(at: decl.pathSpan.start)
            if let alias = decl.alias {
                doc = doc + .space + stream.take(.keyword(.as)) + .space + stream.take(at: alias.span.start)
            }
            return doc
        case .let(let decl):
            var doc = stream.take(.keyword(.let)) + .space + stream.take(at: decl.name.span.start)
            if let type = decl.type { doc = doc + stream.take(.colon) + .space + self.type(type) }
            return doc + assignedValue(decl.value)
        case .fn(let decl):
            var doc = stream.take(.keyword(.fn)) + .space + stream.take(at: decl.name.span.start)
            doc = doc + delimitedList(decl.parameters) { layout, parameter in layout.parameter(parameter) }
            if let returnType = decl.returnType {
                doc = doc + .space + stream.take(.arrow) + .space + type(returnType)
            }
            return doc + assignedValue(decl.body)
        case .model(let decl), .arm(let decl):
            return stream.take() + .space + stream.take(at: decl.name.span.start) + assignedValue(decl.value)
        case .router(let decl):
            return stream.take() + .space + expr(decl.value)
        case .reward(let decl):
            return stream.take() + assignedValue(decl.value)
        case .schema(let decl):
            let head = stream.take() + .space + stream.take(at: decl.name.span.start) + .space
            return head + block(decl.body.items) { layout, field in layout.field(field) }
        case .spec(let decl):
            var head = stream.take() + .space
            if let name = decl.name { head = head + stream.take(at: name.span.start) + .space }
            return head + block(decl.body.items) { layout, attribute in layout.attribute(attribute) }
        case .evaluate(let decl), .expect(let decl):
            return stream.take() + .space + block(decl.body.items) { layout, attribute in layout.attribute(attribute) }
        case .quality(let decl):
            return stream.take() + .space + block(decl.body.items) { layout, entry in layout.qualityEntry(entry) }
        }
    }

    /// `name: type = default`
    mutating func parameter(_ parameter: Parameter) -> Doc {
        var doc = stream.take(at: parameter.name.span.start)
        if let type = parameter.type { doc = doc + stream.take(.colon) + .space + self.type(type) }
        if let value = parameter.defaultValue { doc = doc + .space + stream.take(.equal) + .space + expr(value) }
        return doc
    }

    /// `string`, `list(string)`, `Intent?`: always on one line.
    mutating func type(_ type: TypeRef) -> Doc {
        var doc = stream.take(at: type.name.span.start)
        if stream.nextKind == .leftParen {
            doc = doc + stream.take(.leftParen)
            for (position, argument) in type.arguments.enumerated() {
                if position > 0 { doc = doc + stream.take(.comma) + .space }
                doc = doc + self.type(argument)
            }
            if stream.nextKind == .comma { doc = doc + stream.skip() }
            doc = doc + stream.take(.rightParen)
        }
        if type.isOptional { doc = doc + stream.take(.question) }
        return doc
    }

    /// `name?: value` in a schema.
    mutating func field(_ field: Field) -> Doc {
        var doc = stream.take(at: field.name.span.start)
        if field.isOptional { doc = doc + stream.take(.question) }
        return doc + stream.take(.colon) + .space + expr(field.value)
    }

    /// `key: value` in a spec or evaluate block.
    mutating func attribute(_ attribute: Attribute) -> Doc {
        stream.take(at: attribute.key.span.start) + stream.take(.colon) + .space + expr(attribute.value)
    }

    /// `rule "name" check`, `score "name" value weight w threshold t`, `dedup expr`, `diversity expr`.
    mutating func qualityEntry(_ entry: QualityEntry) -> Doc {
        let word = stream.take(at: entry.keywordSpan.start) + .space
        switch entry.kind {
        case .rule(let name, let check):
            return word + stream.take(at: name.span.start) + .space + expr(check)
        case .score(let name, let value, let modifiers):
            var doc = word + stream.take(at: name.span.start) + .space + expr(value)
            for modifier in modifiers {
                doc = doc + .space + stream.take(at: modifier.span.start) + .space + expr(modifier.value)
            }
            return doc
        case .dedup(let value), .diversity(let value):
            return word + expr(value)
        }
    }
}

import GenPipeline

/// List and record builtins that need no function arguments (the language has no lambdas).
enum CollectionBuiltins {
    static func register(into registry: inout FunctionRegistry) {
        typealias D = Declare
        registry.register(signature: D.signature("count", [("items", D.anyList)], .int, "The number of elements in a list.")) {
            arguments, _ in
            .int(try arguments.argument(0, of: "count").list("count", "items").count)
        }
        for (name, isAny) in [("any", true), ("all", false)] {
            let summary = isAny ? "Whether some element is true (false when empty)." : "Whether every element is true (true when empty)."
            registry.register(signature: D.signature(name, [("items", .list(.bool))], .bool, summary)) { arguments, context in
                let items = try arguments.argument(0, of: name).list(name, "items")
                for (position, item) in items.enumerated() {
                    context.charge(steps: 1)
                    guard case .bool(let flag) = item else {
                        throw RuntimeProblem(
                            .typeMismatch, "`\(name)`: element \(position) is \(item.typeName) \(item.literalText), not a bool")
                    }
                    if flag == isAny { return .bool(isAny) }
                }
                return .bool(!isAny)
            }
        }
        registry.register(
            signature: D.signature("keys", [("record", D.anyRecord)], .list(.string), "The field names of a record, in order.")
        ) { arguments, _ in
            .list(try arguments.argument(0, of: "keys").record("keys", "record").names.map(Value.string))
        }
        registry.register(
            signature: D.signature(
                "has", [("record", D.anyRecord), ("field", .string)], .bool, "Whether a record has a field of that name.")
        ) { arguments, _ in
            let record = try arguments.argument(0, of: "has").record("has", "record")
            let field = try arguments.argument(1, of: "has").string("has", "field")
            return .bool(record[field] != nil)
        }
        registry.register(
            overloads: [
                D.signature("contains", [("text", .string), ("part", .string)], .bool, "Whether the string contains `part`."),
                D.signature("contains", [("items", D.anyList), ("item", .any)], .bool, "Whether the list has an element equal to `item`."),
                D.signature("contains", [("range", .range(.int)), ("value", .int)], .bool, "Whether the range includes the number."),
                D.signature("contains", [("range", .range(.float)), ("value", .float)], .bool, "Whether the range includes the number."),
            ]
        ) { arguments, context in
            let container = try arguments.argument(0, of: "contains")
            let needle = try arguments.argument(1, of: "contains")
            switch container {
            case .string(let text):
                let part = try needle.string("contains", "part")
                context.charge(steps: text.utf8.count / 64)
                return .bool(part.isEmpty || text.contains(part))
            case .list(let items):
                for item in items {
                    context.charge(steps: 1)
                    // Elements of another type are simply not equal: JSONL lists mix types.
                    if (try? Operators.equal(item, needle, op: "contains")) == true { return .bool(true) }
                }
                return .bool(false)
            case .range(let range):
                return .bool(range.contains(try needle.number("contains", "value")))
            default:
                throw RuntimeProblem.argument("contains", "the first argument", expected: "a string, list or range", got: container)
            }
        }
    }
}

import GenCore

/// How values and paths read in schema messages.
enum Describe {
    /// `"lost card"`, `3.5`, `true`, `a list of 2`, `an object`, `null`; long strings are shortened.
    static func value(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let whole): return "\(whole)"
        case .double(let number): return Describe.number(number)
        case .string(let text):
            return CanonicalJSON.string(.string(shortened(text)))
        case .array(let items): return "a list of \(items.count)"
        case .object: return "an object"
        }
    }

    /// A value with its JSON type where that is not obvious: `string "ten"`, `3.5`, `a list of 2`.
    static func typed(_ value: JSONValue) -> String {
        if case .string = value { return "string " + Describe.value(value) }
        return Describe.value(value)
    }

    static func number(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : "\(number)"
    }

    /// A JSON path as a field name: `$.items[2].label` reads `items[2].label`.
    static func field(_ path: String) -> String {
        path.hasPrefix("$.") ? String(path.dropFirst(2)) : path
    }

    /// Text the model wrote (a value, the name of a field the schema does not declare), shortened past 40 characters.
    static func shortened(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(37)) + "..." : text
    }
}

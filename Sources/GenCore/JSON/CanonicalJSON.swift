import Foundation

/// Canonical JSON text: sorted keys, no insignificant whitespace, shortest round-tripping numbers.
///
/// Used wherever output is diffed in git or hashed (router state, run manifests, IR): the same value
/// always gives the same bytes, independent of dictionary order or platform.
public enum CanonicalJSON {
    public static func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    /// Parses JSON text (RFC 8259) into a value, or nil when it is not valid JSON.
    /// `3` stays an int and `3.0` a double, unlike Foundation's decoder.
    public static func parse(_ text: String) -> JSONValue? {
        var parser = JSONParser(text)
        return parser.parseDocument()
    }

    static func write(_ value: JSONValue, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .int(let whole): out += String(whole)
        case .double(let number): out += format(number)
        case .string(let text): writeString(text, into: &out)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                writeString(key, into: &out)
                out += ":"
                write(members[key] ?? .null, into: &out)
            }
            out += "}"
        }
    }

    /// Finite numbers print in Swift's shortest round-trip form; JSON has no NaN or infinity, so they become null.
    static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 {
            return String(format: "%.1f", number)
        }
        return "\(number)"
    }

    static func writeString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

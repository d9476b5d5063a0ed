import Foundation
import GenCore

extension Value {
    /// The text a value contributes to string interpolation: strings as they are, everything else as a literal.
    public var interpolationText: String {
        if case .string(let text) = self { return text }
        return literalText
    }

    /// The value as a script would write it (strings quoted): used inside lists and records and in messages.
    public var literalText: String {
        switch self {
        case .int(let whole): return String(whole)
        case .float(let number): return Value.format(number)
        case .string(let text): return GenStringLiteral.quote(text)
        case .bool(let flag): return flag ? "true" : "false"
        case .none: return "none"
        case .list(let items): return "[" + items.map(\.literalText).joined(separator: ", ") + "]"
        case .record(let record):
            if record.isEmpty { return "{}" }
            return "{" + record.fields.map { "\($0.name): \($0.value.literalText)" }.joined(separator: ", ") + "}"
        case .range(let range):
            return range.lower.literalText + (range.inclusive ? ".." : "..<") + range.upper.literalText
        case .model(let name): return "model \(name)"
        case .arm(let arm): return "arm \(arm.kind)" + (arm.model.map { "(\($0))" } ?? "")
        }
    }

    /// Floats print in their shortest round-trip form, or with 15 significant digits when that form shows binary
    /// noise (0.1 + 0.2 prints `0.3`, not `0.30000000000000004`). Whole floats keep `.0` so they read as floats.
    public static func format(_ number: Double) -> String {
        guard number.isFinite else { return number.isNaN ? "nan" : (number < 0 ? "-inf" : "inf") }
        var text = "\(number)"
        if significantDigits(text) > 15 {
            text = String(format: "%.15g", number)
            if !text.contains(where: { $0 == "." || $0 == "e" }) { text += ".0" }
        }
        return text
    }

    private static func significantDigits(_ text: String) -> Int {
        let mantissa = text.prefix { $0 != "e" && $0 != "E" }
        let digits = mantissa.filter(\.isNumber).drop { $0 == "0" }
        return digits.reversed().drop { $0 == "0" }.count
    }
}

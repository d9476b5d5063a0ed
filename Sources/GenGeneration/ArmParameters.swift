import GenCore
import GenPipeline

/// Typed access to an arm's checked parameters, falling back to the kind's declared defaults.
struct ArmParameters {
    var values: [String: JSONValue]
    var spec: KindSpec

    func double(_ name: String) -> Double? {
        (values[name] ?? spec.parameter(named: name)?.defaultValue)?.doubleValue
    }

    func int(_ name: String) -> Int? {
        switch values[name] ?? spec.parameter(named: name)?.defaultValue {
        case .int(let value)?: return value
        case .double(let value)?: return Int(value)
        default: return nil
        }
    }

    func string(_ name: String) -> String? {
        (values[name] ?? spec.parameter(named: name)?.defaultValue)?.stringValue
    }

    func strings(_ name: String) -> [String] {
        (values[name]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    /// A record of string lists (`slots: {card: ["card", "debit card"]}`); a single string counts as a list of one.
    func stringLists(_ name: String) -> [String: [String]] {
        guard let members = values[name]?.objectValue else { return [:] }
        var result: [String: [String]] = [:]
        for (key, value) in members {
            if let text = value.stringValue {
                result[key] = [text]
            } else {
                result[key] = (value.arrayValue ?? []).compactMap(\.stringValue)
            }
        }
        return result
    }
}

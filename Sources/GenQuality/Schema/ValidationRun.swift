import GenCore
import GenPipeline

/// One validation pass: walks the value and the schema together, collecting issues and the cleaned value.
struct ValidationRun {
    let patterns: [String: TextPattern]
    let extraFields: ExtraFieldPolicy
    let patternStepBudget: Int
    var issues: [SchemaIssue] = []
    var stripped: [String] = []

    mutating func object(_ value: JSONValue, fields: [SchemaField], path: String) -> JSONValue {
        guard case .object(let members) = value else {
            report(.notAnObject, path, fieldMessage(path, "expected an object, got \(Describe.typed(value))"))
            return value
        }
        var cleaned: [String: JSONValue] = [:]
        cleaned.reserveCapacity(fields.count)
        // Unknown fields exist only when some member is not declared; the common case skips the set.
        let present = fields.count { members[$0.name] != nil }
        let unknown = present == members.count ? [] : Self.undeclared(members, fields)
        for field in fields {
            let fieldPath = path + "." + field.name
            guard let member = members[field.name], member != .null else {
                if !field.isOptional { reportMissing(field, members[field.name], unknown: unknown, path: fieldPath) }
                continue
            }
            cleaned[field.name] = self.value(member, type: field.type, path: fieldPath)
        }
        for name in unknown {
            let fieldPath = path + "." + name
            if extraFields == .strip {
                stripped.append(fieldPath)
            } else {
                let hint = Suggestion.closest(to: name, among: fields.map(\.name).filter { members[$0] == nil })
                    .map { " (did you mean `\($0)`?)" } ?? ""
                report(.unexpectedField, fieldPath, "unexpected field `\(Describe.field(path + "." + Describe.shortened(name)))`\(hint)")
            }
        }
        return .object(cleaned)
    }

    private static func undeclared(_ members: [String: JSONValue], _ fields: [SchemaField]) -> [String] {
        let declared = Set(fields.map(\.name))
        return members.keys.filter { !declared.contains($0) }.sorted()
    }

    private mutating func reportMissing(_ field: SchemaField, _ member: JSONValue?, unknown: [String], path: String) {
        if member == .null {
            report(.missingField, path, "field `\(Describe.field(path))`: required, but null")
            return
        }
        let hint = Suggestion.closest(to: field.name, among: unknown).map { " (found `\(Describe.shortened($0))`: a misspelling?)" } ?? ""
        report(.missingField, path, "missing required field `\(Describe.field(path))`\(hint)")
    }

    mutating func value(_ value: JSONValue, type: SchemaFieldType, path: String) -> JSONValue {
        switch type {
        case .string(let minLength, let maxLength, let pattern):
            guard case .string(let text) = value else { return mismatch(value, type, path) }
            if let problem = TextRules.lengthProblem(text, min: minLength, max: nil) {
                report(.tooShort, path, fieldMessage(path, problem))
            } else if let problem = TextRules.lengthProblem(text, min: nil, max: maxLength) {
                report(.tooLong, path, fieldMessage(path, problem))
            }
            if let pattern, let compiled = patterns[pattern] { checkPattern(compiled, value, text, path: path) }
            return value
        case .int(let min, let max):
            guard let whole = Self.wholeNumber(value) else {
                if case .double(let number) = value, number.isFinite {
                    report(.wrongType, path, fieldMessage(path, "expected int, got \(Describe.value(value)) (not a whole number)"))
                    return value
                }
                return mismatch(value, type, path)
            }
            checkRange(Double(whole), min: min.map(Double.init), max: max.map(Double.init), shown: "\(whole)", path: path)
            return .int(whole)
        case .float(let min, let max):
            guard let number = value.doubleValue, number.isFinite else { return mismatch(value, type, path) }
            checkRange(number, min: min, max: max, shown: Describe.value(value), path: path)
            return value
        case .bool:
            guard case .bool = value else { return mismatch(value, type, path) }
            return value
        case .enumeration(let allowed):
            guard case .string(let text) = value else { return mismatch(value, type, path) }
            if !allowed.contains(text) {
                let hint = Suggestion.closest(to: text, among: allowed).map { " (did you mean `\($0)`?)" } ?? ""
                report(.notInEnum, path, fieldMessage(
                    path, "\(Describe.value(value)) is not one of \(allowed.joined(separator: ", "))\(hint)"))
            }
            return value
        case .list(let element, let minCount, let maxCount):
            guard case .array(let items) = value else { return mismatch(value, type, path) }
            if let minCount, items.count < minCount {
                report(.tooFewItems, path, fieldMessage(path, "\(items.count) items, fewer than the minimum \(minCount)"))
            }
            if let maxCount, items.count > maxCount {
                report(.tooManyItems, path, fieldMessage(path, "\(items.count) items, more than the maximum \(maxCount)"))
            }
            return .array(items.enumerated().map { self.value($0.element, type: element, path: "\(path)[\($0.offset)]") })
        case .object(let fields):
            return object(value, fields: fields, path: path)
        }
    }

    /// An int, or a float with no fractional part (JSON writers and models often print 3 as 3.0).
    private static func wholeNumber(_ value: JSONValue) -> Int? {
        switch value {
        case .int(let whole): return whole
        case .double(let number) where number.isFinite && number == number.rounded() && abs(number) < 9.0e15:
            return Int(number)
        default: return nil
        }
    }

    private mutating func checkRange(_ number: Double, min: Double?, max: Double?, shown: String, path: String) {
        if let min, number < min {
            report(.belowMinimum, path, fieldMessage(path, "\(shown) is below the minimum \(Describe.number(min))"))
        }
        if let max, number > max {
            report(.aboveMaximum, path, fieldMessage(path, "\(shown) is above the maximum \(Describe.number(max))"))
        }
    }

    private mutating func mismatch(_ value: JSONValue, _ type: SchemaFieldType, _ path: String) -> JSONValue {
        report(.wrongType, path, fieldMessage(path, "expected \(type.displayName), got \(Describe.typed(value))"))
        return value
    }

    /// A match over its step budget (a huge value) fails the field with that reason; it never hangs.
    private mutating func checkPattern(_ compiled: TextPattern, _ value: JSONValue, _ text: String, path: String) {
        do {
            guard try !compiled.matchesWhole(text, stepBudget: patternStepBudget) else { return }
            report(.patternMismatch, path, fieldMessage(path, "\(Describe.value(value)) does not match the pattern \(compiled.source)"))
        } catch {
            report(.patternTooSlow, path, fieldMessage(
                path, "the pattern \(compiled.source) took too long to match (over \(error.stepBudget) steps on \(error.textLength) characters)"))
        }
    }

    private func fieldMessage(_ path: String, _ problem: String) -> String {
        path == "$" ? "sample: \(problem)" : "field `\(Describe.field(path))`: \(problem)"
    }

    private mutating func report(_ kind: SchemaIssue.Kind, _ path: String, _ message: String) {
        issues.append(SchemaIssue(kind: kind, path: path, message: message))
    }
}

import GenCore
import GenPipeline
import GenSyntax

/// A kind parameter whose value is a record with declared keys (`price: {input: 0.15, output: 0.60}`): each key
/// checked like an attribute (unknown key -> did you mean, missing required key, wrong type, out of range),
/// pointing at the key or value that is wrong when the record is written in the call.
extension CheckSession {
    /// False when the record has an error (each one reported).
    func checkRecordFields(
        _ parameter: ParameterSpec, _ fields: [ParameterSpec], _ value: JSONValue, argumentSpan: Span, call: Expr
    ) -> Bool {
        if value == .null { return true }
        guard case .object(let members) = value else {
            report(Messages.attributeType(parameter.name, parameter.typeName, Self.describe(value)), at: argumentSpan)
            return false
        }
        var written: [String: RecordField] = [:]
        if let expr = Self.argumentExpr(parameter.name, in: call), case .record(let literal) = expr.kind {
            for field in literal { written[field.key] = field }
        }
        return checkRecordMembers(parameter.name, fields, members, written: written, at: argumentSpan) {
            Messages.unknownKey($0, parameter.name)
        }
    }

    /// Each member of a record against its declared keys, reported at the key or value written (`written`) or
    /// else at `span`: the one check behind record-valued kind parameters and block attributes (`noise_filter`).
    func checkRecordMembers(
        _ name: String, _ fields: [ParameterSpec], _ members: [String: JSONValue], written: [String: RecordField], at span: Span,
        unknown: (String) -> DiagnosticMessage
    ) -> Bool {
        let names = fields.map(\.name)
        var failed = false
        var misspelt = false
        for key in members.keys.sorted() {
            guard let field = fields.first(where: { $0.name == key }), let member = members[key] else {
                report(unknown(key), at: written[key]?.keySpan ?? span,
                       hint: Self.didYouMean(key, names.filter { members[$0] == nil }) ?? Messages.validNames("keys", names))
                failed = true
                misspelt = true
                continue
            }
            let valueSpan = written[key]?.value.span ?? span
            let named = ParameterSpec(name: name + "." + key, type: field.type, minimum: field.minimum, maximum: field.maximum,
                                      minimumExclusive: field.minimumExclusive, maximumExclusive: field.maximumExclusive,
                                      summary: field.summary)
            guard field.type != .float || member.doubleValue != nil, field.type != .int || Self.isInt(member) else {
                report(Messages.attributeType(named.name, field.type.described, Self.describe(member)), at: valueSpan)
                failed = true
                continue
            }
            if !checkRange(named, member, at: valueSpan) { failed = true }
        }
        // A misspelt key is what is missing: "did you mean" says it once.
        for field in fields where !misspelt && field.isRequired && members[field.name] == nil {
            report(Messages.missingKey(field.name, name), at: span, hint: "`\(field.name)` is the \(field.summary)")
            failed = true
        }
        return !failed
    }

    /// The value written for the argument labelled `name` of a call written in place, if there is one.
    static func argumentExpr(_ name: String, in call: Expr) -> Expr? {
        guard case .call(_, let arguments) = call.kind else { return nil }
        return arguments.first { $0.label?.name == name }?.value
    }
}

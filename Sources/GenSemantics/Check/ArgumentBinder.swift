import GenCore
import GenSyntax

/// Matches call arguments to parameter names: positional ones in order (only to `positional` names), named ones
/// by label. Reports extra, unknown and repeated arguments when `report` is given.
struct ArgumentBinder {
    let function: String
    let names: [String]
    let positional: [String]
    var isVariadic = false

    /// Parameter name to argument, plus arguments beyond the positional names (variadic functions).
    struct Bound {
        var named: [String: Argument] = [:]
        var extra: [Argument] = []
    }

    func bind(_ arguments: [Argument], report: ((Diagnostic) -> Void)?) -> Bound? {
        var bound = Bound()
        var failed = false
        var position = 0
        for argument in arguments {
            let name: String
            if let label = argument.label {
                guard names.contains(label.name) else {
                    let open = names.filter { bound.named[$0] == nil }
                    report?(Diagnostic(Messages.unknownParameter(label.name, function), at: label.span,
                                       hint: CheckSession.didYouMean(label.name, open) ?? Messages.validNames("parameters", names)))
                    failed = true
                    continue
                }
                name = label.name
            } else {
                guard position < positional.count else {
                    if isVariadic {
                        bound.extra.append(argument)
                        continue
                    }
                    let message = positional.isEmpty ? Messages.positionalNotAllowed(function) : Messages.tooManyArguments(function, positional.count)
                    report?(Diagnostic(message, at: argument.span))
                    failed = true
                    continue
                }
                name = positional[position]
                position += 1
            }
            if let first = bound.named[name] {
                report?(Diagnostic(Messages.duplicateArgument(name), at: argument.span, secondary: [DiagnosticLabel("first given here", at: first.span)]))
                failed = true
                continue
            }
            bound.named[name] = argument
        }
        return failed ? nil : bound
    }
}

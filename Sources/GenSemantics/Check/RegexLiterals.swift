import GenCore
import GenPipeline
import GenSyntax

/// Regular expressions known at check time (a schema's `pattern`, a literal or constant pattern given to
/// `matches`) are compiled by `gen check`, so a bad one is an error at its place in the source, not a
/// failure on every sample of the run.
extension CheckSession {
    /// Builtins that take a regular expression, and the parameter that holds it.
    static let regexParameters = ["matches": "pattern"]

    func checkRegexArguments(_ signature: FunctionSignature, _ arguments: [Argument], _ lowered: [IRExpr]) {
        guard let parameter = Self.regexParameters[signature.name],
              let index = signature.parameters.firstIndex(where: { $0.name == parameter }), index < lowered.count else { return }
        let names = signature.parameters.map(\.name)
        let binder = ArgumentBinder(function: signature.name, names: names, positional: names, isVariadic: signature.isVariadic)
        guard let argument = binder.bind(arguments, report: nil)?.named[parameter] else { return }
        switch lowered[index].kind {
        case .string(let pattern):
            checkRegex(pattern, argument.value)
        case .constant:
            if case .string(let pattern)? = try? evaluateConstant(lowered[index]) { checkRegex(pattern, argument.value) }
        default:
            break  // built at run time (interpolation, a parameter): compiled when first used
        }
    }

    /// Reports the pattern's compile error, pointing into the literal where it can. Returns whether it compiles.
    @discardableResult
    func checkRegex(_ pattern: String, _ expression: Expr) -> Bool {
        do {
            _ = try LinearRegex(pattern)
            return true
        } catch {
            report(Messages.invalidRegex(error.message), at: regexErrorSpan(error, pattern, expression), hint: error.hint)
            return false
        }
    }

    /// The part of the literal the error's scalar offset and length cover; the whole expression when the
    /// pattern is not a plain literal or the error covers no particular part.
    private func regexErrorSpan(_ error: RegexSyntaxError, _ pattern: String, _ expression: Expr) -> Span {
        var literal = expression
        while case .paren(let inner) = literal.kind { literal = inner }
        let file = Int(literal.span.file.rawValue)
        guard case .string(let string) = literal.kind, file < modules.count, error.length > 0,
              let ranges = LiteralSourceMap.scalarRanges(string, decoding: pattern, in: modules[file].source) else {
            return expression.span
        }
        guard error.offset < ranges.count else {
            return Span(file: literal.span.file, start: literal.span.end - 1, length: 1)  // the closing quote
        }
        let last = ranges[min(error.offset + error.length, ranges.count) - 1]
        return Span(file: literal.span.file, start: ranges[error.offset].lowerBound, end: last.upperBound)
    }
}

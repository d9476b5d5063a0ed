import GenCore
import GenSyntax

extension Layout {
    /// One expression. Parentheses are printed only where the user wrote them (the AST keeps them), binary
    /// operators get one space on each side except ranges (`0.0..2.0`), unary operators none.
    mutating func expr(_ expr: Expr) -> Doc {
        switch expr.kind {
        case .int, .float, .string, .bool, .none, .name, .error:
            return stream.take(at: expr.span.start)
        case .paren(let inner):
            let open = stream.take(.leftParen)
            let innerDoc = stream.hasLineBreakingCommentBeforeNext ? Doc.indent(self.expr(inner)) : self.expr(inner)
            return open + innerDoc + stream.take(.rightParen)
        case .list(let elements):
            return delimitedList(elements) { layout, element in layout.expr(element) }
        case .record(let fields):
            return delimitedList(fields) { layout, field in
                layout.stream.take(at: field.keySpan.start) + layout.stream.take(.colon) + .space + layout.expr(field.value)
            }
        case .call(let callee, let arguments):
            return self.expr(callee) + delimitedList(arguments) { layout, argument in layout.argument(argument) }
        case .member(let base, let name):
            return self.expr(base) + stream.take(.dot) + stream.take(at: name.span.start)
        case .index(let base, let index):
            return self.expr(base) + stream.take(.leftBracket) + self.expr(index) + stream.take(.rightBracket)
        case .unary(_, let operand):
            return stream.take() + self.expr(operand)
        case .binary(let op, let left, let right):
            let leftDoc = self.expr(left)
            var brokenByComment = stream.hasLineBreakingCommentBeforeNext
            let opDoc = stream.take()
            brokenByComment = brokenByComment || stream.hasLineBreakingCommentBeforeNext
            let rightDoc = self.expr(right)
            if op == .range || op == .halfOpenRange { return leftDoc + opDoc + rightDoc }
            // A comment line inside the expression continues it one level in; otherwise no indentation, so a
            // call at the end of a long condition breaks like any other call.
            let tail = Doc.space + opDoc + .space + rightDoc
            return leftDoc + (brokenByComment ? .indent(tail) : tail)
        case .if(let condition, let then, let otherwise):
            var doc = stream.take(.keyword(.if)) + .space + self.expr(condition)
            doc = doc + .space + stream.take(.keyword(.then)) + .space + self.expr(then)
            return doc + .space + stream.take(.keyword(.else)) + .space + self.expr(otherwise)
        }
    }

    /// `value` or `label: value`.
    mutating func argument(_ argument: Argument) -> Doc {
        guard let label = argument.label else { return expr(argument.value) }
        return stream.take(at: label.span.start) + stream.take(.colon) + .space + expr(argument.value)
    }
}

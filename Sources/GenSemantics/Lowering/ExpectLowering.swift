import GenPipeline
import GenSyntax

/// The `expect` block: each `min_X: N` / `max_X: N` attribute becomes a bound on figure X of the replayed run.
extension CheckSession {
    func lowerExpectations(_ decl: BlockDecl, module: Int) -> [ExpectationNode] {
        let attributes = checkAttributes(
            decl.body, schema: environment.expectAttributes, block: "expect", blockSpan: keywordSpan(decl.span, "expect"), module: module)
        // In the script's order, so `gen test` reports them as written.
        return decl.body.items.compactMap { item -> ExpectationNode? in
            let name = item.key.name
            guard let checked = attributes[name], let bound = checked.value?.doubleValue else { return nil }
            let isMinimum = name.hasPrefix("min_")
            return ExpectationNode(figure: String(name.dropFirst(4)), isMinimum: isMinimum, bound: bound, source: sourceRef(item.key.span))
        }
    }
}

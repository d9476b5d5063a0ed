import GenCore
import GenPipeline
import GenSyntax

/// `max_dollars` counts dollars at the models' declared prices: with no priced model it could never be reached,
/// so the run would end on another limit while the script says it is capped in dollars.
extension CheckSession {
    /// Reports `max_dollars` in `decl` (the spec block) when none of the script's models declares a price. Not when
    /// a model has an error of its own (its price may be what is wrong): no cascade.
    func checkDollarBudget(_ decl: BlockDecl?) {
        guard let decl, let attribute = decl.body.items.first(where: { $0.key.name == "max_dollars" }) else { return }
        var priced = false
        for memo in models.values {
            switch memo {
            case .done(let node): priced = priced || node.price != nil
            case .failed, .inProgress: return
            }
        }
        guard !priced else { return }
        report(Messages.dollarBudgetWithoutPrice(), at: attribute.key.span)
    }
}

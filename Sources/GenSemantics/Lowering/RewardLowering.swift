import GenCore
import GenPipeline
import GenSyntax

/// The reward: a number per generated sample over the metrics the pipeline produces.
///
/// Bound names: `passed` (1 when every rule, threshold and dedup passed, else 0), `quality` (the weighted mean of
/// the scores, 1 without scores), `novelty` (in [0, 1]), and `scores`, a record from each score's name to its
/// value (`scores["label fits"]`). All are floats.
extension CheckSession {
    func lowerReward(_ decl: ExprDecl, module: Int, scoreNames: [String]) -> IRExpr? {
        var locals = environment.metricTypes
        locals["scores"] = .record(fields: Dictionary(scoreNames.map { ($0, GenType.float) }, uniquingKeysWith: { a, _ in a }), open: false)
        let context = ExprContext(module: module, place: .reward, locals: locals)
        guard let ir = check(decl.value, context) else { return nil }
        guard ir.type.isNumeric else {
            report(Messages.nonNumericReward(ir.type.described), at: decl.value.span)
            return nil
        }
        if IRWalk.locals(ir).isEmpty { report(Messages.constantReward(), at: decl.value.span) }
        return ir
    }
}

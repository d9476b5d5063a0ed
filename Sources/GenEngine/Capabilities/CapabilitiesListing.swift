import GenCore
import GenPipeline
import GenRun

/// `gen help capabilities`: every capability with its signature, written from the same value the checker
/// and the run use, so the listing cannot disagree with either. A host prints its own with `listing`.
extension Capabilities {
    public var listing: String {
        var text = ""
        section(&text, "arm kinds (arm NAME = KIND(...))", arms.specs.map(kindLine))
        section(&text, "attribute sources (arm NAME = KIND(..., attributes: {DIMENSION: SOURCE(...)}))", arms.attributeSources.map(kindLine))
        section(&text, "router policies (router POLICY(...); K is the number of arms)", routerPolicies.map(kindLine))
        let checks = qualityChecks.map { check in
            (check.kind.name + "(" + parameterList(check.kind) + ") -> " + check.result.displayName,
             check.kind.summary + (check.execution == .inProcess ? " [in process]" : " [model]"))
        }
        section(&text, "quality checks (in rule and score expressions)", checks)
        section(&text, "dedup methods (dedup METHOD(...))", dedupMethods.map(kindLine))
        section(&text, "diversity methods (diversity METHOD(...))", diversityMethods.map(kindLine))
        section(&text, "model providers (model NAME = PROVIDER(...))", modelProviders.map(kindLine))
        let functionLines = functionSignatures.map { function in
            let parameters = function.parameters.map { "\($0.name): \($0.type.displayName)" + ($0.defaultValue.map { " = " + CanonicalJSON.string($0) } ?? "") }
            return (function.name + "(" + parameters.joined(separator: ", ") + (function.isVariadic ? ", ..." : "") + ") -> "
                    + function.result.displayName, function.summary)
        }
        section(&text, "functions", functionLines)
        section(&text, "classifiers (evaluate { classifier: ... }; the first is the default)", classifiers.names.map { ($0, "") })
        let metrics = rewardMetrics.map { ("\($0.name): \($0.type.displayName)", "[\($0.scope.rawValue)] \($0.summary)") }
            + [(RewardMetric.scoresName + "[\"NAME\"]: float", "[sample] the value of the quality block's score NAME (0 if not reached)")]
        section(&text, "reward metrics (in the reward expression)", metrics)
        section(&text, "expectations (expect { ... }, checked by gen test)",
                expectations.map { ("\($0.attribute.name): \($0.attribute.type.displayName)", $0.attribute.summary) })
        return text
    }

    private func kindLine(_ kind: KindSpec) -> (String, String) {
        (kind.name + "(" + parameterList(kind) + ")", kind.summary)
    }

    private func parameterList(_ kind: KindSpec) -> String {
        kind.parameters.map(\.signatureText).joined(separator: ", ")
    }

    private func section(_ text: inout String, _ title: String, _ rows: [(String, String)]) {
        text += title + ":\n"
        for (signature, summary) in rows {
            text += "  " + signature + "\n"
            if !summary.isEmpty { text += "      " + summary + "\n" }
        }
        text += "\n"
    }
}

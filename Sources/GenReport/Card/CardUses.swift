import Foundation

/// The card's "Uses", "Out-of-scope use" and "Citation" sections, which the Hub's card template asks for.
enum CardUses {
    static func uses(_ data: ReportData) -> String {
        var items = ["Training and testing models for the task the script describes, alongside or before real data."]
        if let field = data.labelField {
            items.append("A classifier of \(CardText.code(field)) from the text; see the downstream results for what it is worth on real data.")
        }
        items.append("Studying how generation strategies (the arms) differ in quality and cost: `run.sqlite` keeps every candidate.")
        return "## Uses\n\n" + items.map { "- " + $0 }.joined(separator: "\n")
    }

    static func outOfScope(_ data: ReportData) -> String {
        """
        ## Out-of-scope use

        - Measuring how often anything happens in the real world: labels follow the script's quotas.
        - Evaluating models as if this were real, human-written data, or as the only test set.
        - Any use the generating models' licenses or terms forbid.
        """
    }

    static func citation(_ data: ReportData) -> String {
        let name = data.graph?.spec.name ?? "gen_dataset"
        let key = name.filter { $0.isLetter || $0.isNumber || $0 == "_" }
        let year = Calendar(identifier: .gregorian).component(.year, from: data.run.startedAt)
        return """
            ## Citation

            ```bibtex
            @misc{\(key.isEmpty ? "gen_dataset" : key)_\(year),
              title  = {\(name.replacingOccurrences(of: "}", with: "")): synthetic data generated with Gen},
              note   = {Script \(data.run.scriptPath.replacingOccurrences(of: "}", with: "")), seed \(data.run.seed)},
              year   = {\(year)}
            }
            ```
            """
    }
}

import GenCore
import GenQuality

/// Issue 17's figure: `(a+)+$` took ICU 39 s on 60 characters of model output (exponential backtracking;
/// 2.5 s on 24 a's and a '!' on this machine, doubling with each `a`); Gen's linear-time engine on a 100 KB
/// text that cannot match, the rule's worst case.
enum RegexFigure {
    static let pattern = "(a+)+$"
    static let textLength = 100_000

    static func line() throws -> String {
        let text = String(repeating: "a", count: textLength) + "!"
        let compiled = try TextPattern(pattern)
        let regex = try LinearRegex(pattern)
        let start = StageTimes.cpuNow()
        let matched = try compiled.occurs(in: text)
        let milliseconds = Double(StageTimes.cpuNow() - start) / 1e6
        let run = try regex.run(in: text)
        return "regex: \(pattern) on \(textLength) a's and a '!' (100 KB): \(matched ? "match" : "no match") in "
            + "\(NumberText.fixed(milliseconds, 1)) ms CPU, \(run.steps) steps (\(NumberText.fixed(Double(run.steps) / Double(text.count), 1)) "
            + "per character, \(regex.programSize)-instruction program; a backtracking engine takes exponential time on it)"
    }
}

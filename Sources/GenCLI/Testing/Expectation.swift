import Foundation
import GenCore

/// One line of a `SCRIPT.expect` file: `METRIC >= NUMBER` or `METRIC <= NUMBER`, checked by `gen test` against
/// a replayed run. Expectations sit beside the script and its cassette because they are about one recorded run
/// (its seed and answers), not about the policy itself; the language stays as it is.
struct Expectation: Equatable {
    enum Bound: String { case atLeast = ">=", atMost = "<=" }

    var metric: RunFigure
    var bound: Bound
    var value: Double
    /// 1-based line in the file, for messages.
    var line: Int

    func holds(_ measured: Double) -> Bool {
        bound == .atLeast ? measured >= value - 1e-12 : measured <= value + 1e-12
    }
}

/// A bad line in an expectations file, rendered as `path:line:column: error: ...` with a hint.
struct ExpectationProblem: Error, Equatable, CustomStringConvertible {
    var path: String
    var line: Int
    var column: Int
    var message: String
    var hint: String

    var description: String { "\(path):\(line):\(column): error: \(message)\n  = hint: \(hint)" }
}

/// Parses `SCRIPT.expect`: one expectation per line, `#` starts a comment, blank lines are skipped.
enum ExpectationFile {
    static func parse(_ text: String, path: String) throws(ExpectationProblem) -> [Expectation] {
        var expectations: [Expectation] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            if words.isEmpty { continue }
            let column = { (word: Substring) in line.distance(from: line.startIndex, to: word.startIndex) + 1 }
            let problem = { (word: Substring, message: String, hint: String) in
                ExpectationProblem(path: path, line: index + 1, column: column(word), message: message, hint: hint)
            }
            let example = "write `METRIC >= NUMBER` or `METRIC <= NUMBER`, e.g. `acceptance_rate >= 0.5`"
            guard words.count == 3 else { throw problem(words[0], "an expectation has three parts, this line has \(words.count)", example) }
            guard let metric = RunFigure(rawValue: String(words[0])) else {
                let known = RunFigure.allCases.map(\.rawValue)
                let hint = suggest(String(words[0]), candidates: known).map { "did you mean `\($0)`?" }
                    ?? "the metrics are " + known.joined(separator: ", ")
                throw problem(words[0], "unknown metric `\(words[0])`", hint)
            }
            guard let bound = Expectation.Bound(rawValue: String(words[1])) else {
                throw problem(words[1], "`\(words[1])` is not a bound", "use >= for a minimum or <= for a maximum")
            }
            guard let value = Double(words[2]), value.isFinite else {
                throw problem(words[2], "`\(words[2])` is not a number", example)
            }
            expectations.append(Expectation(metric: metric, bound: bound, value: value, line: index + 1))
        }
        return expectations
    }
}

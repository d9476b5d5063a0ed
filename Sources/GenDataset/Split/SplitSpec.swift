import Foundation

/// `--split train=0.9,test=0.1`: named shares of the dataset, in the order given.
public struct SplitSpec: Sendable, Equatable {
    public struct Share: Sendable, Equatable {
        public var name: String
        public var fraction: Double
    }

    public var shares: [Share]

    public static let all = SplitSpec(shares: [Share(name: "train", fraction: 1)])

    public init(shares: [Share]) { self.shares = shares }

    /// Parses the flag's value; a bad value is named with what is wrong and how to write it.
    public static func parse(_ text: String) throws -> SplitSpec {
        let example = "write it as NAME=FRACTION pairs that sum to 1, e.g. `train=0.9,test=0.1`"
        var shares: [Share] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "=", omittingEmptySubsequences: false)
            guard pieces.count == 2 else { throw SplitSpecError("`\(part)` is not NAME=FRACTION", hint: example) }
            let name = pieces[0].trimmingCharacters(in: .whitespaces)
            let value = pieces[1].trimmingCharacters(in: .whitespaces)
            // The Hub's split names: word characters, as data/NAME-00000-of-00001.parquet needs them.
            guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }) else {
                throw SplitSpecError("split name `\(name)` must be letters, digits or `_`", hint: example)
            }
            guard let fraction = Double(value), fraction.isFinite, fraction > 0, fraction <= 1 else {
                throw SplitSpecError("the fraction `\(value)` of split `\(name)` is not a number in (0, 1]", hint: example)
            }
            guard !shares.contains(where: { $0.name == name }) else {
                throw SplitSpecError("split `\(name)` is named twice", hint: example)
            }
            shares.append(Share(name: name, fraction: fraction))
        }
        let total = shares.reduce(0) { $0 + $1.fraction }
        guard abs(total - 1) < 1e-6 else {
            throw SplitSpecError("the fractions sum to \(total), not 1", hint: example)
        }
        return SplitSpec(shares: shares)
    }
}

public struct SplitSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var hint: String

    init(_ message: String, hint: String) {
        self.message = message
        self.hint = hint
    }

    public var description: String { "bad --split: \(message)" }
}

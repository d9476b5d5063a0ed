import GenCore
import GenPipeline

/// Collects the model checks of one quality rule or score as they are hoisted out of its expression.
final class ModelCheckCollector {
    var nodes: [ModelCheckNode] = []
}

/// Where an expression is checked: which names are bound, which kinds may be called, whether model checks
/// are hoisted.
struct ExprContext {
    enum Place: Equatable {
        /// `let` values, attributes and other compile-time values.
        case constant
        /// The body of a `fn` (its parameters are locals).
        case function
        case arm
        case model
        case router
        case dedup
        case diversity
        /// A quality rule or score: `sample` and `spec` are bound, model checks are hoisted.
        case quality
        /// The reward: the pipeline's metrics are bound.
        case reward
    }

    var module: Int
    var place: Place
    var locals: [String: GenType] = [:]
    /// Kind families that may be called here.
    var kinds: Set<KindFamily> = []
    /// Non-nil where model checks may be called (directly in quality rules and scores).
    var checks: ModelCheckCollector?
    /// True inside the arguments of a model check (nesting is an error).
    var inCheckArguments = false

    init(module: Int, place: Place, locals: [String: GenType] = [:], kinds: Set<KindFamily> = [], checks: ModelCheckCollector? = nil) {
        self.module = module
        self.place = place
        self.locals = locals
        self.kinds = kinds
        self.checks = checks
    }
}

/// How a kind family is named in "unknown ..." messages.
extension KindFamily {
    var noun: String {
        switch self {
        case .arm: "arm kind"
        case .model: "model provider"
        case .router: "router policy"
        case .dedup: "dedup method"
        case .diversity: "diversity measure"
        case .attribute: "attribute source"
        }
    }

    /// The IR function name a kind call lowers to before static evaluation (never reaches the runtime).
    func callName(_ kind: String) -> String { "kind:\(rawValue):\(kind)" }

    static func parse(callName: String) -> (KindFamily, String)? {
        let parts = callName.split(separator: ":", maxSplits: 2).map(String.init)
        guard parts.count == 3, parts[0] == "kind", let family = KindFamily(rawValue: parts[1]) else { return nil }
        return (family, parts[2])
    }
}

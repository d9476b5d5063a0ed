/// The compiled form the matcher runs: a flat list of instructions over Unicode scalars, and the classes
/// `.set` instructions refer to by index (keeping instructions trivially copyable, so the matcher's loop
/// does no reference counting).
struct RegexProgram: Sendable {
    enum Instruction: Sendable, Equatable {
        case scalar(UInt32)
        /// Matches a scalar whose case fold is this (already folded) value.
        case scalarFold(UInt32)
        case any
        case anyButLineTerminator
        case set(Int)
        case assert(RegexAssertion)
        /// Continue at both; which comes first does not matter, since no capture or match position is kept.
        case split(Int, Int)
        case jump(Int)
        case match
    }

    let instructions: [Instruction]
    let classes: [ScalarClass]
    /// Every match starts at the beginning of the text, so only position 0 is tried.
    let anchoredAtStart: Bool
    /// The scalars a match can begin with, when that is not all of them.
    private(set) var startFilter: StartFilter?

    init(instructions: [Instruction], classes: [ScalarClass], anchoredAtStart: Bool) {
        self.instructions = instructions
        self.classes = classes
        self.anchoredAtStart = anchoredAtStart
        startFilter = StartFilter(self)
    }

    /// Whether a consuming instruction accepts the scalar (false for the others).
    func consumes(_ instruction: Instruction, _ scalar: UInt32) -> Bool {
        switch instruction {
        case .scalar(let value): return scalar == value
        case .scalarFold(let folded): return CaseFolding.fold(scalar) == folded
        case .any: return true
        case .anyButLineTerminator: return !LineTerminators.contains(scalar)
        case .set(let index): return classes[index].contains(scalar)
        case .assert, .split, .jump, .match: return false
        }
    }
}

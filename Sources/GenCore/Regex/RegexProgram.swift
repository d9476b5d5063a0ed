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

    var instructions: [Instruction]
    var classes: [ScalarClass]
    /// Every match starts at the beginning of the text, so only position 0 is tried.
    var anchoredAtStart: Bool
}

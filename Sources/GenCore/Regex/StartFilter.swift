/// The scalars a match can begin with: the consuming instructions reachable from the start without
/// consuming (assertions assumed to hold, which only widens the set). An unanchored search with no thread
/// alive skips every position whose scalar none of them accepts, since a thread started there would die at
/// once; for `[0-9]{12,19}` or `\b(password|cvv)\b` that is most of the text.
struct StartFilter: Sendable {
    private let first: [RegexProgram.Instruction]
    private var ascii: (low: UInt64, high: UInt64) = (0, 0)

    /// Nil when no scalar can be ruled out, or when the pattern can match without consuming anything.
    init?(_ program: RegexProgram) {
        var first: [RegexProgram.Instruction] = []
        var seen = Set<Int>()
        var stack = [0]
        while let pc = stack.popLast() {
            guard seen.insert(pc).inserted else { continue }
            switch program.instructions[pc] {
            case .match: return nil
            case .any: return nil
            case .jump(let target): stack.append(target)
            case .split(let a, let b): stack += [a, b]
            case .assert: stack.append(pc + 1)
            case let consuming: first.append(consuming)
            }
        }
        self.first = first
        for value in UInt32(0)..<0x80 where first.contains(where: { program.consumes($0, value) }) {
            if value < 64 { ascii.low |= 1 << UInt64(value) } else { ascii.high |= 1 << UInt64(value - 64) }
        }
        // A filter that rules out no ASCII scalar only costs time.
        if ascii.low == .max && ascii.high == .max { return nil }
    }

    func mayStart(_ scalar: UInt32, _ program: RegexProgram) -> Bool {
        if scalar < 64 { return ascii.low & (1 << UInt64(scalar)) != 0 }
        if scalar < 0x80 { return ascii.high & (1 << UInt64(scalar - 64)) != 0 }
        return first.contains { program.consumes($0, scalar) }
    }
}

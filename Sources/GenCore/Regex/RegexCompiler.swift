/// Turns a `RegexNode` into a `RegexProgram` (Thompson's construction). The size is known before emitting
/// (`RegexNode.programSize`), so a pattern over the cap is refused without building anything.
struct RegexCompiler {
    private var instructions: [RegexProgram.Instruction] = []
    private var classes: [ScalarClass] = []

    static func compile(_ node: RegexNode) throws(RegexSyntaxError) -> RegexProgram {
        let size = node.programSize
        guard size < LinearRegex.maxProgramSize else {
            throw RegexSyntaxError(
                "the pattern is too large (over \(LinearRegex.maxProgramSize) instructions)", offset: 0, length: 0,
                hint: "split it into several `matches` calls, or use smaller repetition counts")
        }
        var compiler = RegexCompiler()
        compiler.instructions.reserveCapacity(size + 1)
        compiler.emit(node)
        compiler.instructions.append(.match)
        return RegexProgram(instructions: compiler.instructions, classes: compiler.classes, anchoredAtStart: node.isAnchoredAtStart)
    }

    private mutating func emit(_ node: RegexNode) {
        switch node {
        case .empty: break
        case .scalar(let value, let foldCase): instructions.append(foldCase ? .scalarFold(value) : .scalar(value))
        case .any(let dotAll): instructions.append(dotAll ? .any : .anyButLineTerminator)
        case .set(let set):
            instructions.append(.set(classes.count))
            classes.append(set)
        case .assertion(let assertion): instructions.append(.assert(assertion))
        case .concat(let items): items.forEach { emit($0) }
        case .alternation(let branches): emitAlternation(branches)
        case .repetition(let inner, let min, let max): emitRepetition(inner, min: min, max: max)
        }
    }

    /// split(branch, next); branch; jump(end); next: ... — a loop, not recursion, since a pattern may
    /// have thousands of alternatives.
    private mutating func emitAlternation(_ branches: [RegexNode]) {
        var jumps: [Int] = []
        for branch in branches.dropLast() {
            let split = placeholder()
            emit(branch)
            jumps.append(placeholder())
            instructions[split] = .split(split + 1, instructions.count)
        }
        if let last = branches.last { emit(last) }
        for jump in jumps { instructions[jump] = .jump(instructions.count) }
    }

    private mutating func emitRepetition(_ node: RegexNode, min: Int, max: Int?) {
        guard let max else {
            if min == 0 {
                // loop: split(body, end); body; jump(loop)
                let loop = placeholder()
                emit(node)
                instructions.append(.jump(loop))
                instructions[loop] = .split(loop + 1, instructions.count)
            } else {
                // The last required copy loops back: body; split(body, end).
                for _ in 1..<min { emit(node) }
                let body = instructions.count
                emit(node)
                instructions.append(.split(body, instructions.count + 1))
            }
            return
        }
        for _ in 0..<min { emit(node) }
        // Optional copies, each able to skip to the end: split(copy, end); copy; ...
        var splits: [Int] = []
        for _ in min..<max {
            splits.append(placeholder())
            emit(node)
        }
        for split in splits { instructions[split] = .split(split + 1, instructions.count) }
    }

    private mutating func placeholder() -> Int {
        instructions.append(.match)
        return instructions.count - 1
    }
}

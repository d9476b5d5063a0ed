/// Runs a program over a text by following every NFA thread at once, one text position at a time (a Pike
/// VM without captures, as in RE2). Each position visits each instruction at most twice, so the work is
/// O(text × program) whatever the pattern: `(a+)+$` cannot backtrack because nothing does.
///
/// Every visit counts one step against a budget; the budget is checked once per position, so a run stops
/// within one position's work of it.
struct RegexMatcher {
    private let program: RegexProgram
    private let code: [RegexProgram.Instruction]
    private let startFilter: StartFilter?
    let text: [UInt32]
    private let workspace: Workspace
    private var steps = 0

    private init(_ program: RegexProgram, _ text: [UInt32], _ workspace: Workspace) {
        self.program = program
        code = program.instructions
        startFilter = program.anchoredAtStart ? nil : program.startFilter
        self.text = text
        self.workspace = workspace
    }

    static func run(_ program: RegexProgram, on text: [UInt32], stepBudget: Int) throws(RegexBudgetExceeded) -> RegexRun {
        let workspace = Workspace(programSize: program.instructions.count)
        defer { workspace.deallocate() }
        var matcher = RegexMatcher(program, text, workspace)
        let matched = try matcher.search(anchored: program.anchoredAtStart, stepBudget: stepBudget)
        return RegexRun(matched: matched, steps: matcher.steps)
    }

    private mutating func search(anchored: Bool, stepBudget: Int) throws(RegexBudgetExceeded) -> Bool {
        var (current, next) = workspace.lists()
        var position = 0
        while position <= text.count {
            // With no thread alive, skip to where a match can begin (a literal or narrow class first).
            if current.count == 0, let filter = startFilter {
                while position < text.count, !filter.mayStart(text[position], program) { position += 1 }
            }
            if position == 0 || !anchored {
                if addThread(&current, 0, at: position) { return true }
            } else if current.count == 0 {
                return false
            }
            if steps > stepBudget { throw RegexBudgetExceeded(stepBudget: stepBudget, textLength: text.count) }
            guard position < text.count else { break }
            let scalar = text[position]
            for index in 0..<current.count {
                let pc = Int(current.dense[index])
                steps += 1
                if program.consumes(code[pc], scalar), addThread(&next, pc + 1, at: position + 1) { return true }
            }
            swap(&current, &next)
            next.removeAll()
            position += 1
        }
        return false
    }

    /// Adds `start` and everything reachable from it without consuming a scalar; true when that reaches
    /// `match`, which is all a caller asking "is there a match" needs.
    private mutating func addThread(_ list: inout ThreadList, _ start: Int, at position: Int) -> Bool {
        let stack = workspace.stack
        stack[0] = Int32(start)
        var depth = 1
        while depth > 0 {
            depth -= 1
            let pc = Int(stack[depth])
            guard !list.contains(pc) else { continue }
            list.insert(pc)
            steps += 1
            switch code[pc] {
            case .jump(let target):
                stack[depth] = Int32(target)
                depth += 1
            case .split(let first, let second):
                stack[depth] = Int32(second)
                stack[depth + 1] = Int32(first)
                depth += 2
            case .assert(let assertion):
                if holds(assertion, at: position) {
                    stack[depth] = Int32(pc + 1)
                    depth += 1
                }
            case .match: return true
            case .scalar, .scalarFold, .any, .anyButLineTerminator, .set: break
            }
        }
        return false
    }
}

import GenPipeline

/// Runs compiled code on an explicit value stack with heap-allocated call frames.
///
/// One evaluation = one call of `run`: its step count, frames and stack are local, so evaluations share nothing
/// mutable but the regex cache, and any number of them may run concurrently.
struct VirtualMachine {
    let program: Program
    let environment: any ScriptEnvironment
    let regexCache: RegexCache
    let limits: EvaluationLimits
    let modelCheckResults: [Value]

    /// A caller's state, saved while the function it called runs.
    private struct Frame {
        let code: CodeBlock
        let pc: Int
        let base: Int
        /// The call instruction in the caller.
        let callSite: SourceRef
    }

    func run(_ entry: CodeBlock, locals: [Value]) throws(RuntimeError) -> Value {
        var code = entry
        var instructions = entry.instructions
        var pc = 0
        var base = 0
        var stack = locals
        stack.reserveCapacity(locals.count + 32)
        var frames: [Frame] = []
        var steps = 0
        let budget = limits.stepBudget

        while true {
            do throws(RuntimeProblem) {
                while true {
                    steps += 1
                    guard steps <= budget else { throw RuntimeProblem.stepBudget(budget) }
                    let instruction = instructions[pc]
                    pc += 1
                    switch instruction {
                    case .push(let value):
                        stack.append(value)
                    case .loadLocal(let slot):
                        stack.append(stack[base + slot])
                    case .loadConstant(let index):
                        stack.append(program.constants[index])
                    case .loadModelCheck(let index):
                        guard modelCheckResults.indices.contains(index) else {
                            throw RuntimeProblem.missingModelCheck(index, available: modelCheckResults.count)
                        }
                        stack.append(modelCheckResults[index])
                    case .member(let name):
                        stack[stack.count - 1] = try Access.member(name, of: stack[stack.count - 1])
                    case .index:
                        let index = stack.removeLast()
                        let container = stack.removeLast()
                        stack.append(try Access.element(index, of: container))
                    case .unary(let op):
                        stack[stack.count - 1] = try Operators.unary(op, stack[stack.count - 1])
                    case .binary(let op):
                        let rhs = stack.removeLast()
                        stack[stack.count - 1] = try Operators.binary(op, stack[stack.count - 1], rhs)
                    case .andJump(let target), .orJump(let target):
                        let isAnd = if case .andJump = instruction { true } else { false }
                        guard case .bool(let flag) = stack[stack.count - 1] else {
                            throw RuntimeProblem.notABool("the left side of `\(isAnd ? "&&" : "||")`", stack[stack.count - 1])
                        }
                        if flag != isAnd { pc = target } else { stack.removeLast() }
                    case .requireBool(let what):
                        guard case .bool = stack[stack.count - 1] else { throw RuntimeProblem.notABool(what, stack[stack.count - 1]) }
                    case .branchIfFalse(let target):
                        let condition = stack.removeLast()
                        guard case .bool(let flag) = condition else {
                            throw RuntimeProblem.notABool("the condition of `if`", condition)
                        }
                        if !flag { pc = target }
                    case .jump(let target):
                        pc = target
                    case .makeList(let count):
                        let items = Array(stack[(stack.count - count)...])
                        stack.removeLast(count)
                        stack.append(.list(items))
                    case .makeRecord(let names):
                        let start = stack.count - names.count
                        let record = Record(names.enumerated().map { Record.Field(name: $1, value: stack[start + $0]) })
                        stack.removeLast(names.count)
                        stack.append(.record(record))
                    case .makeRange(let inclusive):
                        let upper = stack.removeLast()
                        let lower = stack.removeLast()
                        guard lower.numberValue != nil, upper.numberValue != nil else {
                            throw RuntimeProblem.operandTypes(inclusive ? ".." : "..<", lower, upper)
                        }
                        stack.append(.range(RangeValue(lower: lower, upper: upper, inclusive: inclusive)))
                    case .stringify:
                        stack[stack.count - 1] = .string(stack[stack.count - 1].interpolationText)
                    case .concat(let count):
                        var text = ""
                        for value in stack[(stack.count - count)...] {
                            if case .string(let part) = value { text += part }
                        }
                        stack.removeLast(count)
                        stack.append(.string(text))
                    case .callBuiltin(let call):
                        let arguments = Array(stack[(stack.count - call.argumentCount)...])
                        stack.removeLast(call.argumentCount)
                        let (result, charged) = try invoke(call, arguments, at: code.sources[pc - 1])
                        steps += charged
                        stack.append(result)
                    case .callUser(let function, let argumentCount):
                        let callee = program.functions[function]
                        guard frames.count < limits.maxCallDepth else {
                            throw RuntimeProblem.recursionLimit(limits.maxCallDepth, function: callee.name)
                        }
                        frames.append(Frame(code: code, pc: pc, base: base, callSite: code.sources[pc - 1]))
                        code = callee.code
                        instructions = callee.code.instructions
                        pc = 0
                        base = stack.count - argumentCount
                    case .promote(let type):
                        stack[stack.count - 1] = stack[stack.count - 1].promoted(to: type)
                    case .promoteLocal(let slot, let type):
                        stack[base + slot] = stack[base + slot].promoted(to: type)
                    case .ret:
                        let result = stack.removeLast()
                        stack.removeLast(stack.count - base)
                        guard let caller = frames.popLast() else { return result }
                        code = caller.code
                        instructions = caller.code.instructions
                        pc = caller.pc
                        base = caller.base
                        stack.append(result)
                    }
                }
            } catch {
                throw located(error, failing: code.sources[max(0, pc - 1)], context: code.context, callers: frames)
            }
        }
    }

    /// Calls a builtin or host function; returns its result and the extra steps it charged.
    private func invoke(_ call: BuiltinCall, _ arguments: [Value], at source: SourceRef) throws(RuntimeProblem)
        -> (Value, Int)
    {
        let name = call.entry.name
        guard let overload = call.overload(for: arguments) else {
            throw RuntimeProblem.noMatchingOverload(name, call.entry.overloads, arguments)
        }
        var context = CallContext(
            function: name, source: source, overload: overload, environment: environment, regexCache: regexCache,
            regexStepBudget: limits.regexStepBudget)
        let result: Value
        do {
            result = try call.entry.implementation(arguments, &context)
        } catch let problem as RuntimeProblem {
            throw problem
        } catch {
            throw RuntimeProblem.hostFailure(name, error)
        }
        guard call.resultTypes.contains(where: { result.fitsShape(of: $0) }) else {
            throw RuntimeProblem.invalidResult(name, declared: call.resultTypes, got: result)
        }
        return (result, context.chargedSteps)
    }

    /// Places a problem: at the failing expression with the call stack, except that running out of steps is
    /// reported at the call into the innermost function (the call that was being made).
    private func located(_ problem: RuntimeProblem, failing: SourceRef, context: String, callers: [Frame]) -> RuntimeError {
        var trace = [StackFrame(context: context, location: failing)]
        for caller in callers.reversed() {
            if trace.count > limits.reportedFrames { break }
            trace.append(StackFrame(context: caller.code.context, location: caller.callSite))
        }
        let total = callers.count + 1
        let kept = Array(trace.prefix(max(1, limits.reportedFrames)))
        let source = problem.kind == .stepBudgetExceeded ? (callers.last?.callSite ?? failing) : failing
        return RuntimeError(
            kind: problem.kind, message: problem.message, source: source, stack: kept, omittedFrames: total - kept.count,
            hint: problem.hint)
    }
}

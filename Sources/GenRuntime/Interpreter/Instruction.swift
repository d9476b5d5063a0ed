import GenPipeline

/// One step of the interpreter's stack machine. Expressions compile to a flat list of these so evaluation
/// needs no native recursion: a script recursing 100,000 deep uses heap frames, never the thread's stack.
enum Instruction: Sendable {
    case push(Value)
    case loadLocal(Int)
    case loadConstant(Int)
    case loadModelCheck(Int)
    case member(String)
    case index
    case unary(IRUnaryOperator)
    case binary(IRBinaryOperator)
    /// `&&`: the left operand (a bool) on top; false stays and jumps to the target, true is popped.
    case andJump(Int)
    /// `||`: true stays and jumps to the target, false is popped.
    case orJump(Int)
    /// The top must be a bool; the string says which operand it is, for the message.
    case requireBool(String)
    /// Pops a bool; jumps when it is false.
    case branchIfFalse(Int)
    case jump(Int)
    case makeList(Int)
    case makeRecord([String])
    case makeRange(inclusive: Bool)
    /// Replaces the top with its interpolation text.
    case stringify
    /// Pops n strings and pushes their concatenation.
    case concat(Int)
    case callBuiltin(BuiltinCall)
    case callUser(function: Int, argumentCount: Int)
    /// Turns ints into floats where the static type says float (see `Value.promoted(to:)`).
    case promote(GenType)
    case promoteLocal(Int, GenType)
    case ret
}

/// A resolved builtin or host call site: the registry entry and how many arguments it passes.
final class BuiltinCall: Sendable {
    let entry: FunctionRegistry.Entry
    let argumentCount: Int
    /// Result types of every overload, to catch host functions returning something undeclared.
    let resultTypes: [GenType]

    init(entry: FunctionRegistry.Entry, argumentCount: Int) {
        self.entry = entry
        self.argumentCount = argumentCount
        self.resultTypes = entry.overloads.map(\.result)
    }

    /// The first overload whose arity and parameter shapes fit the arguments.
    func overload(for arguments: [Value]) -> Int? {
        entry.overloads.firstIndex { signature in
            let parameters = signature.parameters
            let arityFits =
                arguments.count == parameters.count
                || (signature.isVariadic && !parameters.isEmpty && arguments.count >= parameters.count)
            guard arityFits else { return false }
            for (position, argument) in arguments.enumerated() {
                // Variadic arguments beyond the declared parameters take the last parameter's type.
                let type = parameters[Swift.min(position, parameters.count - 1)].type
                if !argument.fitsShape(of: type) { return false }
            }
            return true
        }
    }
}

/// Compiled code for one user fn or top-level expression.
final class CodeBlock: Sendable {
    let instructions: [Instruction]
    /// The source of each instruction, for errors.
    let sources: [SourceRef]
    /// How the block appears in a stack trace: `fn short`, `rule "schema"`.
    let context: String

    init(instructions: [Instruction], sources: [SourceRef], context: String) {
        self.instructions = instructions
        self.sources = sources
        self.context = context
    }
}

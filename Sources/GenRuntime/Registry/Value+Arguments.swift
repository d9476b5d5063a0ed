/// Typed reads of builtin arguments, with errors that name the function and parameter.
/// Public so host functions can use them too.
extension Value {
    public func string(_ function: String, _ parameter: String) throws(RuntimeProblem) -> String {
        guard case .string(let text) = self else { throw .argument(function, parameter, expected: "a string", got: self) }
        return text
    }

    public func int(_ function: String, _ parameter: String) throws(RuntimeProblem) -> Int {
        guard case .int(let whole) = self else { throw .argument(function, parameter, expected: "an int", got: self) }
        return whole
    }

    /// An int or a float, as a Double.
    public func number(_ function: String, _ parameter: String) throws(RuntimeProblem) -> Double {
        guard let number = numberValue else { throw .argument(function, parameter, expected: "a number", got: self) }
        return number
    }

    public func bool(_ function: String, _ parameter: String) throws(RuntimeProblem) -> Bool {
        guard case .bool(let flag) = self else { throw .argument(function, parameter, expected: "a bool", got: self) }
        return flag
    }

    public func list(_ function: String, _ parameter: String) throws(RuntimeProblem) -> [Value] {
        guard case .list(let items) = self else { throw .argument(function, parameter, expected: "a list", got: self) }
        return items
    }

    public func record(_ function: String, _ parameter: String) throws(RuntimeProblem) -> Record {
        guard case .record(let record) = self else { throw .argument(function, parameter, expected: "a record", got: self) }
        return record
    }
}

extension Array where Element == Value {
    /// The argument at a position, or a clear error when a host registered fewer parameters than it reads.
    public func argument(_ position: Int, of function: String) throws(RuntimeProblem) -> Value {
        guard indices.contains(position) else {
            throw .invalidArgument(function, "missing argument \(position + 1) (got \(count))")
        }
        return self[position]
    }
}

import GenPipeline

extension Value {
    /// Whether the value has the outer shape of a static type: an int where an int is expected, any list
    /// where a `list(...)` is expected. Cheap (no walk over elements); used to pick an overload at a call and to
    /// catch host functions that return something their signature does not declare. An int fits `float`.
    public func fitsShape(of type: GenType) -> Bool {
        switch (type, self) {
        case (.any, _): return true
        case (.int, .int), (.float, .int), (.float, .float), (.string, .string), (.enumeration, .string),
            (.bool, .bool), (.none, .none), (.list, .list), (.record, .record), (.schema, .record),
            (.model, .model), (.arm, .arm), (.range, .range):
            return true
        default: return false
        }
    }
}

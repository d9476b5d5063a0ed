import GenPipeline
import Testing
@testable import GenRuntime

@Suite struct CollectionBuiltinTests {
    @Test func countCountsElements() throws {
        #expect(try eval(E.call("count", E.call("words", E.str("one two three")))) == .int(3))
        #expect(try eval(E.call("count", E.list([]))) == .int(0))
        #expect(failure(E.call("count", E.str("abc")))?.kind == .typeMismatch)
    }

    @Test func anyAndAll() throws {
        let mixed = E.list([E.bool(false), E.bool(true)])
        #expect(try eval(E.call("any", mixed)) == .bool(true))
        #expect(try eval(E.call("all", mixed)) == .bool(false))
        #expect(try eval(E.call("any", E.list([]))) == .bool(false))
        #expect(try eval(E.call("all", E.list([]))) == .bool(true))
        #expect(try eval(E.call("all", E.list([E.bool(true), E.bool(true)]))) == .bool(true))
        #expect(failure(E.call("all", E.list([E.bool(true), E.int(1)])))?.message == "`all`: element 1 is int 1, not a bool")
    }

    @Test func keysAndHas() throws {
        let record = E.record(["text": E.str("x"), "label": E.str("y")])
        #expect(try eval(E.call("keys", record)) == .list(["text", "label"]))
        #expect(try eval(E.call("keys", E.record([:]))) == .list([]))
        #expect(try eval(E.call("has", record, E.str("label"))) == .bool(true))
        #expect(try eval(E.call("has", record, E.str("note"))) == .bool(false))
        #expect(failure(E.call("keys", E.list([])))?.kind == .typeMismatch)
    }

    @Test func containsOnListsUsesScriptEquality() throws {
        let list = E.list([E.int(1), E.str("a"), E.list([E.int(2)])])
        #expect(try eval(E.call("contains", list, E.float(1.0))) == .bool(true))
        #expect(try eval(E.call("contains", list, E.list([E.int(2)]))) == .bool(true))
        #expect(try eval(E.call("contains", E.list([E.str("a")]), E.str("b"))) == .bool(false))
        #expect(try eval(E.call("contains", E.list([E.str("a")]), E.int(1))) == .bool(false))
        #expect(failure(E.call("contains", E.int(1), E.int(1)))?.kind == .typeMismatch)
    }
}

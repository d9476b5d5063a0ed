import GenPipeline
import Testing
@testable import GenRuntime

@Suite struct NumericBuiltinTests {
    private func ints(_ values: Int...) -> IRExpr { E.list(values.map { E.int($0) }) }

    @Test func minAndMaxOverListsAndArguments() throws {
        #expect(try eval(E.call("min", ints(3, 1, 2))) == .int(1))
        #expect(try eval(E.call("max", ints(3, 1, 2))) == .int(3))
        #expect(try eval(E.call("min", E.int(4), E.int(9))) == .int(4))
        #expect(try eval(E.call("max", E.int(4), E.float(2.5), E.int(9))) == .float(9))
        #expect(try eval(E.call("min", E.list([E.int(2), E.float(0.5)]))) == .float(0.5))
        #expect(failure(E.call("min", E.list([])))?.message == "`min`: the list is empty")
        #expect(failure(E.call("max", E.list([E.int(1), E.str("2")])))?.message == "`max`: element 1 is string \"2\", not a number")
        #expect(failure(E.call("min", E.int(1)))?.kind == .typeMismatch)
    }

    @Test func sumKeepsIntsAndDetectsOverflow() throws {
        #expect(try eval(E.call("sum", ints(1, 2, 3))) == .int(6))
        #expect(try eval(E.call("sum", E.list([]))) == .int(0))
        #expect(try eval(E.call("sum", E.list([E.int(1), E.float(0.5)]))) == .float(1.5))
        #expect(failure(E.call("sum", ints(.max, 1)))?.kind == .arithmeticOverflow)
        #expect(failure(E.call("sum", E.list([E.bool(true)])))?.kind == .typeMismatch)
    }

    @Test func meanIsAFloatOfANonEmptyList() throws {
        #expect(try eval(E.call("mean", ints(1, 2))) == .float(1.5))
        #expect(try eval(E.call("mean", E.list([E.float(0.25)]))) == .float(0.25))
        #expect(failure(E.call("mean", E.list([])))?.message == "`mean`: the list is empty")
    }

    @Test func absKeepsTheType() throws {
        #expect(try eval(E.call("abs", E.int(-3))) == .int(3))
        #expect(try eval(E.call("abs", E.float(-0.5))) == .float(0.5))
        #expect(failure(E.call("abs", E.int(.min)))?.kind == .arithmeticOverflow)
    }

    @Test func roundToIntOrToDigits() throws {
        #expect(try eval(E.call("round", E.float(2.5))) == .int(3))
        #expect(try eval(E.call("round", E.float(-2.5))) == .int(-3))
        #expect(try eval(E.call("round", E.float(2.4))) == .int(2))
        #expect(try eval(E.call("round", E.int(7))) == .int(7))
        #expect(try eval(E.call("round", E.float(3.14159), E.int(2))) == .float(3.14))
        #expect(try eval(E.call("round", E.int(1234), E.int(-2))) == .float(1200))
        #expect(failure(E.call("round", E.float(1e300)))?.kind == .arithmeticOverflow)
        #expect(failure(E.call("round", E.float(1), E.int(99)))?.kind == .invalidArgument)
    }

    @Test func clampLimitsToTheInterval() throws {
        #expect(try eval(E.call("clamp", E.int(12), E.int(0), E.int(10))) == .int(10))
        #expect(try eval(E.call("clamp", E.int(-1), E.int(0), E.int(10))) == .int(0))
        #expect(try eval(E.call("clamp", E.float(0.5), E.int(0), E.int(1))) == .float(0.5))
        #expect(try eval(E.call("clamp", E.float(1.5), E.float(0), E.float(1))) == .float(1))
        #expect(failure(E.call("clamp", E.int(1), E.int(5), E.int(0)))?.message == "`clamp`: low (5) is greater than high (0)")
    }
}

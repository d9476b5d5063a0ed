import GenPipeline
import Testing
@testable import GenRuntime

@Suite struct ArithmeticTests {
    @Test func intArithmeticStaysInt() throws {
        #expect(try eval(E.int(2) + E.int(3)) == .int(5))
        #expect(try eval(E.int(2) - E.int(7)) == .int(-5))
        #expect(try eval(E.int(6) * E.int(7)) == .int(42))
    }

    @Test func mixedIntAndFloatPromoteToFloat() throws {
        #expect(try eval(E.int(1) + E.float(0.5)) == .float(1.5))
        #expect(try eval(E.float(2.5) * E.int(2)) == .float(5.0))
        #expect(try eval(E.int(3) - E.float(0.5)) == .float(2.5))
    }

    /// Decision: `/` always gives a float, so ratios never truncate silently.
    @Test func divisionAlwaysGivesAFloat() throws {
        #expect(try eval(E.int(7) / E.int(2)) == .float(3.5))
        #expect(try eval(E.int(6) / E.int(3)) == .float(2.0))
        #expect(try eval(E.float(1) / E.int(4)) == .float(0.25))
    }

    /// `%` on ints is an int with the sign of the dividend, as in Swift.
    @Test func remainderOnIntsAndFloats() throws {
        #expect(try eval(E.int(7) % E.int(3)) == .int(1))
        #expect(try eval(E.int(-7) % E.int(3)) == .int(-1))
        #expect(try eval(E.int(7) % E.int(-3)) == .int(1))
        #expect(try eval(E.float(7.5) % E.int(2)) == .float(1.5))
    }

    @Test func divisionAndRemainderByZeroAreErrors() {
        #expect(failure(E.int(1) / E.int(0))?.kind == .divisionByZero)
        #expect(failure(E.float(1) / E.float(0))?.message == "division by zero")
        #expect(failure(E.int(1) % E.int(0))?.message == "remainder by zero")
        #expect(failure(E.float(1) % E.float(0))?.kind == .divisionByZero)
    }

    @Test func intOverflowIsAnErrorNotACrash() {
        let error = failure(E.int(.max) + E.int(1))
        #expect(error?.kind == .arithmeticOverflow)
        #expect(error?.message == "integer overflow in \(Int.max) + 1")
        #expect(failure(E.int(.min) - E.int(1))?.kind == .arithmeticOverflow)
        #expect(failure(E.int(.max) * E.int(2))?.kind == .arithmeticOverflow)
        #expect(failure(E.int(.min) % E.int(-1))?.kind == .arithmeticOverflow)
        #expect(failure(E.negate(E.int(.min)))?.kind == .arithmeticOverflow)
    }

    @Test func floatResultsMustBeFinite() {
        #expect(failure(E.float(1e308) * E.float(10))?.message == "the result of `*` is too large to be a float")
    }

    @Test func unaryOperators() throws {
        #expect(try eval(E.negate(E.int(4))) == .int(-4))
        #expect(try eval(E.negate(E.float(0.5))) == .float(-0.5))
        #expect(try eval(E.not(E.bool(false))) == .bool(true))
        #expect(failure(E.not(E.int(1)))?.message == "cannot apply `!` to int")
        #expect(failure(E.negate(E.str("a")))?.kind == .typeMismatch)
    }

    @Test func plusConcatenatesStringsAndLists() throws {
        #expect(try eval(E.str("ab") + E.str("cd")) == .string("abcd"))
        #expect(try eval(E.list([E.int(1)]) + E.list([E.int(2)])) == .list([1, 2]))
    }

    @Test func stringPlusNumberIsATypeErrorWithAnInterpolationHint() {
        let error = failure(E.str("n = ") + E.int(3))
        #expect(error?.kind == .typeMismatch)
        #expect(error?.message == "cannot apply `+` to string and int")
        #expect(error?.hint?.contains("interpolate") == true)
        #expect(failure(E.bool(true) * E.int(2))?.message == "cannot apply `*` to bool and int")
    }
}

@Suite struct ComparisonTests {
    @Test func numbersCompareAcrossIntAndFloat() throws {
        #expect(try eval(E.int(1) < E.float(1.5)) == .bool(true))
        #expect(try eval(E.float(2.0) >= E.int(2)) == .bool(true))
        #expect(try eval(E.int(3) > E.int(4)) == .bool(false))
        #expect(try eval(E.int(3) <= E.int(3)) == .bool(true))
        #expect(try eval(E.int(1) == E.float(1.0)) == .bool(true))
        #expect(try eval(E.int(1) != E.float(1.5)) == .bool(true))
    }

    @Test func stringsCompareLexicographically() throws {
        #expect(try eval(E.str("apple") < E.str("banana")) == .bool(true))
        #expect(try eval(E.str("b") > E.str("abc")) == .bool(true))
        #expect(try eval(E.str("x") == E.str("x")) == .bool(true))
    }

    @Test func comparingMismatchedTypesIsATypeError() {
        let error = failure(E.int(1) < E.str("2"))
        #expect(error?.kind == .typeMismatch)
        #expect(error?.message == "cannot compare int with string using `<`")
        #expect(failure(E.str("1") == E.int(1))?.message == "cannot compare string with int using `==`")
        #expect(failure(E.bool(true) < E.bool(false))?.kind == .typeMismatch)
        #expect(failure(E.list([]) < E.list([]))?.kind == .typeMismatch)
    }

    @Test func noneEqualsOnlyNoneAndComparesWithAnything() throws {
        #expect(try eval(E.none == E.none) == .bool(true))
        #expect(try eval(E.str("x") == E.none) == .bool(false))
        #expect(try eval(E.none != E.int(0)) == .bool(true))
    }

    @Test func listsAndRecordsCompareStructurally() throws {
        #expect(try eval(E.list([E.int(1), E.str("a")]) == E.list([E.float(1), E.str("a")])) == .bool(true))
        #expect(try eval(E.list([E.int(1)]) == E.list([E.int(1), E.int(2)])) == .bool(false))
        let ab = E.record(["a": E.int(1), "b": E.list([E.bool(true)])])
        let ba = E.record(["b": E.list([E.bool(true)]), "a": E.int(1)])
        #expect(try eval(ab == ba) == .bool(true))
        #expect(try eval(ab == E.record(["a": E.int(1)])) == .bool(false))
        #expect(failure(E.list([E.int(1)]) == E.list([E.str("1")]))?.kind == .typeMismatch)
    }
}

@Suite struct LogicTests {
    /// The right side would divide by zero; short-circuiting never evaluates it.
    @Test func andOrShortCircuit() throws {
        let boom: IRExpr = (E.int(1) / E.int(0)) == E.float(1)
        #expect(try eval(E.bool(false) && boom) == .bool(false))
        #expect(try eval(E.bool(true) || boom) == .bool(true))
        #expect(failure(E.bool(true) && boom)?.kind == .divisionByZero)
        #expect(try eval(E.bool(true) && E.bool(true)) == .bool(true))
        #expect(try eval(E.bool(false) || E.bool(false)) == .bool(false))
    }

    @Test func logicOperandsMustBeBools() {
        #expect(failure(E.int(1) && E.bool(true))?.message == "the left side of `&&` must be a bool, got int 1")
        #expect(failure(E.bool(true) && E.str("x"))?.message == "the right side of `&&` must be a bool, got string \"x\"")
        #expect(failure(E.bool(false) || E.int(0))?.kind == .typeMismatch)
    }

    @Test func ifThenElseEvaluatesOnlyTheChosenBranch() throws {
        #expect(try eval(E.cond(E.int(1) < E.int(2), E.str("yes"), E.int(1) / E.int(0))) == .string("yes"))
        #expect(try eval(E.cond(E.bool(false), E.int(1) / E.int(0), E.str("no"))) == .string("no"))
        #expect(failure(E.cond(E.int(1), E.int(1), E.int(2)))?.message == "the condition of `if` must be a bool, got int 1")
    }

    @Test func conditionalTypedFloatPromotesAnIntBranch() throws {
        #expect(try eval(E.cond(E.bool(true), E.int(1), E.float(0.5), type: .float)) == .float(1.0))
    }
}

@Suite struct RangeTests {
    @Test func rangesAreValuesThatContainNumbers() throws {
        #expect(try eval(E.range(E.int(1), E.int(10), inclusive: false)) == .range(RangeValue(lower: 1, upper: 10, inclusive: false)))
        #expect(try eval(E.call("contains", E.range(E.int(1), E.int(10), inclusive: false), E.int(10))) == .bool(false))
        #expect(try eval(E.call("contains", E.range(E.int(1), E.int(10)), E.int(10))) == .bool(true))
        #expect(try eval(E.call("contains", E.range(E.float(0), E.float(2)), E.float(1.5))) == .bool(true))
        #expect(try eval(E.call("contains", E.range(E.float(0), E.float(2)), E.float(2.5))) == .bool(false))
    }

    @Test func rangeBoundsMustBeNumbers() {
        #expect(failure(E.range(E.str("a"), E.int(2)))?.message == "cannot apply `..` to string and int")
    }
}

import GenPipeline
import Testing
@testable import GenRuntime

@Suite struct InterpolationTests {
    private func render(_ expression: IRExpr) throws -> Value {
        try eval(E.interpolate(E.text("<"), E.expr(expression), E.text(">")))
    }

    @Test func textAndExpressionsConcatenate() throws {
        let label = E.local("label")
        let value = try eval(E.interpolate(E.text("The customer wants: "), E.expr(label), E.text(".")), ["label": "lost_card"])
        #expect(value == .string("The customer wants: lost_card."))
        #expect(try eval(E.interpolate()) == .string(""))
    }

    @Test func intsPrintWithoutAFraction() throws {
        #expect(try render(E.int(42)) == .string("<42>"))
        #expect(try render(E.int(-7)) == .string("<-7>"))
    }

    @Test func floatsPrintShortAndWithoutBinaryNoise() throws {
        #expect(try render(E.float(0.5)) == .string("<0.5>"))
        #expect(try render(E.float(0.1) + E.float(0.2)) == .string("<0.3>"))
        #expect(try render(E.float(2)) == .string("<2.0>"))
        #expect(try render(E.int(1) / E.int(3)) == .string("<0.333333333333333>"))
        #expect(try render(E.float(1e-5)) == .string("<1e-05>"))
        #expect(try render(E.float(1e20)) == .string("<1e+20>"))
    }

    @Test func otherValuesPrintAsLiterals() throws {
        #expect(try render(E.bool(true)) == .string("<true>"))
        #expect(try render(E.none) == .string("<none>"))
        #expect(try render(E.list([E.int(1), E.str("a\"b"), E.float(0.25)])) == .string("<[1, \"a\\\"b\", 0.25]>"))
        #expect(try render(E.record(["a": E.int(1), "b": E.str("x")])) == .string("<{a: 1, b: \"x\"}>"))
        #expect(try render(E.record([:])) == .string("<{}>"))
        #expect(try render(E.range(E.int(0), E.int(3), inclusive: false)) == .string("<0..<3>"))
    }

    @Test func stringsInterpolateRawAndNest() throws {
        let inner = E.interpolate(E.text("["), E.expr(E.str("q\"t")), E.text("]"))
        #expect(try render(inner) == .string("<[q\"t]>"))
    }
}

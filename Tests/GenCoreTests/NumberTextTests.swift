import Testing
import GenCore

/// How `gen test` and `gen compare` print a figure: never a bare 0.000 for a fraction of a cent.
@Suite struct NumberTextTests {
    @Test func figuresKeepThreeSignificantDigitsBelowATenth() {
        #expect(NumberText.figure(12) == "12")
        #expect(NumberText.figure(0.8) == "0.800")
        #expect(NumberText.figure(348.1666) == "348.167")
        #expect(NumberText.figure(0.0500) == "0.0500")
        #expect(NumberText.figure(0.000213) == "0.000213")
        #expect(NumberText.figure(0.0000296) == "0.0000296")
        #expect(NumberText.figure(-0.00042) == "-0.000420")
        #expect(NumberText.decimals(forMagnitude: 0) == 3)
        #expect(NumberText.decimals(forMagnitude: .infinity) == 3)
        #expect(NumberText.decimals(forMagnitude: 1e-300) == 17, "bounded")
    }
}

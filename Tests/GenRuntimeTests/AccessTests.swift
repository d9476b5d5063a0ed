import GenPipeline
import Testing
@testable import GenRuntime

@Suite struct AccessTests {
    private let sample: Value = .record(["text": "I lost my card", "label": "lost_card", "tags": ["a", "b"]])

    @Test func memberAccessReadsFields() throws {
        #expect(try eval(E.member(E.local("sample"), "label"), ["sample": sample]) == .string("lost_card"))
    }

    @Test func missingFieldSuggestsTheClosestName() {
        let error = failure(E.member(E.local("sample"), "lable", at: E.at(4, 12)), ["sample": sample])
        #expect(error?.kind == .missingField)
        #expect(error?.message == "the record has no field `lable`")
        #expect(error?.hint == "did you mean `label`?")
        #expect(error?.source == E.at(4, 12))
        let far = failure(E.member(E.local("sample"), "zzzzzz"), ["sample": sample])
        #expect(far?.hint == "its fields are `text`, `label`, `tags`")
    }

    @Test func memberOfNonRecordIsATypeError() {
        #expect(failure(E.member(E.int(3), "x"))?.message == "cannot read field `x` of an int")
        let ofNone = failure(E.member(E.none, "note"))
        #expect(ofNone?.message == "cannot read field `note` of none")
        #expect(ofNone?.hint != nil)
    }

    @Test func listIndexingFromZero() throws {
        #expect(try eval(E.index(E.list([E.int(10), E.int(20)]), E.int(1))) == .int(20))
        #expect(try eval(E.index(E.member(E.local("s"), "tags"), E.int(0)), ["s": sample]) == .string("a"))
    }

    @Test func outOfRangeAndNegativeIndicesNameIndexAndLength() {
        let list = E.list([E.int(10), E.int(20), E.int(30)])
        let past = failure(E.index(list, E.int(3)))
        #expect(past?.kind == .indexOutOfRange)
        #expect(past?.message == "index 3 is out of range for a list of length 3")
        #expect(past?.hint == "valid indices are 0 to 2")
        let negative = failure(E.index(list, E.int(-1)))
        #expect(negative?.message == "negative index -1 into a list of length 3")
        #expect(failure(E.index(E.list([]), E.int(0)))?.hint == "the list is empty")
    }

    @Test func stringsIndexByCharacterAndRecordsByName() throws {
        #expect(try eval(E.index(E.str("héllo"), E.int(1))) == .string("é"))
        #expect(failure(E.index(E.str("ab"), E.int(2)))?.message == "index 2 is out of range for a string of length 2")
        #expect(try eval(E.index(E.local("s"), E.str("label")), ["s": sample]) == .string("lost_card"))
        #expect(failure(E.index(E.local("s"), E.str("labels")), ["s": sample])?.hint == "did you mean `label`?")
    }

    @Test func indexTypesAreChecked() {
        #expect(failure(E.index(E.list([E.int(1)]), E.float(0)))?.message == "cannot index a list with a float")
        #expect(failure(E.index(E.int(5), E.int(0)))?.kind == .typeMismatch)
    }

    @Test func memberTypedFloatPromotesAnIntField() throws {
        let price = E.member(E.local("s"), "price", type: .float)
        #expect(try eval(price, ["s": .record(["price": 30])]) == .float(30))
    }
}

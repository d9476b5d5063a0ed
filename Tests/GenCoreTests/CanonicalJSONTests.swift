import Testing
@testable import GenCore

@Suite struct CanonicalJSONTests {
    @Test func keysAreSortedAndWhitespaceIsGone() {
        let value = JSONValue.object(["b": .int(2), "a": .array([.bool(true), .null]), "c": .string("x\"y\n")])
        #expect(CanonicalJSON.string(value) == #"{"a":[true,null],"b":2,"c":"x\"y\n"}"#)
    }

    @Test func intsAndDoublesStayApart() {
        #expect(CanonicalJSON.string(.int(400)) == "400")
        #expect(CanonicalJSON.string(.double(400)) == "400.0")
        #expect(CanonicalJSON.string(.double(0.1)) == "0.1")
        #expect(CanonicalJSON.string(.double(.nan)) == "null")
    }

    @Test func parseRoundTrips() throws {
        let text = #"{"label":"spam","n":3,"score":0.25,"tags":["a","b"],"ok":false,"none":null}"#
        let value = try #require(CanonicalJSON.parse(text))
        #expect(value["n"] == .int(3))
        #expect(value["score"] == .double(0.25))
        #expect(CanonicalJSON.parse(CanonicalJSON.string(value)) == value)
        #expect(CanonicalJSON.parse("{not json") == nil)
    }

    @Test func controlCharactersAreEscaped() {
        #expect(CanonicalJSON.string(.string("a\u{01}b")) == #""a\u0001b""#)
    }
}

import GenCore
import GenPipeline
import Testing

@testable import GenQuality

/// One test per kind of schema violation, each checking the kind, the JSON path and the message.
struct SchemaValidatorTests {
    static let intent = OutputSchema(fields: [
        SchemaField(name: "text", type: .string(minLength: 12, maxLength: 60)),
        SchemaField(name: "label", type: .enumeration(["lost_card", "transfer_failed"])),
        SchemaField(name: "note", isOptional: true, type: .string()),
    ])

    func validate(_ sample: JSONValue, schema: OutputSchema = intent, extra: ExtraFieldPolicy = .strip) throws -> SchemaValidation {
        try SchemaValidator(schema: schema, extraFields: extra).validate(sample)
    }

    func only(_ validation: SchemaValidation) throws -> SchemaIssue {
        #expect(validation.issues.count == 1, "\(validation.issues)")
        return try #require(validation.issues.first)
    }

    @Test func validSampleIsCleanedAndKept() throws {
        let result = try validate(.object(["text": .string("I lost my card today"), "label": .string("lost_card")]))
        #expect(result.isValid)
        #expect(result.cleaned == .object(["text": .string("I lost my card today"), "label": .string("lost_card")]))
    }

    @Test func enumValueOutsideTheListSuggestsTheClosest() throws {
        let issue = try only(validate(.object(["text": .string("I lost my card today"), "label": .string("lost card")])))
        #expect(issue.kind == .notInEnum)
        #expect(issue.path == "$.label")
        #expect(issue.message == "field `label`: \"lost card\" is not one of lost_card, transfer_failed (did you mean `lost_card`?)")
    }

    @Test func enumValueFarFromEveryOptionHasNoSuggestion() throws {
        let issue = try only(validate(.object(["text": .string("I lost my card today"), "label": .string("weather")])))
        #expect(issue.message == "field `label`: \"weather\" is not one of lost_card, transfer_failed")
    }

    @Test func missingRequiredFieldPointsAtALikelyMisspelling() throws {
        let issue = try only(validate(.object(["text": .string("I lost my card today"), "lable": .string("lost_card")])))
        #expect(issue.kind == .missingField)
        #expect(issue.path == "$.label")
        #expect(issue.message == "missing required field `label` (found `lable`: a misspelling?)")
    }

    @Test func requiredFieldThatIsNullIsMissing() throws {
        let issue = try only(validate(.object(["text": .string("I lost my card today"), "label": .null])))
        #expect(issue.kind == .missingField)
        #expect(issue.message == "field `label`: required, but null")
    }

    @Test func optionalFieldMayBeAbsentOrNull() throws {
        let result = try validate(.object(["text": .string("I lost my card today"), "label": .string("lost_card"), "note": .null]))
        #expect(result.isValid)
        #expect(result.cleaned?["note"] == nil)
    }

    @Test func unknownFieldIsStrippedByDefault() throws {
        let result = try validate(.object([
            "text": .string("I lost my card today"), "label": .string("lost_card"), "explanation": .string("because"),
        ]))
        #expect(result.isValid)
        #expect(result.strippedFields == ["$.explanation"])
        #expect(result.cleaned?["explanation"] == nil)
    }

    @Test func unknownFieldIsRejectedUnderTheStrictPolicy() throws {
        let issue = try only(validate(
            .object(["text": .string("I lost my card today"), "label": .string("lost_card"), "nots": .string("x")]),
            extra: .reject))
        #expect(issue.kind == .unexpectedField)
        #expect(issue.path == "$.nots")
        #expect(issue.message == "unexpected field `nots` (did you mean `note`?)")
    }

    @Test func wrongTypeSaysWhatWasFound() throws {
        let issue = try only(validate(.object(["text": .int(42), "label": .string("lost_card")])))
        #expect(issue.kind == .wrongType)
        #expect(issue.message == "field `text`: expected string, got 42")
    }

    @Test func sampleThatIsNotAnObject() throws {
        let issue = try only(validate(.string("lost_card")))
        #expect(issue.kind == .notAnObject)
        #expect(issue.path == "$")
        #expect(issue.message == "sample: expected an object, got string \"lost_card\"")
    }

    @Test func stringShorterThanTheMinimum() throws {
        let issue = try only(validate(.object(["text": .string("lost card"), "label": .string("lost_card")])))
        #expect(issue.kind == .tooShort)
        #expect(issue.message == "field `text`: 9 characters, fewer than the minimum 12")
    }

    @Test func stringLongerThanTheMaximumCountsCharactersNotBytes() throws {
        let text = String(repeating: "é", count: 61)  // 122 UTF-8 bytes, 61 characters
        let issue = try only(validate(.object(["text": .string(text), "label": .string("lost_card")])))
        #expect(issue.kind == .tooLong)
        #expect(issue.message == "field `text`: 61 characters, more than the maximum 60")
    }

    @Test func patternMustMatchTheWholeString() throws {
        let schema = OutputSchema(fields: [SchemaField(name: "code", type: .string(pattern: "[A-Z]{3}"))])
        #expect(try validate(.object(["code": .string("ABC")]), schema: schema).isValid)
        let issue = try only(validate(.object(["code": .string("ABCD")]), schema: schema))
        #expect(issue.kind == .patternMismatch)
        #expect(issue.message == "field `code`: \"ABCD\" does not match the pattern [A-Z]{3}")
    }

    /// A value the pattern cannot finish within its step budget fails the field with that reason; the match
    /// never hangs (ICU took 39 s for `(a+)+$` on 60 characters).
    @Test func aPatternOverItsStepBudgetFailsTheField() throws {
        let schema = OutputSchema(fields: [SchemaField(name: "code", type: .string(pattern: "(a+)+$"))])
        let slow = String(repeating: "a", count: 2_000) + "!"
        let roomy = try SchemaValidator(schema: schema).validate(.object(["code": .string(slow)]))
        #expect(roomy.issues.map(\.kind) == [.patternMismatch])
        let tight = try SchemaValidator(schema: schema, patternStepBudget: 500)
        let issue = try only(tight.validate(.object(["code": .string(slow)])))
        #expect(issue.kind == .patternTooSlow)
        #expect(issue.message == "field `code`: the pattern (a+)+$ took too long to match (over 500 steps on 2001 characters)")
        #expect(tight.validate(.object(["code": .string("aaa")])).isValid)
    }

    @Test func invalidPatternFailsWhenTheValidatorIsMade() {
        let schema = OutputSchema(fields: [SchemaField(name: "code", type: .string(pattern: "[A-Z"))])
        #expect(throws: QualityError.self) { try SchemaValidator(schema: schema) }
    }

    @Test func intBelowTheMinimum() throws {
        let schema = OutputSchema(fields: [SchemaField(name: "age", type: .int(min: 18, max: 120))])
        let issue = try only(validate(.object(["age": .int(17)]), schema: schema))
        #expect(issue.kind == .belowMinimum)
        #expect(issue.message == "field `age`: 17 is below the minimum 18")
    }

    @Test func floatAboveTheMaximum() throws {
        let schema = OutputSchema(fields: [SchemaField(name: "score", type: .float(min: 0, max: 1))])
        let issue = try only(validate(.object(["score": .double(1.5)]), schema: schema))
        #expect(issue.kind == .aboveMaximum)
        #expect(issue.message == "field `score`: 1.5 is above the maximum 1")
    }

    @Test func intFieldTakesWholeFloatsButNotFractions() throws {
        let schema = OutputSchema(fields: [SchemaField(name: "age", type: .int())])
        #expect(try validate(.object(["age": .double(30.0)]), schema: schema).cleaned == .object(["age": .int(30)]))
        let issue = try only(validate(.object(["age": .double(3.5)]), schema: schema))
        #expect(issue.kind == .wrongType)
        #expect(issue.message == "field `age`: expected int, got 3.5 (not a whole number)")
    }

    @Test func boolFieldRejectsStrings() throws {
        let schema = OutputSchema(fields: [SchemaField(name: "urgent", type: .bool)])
        let issue = try only(validate(.object(["urgent": .string("yes")]), schema: schema))
        #expect(issue.message == "field `urgent`: expected bool, got string \"yes\"")
    }

    @Test func listWithTooFewItems() throws {
        let schema = OutputSchema(fields: [SchemaField(name: "tags", type: .list(element: .string(), minCount: 1))])
        let issue = try only(validate(.object(["tags": .array([])]), schema: schema))
        #expect(issue.kind == .tooFewItems)
        #expect(issue.message == "field `tags`: 0 items, fewer than the minimum 1")
    }

    @Test func listWithTooManyItems() throws {
        let schema = OutputSchema(fields: [SchemaField(name: "tags", type: .list(element: .string(), maxCount: 2))])
        let issue = try only(validate(.object(["tags": .array([.string("a"), .string("b"), .string("c")])]), schema: schema))
        #expect(issue.kind == .tooManyItems)
        #expect(issue.message == "field `tags`: 3 items, more than the maximum 2")
    }

    @Test func nestedIssuesCarryTheirFullPath() throws {
        let item = SchemaFieldType.object([SchemaField(name: "label", type: .enumeration(["a", "b"]))])
        let schema = OutputSchema(fields: [SchemaField(name: "items", type: .list(element: item))])
        let sample = JSONValue.object(["items": .array([.object(["label": .string("a")]), .object(["label": .string("c")])])])
        let issue = try only(validate(sample, schema: schema))
        #expect(issue.kind == .notInEnum)
        #expect(issue.path == "$.items[1].label")
        #expect(issue.message == "field `items[1].label`: \"c\" is not one of a, b")
    }

    @Test func everyIssueIsReportedNotOnlyTheFirst() throws {
        let result = try validate(.object(["text": .string("short"), "label": .string("nope")]))
        #expect(result.issues.map(\.kind) == [.tooShort, .notInEnum])
        #expect(result.cleaned == nil)
    }

    /// A model's field name of 30,000 underscores around `text` folds to `text`, and the "misspelling" hint quoted it
    /// whole; names the model wrote are shortened like its values.
    @Test func aHugeFieldNameIsShortenedInMessages() throws {
        let name = "l" + String(repeating: "_", count: 30_000) + "abel"
        let issue = try only(validate(.object(["text": .string("I lost my card today"), name: .string("lost_card")])))
        #expect(issue.message == "missing required field `label` (found `l____________________________________...`: a misspelling?)")
        let strict = try validate(.object(["text": .string("I lost my card today"), "label": .string("lost_card"), name: .int(1)]), extra: .reject)
        #expect(strict.issues.first?.message.count ?? 0 < 80, "\(strict.issues.first?.message.prefix(100) ?? "")")
    }
}

import Testing
import GenCore
@testable import GenProviders

/// Model output written to hurt: the parser stays linear and its reasons short.
@Suite struct HostileOutputTests {
    @Test func aWallOfOpeningBracesIsRejectedFast() {
        // 20 KB of `{` took 32 s: every bracket was tried as a start and rescanned the rest. Now at most 64 are.
        guard case .failure(let rejection) = ModelOutputParser.parse(String(repeating: "{", count: 20_000), as: .jsonObject) else {
            Issue.record("accepted")
            return
        }
        #expect(rejection.reason == "no JSON object found in the first 64 brackets")
    }

    @Test func outputOverTheLimitIsRejectedUnread() {
        let huge = "{\"text\": \"" + String(repeating: "a", count: ModelOutputParser.maxOutputBytes) + "\"}"
        guard case .failure(let rejection) = ModelOutputParser.parse(huge, as: .jsonObject) else { Issue.record("accepted"); return }
        #expect(rejection.reason.hasPrefix("output of \(huge.utf8.count) bytes is over the 65536-byte limit"))
    }

    @Test func anAnswerAfterAFewStrayBracketsIsStillFound() throws {
        let output = "Here {is} a [sample] for you: {\"text\": \"fine\", \"label\": \"ham\"}"
        #expect(try ModelOutputParser.parse(output, as: .jsonObject).get() == .object(["text": .string("fine"), "label": .string("ham")]))
    }
}

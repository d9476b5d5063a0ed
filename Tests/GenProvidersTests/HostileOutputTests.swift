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

    /// 35 KB of ```{``` took 4.4 s in a debug build (each fence looked for the end of its line through the rest of
    /// the text); the fences are found in one pass. The bound guards against the quadratic, it is not a benchmark.
    @Test func thousandsOfFencesOnOneLineAreReadInOnePass() {
        let text = String(repeating: "```{```", count: 9_000)
        let clock = ContinuousClock()
        var blocks: [String] = []
        let elapsed = clock.measure { blocks = CodeFence.contents(of: text) }
        #expect(blocks.count == 9_000 && blocks.allSatisfy { $0 == "{" })
        #expect(elapsed < .seconds(5), "\(elapsed)")
        guard case .failure = ModelOutputParser.parse(text, as: .jsonObject) else { Issue.record("accepted"); return }
    }

    @Test func fencesKeepTheirMeaning() {
        #expect(CodeFence.contents(of: "Here:\n```json\n{\"a\": 1}\n```\nand ```[2]``` then ```\n{\"b\"") ==
                ["{\"a\": 1}\n", "[2]", "{\"b\""])
        #expect(CodeFence.contents(of: "```json\r\n{}\r\n```") == ["{}\r\n"])
        #expect(CodeFence.contents(of: "```{\"a\": 1}\n```") == ["{\"a\": 1}\n"], "a first line with a bracket is no info string")
        #expect(CodeFence.contents(of: "no fence") == [])
    }

    @Test func aTowerOfBracketsSaysHowManyClosersItLacks() {
        guard case .failure(let rejection) = ModelOutputParser.parse(String(repeating: "[", count: 10_000), as: .jsonObject) else {
            Issue.record("accepted")
            return
        }
        #expect(rejection.reason == "truncated JSON: missing `]]]]]]]]]]]]]]]]]]]]…` (10000 in all)")
    }
}

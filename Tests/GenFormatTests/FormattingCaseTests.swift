import GenCore
import GenFormat
import Testing

/// Specific layouts: each input and its exact canonical output.
@Suite struct FormattingCaseTests {
    @Test func longCallBreaksOneArgumentPerLineWithTrailingComma() {
        let input = """
            gen 0.1
            model local = openai(base_url: env("GEN_LLM_URL", "http://127.0.0.1:8080/v1"), model: "smollm2", max_concurrency: 4)

            """
        #expect(formatted(input) == """
            gen 0.1
            model local = openai(
              base_url: env("GEN_LLM_URL", "http://127.0.0.1:8080/v1"),
              model: "smollm2",
              max_concurrency: 4,
            )

            """)
    }

    @Test func shortCallWrittenOnSeveralLinesIsJoined() {
        let input = """
            gen 0.1
            arm a = naive(
              local,
              temperature: 0.3,
            )

            """
        #expect(formatted(input) == "gen 0.1\narm a = naive(local, temperature: 0.3)\n")
    }

    @Test func commentInsideAListKeepsItOneElementPerLine() {
        let input = """
            gen 0.1
            let xs = ["a", // first
              "b"]
            let ys = [/* note */ 1, 2]

            """
        #expect(formatted(input) == """
            gen 0.1
            let xs = [
              "a", // first
              "b",
            ]
            let ys = [
              /* note */ 1,
              2,
            ]

            """)
    }

    @Test func blankLinesCollapseToOneAndDisappearAtBlockEdges() {
        let input = "gen 0.1\n\n\n\nlet a = 1\nlet b = 2\n\n\n// about c\n\n\nlet c = 3\nspec s {\n\n  count: 1\n\n\n  batch: 2\n\n}\n\n\n"
        #expect(formatted(input) == """
            gen 0.1

            let a = 1
            let b = 2

            // about c

            let c = 3
            spec s {
              count: 1

              batch: 2
            }

            """)
    }

    @Test func trailingCommentsStayOnTheirLine() {
        let input = """
            gen 0.1   // version
            schema S {
              text:  string   // the text
              note?: string,  /* optional */
            }
            let x = 1 + 2 // sum

            """
        #expect(formatted(input) == """
            gen 0.1 // version
            schema S {
              text: string // the text
              note?: string /* optional */
            }
            let x = 1 + 2 // sum

            """)
    }

    @Test func commentsAtEndOfFileAndBeforeClosingBracesAreKept() {
        let input = "gen 0.1\nquality {\n  rule \"r\" valid(sample)\n  // more rules later\n}\nlet xs = [\n  1,\n  // two is gone\n]\n\n// the end\n/* really */"
        #expect(formatted(input) == """
            gen 0.1
            quality {
              rule "r" valid(sample)
              // more rules later
            }
            let xs = [
              1,
              // two is gone
            ]

            // the end
            /* really */

            """)
    }

    @Test func operatorSpacingIsNormalisedAndParenthesesKept() {
        let input = "gen 0.1\nreward=passed*(0.6*quality+0.4  *  novelty)\nlet r = 0.0 .. 2.0\nlet h = 1 ..<10\nlet n = - x\nlet b = ! (a&&b) || c==d\nlet m = classify(text->label)\nlet p = ((1))\n"
        #expect(formatted(input) == """
            gen 0.1
            reward = passed * (0.6 * quality + 0.4 * novelty)
            let r = 0.0..2.0
            let h = 1..<10
            let n = -x
            let b = !(a && b) || c == d
            let m = classify(text -> label)
            let p = ((1))

            """)
    }

    @Test func stringLiteralsArePrintedExactlyAsWritten() {
        let input = #"""
            gen 0.1
            let s   =   "tab\t quote\" \u{1F600} \(f(1,2)) \\ end"
                let m = """
                  kept   as is
                    \(x)
                  """

            """#
        #expect(formatted(input) == #"""
            gen 0.1
            let s = "tab\t quote\" \u{1F600} \(f(1,2)) \\ end"
            let m = """
                  kept   as is
                    \(x)
                  """

            """#)
    }

    @Test func versionLineStaysFirstAfterHeaderComments() {
        let input = "// header\n\n  gen   0.1\nimport   \"std/arms\"   as   arms\n"
        #expect(formatted(input) == "// header\n\ngen 0.1\nimport \"std/arms\" as arms\n")
    }

    @Test func longFunctionBodyMovesToTheNextLine() {
        let input = """
            gen 0.1
            fn word_count_between(text: string, low: int, high: int) -> bool = count(words(text)) >= low && count(words(text)) <= high

            """
        #expect(formatted(input) == """
            gen 0.1
            fn word_count_between(text: string, low: int, high: int) -> bool =
              count(words(text)) >= low && count(words(text)) <= high

            """)
    }

    @Test func callAtTheEndOfALongConditionBreaksWithoutExtraIndentation() {
        let input = """
            gen 0.1
            fn short(text: string, limit: int = 191) -> bool = len(text) <= limit && !matches(lower(text), "(as an ai|here is|sure[,!])") || count(words(text)) > 2

            """
        #expect(formatted(input) == """
            gen 0.1
            fn short(text: string, limit: int = 191) -> bool =
              len(text) <= limit && !matches(lower(text), "(as an ai|here is|sure[,!])") || count(
                words(text),
              ) > 2

            """)
    }

    @Test func commentLinesInsideExpressionsIndentWhatFollows() {
        let input = "gen 0.1\nreward = passed *\n// explain\nquality\nlet x = // why\n5\nlet y = 2 * ( // half\n1 + z)\n"
        #expect(formatted(input) == """
            gen 0.1
            reward = passed *
              // explain
              quality
            let x = // why
              5
            let y = 2 * ( // half
              1 + z)

            """)
    }

    @Test func outerCallBreaksWhileInnerCallsStayFlat() {
        let input = """
            gen 0.1
            arm templated = template(patterns: ["I lost my {card}", "my {card} is gone"], slots: {card: ["card", "debit card"]})

            """
        #expect(formatted(input) == """
            gen 0.1
            arm templated = template(
              patterns: ["I lost my {card}", "my {card} is gone"],
              slots: {card: ["card", "debit card"]},
            )

            """)
    }

    @Test func blockAlignmentAndOptionalCommasAreRemoved() {
        let input = "gen 0.1\nschema Intent {\n  text:  string(min: 12),\n  label: enum(\"a\", \"b\"),\n}\nspec empty {\n}\nevaluate {}\n"
        #expect(formatted(input) == """
            gen 0.1
            schema Intent {
              text: string(min: 12)
              label: enum("a", "b")
            }
            spec empty {}
            evaluate {}

            """)
    }

    @Test func widthIsConfigurable() {
        #expect(formatted("gen 0.1\nlet xs = [1, 2, 3]\n", width: 12) == "gen 0.1\nlet xs = [\n  1,\n  2,\n  3,\n]\n")
    }

    @Test func fileWithSyntaxErrorsIsNotFormatted() {
        let source = SourceFile(path: "bad.gen", text: "gen 0.1\nlet x = (1\n")
        let result = Formatter.format(source)
        #expect(result.text == nil)
        #expect(result.diagnostics.map(\.id) == ["expectedClosingDelimiter"])
    }
}

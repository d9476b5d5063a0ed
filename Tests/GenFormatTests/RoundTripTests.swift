import GenCore
import GenFormat
import Testing

/// The formatter's invariants on every real script: it parses to the same program, keeps every comment in
/// order, and formatting again changes nothing.
@Suite struct RoundTripTests {
    @Test func corpusIsNotEmpty() {
        let files = corpusFiles()
        #expect(files.contains("examples/bank_intents.gen"))
        #expect(files.contains("stdlib/arms.gen"))
        #expect(files.contains("Tests/GenSyntaxTests/Fixtures/parse/language.gen"))
    }

    @Test(arguments: corpusFiles())
    func roundTrip(_ path: String) throws {
        let source = try readCorpusFile(path)
        let once = try #require(Formatter.format(source).text, "\(path) did not format")
        let twice = formatted(once)
        #expect(twice == once, "formatting \(path) twice changed it")
        #expect(commentTexts(once) == commentTexts(source.text), "comments of \(path) lost or reordered")
        #expect(astDump(once) == astDump(source.text), "\(path) parses to a different AST after formatting")
        for line in once.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(!line.hasSuffix(" "), "trailing space in \(path): \(line)")
        }
    }
}

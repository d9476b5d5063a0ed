import Testing
@testable import GenCLI

@Suite struct FormatCommandTests {
    static let messy = "gen 0.1\nlet   x=1 // one\narm a = naive(\n  local,\n)\n"
    static let tidy = "gen 0.1\nlet x = 1 // one\narm a = naive(local)\n"

    @Test func checkListsFilesThatWouldChangeAndTouchesNothing() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let messy = try directory.file("messy.gen", Self.messy)
        let tidy = try directory.file("tidy.gen", Self.tidy)
        let run = await gen(["fmt", "--check", messy, tidy])
        #expect(run.code == 1)
        #expect(run.out == "\(messy)\n")
        #expect(run.err == "1 file would be reformatted; run `gen fmt` on it\n")
        #expect(try contents(messy) == Self.messy)
        #expect(await gen(["fmt", "--check", tidy]).code == 0)
    }

    @Test func rewritesFilesInPlaceOnlyWhenTheyChange() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.file("messy.gen", Self.messy)
        let first = await gen(["fmt", path])
        #expect(first.code == 0)
        #expect(first.out == "formatted \(path)\n")
        #expect(try contents(path) == Self.tidy)
        let second = await gen(["fmt", path])
        #expect(second.code == 0)
        #expect(second.out == "")
    }

    @Test func fileWithSyntaxErrorsIsReportedAndNeverRewritten() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let broken = "gen 0.1\nlet   x = (1\n"
        let path = try directory.file("broken.gen", broken)
        let run = await gen(["fmt", path])
        #expect(run.code == 65)
        #expect(run.err.hasPrefix("\(path):2:13: error: expected `)` to close the parenthesis\n"))
        #expect(run.err.hasSuffix("not formatted: \(path) has 1 error\n"))
        #expect(try contents(path) == broken)
    }

    @Test func dashFormatsStandardInputToStandardOutput() async {
        let run = await gen(["fmt", "-"], input: Self.messy)
        #expect(run.code == 0)
        #expect(run.out == Self.tidy)
        let check = await gen(["fmt", "--check", "-"], input: Self.messy)
        #expect(check.code == 1)
        #expect(check.out == "<stdin>\n")
        let broken = await gen(["fmt", "-"], input: "gen 0.1\nlet x = \n")
        #expect(broken.code == 65)
        #expect(broken.out == "")
        #expect(broken.err.contains("<stdin>:2:"))
    }

    @Test func dashCannotBeMixedWithFiles() async {
        let run = await gen(["fmt", "-", "a.gen"])
        #expect(run.code == 64)
        #expect(run.err.hasPrefix("error: `-` (standard input) cannot be mixed with file names\n"))
    }

    @Test func missingFileExits66() async {
        let run = await gen(["fmt", "/nonexistent/x.gen"])
        #expect(run.code == 66)
        #expect(run.err == "error: cannot read `/nonexistent/x.gen`: no such file\n")
    }
}

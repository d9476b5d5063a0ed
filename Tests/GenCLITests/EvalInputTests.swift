import Foundation
import Testing

/// `gen eval` on input it cannot use (issue 17): a directory printed "NSCocoaErrorDomain error 256", and a text
/// field used as the label made one class per row at about 2 MB each.
@Suite struct EvalInputTests {
    @Test func aDirectoryIsNamedAsOneWithNoFoundationErrorCode() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let test = try directory.file("test.jsonl", "{\"text\": \"a b\", \"label\": \"x\"}\n{\"text\": \"c d\", \"label\": \"y\"}\n")
        let run = await gen(["eval", directory.url.path, "--test", test])
        #expect(run.code == 66)
        #expect(run.err.contains("it is a directory; give a JSON Lines file"), "\(run.err)")
        #expect(!run.err.contains("NSCocoaErrorDomain"))
    }

    @Test func tooManyDistinctLabelsStopBeforeTraining() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let rows = (0..<300).map { "{\"text\": \"sample number \($0)\", \"label\": \"free text \($0)\"}" }.joined(separator: "\n")
        let train = try directory.file("train.jsonl", rows + "\n")
        let run = await gen(["eval", train, "--test", train])
        #expect(run.code == 65)
        #expect(run.err.contains("300 distinct labels, over the limit of 256"), "\(run.err)")
    }
}

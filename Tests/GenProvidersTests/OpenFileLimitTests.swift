import Foundation
import Testing
import GenProviders

/// `gen` raises its soft open-files limit to the hard one at start (a 64 x 16 fleet holds over 1,000 sockets).
@Suite struct OpenFileLimitTests {
    @Test func theSoftLimitIsRaisedToTheHardOne() throws {
        let before = try #require(OpenFileLimit.current)
        // One below the hard limit first (not lower: the tests beside this one keep files open), so there is
        // something to raise even where the two start equal.
        var lowered = rlimit(rlim_cur: rlim_t(before.hard - 1), rlim_max: rlim_t(before.hard))
        #expect(setrlimit(Int32(RLIMIT_NOFILE.rawValue), &lowered) == 0)
        #expect(OpenFileLimit.current?.soft == before.hard - 1)
        let now = try #require(OpenFileLimit.raiseToHardLimit())
        let after = try #require(OpenFileLimit.current)
        #expect(now == after.soft && after.soft == before.hard, "\(after)")
    }
}

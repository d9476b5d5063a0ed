import Foundation
@testable import GenProviders
import Testing

@Suite struct RetryAfterTests {
    @Test(arguments: [("3", Duration.seconds(3)), ("0", .zero), (" 1.5 ", .milliseconds(1500))])
    func secondsAreRead(_ header: String, _ expected: Duration) {
        #expect(RetryAfter.parse(header) == expected)
    }

    @Test func anHTTPDateIsReadRelativeToNow() {
        let now = Date(timeIntervalSince1970: 1_445_412_480)  // Wed, 21 Oct 2015 07:28:00 GMT
        #expect(RetryAfter.parse("Wed, 21 Oct 2015 07:28:30 GMT", now: now) == .seconds(30))
        #expect(RetryAfter.parse("Wed, 21 Oct 2015 07:27:00 GMT", now: now) == .zero, "a past date means retry now")
    }

    @Test(arguments: [nil, "", "soon", "-5", "inf", "nan"])
    func unreadableValuesAreIgnored(_ header: String?) {
        #expect(RetryAfter.parse(header) == nil)
    }
}

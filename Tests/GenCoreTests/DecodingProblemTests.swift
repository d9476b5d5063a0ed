import Foundation
import Testing
@testable import GenCore

/// Stored JSON that no longer decodes is explained in plain words, not as Swift's DecodingError dump.
@Suite struct DecodingProblemTests {
    struct Arm: Decodable { var name: String; var weight: Double }
    struct Graph: Decodable { var arms: [Arm]; var count: Int }

    private func problem(_ json: String) -> String {
        do {
            _ = try JSONDecoder().decode(Graph.self, from: Data(json.utf8))
            return "decoded"
        } catch {
            return DecodingProblem.describe(error)
        }
    }

    @Test func eachKindOfProblemNamesItsPlace() {
        #expect(problem(#"{"arms": []}"#) == "`count` is missing")
        #expect(problem(#"{"arms": [{"name": "a", "weight": 1}, {"name": 3, "weight": 1}], "count": 1}"#) == "`arms[1].name` is not text")
        #expect(problem(#"{"arms": [], "count": null}"#) == "`count` is null where a whole number was expected")
        #expect(problem(#"{"arms": {}, "count": 1}"#) == "`arms` is not a list")
        #expect(problem(#"{"arms": [], "#).hasPrefix("the document cannot be read: "))
        #expect(!problem(#"{"arms": [{"name": "a"}], "count": 1}"#).contains("CodingKeys"))
    }
}

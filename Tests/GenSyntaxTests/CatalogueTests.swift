import Foundation
import GenCore
import Testing
@testable import GenSyntax

@Suite struct CatalogueTests {
    /// Member names of `Messages+Syntax.swift`, in file order.
    static func memberNames() throws -> [String] {
        let text = try String(contentsOf: Fixtures.sourcesDirectory.appendingPathComponent("Diagnostics/Messages+Syntax.swift"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: "public static func ") ?? line.range(of: "public static var ") else { return nil }
            return String(line[range.upperBound...].prefix { $0.isLetter || $0.isNumber })
        }
    }

    @Test func syntaxMessagesAreAlphabeticalAndUnique() throws {
        let names = try Self.memberNames()
        #expect(names.count >= 35)
        #expect(names == names.sorted())
        #expect(Set(names).count == names.count)
    }

    @Test func idsComeFromMemberNames() {
        #expect(Messages.unterminatedString().id == "unterminatedString")
        #expect(Messages.unknownEscape("\\q").id == "unknownEscape")
        #expect(Messages.unknownEscape("\\q").text == "unknown escape sequence `\\q`")
        #expect(Messages.incompleteInput().severity == .error)
    }
}

import Foundation
import Testing
@testable import GenCLI

/// Every script the project ships passes `gen check`.
@Suite struct ShippedScriptsCheckTests {
    static func scripts() -> [String] {
        ["examples", "stdlib"].flatMap { directory -> [String] in
            let url = packageRoot.appendingPathComponent(directory)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { $0.hasSuffix(".gen") }.sorted().map { url.appendingPathComponent($0).path }
        }
    }

    @Test func thereAreScriptsToCheck() {
        #expect(Self.scripts().count >= 5)
    }

    @Test(arguments: scripts())
    func passesCheck(_ path: String) async {
        let run = await gen(["check", path])
        #expect(run.code == 0, "\(path):\n\(run.err)")
        #expect(run.out == "checked 1 file: no errors\n")
    }
}

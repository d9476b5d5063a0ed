import Testing
import GenCore
@testable import GenReport

struct GraphDiffTests {
    static func graph(_ arms: [JSONValue], line: Int = 1, sha: String = "a") -> JSONValue {
        .object(["arms": .array(arms), "script": .object(["sha256": .string(sha)]),
                 "router": .object(["policy": .string("ucb"), "source": .object(["line": .int(line)])])])
    }

    static func arm(_ name: String, temperature: Double) -> JSONValue {
        .object(["name": .string(name), "parameters": .object(["temperature": .double(temperature)]),
                 "source": .object(["line": .int(Int(temperature * 10))])])
    }

    @Test func movedLinesReorderedArmsAndAnotherHashAreNoChange() {
        let before = Self.graph([Self.arm("a", temperature: 0.3), Self.arm("b", temperature: 1.1)], line: 3, sha: "x")
        let after = Self.graph([Self.arm("b", temperature: 1.1), Self.arm("a", temperature: 0.3)], line: 9, sha: "y")
        #expect(GraphDiff.changes(before, after).isEmpty)
    }

    @Test func aChangedParameterAnAddedArmAndARemovedOneAreNamedByPath() {
        let before = Self.graph([Self.arm("a", temperature: 0.3), Self.arm("b", temperature: 1.1)])
        let after = Self.graph([Self.arm("a", temperature: 0.5), Self.arm("c", temperature: 0.7)])
        let changes = GraphDiff.changes(before, after)
        #expect(changes.map(\.path) == ["arms[a].parameters.temperature", "arms[b]", "arms[c]"])
        #expect(changes[0].before == .double(0.3) && changes[0].after == .double(0.5))
        #expect(changes[1].after == nil)
        // A whole added arm is shown without its source position.
        #expect(changes[2].before == nil && changes[2].after?["source"] == nil && changes[2].after?["name"] == .string("c"))
    }

    /// A plain loop (no checks) against a script with checks: each added check is named, not numbered.
    @Test func checksAddedToAnEmptyListAreNamed() {
        func checks(_ names: [String]) -> JSONValue {
            .object(["quality": .array(names.map { .object(["name": .string($0), "kind": .string("rule")]) }),
                     "constraints": .array([])])
        }
        let changes = GraphDiff.changes(checks([]), checks(["schema", "short"]))
        #expect(changes.map(\.path) == ["quality[schema]", "quality[short]"])
        #expect(GraphDiff.changes(checks(["schema"]), checks([])).map(\.path) == ["quality[schema]"])
        // Lists of plain values stay by position.
        let constraints = GraphDiff.changes(.object(["constraints": .array([])]), .object(["constraints": .array([.string("short")])]))
        #expect(constraints.map(\.path) == ["constraints[0]"])
    }
}

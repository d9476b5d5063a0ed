import Testing
@testable import GenRouter

@Suite struct PolicyRegistryTests {
    let registry = PolicyRegistry.standard

    @Test func standardPoliciesAreRegisteredUnderTheScriptNames() {
        #expect(registry.names == ["contextual_thompson", "epsilon_greedy", "gaussian_thompson", "random", "thompson", "ucb1"])
    }

    @Test func defaultsAreFilledIn() throws {
        let parameters = try registry.kind(named: "gaussian_thompson").validate([:], arms: 4)
        #expect(parameters.values == ["gamma": 0.995, "sd_min": 0.1, "n0": 1, "m0": 0.5, "cap": 1, "floor": 0])
    }

    @Test func theDesignExampleValidates() throws {
        let kind = try registry.kind(named: "epsilon_greedy")
        let parameters = try kind.validate(["epsilon": 0.3, "decay": 0.95, "min": 0.02], arms: 3)
        #expect(parameters.values["decay"] == 0.95)
        #expect(kind.parameters.map(\.name) == ["epsilon", "decay", "min", "t0", "cap", "floor"])
    }

    @Test func outOfRangeAndUnknownArgumentsAreErrors() throws {
        let kind = try registry.kind(named: "epsilon_greedy")
        #expect(throws: RouterError.parameterOutOfRange(policy: "epsilon_greedy", name: "epsilon", value: 1.5,
                                                        range: "[0, 1]")) {
            try kind.validate(["epsilon": 1.5], arms: 3)
        }
        #expect(throws: RouterError.parameterOutOfRange(policy: "epsilon_greedy", name: "cap", value: 0,
                                                        range: "(0, 1]")) {
            try kind.validate(["cap": 0], arms: 3)
        }
        #expect(throws: RouterError.parameterOutOfRange(policy: "epsilon_greedy", name: "floor", value: 0.3,
                                                        range: "[0, 1/K]")) {
            try kind.validate(["floor": 0.3], arms: 4)
        }
        #expect(throws: RouterError.self) { try kind.validate(["epsilon": .nan], arms: 3) }
        #expect(throws: RouterError.unknownParameter(policy: "epsilon_greedy", name: "eps",
                                                     known: ["epsilon", "decay", "min", "t0", "cap", "floor"])) {
            try kind.validate(["eps": 0.1], arms: 3)
        }
        #expect(throws: RouterError.unknownPolicy("softmax", known: registry.names)) {
            try registry.makePolicy("softmax", arms: ["a"])
        }
    }

    @Test func floorRangeScalesWithTheNumberOfArms() throws {
        let kind = try registry.kind(named: "thompson")
        #expect(try kind.validate(["floor": 0.25], arms: 4).values["floor"] == 0.25)
        #expect(throws: RouterError.self) { try kind.validate(["floor": 0.25], arms: 5) }
    }

    @Test func armsMustBeUniqueAndPresent() {
        #expect(throws: RouterError.noArms) { try registry.makePolicy("ucb1", arms: []) }
        #expect(throws: RouterError.duplicateArm("a")) { try registry.makePolicy("ucb1", arms: ["a", "b", "a"]) }
    }

    @Test func errorsReadAsMessages() {
        let error = RouterError.parameterOutOfRange(policy: "thompson", name: "cap", value: 2, range: "(0, 1]")
        #expect(error.description == "parameter 'cap' of router policy 'thompson' is 2.0, outside its valid range (0, 1]")
    }
}

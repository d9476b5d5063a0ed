import GenCore

/// Seeds for independent components, derived from one run seed by label.
enum SeededRandomSeeds {
    static func derive(_ seed: UInt64, _ label: String) -> UInt64 {
        SeededRandom(seed: seed).derived(label).state
    }
}

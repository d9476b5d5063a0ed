import GenCore
import GenRouter
/// Published or reproduced mean regrets for the standard problems (ROUTER-AND-QUALITY.md), by problem, batch
/// size and contender label. Where the notes give one figure for "batch 1/20" pairs, the first is batch 1.
public enum ReferenceRegret {
    public static func figure(problem: String, batch: Int, contender: String) -> Double? {
        table[problem]?[batch]?[contender]
    }

    static let table: [String: [Int: [String: Double]]] = [
        "R1": [1: ["thompson": 246, "eps 0.1": 1031, "ucb1": 1514, "random": 8999]],
        "R2": [1: ["greedy": 19.71, "thompson": 28.90, "eps 0.1": 35.84, "ucb1": 86.85, "random": 204.02]],
        "R3": [1: ["gaussian_thompson": 106, "ucb1": 188, "thompson": 393, "eps 0.1": 800, "random": 1365]],
        "R4": [
            1: ["gaussian_thompson": 47, "eps 0.1": 52, "ucb1": 176, "random": 400],
            20: ["gaussian_thompson": 49, "eps 0.1": 49, "ucb1": 178, "random": 400],
        ],
        "R5": [
            1: ["gaussian_thompson": 78, "ucb1": 108, "thompson": 243, "eps 0.1": 279, "random": 474],
            20: ["gaussian_thompson": 83, "ucb1": 132, "thompson": 254, "eps 0.1": 289, "random": 474],
        ],
    ]
}

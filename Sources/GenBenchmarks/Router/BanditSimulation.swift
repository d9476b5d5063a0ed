import GenRouter
import GenCore

/// Plays one policy on one problem instance and measures pseudo-regret: the sum over samples of
/// (best mean at that step - mean of the chosen arm). Rewards reach the router after each batch, as in a run.
struct BanditSimulation {
    let problem: BanditProblem
    let batch: Int

    func regret(policy: any RouterPolicy, seed: UInt64) -> Double {
        let root = SeededRandom(seed: seed)
        var environment = root.derived("bench-environment-\(problem.id)")
        let path = problem.path(using: &environment)
        var router = RouterCore(policy: policy, rng: root.derived("bench-router"))
        let everyArm = Array(0..<problem.arms)
        var regret = 0.0
        var step = 0
        var rewards: [(arm: Int, reward: Double)] = []
        while step < problem.horizon {
            let chosen = router.allocateIndices(slots: min(batch, problem.horizon - step), available: everyArm)
            rewards.removeAll(keepingCapacity: true)
            for arm in chosen {
                let means = path.means(at: step)
                regret += (means.max() ?? 0) - means[arm]
                rewards.append((arm, draw(mean: means[arm], using: &environment)))
                step += 1
            }
            for (arm, reward) in rewards { router.recordIndex(arm, reward: reward) }
        }
        return regret
    }

    private func draw(mean: Double, using rng: inout SeededRandom) -> Double {
        switch problem.rewardShape {
        case .bernoulli:
            return rng.nextUnit() < mean ? 1 : 0
        case .beta(let concentration):
            return rng.nextBeta(alpha: mean * concentration, beta: (1 - mean) * concentration)
        }
    }
}

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
        var rewards: [(arm: Int, reward: Double, label: String?)] = []
        while step < problem.horizon {
            let labels = (step..<min(step + batch, problem.horizon)).map(label)
            let chosen = router.allocateIndices(contexts: labels, available: everyArm)
            rewards.removeAll(keepingCapacity: true)
            for (arm, label) in zip(chosen, labels) {
                let means = path.means(at: step, context: step % problem.contexts)
                regret += (means.max() ?? 0) - means[arm]
                rewards.append((arm, draw(mean: means[arm], using: &environment), label))
                step += 1
            }
            for (arm, reward, label) in rewards { router.recordIndex(arm, reward: reward, context: label) }
        }
        return regret
    }

    /// The label of the slot at `step`: labels take turns; nil when the problem has none.
    private func label(_ step: Int) -> String? {
        problem.contexts > 1 ? labelNames[step % problem.contexts] : nil
    }

    private var labelNames: [String] {
        (0..<problem.contexts).map { "label\($0)" }
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

import Foundation
import GenCore

/// The latency the benchmarks' stub servers answer with: lognormal, `median x exp(sigma x Z)` for Z standard normal.
struct Lognormal: Sendable {
    let median: Double
    let sigma: Double

    /// The mean: median x exp(sigma^2 / 2), what an ideal rate divides by.
    var mean: Double { median * exp(sigma * sigma / 2) }

    func draw(_ random: inout SeededRandom) -> Double {
        median * exp(sigma * random.nextNormal())
    }
}

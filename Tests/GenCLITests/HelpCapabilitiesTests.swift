import Testing
import GenEngine
import GenPipeline
@testable import GenCLI

/// `gen help capabilities` is written from the capabilities value the checker and the run use.
@Suite struct HelpCapabilitiesTests {
    @Test func listsEveryCapabilityWithItsSignature() async {
        let console = CapturingConsole()
        #expect(await GenTool.make().run(["help", "capabilities"], console: console) == 0)
        let text = console.stdoutText
        let capabilities = Capabilities.standard
        for kind in capabilities.arms.specs + capabilities.routerPolicies + capabilities.dedupMethods {
            #expect(text.contains("  \(kind.name)("), "\(kind.name)")
        }
        for check in capabilities.qualityChecks { #expect(text.contains("  \(check.kind.name)("), "\(check.kind.name)") }
        for metric in capabilities.rewardMetrics { #expect(text.contains("  \(metric.name): float"), "\(metric.name)") }
        #expect(text.contains("floor: float = 0.0 in [0, 1/K]"))
        #expect(text.contains("top_p: float = 1.0 in (0, 1]"))
        #expect(text.contains("t0: float = 0.0 >= 0"))
    }

    @Test func aHostsListingShowsWhatItRegistered() {
        var capabilities = Capabilities.standard
        capabilities.register(
            FunctionSignature(name: "brand_safe", parameters: [SignatureParameter(name: "text", type: .string)], result: .bool,
                              summary: "no competitor named")
        ) { _, _ in .bool(true) }
        #expect(capabilities.listing.contains("  brand_safe(text: string) -> bool\n      no competitor named\n"))
    }

    @Test func theOverviewNamesTheTopic() async {
        let console = CapturingConsole()
        #expect(await GenTool.make().run(["--help"], console: console) == 0)
        #expect(console.stdoutText.contains("`gen help capabilities`"))
    }
}

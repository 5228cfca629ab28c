// The structured sidecar fuzzer's checks (SidecarFuzzing), run on deterministic recipes so
// that `swift test` covers them without libFuzzer; scripts/fuzz explores further.
import Testing
@testable import Annotations

@Suite struct SidecarFuzzReplayTests {
    @Test func theCodecKeepsItsPromisesOnGeneratedRecipes() {
        var rng = SplitMix(seed: 11)
        var failures: [String] = []
        for round in 0..<3_000 {
            let recipe = (0..<Int(rng.next() % 400)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            if let problem = SidecarFuzzing.check(recipe: recipe) { failures.append("round \(round): \(problem)") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }
}

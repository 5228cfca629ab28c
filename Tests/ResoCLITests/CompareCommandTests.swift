import Foundation
import Testing

/// `reso compare` without a terminal or with bad input: one clear line, nothing else (SPEC §9).
@Suite struct CompareCommandTests {
    @Test func withoutATerminalItPointsToDiff() throws {
        let seeds = ShowCommandTests.seedNames.map { "seeds/" + $0 }
        let r = try ShowCommandTests.run(["compare", seeds[0], seeds[2]])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("needs a terminal") && r.stderr.contains("reso diff"))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test func aBadModeOrAMissingFileIsOneLine() throws {
        let mode = try ShowCommandTests.run(["compare", "a.txt", "b.txt", "--mode", "sideways"])
        #expect(mode.status == 64)
        #expect(mode.stderr.contains("sideways"))
        // A missing file is named (before the terminal is even looked at).
        let missing = try ShowCommandTests.run(["compare", "no-such-file.txt", "seeds/" + ShowCommandTests.seedNames[0]])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no-such-file.txt") && missing.stdout.isEmpty)
        #expect(missing.stderr.split(separator: "\n").count == 1)
    }
}

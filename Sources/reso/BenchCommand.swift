import ArgumentParser
import Foundation
import Benchmarks
import ResolutionKit

/// Timing lives here, not in tests: these machines are noisy, so figures are reported
/// next to a reference (`wc -m` on the same file) and as the best of several runs. The
/// measurements themselves are in the Benchmarks module, outside the product modules.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure parsing, sidecar and reader speed on generated large inputs."
    )

    @Option(help: "Size of the generated resolution, in MB.")
    var megabytes: Int = 16

    @Option(help: "Runs per measurement; the best is reported.")
    var runs: Int = 3

    @Option(help: "Where to write the generated resolution (default: a temporary file).")
    var output: String?

    func run() throws {
        let path = output ?? NSTemporaryDirectory() + "reso-bench-\(getpid()).txt"
        let seeds = try DocumentPaths.expand([BundledLibrary.path])
        guard let seed = seeds.first else { throw UserFacingError("no seed documents to build the benchmark from") }
        let bytes = try LongResolution.write(from: seed, to: path, bytes: megabytes << 20)
        defer { if output == nil { try? FileManager.default.removeItem(atPath: path) } }
        let mb = Double(bytes) / 1_048_576
        print("generated \(String(format: "%.1f", mb)) MB resolution: \(path)")

        for line in try ParseBenchmark.run(path: path, runs: runs) { print(line) }
        for line in try SidecarBenchmark.run(annotations: 10_000, runs: runs) { print(line) }
        for line in try ReaderBenchmark.run(seeds: seeds, longDocumentPath: path) { print(line) }
    }
}

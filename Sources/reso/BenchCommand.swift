import ArgumentParser
import Foundation
import Benchmarks
import ResolutionKit

/// Timing lives here, not in tests: these machines are noisy, so figures are reported next to a
/// reference on the same file in the same run. Whole processes timed from outside (medians,
/// output included) come first; in-process best-of-N figures follow as a breakdown. The
/// measurements themselves are in the Benchmarks module, outside the product modules.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure parsing, sidecar, reader and diff speed on generated large inputs."
    )

    @Option(help: "Size of the generated resolution, in MB.")
    var megabytes: Int = 16

    @Option(help: "Runs per measurement; the best is reported.")
    var runs: Int = 3

    @Option(help: "Where to write the generated resolution (default: a temporary file).")
    var output: String?

    @Option(name: .customLong("file"),
            help: "Also time `reso show FILE --format json` as a whole process against `wc -m` (text) or `pdftotext` (PDF) on FILE; repeatable.")
    var files: [String] = []

    @Flag(help: "Only the compare view's figures (two long versions side by side, key-to-frame).")
    var compareOnly = false

    @Option(name: .customLong("sidecar-fixture"), help: ArgumentHelp(
        "Only write a document of 10,000 operative paragraphs and a sidecar annotating each one into DIR, for timing `reso tag` as a whole process.",
        valueName: "DIR"))
    var sidecarFixture: String?

    @Option(help: "Annotations in the --sidecar-fixture sidecar.")
    var annotations: Int = 10_000

    @Flag(help: "Only the figures for a sidecar of --annotations notes: load, one save, key to frame while tagging.")
    var sidecarOnly = false

    func run() throws {
        if sidecarOnly {
            for line in try SidecarBenchmark.run(annotations: annotations, runs: runs) { print(line) }
            for line in try TagFrameBenchmark.run(annotations: annotations) { print(line) }
            return
        }
        if let folder = sidecarFixture {
            let (document, sidecar) = try SidecarBenchmark.writeFixture(folder: folder, annotations: annotations)
            print(document); print(sidecar)
            return
        }
        if compareOnly {
            for line in try CompareBenchmark.run(seedPath: try Self.sourceDocuments()[0], megabytes: megabytes) { print(line) }
            return
        }
        let path = output ?? NSTemporaryDirectory() + "reso-bench-\(getpid()).txt"
        let seeds = try Self.sourceDocuments()
        let seed = seeds[0]
        let bytes = try LongResolution.write(from: seed, to: path, bytes: megabytes << 20)
        defer { if output == nil { try? FileManager.default.removeItem(atPath: path) } }
        let mb = Double(bytes) / 1_048_576
        print("generated \(String(format: "%.1f", mb)) MB resolution: \(path)")

        let reso = Bundle.main.executablePath ?? CommandLine.arguments[0]
        for file in [path] + files {
            for line in try WholeProcessBenchmark.run(reso: reso, path: file, runs: max(runs, 5)) { print(line) }
        }
        print("in process (best of \(runs), no output written):")
        for line in try ParseBenchmark.run(path: path, runs: runs) { print("  " + line) }
        for line in try SidecarBenchmark.run(annotations: 10_000, runs: runs) { print(line) }
        for line in try TagFrameBenchmark.run(annotations: 10_000) { print(line) }
        for line in try ReaderBenchmark.run(seeds: seeds, longDocumentPath: path) { print(line) }
        for line in try DiffBenchmark.run(seedPath: seed, megabytes: megabytes, runs: runs) { print(line) }
        for line in try CompareBenchmark.run(seedPath: seed, megabytes: megabytes) { print(line) }
    }
}

extension BenchCommand {
    /// The resolutions the benchmark inputs are built from: the samples shipped with reso
    /// (beside an installed binary, or the checkout's `seeds/`), else the library. A binary
    /// copied elsewhere, with no library made yet, has neither: that is said, with what to
    /// do, rather than the library's path alone as a missing file. Never empty.
    static func sourceDocuments() throws -> [String] {
        if let samples = LibraryLocation.samplesFolder(), let found = try? DocumentPaths.expand([samples]), !found.isEmpty {
            return found
        }
        let library = LibraryLocation.path
        guard FileManager.default.fileExists(atPath: library) else {
            throw UserFacingError("bench builds its inputs from a resolution, and found none: no samples beside this binary "
                + "(PREFIX/share/reso/samples) and no library at \(library); set RESO_LIBRARY to a folder of resolutions")
        }
        let found = try DocumentPaths.expand([library])
        guard !found.isEmpty else { throw UserFacingError("bench builds its inputs from a resolution, and \(library) holds none") }
        return found
    }
}

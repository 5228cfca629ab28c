import ArgumentParser
import Foundation
import ResolutionKit

/// Timing lives here, not in tests: these machines are noisy, so figures are reported
/// next to a reference (`wc -m` on the same file) and as the best of several runs.
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
        let seed = BundledLibrary.path + "/000_56ebd550d93fdb47.txt"
        let bytes = try LongResolution.write(from: seed, to: path, bytes: megabytes << 20)
        defer { if output == nil { try? FileManager.default.removeItem(atPath: path) } }
        let mb = Double(bytes) / 1_048_576
        print("generated \(String(format: "%.1f", mb)) MB resolution: \(path)")

        var paragraphs = 0
        let parse = try Stopwatch.best(runs) {
            let doc = try ResolutionDocument.load(path: path)
            paragraphs = doc.operative.count
            _ = DocumentJSON.encode(doc)
        }
        let wc = try Stopwatch.best(runs) { try WordCount.chars(path) }
        print(String(format: "parse + JSON: %.3f s (%.1f MB/s), %d operative paragraphs", parse, mb / parse, paragraphs))
        print(String(format: "wc -m:        %.3f s (%.1f MB/s)", wc, mb / wc))
        print(String(format: "ratio parse/wc: %.2f× (goal ≤ 2×, never above 5×)", parse / wc))
        for line in try extraBenchmarks(longDocumentPath: path) { print(line) }
    }
}

enum WordCount {
    /// Runs `wc -m` in a UTF-8 locale so that it counts characters, as the parser must.
    static func chars(_ path: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/wc")
        p.arguments = ["-m", path]
        var env = ProcessInfo.processInfo.environment
        env["LC_ALL"] = "C.UTF-8"
        p.environment = env
        p.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        try p.run()
        p.waitUntilExit()
    }
}

/// A long but well-formed resolution: one seed's preface and preamble, then its
/// operative paragraphs repeated and renumbered until the size is reached.
enum LongResolution {
    static func write(from seedPath: String, to path: String, bytes target: Int) throws -> Int {
        guard let data = FileManager.default.contents(atPath: seedPath) else {
            throw UserFacingError("\(seedPath): cannot read the seed for the benchmark")
        }
        let lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
        var head: [String] = []
        var operative: [String] = []
        for line in lines {
            if let dot = line.firstIndex(of: "."), let _ = Int(line[..<dot]), line[..<dot].count <= 3 {
                operative.append(String(line[line.index(after: dot)...]).trimmingCharacters(in: .whitespaces))
            } else if operative.isEmpty {
                head.append(line)
            }
        }
        guard !operative.isEmpty else { throw UserFacingError("\(seedPath): no operative paragraphs to repeat") }
        var out = head.joined(separator: "\n") + "\n"
        var n = 0
        out.reserveCapacity(target + 4096)
        while out.utf8.count < target {
            n += 1
            out += "\(n). \(operative[(n - 1) % operative.count])\n\n"
        }
        out += "2020 年 7 月 17 日\n"
        try out.write(toFile: path, atomically: true, encoding: .utf8)
        return out.utf8.count
    }
}

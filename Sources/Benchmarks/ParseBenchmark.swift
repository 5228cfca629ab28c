// Parser figures for `reso bench`: a long resolution generated from a seed, parsed to JSON,
// next to `wc -m` on the same file.
import Foundation
import ResolutionKit

public struct BenchmarkError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

public enum ParseBenchmark {
    /// Parse + JSON and `wc -m` on `path`, each the best of `runs`.
    public static func run(path: String, runs: Int) throws -> [String] {
        let mb = Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) / 1_048_576
        var paragraphs = 0
        let parse = try Stopwatch.best(runs) {
            let doc = try ResolutionDocument.load(path: path)
            paragraphs = doc.operative.count
            _ = DocumentJSON.encode(doc)
        }
        let wc = try Stopwatch.best(runs) { try WordCount.chars(path) }
        return [
            String(format: "parse + JSON: %.3f s (%.1f MB/s), %d operative paragraphs", parse, mb / parse, paragraphs),
            String(format: "wc -m:        %.3f s (%.1f MB/s)", wc, mb / wc),
            String(format: "ratio parse/wc: %.2f× (goal ≤ 2×, never above 5×)", parse / wc),
        ]
    }
}

public enum WordCount {
    /// Runs `wc -m` in a UTF-8 locale so that it counts characters, as the parser must.
    public static func chars(_ path: String) throws {
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
public enum LongResolution {
    public static func write(from seedPath: String, to path: String, bytes target: Int) throws -> Int {
        guard let data = FileManager.default.contents(atPath: seedPath) else {
            throw BenchmarkError("\(seedPath): cannot read the seed for the benchmark")
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
        guard !operative.isEmpty else { throw BenchmarkError("\(seedPath): no operative paragraphs to repeat") }
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

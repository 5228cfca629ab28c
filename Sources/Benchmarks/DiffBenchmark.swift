// `reso diff` figures for `reso bench`: two long versions of one resolution (the second with a
// change every few paragraphs), diffed, next to parsing both (the goal: the diff takes at most
// three times as long as the two parses).
import Foundation
import ResolutionDiff
import ResolutionKit

public enum DiffBenchmark {
    /// Writes `old` from the seed (unique paragraphs, as a real resolution has) and `new` as
    /// its revision: every 20th paragraph reworded, every 37th deleted, one inserted every 41.
    /// Returns the paragraph count of `old`.
    public static func writeVersions(from seedPath: String, old: String, new: String, bytes target: Int) throws -> Int {
        guard let data = FileManager.default.contents(atPath: seedPath) else {
            throw BenchmarkError("\(seedPath): cannot read the seed for the benchmark")
        }
        var head: [String] = [], operative: [String] = []
        for line in String(decoding: data, as: UTF8.self).components(separatedBy: "\n") {
            if let dot = line.firstIndex(of: "."), Int(line[..<dot]) != nil, line[..<dot].count <= 3 {
                operative.append(String(line[line.index(after: dot)...]).trimmingCharacters(in: .whitespaces))
            } else if operative.isEmpty {
                head.append(line)
            }
        }
        guard !operative.isEmpty else { throw BenchmarkError("\(seedPath): no operative paragraphs") }
        var texts: [String] = []
        var size = 0
        while size < target {
            let n = texts.count
            // The number makes the paragraph's text its own, as paragraphs of one resolution are.
            let t = "\(operative[n % operative.count]) (\(n + 1))"
            texts.append(t); size += t.utf8.count + 8
        }
        var revised: [String] = []
        for (k, t) in texts.enumerated() {
            if k % 37 == 11 { continue }
            revised.append(k % 20 == 3 ? String(t.dropFirst(t.count / 5)) : t)
            if k % 41 == 17 { revised.append("\(operative[(k * 7) % operative.count]) (inserted \(k))") }
        }
        func write(_ paragraphs: [String], _ path: String) throws {
            var out = head.joined(separator: "\n") + "\n"
            out.reserveCapacity(target + target / 8)
            for (i, p) in paragraphs.enumerated() { out += "\(i + 1). \(p)\n\n" }
            try out.write(toFile: path, atomically: true, encoding: .utf8)
        }
        try write(texts, old); try write(revised, new)
        return texts.count
    }

    public static func run(seedPath: String, megabytes: Int, runs: Int) throws -> [String] {
        let dir = NSTemporaryDirectory() + "reso-diffbench-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let oldPath = dir + "/old.txt", newPath = dir + "/new.txt"
        let count = try writeVersions(from: seedPath, old: oldPath, new: newPath, bytes: megabytes << 20)
        var docs: (ResolutionDocument, ResolutionDocument)?
        let parse = try Stopwatch.best(runs) {
            docs = (try ResolutionDocument.load(path: oldPath), try ResolutionDocument.load(path: newPath))
        }
        guard let (a, b) = docs else { throw BenchmarkError("nothing parsed") }
        var counts: [PairStatus: Int] = [:]
        let diff = Stopwatch.best(runs) { counts = Differ.compare(a, b).counts }
        var jsonBytes = 0
        let withJSON = Stopwatch.best(runs) {
            let d = Differ.compare(a, b)
            jsonBytes = DiffJSON.encode(d, old: DiffSide(a), new: DiffSide(b)).count
        }
        func n(_ s: PairStatus) -> Int { counts[s] ?? 0 }
        return [
            "diff of two \(megabytes) MB versions (\(count) paragraphs; \(n(.unchanged)) unchanged, \(n(.changed)) changed, \(n(.removed)) removed, \(n(.added)) added):",
            String(format: "  parse both:   %.3f s", parse),
            String(format: "  diff:         %.3f s (%.2f× parsing both; goal ≤ 3×)", diff, diff / parse),
            String(format: "  diff + JSON:  %.3f s (%.2f×, %.1f MB of JSON)", withJSON, withJSON / parse, Double(jsonBytes) / 1_048_576),
        ]
    }
}

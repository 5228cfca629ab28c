// Whole-process timings for `reso bench`, measured from outside as a user runs the commands:
// each run spawns the process, which writes its whole output (to /dev/null), and the median
// of several runs is reported next to the baseline tool on the same file in the same run
// (`wc -m` for text, `pdftotext` for PDF). In-process figures leave out start-up, reading and
// writing, and read 1.3–2.4× where the outside measure reads 3.4×; these are the figures to quote.
import Foundation

public enum WholeProcessBenchmark {
    /// The median wall time of `runs` runs of `executable arguments`, stdout and stderr to /dev/null.
    /// - Complexity: `runs` process spawns.
    public static func median(_ executable: String, _ arguments: [String], runs: Int) throws -> Double {
        var times: [Double] = []
        for _ in 0..<max(1, runs) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: executable)
            p.arguments = arguments
            var env = ProcessInfo.processInfo.environment
            env["LC_ALL"] = "C.UTF-8"
            p.environment = env
            p.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
            p.standardError = FileHandle(forWritingAtPath: "/dev/null")
            let start = DispatchTime.now().uptimeNanoseconds
            try p.run()
            p.waitUntilExit()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            guard p.terminationStatus == 0 else {
                throw BenchmarkError("\(executable) \(arguments.joined(separator: " ")) exited with \(p.terminationStatus)")
            }
        }
        times.sort()
        return times.count % 2 == 1 ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
    }

    /// The first executable named `tool` on PATH.
    public static func onPath(_ tool: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// `reso show FILE --format json` against the baseline for the file's kind, as lines to print.
    public static func run(reso: String, path: String, runs: Int) throws -> [String] {
        let name = (path as NSString).lastPathComponent
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let show = try median(reso, ["show", path, "--format", "json"], runs: runs)
        let isPDF = path.lowercased().hasSuffix(".pdf")
        if isPDF {
            guard let pdftotext = onPath("pdftotext") else { return ["\(name): pdftotext is not installed (poppler-utils)"] }
            let base = try median(pdftotext, [path, "/dev/null"], runs: runs)
            let pages = pageCount(path)
            return [String(format: "%@ (%d pages): reso show --format json %.3f s (%.0f pages/s), pdftotext %.3f s, ratio %.2f× (goal ≤ 1.5×) [median of %d, whole processes]",
                           name, pages, show, Double(pages) / show, base, show / base, runs)]
        }
        guard let wc = onPath("wc") else { return ["\(name): wc is not installed"] }
        let base = try median(wc, ["-m", path], runs: runs)
        return [String(format: "%@ (%.1f MB): reso show --format json %.3f s, wc -m %.3f s, ratio %.2f× (goal ≤ 2×, limit 5×) [median of %d, whole processes]",
                       name, Double(bytes) / 1_048_576, show, base, show / base, runs)]
    }

    /// Pages of a PDF as `pdfinfo` reports them (0 when it cannot tell).
    static func pageCount(_ path: String) -> Int {
        guard let pdfinfo = onPath("pdfinfo") else { return 0 }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: pdfinfo)
        p.arguments = [path]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle(forWritingAtPath: "/dev/null")
        guard (try? p.run()) != nil else { return 0 }
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        for line in out.split(separator: "\n") where line.hasPrefix("Pages:") {
            return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) ?? 0
        }
        return 0
    }
}

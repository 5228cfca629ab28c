// Compare-view figures for `reso bench`: two long versions of one resolution (DiffBenchmark's
// generator: real seed paragraphs, every 20th reworded, every 37th deleted, one inserted
// every 41), opened side by side; then key-to-frame — update plus rendering both panes into
// a CellGrid — for moving, paging, `]c` and Tab. The goal is 16 ms a key (one frame at 60 Hz).
import Foundation
import Reader
import ResolutionKit
import Terminal

public enum CompareBenchmark {
    public static func run(seedPath: String, megabytes: Int) throws -> [String] {
        let dir = NSTemporaryDirectory() + "reso-comparebench-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let oldPath = dir + "/old.txt", newPath = dir + "/new.txt"
        let count = try DiffBenchmark.writeVersions(from: seedPath, old: oldPath, new: newPath, bytes: megabytes << 20)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: oldPath)[.size] as? Int) ?? 0
        let clock = ContinuousClock()
        func ms(_ d: Duration) -> String {
            String(format: "%.2f ms", Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15)
        }

        let open = clock.now
        let left = DocumentModel(path: oldPath, document: try ResolutionDocument.load(path: oldPath))
        let right = DocumentModel(path: newPath, document: try ResolutionDocument.load(path: newPath))
        let parsed = clock.now
        let comparison = Comparison(left: left, right: right)
        let paired = clock.now
        let state = ReaderState(comparing: left, right, comparison: comparison, notes: [DocumentNotes(), DocumentNotes()],
                                width: 160, height: 48, color: true, defaultTags: [])
        let runtime = ReaderRuntime(state: state, screen: NullScreen(), backend: InMemoryAnnotations(), editNote: { _ in nil })
        _ = render(runtime.state)
        let firstFrame = clock.now

        var keys: [Key] = Array(repeating: .char("j"), count: 100) + Array(repeating: .char(" "), count: 50)
        for _ in 0..<30 { keys += [.char("]"), .char("c")] }
        keys += [.char("G"), .char("k"), .char("k"), .char("g"), .char("o"), .tab]
        keys += Array(repeating: .char("j"), count: 50) + [.pageUp, .char("["), .char("c"), .tab]
        keys += Array(repeating: .char("k"), count: 20)
        var times: [Duration] = []
        for k in keys {
            let t = clock.now
            runtime.send(.input(.key(k)))
            _ = render(runtime.state)
            times.append(clock.now - t)
        }
        times.sort()
        let mb = String(format: "%.1f", Double(bytes) / 1_048_576)
        return [
            "compare view on two \(mb) MB versions (\(count) paragraphs in the old one, 160×48):",
            "  open: parse both \(ms(parsed - open)), pair \(ms(paired - parsed)), first frame \(ms(firstFrame - paired))",
            "  key-to-frame, \(times.count) keys (j, Space, ]c, G, g, o, Tab, PgUp, [c, k): median \(ms(times[times.count / 2])), "
                + "p95 \(ms(times[times.count * 95 / 100])), max \(ms(times.last!)) (goal ≤ 16 ms)",
        ]
    }
}

// `reso bench --sidecar-only`: the figures of issue 10 item 6 on a resolution with 10,000
// notes, measured with the reader's real sidecar backend (which lives in this module): one
// save from the reader, and key-to-frame while tagging (the key's update, the note map and tag
// counts updated, the next frame rendered), with the save behind the frame as the reader runs
// it, and the time until that save is on disk.
import Annotations
import Benchmarks
import Foundation
import Reader
import ResolutionKit
import Terminal

enum TagFrameBenchmark {
    /// A screen that draws nowhere: the frame is rendered (`render`), not copied to a terminal.
    final class NullScreen: Screen {
        let width = 120, height = 40
        let colorEnabled = true
        func draw(_ grid: CellGrid) {}
        func nextEvent() -> InputEvent { .signal(2) }
        func suspend<T>(_ body: () throws -> T) rethrows -> T { try body() }
    }

    static func run(annotations count: Int, keys: Int = 40) throws -> [String] {
        let folder = NSTemporaryDirectory() + "reso-tag-frame-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (path, sidecar) = try SidecarBenchmark.writeFixture(folder: folder, annotations: count)
        let model = DocumentModel(path: path, document: try ResolutionDocument.load(path: path))
        let backend = SidecarAnnotations([model])
        let notes = try backend.load(document: 0)
        var state = ReaderState(documents: [model], notes: [notes], width: 120, height: 40, color: true,
                                defaultTags: ["support", "oppose", "amend", "priority", "question"])
        state.keyBindings = .standard
        let runtime = ReaderRuntime(state: state, screen: NullScreen(), backend: backend, editNote: { _ in nil })
        runtime.writeBehind = true
        // Move into the operative part, then time `1` (toggle the first tag) + the frame after it.
        runtime.send(.input(.key(.char("o"))))
        _ = render(runtime.state)
        var times: [Double] = [], onDisk: [Double] = []
        for i in 0..<keys {
            if i % 5 == 4 { runtime.send(.input(.key(.char("j")))) }
            let t0 = DispatchTime.now().uptimeNanoseconds
            runtime.send(.input(.key(.char("1"))))
            _ = render(runtime.state)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
            // Keys come slower than saves here: each save is timed alone, key to disk.
            guard runtime.finishSaves() else { throw BenchmarkError("a save behind the frame failed") }
            onDisk.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        }
        times.sort(); onDisk.sort()
        let size = (try? FileManager.default.attributesOfItem(atPath: sidecar)[.size] as? Int) ?? 0
        return [String(format: "reader, key 1 (toggle a tag) to frame, %d notes (%.1f MB sidecar): median %.2f ms, worst %.2f ms of %d (goal ≤ 16 ms)",
                       count, Double(size) / 1_048_576, times[times.count / 2], times.last ?? 0, keys),
                String(format: "reader, key 1 to the save on disk (behind the frame): median %.2f ms, worst %.2f ms",
                       onDisk[onDisk.count / 2], onDisk.last ?? 0)]
    }
}

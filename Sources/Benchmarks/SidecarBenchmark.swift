// `reso bench` figures for the sidecar: saving and loading one that holds 10,000 annotations,
// and the cost of one single-annotation save at that size (goal ≤ 5 ms) — both as the reader
// does it (one long-lived store, the parsed sidecar cached) and as a fresh `reso tag` process
// does it (re-read and parse first).

import Foundation
import ResolutionKit

public enum SidecarBenchmark {
    public static func run(annotations count: Int = 10_000, runs: Int = 3) throws -> [String] {
        let folder = NSTemporaryDirectory() + "reso-sidecar-bench-\(getpid())"
        try SafeFile.makeFolder(folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let document = syntheticDocument(paragraphs: count, path: folder + "/bench.txt")
        let store = SidecarStore(documentPath: document.source.path, storeDirectory: folder)

        let file = SidecarFile(
            document: SidecarDocumentInfo(file: "bench.txt", sha256: document.source.sha256, symbol: nil),
            annotations: document.operative.enumerated().map { i, p in
                Annotation(paragraph: p.id, anchor: Anchor(exact: p.text), tags: [defaultTags[i % defaultTags.count]],
                           note: i % 3 == 0 ? "Check against last year's text (paragraph \(i + 1))." : nil)
            })
        var bytes: [UInt8] = []
        let encode = Stopwatch.best(runs) { bytes = SidecarCodec.encode(file) }
        let save = try Stopwatch.best(runs) {
            try SafeFile.atomicWrite(SidecarCodec.encode(file), to: store.sidecarPath, temporary: store.temporaryPath)
        }
        // The floor under any save: the same bytes written, flushed and renamed.
        let io = try Stopwatch.best(runs) { try SafeFile.atomicWrite(bytes, to: store.sidecarPath, temporary: store.temporaryPath) }
        var loaded = 0
        let load = try Stopwatch.best(runs) {
            loaded = try SidecarStore(documentPath: document.source.path, storeDirectory: folder)
                .load(for: document).annotations.count
        }
        guard loaded == count else { throw SidecarError.io(path: store.sidecarPath, reason: "benchmark reloaded \(loaded) of \(count)") }

        // Single-annotation saves, alternating add and remove so the size stays put.
        let edits = 30
        let warm = try Stopwatch.best(runs) {
            for i in 0..<edits {
                _ = try store.toggleTag("bench", paragraph: "op\(1 + (i * 37) % count)", document: document)
            }
        } / Double(edits)
        let cold = try Stopwatch.best(runs) {
            for i in 0..<5 {
                _ = try SidecarStore(documentPath: document.source.path, storeDirectory: folder)
                    .toggleTag("bench", paragraph: "op\(1 + (i * 53) % count)", document: document)
            }
        } / 5

        let mb = Double(bytes.count) / 1_048_576
        return [
            String(format: "sidecar: %d annotations, %.1f MB", count, mb),
            String(format: "sidecar encode:            %7.2f ms", encode * 1000),
            String(format: "sidecar save (atomic):     %7.2f ms (encode, write, fsync, rename)", save * 1000),
            String(format: "  of which write+fsync:    %7.2f ms (the same bytes, already encoded)", io * 1000),
            String(format: "sidecar load:              %7.2f ms (read, parse, check anchors)", load * 1000),
            String(format: "one-annotation save, warm: %7.2f ms (reader: cached sidecar; goal ≤ 5 ms)", warm * 1000),
            String(format: "one-annotation save, cold: %7.2f ms (new process: lock, re-read, parse, write)", cold * 1000),
        ]
    }

    /// A resolution of `paragraphs` operative paragraphs of typical length (about 100 CJK
    /// characters, like the operative paragraphs of the seed library), each distinct.
    public static func syntheticDocument(paragraphs: Int, path: String) -> ResolutionDocument {
        let bodies = [
            "欢迎自 2005 年以来移动电话和宽带使用人数迅速增长，意味着全世界近三分之二的居民应能获得其可企及的信息和通信技术，这符合世界峰会的目标",
            "促请联合国各组织及其他有关组织和论坛根据世界峰会成果定期审查制订信息和通信技术指标的方法，同时考虑到不同的发展水平和国情",
            "Requests the Secretary-General to submit to the Commission, at its next session, a report on the implementation of the present resolution",
        ]
        let operative = (1...max(1, paragraphs)).map { n in
            Paragraph(id: "op\(n)", kind: .operative, index: n, number: n, lead: nil,
                      text: "\(bodies[n % bodies.count])（第 \(n) 段）；")
        }
        return ResolutionDocument(source: SourceInfo(path: path, sha256: SHA256.hex("bench-\(paragraphs)"), encoding: "utf-8"),
                                  language: "zh", operative: operative)
    }
}

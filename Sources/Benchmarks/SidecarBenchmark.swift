// `reso bench` figures for the sidecar: loading one that holds 10,000 annotations, and the
// cost of one single-annotation save at that size (goal ≤ 5 ms) — both as the reader does it
// (one long-lived store, the parsed sidecar cached) and as a fresh `reso tag` process does it
// (lock, re-read and parse first). Only the store's public interface is used: the benchmark
// lives outside the product modules.

import Annotations
import Foundation
import ResolutionKit

public enum SidecarBenchmark {
    public static func run(annotations count: Int = 10_000, runs: Int = 3) throws -> [String] {
        let folder = NSTemporaryDirectory() + "reso-sidecar-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let document = syntheticDocument(paragraphs: count, path: folder + "/bench.txt")
        let store = SidecarStore(documentPath: document.source.path, storeDirectory: folder)
        let bytes = sidecarBytes(document, defaultTags: ["support", "oppose", "amend", "priority", "question"])
        try Data(bytes).write(to: URL(fileURLWithPath: store.sidecarPath))

        // The floor under any save: the same bytes written, flushed and renamed into place.
        let io = try Stopwatch.best(runs) { try writeFlushRename(bytes, to: store.sidecarPath) }
        var loaded = 0
        let load = try Stopwatch.best(runs) {
            loaded = try SidecarStore(documentPath: document.source.path, storeDirectory: folder)
                .load(for: document).annotations.count
        }
        guard loaded == count else { throw BenchmarkError("the benchmark sidecar reloaded \(loaded) of \(count) annotations") }

        // Single-annotation saves, alternating add and remove so the size stays put.
        _ = try store.load(for: document)
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
            String(format: "sidecar write+fsync+rename: %7.2f ms (the floor under any save)", io * 1000),
            String(format: "sidecar load:              %7.2f ms (read, parse, check anchors)", load * 1000),
            String(format: "one-annotation save, warm: %7.2f ms (reader: cached sidecar; goal ≤ 5 ms)", warm * 1000),
            String(format: "one-annotation save, cold: %7.2f ms (new process: lock, re-read, parse, write)", cold * 1000),
        ]
    }

    /// A sidecar (SPEC §5) with one annotation on every operative paragraph, written with the
    /// package's JSON writer in the schema's key order.
    static func sidecarBytes(_ document: ResolutionDocument, defaultTags: [String]) -> [UInt8] {
        var w = JSONWriter(reservingCapacity: document.operative.count * 640)
        w.beginObject()
        w.key("annotations")
        w.beginArray()
        for (i, p) in document.operative.enumerated() {
            w.beginObject()
            w.key("anchor"); w.beginObject()
            w.key("exact"); w.string(p.text)
            w.key("textHash"); w.string(SHA256.hex(p.text))
            w.endObject()
            w.key("author"); w.string("bench")
            w.key("created"); w.string("2026-01-01T00:00:00Z")
            w.key("id"); w.string("bench-\(i)")
            w.key("modified"); w.string("2026-01-01T00:00:00Z")
            if i % 3 == 0 { w.key("note"); w.string("Check against last year's text (paragraph \(i + 1)).") }
            w.key("paragraph"); w.string(p.id)
            w.key("tags"); w.strings([defaultTags[i % defaultTags.count]])
            w.endObject()
        }
        w.endArray()
        w.key("document"); w.beginObject()
        w.key("file"); w.string((document.source.path as NSString).lastPathComponent)
        w.key("sha256"); w.string(document.source.sha256)
        w.key("symbol"); w.null()
        w.endObject()
        w.key("orphans"); w.beginArray(); w.endArray()
        w.key("schema"); w.string("reso.annotations/1")
        w.endObject()
        w.finish()
        return w.bytes
    }

    static func writeFlushRename(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".bench-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw BenchmarkError("\(temporary): cannot write") }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
        fsync(fd)
        close(fd)
        guard written == bytes.count, rename(temporary, path) == 0 else { throw BenchmarkError("\(path): cannot write") }
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

extension SidecarBenchmark {
    /// Writes a real text resolution of `annotations` operative paragraphs (about 130 bytes
    /// each, English and Chinese in turn) to `folder/notes-<n>.txt` and beside it a sidecar
    /// with one annotation on every operative paragraph, for timing `reso tag` and the reader
    /// on a sidecar of that size as whole processes. Returns the two paths.
    /// - Complexity: O(annotations).
    public static func writeFixture(folder: String, annotations count: Int) throws -> (document: String, sidecar: String) {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = (folder as NSString).appendingPathComponent("notes-\(count).txt")
        let bodies = [
            "Requests the Secretary-General to submit to the Council, at its next session, a report on the implementation of the present resolution",
            "促请联合国各组织及其他有关组织和论坛根据世界峰会成果定期审查制订信息和通信技术指标的方法，同时考虑到不同的发展水平和国情",
            "Calls upon all parties to respect and uphold the relevant provisions of international humanitarian law and the guiding principles of humanitarian assistance",
        ]
        var text = "United Nations\n\nS/RES/9999 (2026)\n\nSecurity Council\n\nDistr.: General\n\n1 January 2026\n\n"
            + "Resolution 9999 (2026)\n\nAdopted by the Security Council at its 9999th meeting, on 1 January 2026\n\n"
            + "The Security Council,\n\nRecalling its previous resolutions on the matter,\n\n"
        for n in 1...max(1, count) {
            text += "\(n). \(bodies[n % bodies.count]) (paragraph \(n))\(n == count ? "." : ";")\n\n"
        }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let document = try ResolutionDocument.load(path: path)
        guard document.operative.count == count else {
            throw BenchmarkError("the fixture parsed to \(document.operative.count) operative paragraphs, not \(count)")
        }
        let sidecar = path + ".reso.json"
        let bytes = sidecarBytes(document, defaultTags: ["support", "oppose", "amend", "priority", "question"])
        try Data(bytes).write(to: URL(fileURLWithPath: sidecar))
        return (path, sidecar)
    }
}

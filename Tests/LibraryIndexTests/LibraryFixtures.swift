// Libraries built in temporary folders from the seeds and the corpus, and a cache for each test.
import Foundation
import LibraryIndex
import ResolutionKit
#if canImport(Glibc)
import Glibc
#endif

enum Library {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static var seeds: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/seeds")) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted().map { root + "/seeds/" + $0 }
    }
    static let corpus = root + "/../shared/corpus/sc-2020"

    /// A fresh empty folder; removed by `cleanup`.
    static func folder(_ label: String = #function) -> String {
        let safe = String(String.UnicodeScalarView(label.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.prefix(24)))
        let path = NSTemporaryDirectory() + "reso-index-\(safe)-\(getpid())-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func cleanup(_ path: String) {
        // Tests make folders read-only; give permission back before removing.
        _ = chmod(path, 0o755)
        try? FileManager.default.removeItem(atPath: path)
    }

    static func copy(_ from: String, to: String) throws {
        try FileManager.default.createDirectory(atPath: (to as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: from, toPath: to)
    }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Seeds in nested folders: `2020/zh/…`, `2021/zh/…`.
    static func nestedSeeds(in dir: String) throws -> [String] {
        var out: [String] = []
        for (i, s) in seeds.enumerated() {
            let p = dir + "/\(2020 + i % 2)/zh/" + (s as NSString).lastPathComponent
            try copy(s, to: p); out.append(p)
        }
        return out
    }

    /// Sets an mtime in the past so that a rewrite within the same clock tick is still seen as a change
    /// by size or mtime (the index trusts an unchanged size and mtime).
    static func age(_ path: String) {
        var times = [timespec(tv_sec: 1_000_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000_000, tv_nsec: 0)]
        _ = utimensat(AT_FDCWD, path, &times, 0)
    }
}

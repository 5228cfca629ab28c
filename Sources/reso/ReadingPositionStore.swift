// `$XDG_STATE_HOME/reso/positions.json` (default `~/.local/state/reso/positions.json`): the
// paragraph last read in each document, keyed by the SHA-256 of the document's bytes, so a
// moved or renamed file opens where it was left, and an edited one (a new text) starts afresh.
// State, not data: losing the file loses nothing but the places, so a file that cannot be read
// is replaced, and a failed save is not an error.
import Foundation

struct ReadingPositionStore {
    let path: String
    /// The most documents remembered; the least recently read are forgotten first.
    static let limit = 2000

    init(environment env: [String: String] = ProcessInfo.processInfo.environment) {
        let base: String
        if let x = env["XDG_STATE_HOME"], x.hasPrefix("/") { base = x } else {
            base = (env["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        }
        path = base + "/reso/positions.json"
    }

    struct Entry { var paragraph: String; var file: String; var read: String }

    func load() -> [String: Entry] {
        guard let data = FileManager.default.contents(atPath: path),
              let top = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let docs = top["documents"] as? [String: [String: String]] else { return [:] }
        var out: [String: Entry] = [:]
        for (hash, e) in docs {
            guard let p = e["paragraph"] else { continue }
            out[hash] = Entry(paragraph: p, file: e["file"] ?? "", read: e["read"] ?? "")
        }
        return out
    }

    /// Paragraph ids for these content hashes.
    func positions(for hashes: [String]) -> [Int: String] {
        let all = load()
        var out: [Int: String] = [:]
        for (i, h) in hashes.enumerated() { if let e = all[h] { out[i] = e.paragraph } }
        return out
    }

    /// Records where each document was left. Best effort: the reader has already closed.
    func save(_ read: [(hash: String, file: String, paragraph: String)], now: String) {
        guard !read.isEmpty else { return }
        var all = load()
        for r in read { all[r.hash] = Entry(paragraph: r.paragraph, file: r.file, read: now) }
        if all.count > Self.limit {
            for key in all.sorted(by: { $0.value.read < $1.value.read }).prefix(all.count - Self.limit).map(\.key) {
                all[key] = nil
            }
        }
        var docs: [String: [String: String]] = [:]
        for (h, e) in all { docs[h] = ["paragraph": e.paragraph, "file": e.file, "read": e.read] }
        let top: [String: Any] = ["schema": "reso.positions/1", "documents": docs]
        guard let data = try? JSONSerialization.data(withJSONObject: top, options: [.prettyPrinted, .sortedKeys]) else { return }
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

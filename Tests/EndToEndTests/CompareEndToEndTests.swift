// `reso compare` as a user meets it: the built binary in tmux, on two versions of one
// ECOSOC resolution from seeds/ (chosen by content: the two earliest seeds sharing a title)
// and on a Chinese/English pair of Security Council resolutions from Tests/Fixtures.
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `reso` with `args` in `directory`; its output (stdout and stderr).
func reso(_ args: [String], in directory: String) throws -> String {
    let r = try spawnAndWait("/bin/sh", ["-c", "cd \"$0\" && exec \"$@\" 2>/dev/null", directory, TmuxSession.binary] + args)
    guard r.status == 0 else { throw E2EError(description: "reso \(args.joined(separator: " ")) failed (\(r.status)): \(r.output)") }
    return r.output
}

enum ComparePairs {
    /// Two versions of one text among the seeds: of the seeds that share a title, the two
    /// earliest by date, oldest first.
    static func seedVersions() throws -> (old: String, new: String) {
        var byTitle: [String: [(date: String, name: String)]] = [:]
        for name in SeedFixture.names {
            let json = try reso(["show", "seeds/\(name)", "--format", "json"], in: TmuxSession.repository.path)
            let meta = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["meta"] as? [String: Any]
            guard let title = meta?["title"] as? String, let date = meta?["date"] as? String else { continue }
            byTitle[title, default: []].append((date, name))
        }
        let series = byTitle.values.filter { $0.count >= 2 }.map { $0.sorted { $0.date < $1.date } }
            .min { $0[0].date < $1[0].date }
        guard let series else { throw E2EError(description: "no two seeds share a title") }
        return (series[0].name, series[1].name)
    }

    /// A Chinese text and its English original from the typeset fixtures (the first by name
    /// that has both).
    static func chineseEnglish() throws -> (zh: String, en: String) {
        let root = TmuxSession.repository.appendingPathComponent("Tests/Fixtures/typeset").path
        let zh = try FileManager.default.contentsOfDirectory(atPath: root + "/zh").filter { $0.hasSuffix("C.wrapped.txt") }.sorted()
        for z in zh {
            let e = String(z.dropLast("C.wrapped.txt".count)) + "E.wrapped.txt"
            if FileManager.default.fileExists(atPath: root + "/en/" + e) { return (root + "/zh/" + z, root + "/en/" + e) }
        }
        throw E2EError(description: "no zh/en pair in \(root)")
    }

    /// The `reso.diff/1` pairs of two files, as (old id, new id, status).
    static func pairs(_ a: String, _ b: String, in dir: String) throws -> [(old: String?, new: String?, status: String)] {
        let json = try reso(["diff", a, b, "--format", "json"], in: dir)
        let root = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return (root?["pairs"] as? [[String: Any]] ?? []).map { ($0["old"] as? String, $0["new"] as? String, $0["status"] as? String ?? "") }
    }
}

/// The part of a screen line left of the panes' rule and the part right of it.
func halves(_ line: Substring) -> (left: String, right: String) {
    guard let r = line.range(of: "│") else { return (String(line), "") }
    return (String(line[..<r.lowerBound]), String(line[r.upperBound...]))
}

/// The ids in the header's right corner: `op3 ⇄ op4`.
func headerIDs(_ screen: String) -> (String, String)? {
    guard let first = screen.split(separator: "\n").first else { return nil }
    let words = first.split(separator: " ")
    guard let i = words.lastIndex(of: "⇄"), i > 0, i + 1 < words.count else { return nil }
    return (String(words[i - 1]), String(words[i + 1]))
}

func waitForFile(_ path: String, without text: String) throws {
    let deadline = Date().addingTimeInterval(10)
    while true {
        let s = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        if !s.contains(text) { return }
        if Date() > deadline { throw E2EError(description: "\(path) still contains «\(text)»:\n\(s)") }
        usleep(20_000)
    }
}

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable))
struct CompareEndToEndTests {
    @Test func versionsMoveTogetherJumpByChangeAndTagTheFocusedDocument() throws {
        let (old, new) = try ComparePairs.seedVersions()
        let dir = try scratchLibrary([old, new])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pairs = try ComparePairs.pairs(old, new, in: dir)
        let t = try TmuxSession(width: 160, height: 40, args: ["compare", old, new], directory: dir)
        try t.waitFor(text: "versions ·")

        // `o`: both panes at the operative part, the right one at the left one's counterpart.
        try t.send("o")
        let partner = try #require(pairs.first { $0.old == "op1" }?.new)
        // Waits for both panes as well as the header: the terminal may show the header of a
        // frame whose panes are still being written (seen on a loaded machine).
        let screen = try t.waitFor("op1 ⇄ \(partner)") { s in
            let rows = s.split(separator: "\n")
            return (headerIDs(s).map { $0 == ("op1", partner) } ?? false)
                && rows.contains { halves($0).left.hasPrefix("▌op1 ") } && rows.contains { halves($0).right.hasPrefix("▌\(partner) ") }
        }
        let lines = screen.split(separator: "\n")
        #expect(lines.contains { halves($0).left.hasPrefix("▌op1 ") })
        #expect(lines.contains { halves($0).right.hasPrefix("▌\(partner) ") })

        // `]c` from the start: a paragraph the diff reports as changed, added or removed.
        try t.send("g", "]", "c")
        let atChange = try t.waitFor(text: "Change 1/")
        let (l, r) = try #require(headerIDs(atChange))
        #expect(pairs.contains { $0.status != "unchanged" && ($0.old == l || $0.new == r) }, "\(l) ⇄ \(r) is no change")
        try t.send("]", "c")
        try t.waitFor(text: "Change 2/")
        try t.send("[", "c")
        try t.waitFor(text: "Change 1/")

        // Tab, then a tag: it goes to the right document's sidecar only.
        try t.send("Tab")
        try t.waitFor(text: "Focus: ")
        try t.send("t")
        try t.waitFor(text: "Tag ")
        try t.type("priority")
        try t.send("Enter")
        try t.waitFor(text: "[priority]")
        try waitForFile("\(dir)/\(new).reso.json", containing: "\"priority\"")
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/\(old).reso.json"))
        try t.send("q")
        let end = try t.waitFor(text: "EXITED", history: true)
        #expect(end.contains("EXITED rc=0 tty=icanon echo"))
    }

    @Test func reviewMarkAppearsAfterCarryAndTheKeyClearsIt() throws {
        let (old, new) = try ComparePairs.seedVersions()
        let dir = try scratchLibrary([old, new])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pairs = try ComparePairs.pairs(old, new, in: dir)
        let changed = try #require(pairs.first { $0.status == "changed" && $0.old != nil && $0.new != nil })
        _ = try reso(["tag", old, changed.old!, "priority"], in: dir)
        _ = try reso(["carry", old, new], in: dir)
        let sidecar = "\(dir)/\(new).reso.json"
        try waitForFile(sidecar, containing: "review")

        let t = try TmuxSession(width: 160, height: 40, args: ["compare", old, new], directory: dir)
        try t.waitFor(text: "versions ·")
        try t.send("Tab", ":")
        try t.waitFor(text: "Go to")
        try t.type(changed.new!)
        try t.send("Enter")
        try t.waitFor("the review mark on \(changed.new!)") { s in
            s.split(separator: "\n").contains { halves($0).right.hasPrefix("▌\(changed.new!) ") && halves($0).right.contains("●?") }
        }
        try t.send("R")
        try t.waitFor(text: "Review flag on \(changed.new!) cleared")
        try t.waitFor("the mark gone") { !$0.contains("●?") }
        try waitForFile(sidecar, without: "review")
        try waitForFile(sidecar, containing: "\"priority\"")
        try t.send("q")
        try t.waitFor(text: "EXITED rc=0", history: true)
    }

    @Test func chineseAndEnglishLineUpAndEachPaneWrapsItsScript() throws {
        // `columns` measures with glibc's wcwidth, which needs a UTF-8 locale to see CJK as wide.
        setlocale(LC_ALL, "C.UTF-8")
        let (zh, en) = try ComparePairs.chineseEnglish()
        let dir = try scratchLibrary([])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: zh, toPath: "\(dir)/zh.txt")
        try FileManager.default.copyItem(atPath: en, toPath: "\(dir)/en.txt")
        let t = try TmuxSession(width: 120, height: 40, args: ["compare", "zh.txt", "en.txt"], directory: dir)
        try t.waitFor(text: "languages ·")
        try t.send("o", "j")
        // Polled until the panes show it too: a capture can catch the header redrawn before
        // the rows below it (one run in about ten saw the header at op2 and no cursor row).
        func cursorRows(_ s: String) -> (left: Bool, right: Bool) {
            let rows = s.split(separator: "\n").dropFirst().dropLast()
            return (rows.contains { halves($0).left.hasPrefix("▌op2 ") }, rows.contains { halves($0).right.hasPrefix("▌op2 ") })
        }
        let screen = try t.waitFor("op2 on both sides") { s in
            (headerIDs(s).map { $0 == ("op2", "op2") } ?? false) && cursorRows(s) == (true, true)
        }
        let body = screen.split(separator: "\n").dropFirst().dropLast()
        #expect(body.contains { halves($0).left.hasPrefix("▌op2 ") })
        #expect(body.contains { halves($0).right.hasPrefix("▌op2 ") })
        // Every row of the Chinese pane ends exactly at the rule: its double-width text never
        // pushes past the pane.
        let ruleColumns = Set(body.filter { $0.contains("│") }.map { columns(halves($0).left) })
        #expect(ruleColumns == [60], "rule at columns \(ruleColumns)")
        for line in screen.split(separator: "\n") { #expect(columns(String(line)) <= 120) }

        // Narrower than 80 columns: stacked, both still at op2.
        try t.resize(width: 70, height: 40)
        let stacked = try t.waitFor("the stacked panes") { s in !s.contains("│") && s.components(separatedBy: "▌op2 ").count == 3 }
        for line in stacked.split(separator: "\n") { #expect(columns(String(line)) <= 70) }
        try t.send("q")
        try t.waitFor(text: "EXITED rc=0", history: true)
    }
}

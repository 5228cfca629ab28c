// `reso index` and `reso search` through the index, as a user runs them: the built binary on a
// library in nested folders, with a cache of its own ($XDG_CACHE_HOME).
import Foundation
import Testing

@Suite struct IndexCommandTests {
    typealias CLI = ShowCommandTests

    struct Setup { var library: String; var cache: String; var files: [String] }

    /// The seeds in `2020/zh/`, `2021/zh/`, and a hidden folder that must be skipped.
    func setup() throws -> Setup {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("reso-index-cli-\(UUID().uuidString)").path
        let lib = base + "/library", cache = base + "/cache"
        let seeds = try FileManager.default.contentsOfDirectory(atPath: CLI.root.path + "/seeds")
            .filter { $0.hasSuffix(".txt") }.sorted()
        var files: [String] = []
        for (i, s) in seeds.enumerated() {
            let dir = lib + "/\(2020 + i % 2)/zh"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: CLI.root.path + "/seeds/" + s, toPath: dir + "/" + s)
            files.append(dir + "/" + s)
        }
        try FileManager.default.createDirectory(atPath: lib + "/.trash", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: files[0], toPath: lib + "/.trash/old.txt")
        return Setup(library: lib, cache: cache, files: files)
    }

    /// Queries taken from the seeds' parse, never typed from one of them: two-character verbs
    /// (the unigram path), a three- and a four-character opening (trigrams), and a number
    /// followed by the word after it in the text (digits and letters together).
    func queries(_ s: Setup) throws -> [String] {
        var out: [String] = []
        for file in s.files.prefix(2) {
            let json = try CLI.run(["show", file, "--format", "json"]).stdout
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let operative = (object["operative"] as? [[String: Any]]) ?? []
            let preamble = (object["preamble"] as? [[String: Any]]) ?? []
            if let verb = operative.compactMap({ $0["verb"] as? String }).first(where: { $0.count == 2 }) { out.append(verb) }
            if let text = operative.first?["text"] as? String { out.append(String(text.prefix(4))) }
            if let text = preamble.first?["text"] as? String { out.append(String(text.prefix(3))) }
            let all = operative.compactMap { $0["text"] as? String }.joined(separator: "\n")
            if let r = all.range(of: #"[0-9]{4} \S"#, options: .regularExpression) { out.append(String(all[r])) }
        }
        return Array(Set(out)).sorted()
    }

    func cleanup(_ s: Setup) { try? FileManager.default.removeItem(atPath: (s.library as NSString).deletingLastPathComponent) }

    @Test func indexThenSearchNestedLibraryEqualsTheScan() throws {
        let s = try setup(); defer { cleanup(s) }
        let env = ["XDG_CACHE_HOME": s.cache]
        var r = try CLI.run(["index", s.library], env: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "\(s.files.count) documents: \(s.files.count) parsed, 0 unreadable\n")
        #expect(r.stderr.isEmpty, "no progress bar when stderr is not a terminal")
        r = try CLI.run(["index", s.library], env: env)
        #expect(r.stdout == "\(s.files.count) documents: 0 parsed, 0 unreadable\n")
        r = try CLI.run(["index", "--status"], env: env)
        #expect(r.stdout.contains("documents: \(s.files.count) (0 unreadable)"))

        let qs = try queries(s)
        #expect(qs.count >= 4)
        for q in qs {
            let indexed = try CLI.run(["search", q, s.library], env: env)
            let scanned = try CLI.run(["search", q, s.library], env: env.merging(["RESO_NO_INDEX": "1"]) { $1 })
            #expect(indexed.status == 0 && !indexed.stdout.isEmpty, "\(q): \(indexed.stderr)")
            #expect(indexed.stdout == scanned.stdout, "\(q)")
            #expect(indexed.stderr == scanned.stderr, "\(q)")
            #expect(!indexed.stdout.contains(".trash"))
        }
    }

    @Test func anEditedFileIsFoundByTheVeryNextSearch() throws {
        let s = try setup(); defer { cleanup(s) }
        let env = ["XDG_CACHE_HOME": s.cache]
        _ = try CLI.run(["index", s.library], env: env)
        var text = try String(contentsOfFile: s.files[3], encoding: .utf8)
        text += "\n\n99. 决定继续审议袋熊问题。\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: s.files[3]))
        let r = try CLI.run(["search", "袋熊", s.library], env: env)
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix(s.files[3] + ":"), "\(r.stdout)")
    }

    @Test func anUnusableCacheWarnsAndScans() throws {
        let s = try setup(); defer { cleanup(s) }
        // The cache folder would have to be made under a regular file: impossible, even as root.
        let blocker = (s.library as NSString).deletingLastPathComponent + "/blocker"
        _ = FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
        let q = try #require(try queries(s).first)
        let r = try CLI.run(["search", q, s.library], env: ["XDG_CACHE_HOME": blocker])
        let scanned = try CLI.run(["search", q, s.library], env: ["RESO_NO_INDEX": "1"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("warning") && r.stderr.contains("without the index"))
        #expect(r.stdout == scanned.stdout && !r.stdout.isEmpty)
        let index = try CLI.run(["index", s.library], env: ["XDG_CACHE_HOME": blocker])
        #expect(index.status != 0 && index.stderr.split(separator: "\n").count == 1)
    }

    /// A cache on a full disk: the database file is `/dev/full` (every write fails with ENOSPC,
    /// as root too). Search warns once and scans; nothing is lost, the hits are the scan's.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func aFullCacheDiskWarnsAndScans() throws {
        let s = try setup(); defer { cleanup(s) }
        try FileManager.default.createDirectory(atPath: s.cache + "/reso", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: s.cache + "/reso/index.sqlite", withDestinationPath: "/dev/full")
        let q = try #require(try queries(s).first)
        let r = try CLI.run(["search", q, s.library], env: ["XDG_CACHE_HOME": s.cache])
        let scanned = try CLI.run(["search", q, s.library], env: ["RESO_NO_INDEX": "1"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("warning"), "\(r.stderr)")
        #expect(r.stdout == scanned.stdout && !r.stdout.isEmpty)
    }

    @Test func severalProcessesAtOnceShareOneIndex() throws {
        let s = try setup(); defer { cleanup(s) }
        let env = ProcessInfo.processInfo.environment.merging(["XDG_CACHE_HOME": s.cache]) { $1 }
        let q = try #require(try queries(s).first)
        var processes: [Process] = []
        for i in 0..<4 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CLI.binary)
            p.arguments = i % 2 == 0 ? ["index", s.library] : ["search", q, s.library]
            p.environment = env
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            processes.append(p)
        }
        for p in processes { p.waitUntilExit(); #expect(p.terminationStatus == 0) }
        let r = try CLI.run(["index", s.library], env: ["XDG_CACHE_HOME": s.cache])
        #expect(r.stdout == "\(s.files.count) documents: 0 parsed, 0 unreadable\n")
    }
}

extension IndexCommandTests {
    /// `reso tag` on an indexed, unchanged file takes its units from the index: it must say and
    /// write what tagging a parse says and writes, errors included; a file edited since it was
    /// indexed is parsed, and its new paragraph can be tagged.
    @Test func tagThroughTheIndexWritesWhatTagThroughAParseWrites() throws {
        let s = try setup(); defer { cleanup(s) }
        let env = ["XDG_CACHE_HOME": s.cache]
        let parsed = (s.library as NSString).deletingLastPathComponent + "/parsed"
        try FileManager.default.copyItem(atPath: s.library, toPath: parsed)
        #expect(try CLI.run(["index", s.library], env: env).status == 0)
        func shape(_ sidecar: String) throws -> String {
            var text = try String(contentsOfFile: sidecar, encoding: .utf8)
            for field in ["id", "created", "modified"] {
                text = text.replacingOccurrences(of: "\"\(field)\": \"[^\"]*\"", with: "\"\(field)\": …", options: .regularExpression)
            }
            return text
        }
        for (k, file) in s.files.enumerated() {
            let twin = parsed + String(file.dropFirst(s.library.count))
            for args in [["3", "support", "priority"], ["pp1", "question"], ["3", "priority", "--remove"]] {
                let a = try CLI.run(["tag", file] + args, env: env)
                let b = try CLI.run(["tag", twin] + args, env: env.merging(["RESO_NO_INDEX": "1"]) { $1 })
                #expect(a.status == 0 && b.status == 0, "\(a.stderr) \(b.stderr)")
                #expect(a.stdout == b.stdout.replacingOccurrences(of: parsed, with: s.library), "\(k) \(args)")
            }
            #expect(try shape(file + ".reso.json") == shape(twin + ".reso.json"), "\(file)")
            let wrong = try CLI.run(["tag", file, "op999", "x"], env: env)
            let wrongParsed = try CLI.run(["tag", twin, "op999", "x"], env: env.merging(["RESO_NO_INDEX": "1"]) { $1 })
            #expect(wrong.status != 0 && wrong.stderr == wrongParsed.stderr.replacingOccurrences(of: parsed, with: s.library))
        }
        // Edited after indexing: parsed again, so the new paragraph is there to tag.
        var text = try String(contentsOfFile: s.files[0], encoding: .utf8)
        let count = try CLI.run(["show", s.files[0], "--format", "json"], env: env).stdout
        let operative = (try JSONSerialization.jsonObject(with: Data(count.utf8)) as? [String: Any])?["operative"] as? [Any]
        let next = (operative?.count ?? 0) + 1
        text += "\n\n\(next). 决定继续审议袋熊问题。\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: s.files[0]))
        let r = try CLI.run(["tag", s.files[0], "\(next)", "support"], env: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: s.files[0] + ".reso.json", encoding: .utf8).contains("袋熊"))
    }
}

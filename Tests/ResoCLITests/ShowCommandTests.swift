import Foundation
import Testing

/// `reso show` as a user meets it: the built binary, its stdout, stderr and exit code.
@Suite struct ShowCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `reso` built next to this test bundle.
    static var binary: String {
        let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [bundleDir, bundleDir.deletingLastPathComponent(), root.appendingPathComponent(".build/debug")] {
            let candidate = dir.appendingPathComponent("reso").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return root.appendingPathComponent(".build/debug/reso").path
    }

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ args: [String], env: [String: String] = [:]) throws -> Run {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reso-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out"), err = dir.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        p.currentDirectoryURL = root
        p.environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        p.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try p.run()
        p.waitUntilExit()
        return Run(status: p.terminationStatus,
                   stdout: String(decoding: FileManager.default.contents(atPath: out.path) ?? Data(), as: UTF8.self),
                   stderr: String(decoding: FileManager.default.contents(atPath: err.path) ?? Data(), as: UTF8.self))
    }

    static func temp(_ bytes: [UInt8], name: String = "doc.txt") throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reso-\(UUID().uuidString)-\(name)").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    @Test func jsonFollowsTheSchema() throws {
        let r = try Self.run(["show", "seeds/000_56ebd550d93fdb47.txt", "--format", "json"])
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(json["schema"] as? String == "reso.document/1")
        #expect((json["operative"] as? [Any])?.count == 90)
        let meta = json["meta"] as! [String: Any]
        #expect(meta["symbol"] as? String == "E/RES/2020/12")
        #expect(r.stdout.hasPrefix("{\n  \"schema\": \"reso.document/1\""))
    }

    @Test func textReadsLikeTheResolution() throws {
        let r = try Self.run(["show", "seeds/003_d4d8f1347a6ab115.txt", "--width", "80"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("op1      1. 注意到目前执行信息社会世界首脑会议成果的情况，¹特别强调"))
        #expect(r.stdout.contains("h1       ── 评估：审查信息社会世界首脑会议成果的执行情况"))
        for line in r.stdout.split(separator: "\n") {
            let columns = line.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
            #expect(columns <= 80, "\(line)")
        }
        let md = try Self.run(["show", "seeds/000_56ebd550d93fdb47.txt", "--format", "markdown"])
        #expect(md.stdout.contains("1. **欢迎并敦促**充分执行大会第 70/125 号决议；"))
        #expect(md.stdout.contains("[^1]: 见 A/C.2/59/3 和 A/60/687。"))
    }

    @Test func badInputGetsOneClearLineAndNoTrace() throws {
        let cases: [(String, String)] = [
            ("/nonexistent/x.txt", "no such file"),
            (try Self.temp([]), "empty"),
            (try Self.temp([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00]), "binary"),
            (try Self.temp(Array("决议".utf8) + [0xFF, 0xFE, 0xFF]), "offset 6"),
        ]
        for (path, needle) in cases {
            let r = try Self.run(["show", path, "--format", "json"])
            #expect(r.status != 0, "\(path)")
            #expect(r.stdout.isEmpty)
            let lines = r.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(r.stderr)")
            #expect(r.stderr.contains(needle), "\(r.stderr)")
            #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump"))
        }
    }

    @Test func escapeSequencesNeverReachTheTerminalRaw() throws {
        let path = try Self.temp(Array("经济及社会理事会，\n\n回顾\u{1B}[2J\u{1B}]0;pwned\u{07}文件，\n\n1. 决定；\n".utf8))
        for format in ["text", "markdown"] {
            let r = try Self.run(["show", path, "--format", format])
            #expect(r.status == 0)
            #expect(!r.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
            #expect(r.stdout.contains("␛"))
        }
    }

    @Test func aTextThatIsNotAResolutionStillOpens() throws {
        let path = try Self.temp(Array("Dear all,\nthe meeting moves to room 4.\n".utf8))
        let r = try Self.run(["show", path, "--format", "json"])
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect((json["other"] as? [Any])?.count == 2)
    }
}

/// Issue 8 item 12: one undecodable file in a folder does not stop the folder commands;
/// it is named on stderr and the others are used.
@Suite struct UndecodableInFolderTests {
    // The query must match the good file: a search with no match exits 1, as grep does.
    @Test(arguments: [["notes", "DIR"], ["export", "DIR", "--format", "csv"], ["search", "决议", "DIR"], ["tag", "DIR", "op1", "checked"]])
    func anUndecodableFileIsSkippedAndNamed(_ command: [String]) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reso-skip-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let seed = ShowCommandTests.root.appendingPathComponent("seeds").path
        let first = try FileManager.default.contentsOfDirectory(atPath: seed).filter { $0.hasSuffix(".txt") }.sorted()[0]
        try FileManager.default.copyItem(atPath: seed + "/" + first, toPath: dir + "/good.txt")
        try Data([0x41, 0x42, 0xFF, 0xFE, 0xFD, 0x0A]).write(to: URL(fileURLWithPath: dir + "/bad.txt"))
        let args = command.map { $0 == "DIR" ? dir : $0 }
        let r = try ShowCommandTests.run(args)
        #expect(r.status == 0, "\(args): \(r.stderr)")
        #expect(r.stderr.contains("bad.txt"), "\(args): \(r.stderr)")
        #expect(!r.stderr.contains("good.txt"), "\(args): \(r.stderr)")
    }
}

/// Issue 8 item 14: an installation without its language files says so in one line.
@Suite struct NoLanguageDataTests {
    @Test func aMissingLanguageFolderIsOneClearLine() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("reso-nolang-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let seed = ShowCommandTests.root.appendingPathComponent("seeds").path
        let first = try FileManager.default.contentsOfDirectory(atPath: seed).filter { $0.hasSuffix(".txt") }.sorted()[0]
        for folder in [empty, empty + "/missing"] {
            let r = try ShowCommandTests.run(["show", seed + "/" + first, "--format", "json"], env: ["RESO_LANGUAGES": folder])
            #expect(r.status != 0 && r.status != 4 && r.status < 128, "exit \(r.status)")
            #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains("language data"), "\(r.stderr)")
        }
    }
}

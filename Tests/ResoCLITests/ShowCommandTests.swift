import Foundation
import Testing
import TestSupport

/// `reso show` as a user meets it: the built binary, its stdout, stderr and exit code.
@Suite struct ShowCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The seed documents' file names, sorted: tests take them by position, never by name, so
    /// that no test depends on one particular resolution.
    static var seedNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path + "/seeds")) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted()
    }

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

    /// Writes `bytes` to a new file in this test run's scratch folder, which goes when the
    /// run ends: the files outlive the test that made them (a parallel test may still read
    /// one), and leaving them in the system's temporary folder piled up hundreds per run.
    static func temp(_ bytes: [UInt8], name: String = "doc.txt") throws -> String {
        let path = try TestScratch.folder() + "/\(UUID().uuidString)-\(name)"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// The seeds, found by listing the folder (never by name: a sidecar or a user's file may
    /// sit beside them).
    static func seeds() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("seeds").path)
            .filter { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }.sorted().map { "seeds/" + $0 }
    }

    static let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus/sc-2020").path

    /// One resolution per language from the corpus, with the structure the UN's markup declares.
    static func corpusSamples() throws -> [(path: String, truth: [String: Any])] {
        try ["ar", "en", "es", "fr", "ru", "zh"].compactMap { lang in
            let folder = corpus + "/" + lang
            guard let name = try FileManager.default.contentsOfDirectory(atPath: folder)
                .filter({ $0.hasSuffix(".plain.txt") }).sorted().dropFirst(7).first else { return nil }
            let truthPath = folder + "/" + name.replacingOccurrences(of: ".plain.txt", with: ".truth.json")
            let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: truthPath))) as! [String: Any]
            return (folder + "/" + name, truth)
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: ShowCommandTests.corpus)))
    func jsonFollowsTheSchemaAndTheDeclaredStructure() throws {
        let samples = try Self.corpusSamples()
        #expect(samples.count == 6)
        for (path, truth) in samples {
            let r = try Self.run(["show", path, "--format", "json"])
            #expect(r.status == 0)
            #expect(r.stdout.hasPrefix("{\n  \"schema\": \"reso.document/1\""))
            let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
            let numbers = (json["operative"] as? [[String: Any]])?.compactMap { $0["number"] as? Int }
            #expect(numbers == truth["operative"] as? [Int], "\(path)")
            #expect((json["preamble"] as? [Any])?.count == truth["preambular"] as? Int, "\(path)")
            #expect(json["language"] as? String == truth["language"] as? String)
            // The symbol, as the markup's source names it: `S_RES_2504 (2020)` → `S/RES/2504 (2020)`.
            let source = ((truth["source"] as? String ?? "") as NSString).lastPathComponent
            let declared = String(source.prefix { $0 != "-" }).replacingOccurrences(of: "_", with: "/")
            let meta = json["meta"] as! [String: Any]
            #expect(meta["symbol"] as? String == declared, "\(path)")
        }
    }

    /// The text and Markdown renderings show what the JSON holds, for every seed: ids in the
    /// margin, lines within the width, bold verbs and footnotes in Markdown.
    @Test func textAndMarkdownShowTheParsedStructure() throws {
        for seed in try Self.seeds() {
            let json = try JSONSerialization.jsonObject(with: Data(Self.run(["show", seed, "--format", "json"]).stdout.utf8)) as! [String: Any]
            let operative = json["operative"] as? [[String: Any]] ?? []
            let first = try #require(operative.first, "\(seed) has no operative paragraph")
            let id = first["id"] as! String, number = first["number"] as! Int, text = first["text"] as! String
            let r = try Self.run(["show", seed, "--width", "80"])
            #expect(r.status == 0)
            let opening = String(text.prefix(6))
            #expect(r.stdout.split(separator: "\n").contains { $0.hasPrefix(id + " ") && $0.contains("\(number). ") && $0.contains(opening) },
                    "\(seed): no line for \(id) starting «\(opening)»")
            for line in r.stdout.split(separator: "\n") {
                let columns = line.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
                #expect(columns <= 80, "\(line)")
            }
            for h in json["headings"] as? [[String: Any]] ?? [] {
                #expect(r.stdout.contains("── " + String((h["text"] as! String).prefix(8))), "\(seed): heading \(h["id"]!)")
            }
            let md = try Self.run(["show", seed, "--format", "markdown"]).stdout
            if let verbal = operative.first(where: { ($0["verb"] as? String).map { !$0.isEmpty } == true }) {
                #expect(md.contains("\(verbal["number"]!). **\(verbal["verb"]!)**"), "\(seed): bold verb of \(verbal["id"]!)")
            }
            for f in json["footnotes"] as? [[String: Any]] ?? [] {
                #expect(md.contains("[^\(f["number"]!)]: " + String((f["text"] as! String).prefix(6))), "\(seed): footnote \(f["id"]!)")
            }
        }
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

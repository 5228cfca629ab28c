// Issue 12 items 1, 3 and 4 without a release build: a copy of the built binary in a prefix of
// its own reads documents (the language data is inside it), `reso` with no PATH never opens a
// `seeds/` folder of the current directory, and exit codes follow convention.
// The full install (release build, man page, completions) is checked by scripts/test-install.
import Foundation
import Testing

@Suite struct InstallLayoutTests {
    struct Prefix {
        let root: String
        var binary: String { root + "/prefix/bin/reso" }
        init(samples: Bool) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("reso-prefix-\(UUID().uuidString)").path
            let fm = FileManager.default
            try fm.createDirectory(atPath: root + "/prefix/bin", withIntermediateDirectories: true)
            try fm.createDirectory(atPath: root + "/work/seeds", withIntermediateDirectories: true)
            try fm.copyItem(atPath: ShowCommandTests.binary, toPath: binary)
            let seeds = ShowCommandTests.root.appendingPathComponent("seeds").path
            let first = try fm.contentsOfDirectory(atPath: seeds).filter { $0.hasSuffix(".txt") }.sorted()[0]
            // A folder named seeds in the current directory: it must never be opened by accident.
            try fm.copyItem(atPath: seeds + "/" + first, toPath: root + "/work/seeds/" + first)
            if samples {
                try fm.createDirectory(atPath: root + "/prefix/share/reso/samples", withIntermediateDirectories: true)
                try fm.copyItem(atPath: seeds + "/" + first, toPath: root + "/prefix/share/reso/samples/" + first)
            }
        }
        func remove() { try? FileManager.default.removeItem(atPath: root) }

        func run(_ args: [String], binary: String? = nil, env extra: [String: String] = [:]) throws -> ShowCommandTests.Run {
            // A binary just copied can be refused with ETXTBSY ("text file busy") while a
            // process that another test forked meanwhile still holds the copy's write
            // descriptor until it execs; the usual remedy is to try again shortly.
            for attempt in 1... {
                do { return try runOnce(args, binary: binary, env: extra) } catch let error as NSError
                    where attempt < 50 && (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.code == Int(ETXTBSY) {
                    usleep(20_000)
                }
            }
            fatalError("unreachable")
        }

        private func runOnce(_ args: [String], binary: String?, env extra: [String: String]) throws -> ShowCommandTests.Run {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: binary ?? self.binary)
            p.arguments = args
            p.currentDirectoryURL = URL(fileURLWithPath: root + "/work")
            var env = ProcessInfo.processInfo.environment
            for key in ["RESO_LIBRARY", "RESO_LANGUAGES", "RESO_STORE"] { env[key] = nil }
            env["XDG_DATA_HOME"] = root + "/xdg"; env["HOME"] = root + "/home"; env["TERM"] = "dumb"
            p.environment = env.merging(extra) { $1 }
            let out = Pipe(), err = Pipe()
            p.standardOutput = out; p.standardError = err
            p.standardInput = FileHandle(forReadingAtPath: "/dev/null")
            try p.run()
            let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            return ShowCommandTests.Run(status: p.terminationStatus, stdout: o, stderr: e)
        }
    }

    @Test func aCopiedBinaryReadsDocumentsOnItsOwn() throws {
        let prefix = try Prefix(samples: false)
        defer { prefix.remove() }
        let doc = ShowCommandTests.root.appendingPathComponent("seeds").path + "/"
            + (try FileManager.default.contentsOfDirectory(atPath: prefix.root + "/work/seeds")[0])
        let copied = try prefix.run(["show", doc, "--format", "json"])
        let inTree = try prefix.run(["show", doc, "--format", "json"], binary: ShowCommandTests.binary)
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(copied.stdout == inTree.stdout && copied.stdout.contains("\"operative\""))
        #expect(try prefix.run(["--help"]).stdout.contains("merge-sidecar"))
    }

    /// `reso bench` builds its inputs from a sample resolution. A copy of the binary with no
    /// samples beside it and no library yet says so on one line, and what to do; with a
    /// library named by RESO_LIBRARY it gets as far as building its input from it.
    @Test func benchWithNoSampleToBuildFromSaysWhatItNeeds() throws {
        let prefix = try Prefix(samples: false)
        defer { prefix.remove() }
        let r = try prefix.run(["bench", "--compare-only", "--megabytes", "1"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty, "\(r.stdout.prefix(200))")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(r.stderr.contains("share/reso/samples") && r.stderr.contains(prefix.root + "/xdg/reso/library")
                && r.stderr.contains("RESO_LIBRARY"), "\(r.stderr)")
        let withLibrary = try prefix.run(["bench", "--compare-only", "--megabytes", "1"], env: ["RESO_LIBRARY": prefix.root + "/work/seeds"])
        #expect(withLibrary.status == 0, "\(withLibrary.stderr)")
        #expect(withLibrary.stdout.contains("compare"), "\(withLibrary.stdout.prefix(300))")
    }

    @Test func noPathOpensTheUserLibraryNeverTheSeedsFolderHere() throws {
        let prefix = try Prefix(samples: true)
        defer { prefix.remove() }
        let r = try prefix.run([])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty, "opened something: \(r.stdout.prefix(200))")
        #expect(r.stderr.contains(prefix.root + "/xdg/reso/library") && r.stderr.contains("share/reso/samples"), "\(r.stderr)")
        // The hint's command works, and then the library opens.
        try FileManager.default.createDirectory(atPath: prefix.root + "/xdg/reso/library", withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: prefix.root + "/prefix/share/reso/samples") {
            try FileManager.default.copyItem(atPath: prefix.root + "/prefix/share/reso/samples/" + name,
                                             toPath: prefix.root + "/xdg/reso/library/" + name)
        }
        let opened = try prefix.run([])
        #expect(opened.status == 0 && opened.stdout.contains("op1"), "\(opened.stderr)")
        // RESO_LIBRARY wins over both.
        let env = try prefix.run([], env: ["RESO_LIBRARY": prefix.root + "/work/seeds"])
        #expect(env.status == 0 && env.stdout == opened.stdout)
    }

    @Test func theCheckoutBinaryStillOpensTheBundledSeeds() throws {
        let prefix = try Prefix(samples: false)
        defer { prefix.remove() }
        let seeds = ShowCommandTests.root.appendingPathComponent("seeds").path
        let r = try prefix.run([], binary: ShowCommandTests.binary)
        let folder = try prefix.run([seeds], binary: ShowCommandTests.binary)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == folder.stdout && !r.stdout.isEmpty)
    }

    @Test func exitCodesFollowConvention() throws {
        let prefix = try Prefix(samples: false)
        defer { prefix.remove() }
        let seeds = prefix.root + "/work/seeds"
        #expect(try prefix.run(["search", "zzzz-no-such-text-qqqq", seeds]).status == 1)
        #expect(try prefix.run(["search", "zzzz-no-such-text-qqqq", seeds, "--json"]).status == 1)
        #expect(try prefix.run(["search", "1", seeds]).status == 0)
        #expect(try prefix.run(["show", prefix.root + "/missing.txt"]).status == 1)
        #expect(try prefix.run(["tag"]).status == 64)
        #expect(try prefix.run(["tag", seeds, "op1"]).status == 64)
        #expect(try prefix.run(["show", "--no-such-option"]).status == 64)
        #expect(try prefix.run(["search", " ", seeds]).status == 64)
        #expect(try prefix.run(["no-such-file-or-command"]).status == 1)
        #expect(try prefix.run(["--version"]).status == 0)
    }
}

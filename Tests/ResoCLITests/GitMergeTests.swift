// Issue 12 item 5, with real git: two clones annotate the same resolution and merge; every
// note survives, without conflict markers, through an ordinary and a criss-cross merge.
import Foundation
import Testing

@Suite(.serialized) struct GitMergeTests {
    struct Sandbox {
        let dir: String
        init() throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("reso-git-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: dir + "/home", withIntermediateDirectories: true)
        }

        /// Runs a program in `cwd` with a private HOME (no user or system git config) and PATH.
        @discardableResult
        func run(_ cwd: String, _ args: [String], author: String = "tester", expect status: Int32? = 0) throws -> (status: Int32, out: String, err: String) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: args[0] == "reso" ? ShowCommandTests.binary : "/usr/bin/env")
            p.arguments = args[0] == "reso" ? Array(args.dropFirst()) : args
            p.currentDirectoryURL = URL(fileURLWithPath: cwd)
            var env = ProcessInfo.processInfo.environment
            for key in env.keys where key.hasPrefix("GIT_") || key.hasPrefix("RESO_") { env[key] = nil }
            env["HOME"] = dir + "/home"; env["XDG_CONFIG_HOME"] = dir + "/home/.config"
            env["GIT_CONFIG_NOSYSTEM"] = "1"
            env["GIT_AUTHOR_NAME"] = author; env["GIT_COMMITTER_NAME"] = author
            env["GIT_AUTHOR_EMAIL"] = "\(author)@example.org"; env["GIT_COMMITTER_EMAIL"] = "\(author)@example.org"
            env["RESO_AUTHOR"] = author
            p.environment = env
            let out = Pipe(), err = Pipe()
            p.standardOutput = out; p.standardError = err
            p.standardInput = FileHandle(forReadingAtPath: "/dev/null")
            try p.run()
            let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            if let status { #expect(p.terminationStatus == status, "\(args) in \(cwd): \(o)\n\(e)") }
            return (p.terminationStatus, o, e)
        }

        /// A repository holding the first seed and the .gitattributes line, cloned twice, with
        /// `reso git-setup` in each clone.
        func clones() throws -> (origin: String, a: String, b: String, doc: String) {
            let seeds = ShowCommandTests.root.appendingPathComponent("seeds").path
            let doc = try FileManager.default.contentsOfDirectory(atPath: seeds).filter { $0.hasSuffix(".txt") }.sorted()[0]
            let origin = dir + "/origin"
            try FileManager.default.createDirectory(atPath: origin, withIntermediateDirectories: true)
            try run(origin, ["git", "init", "-q", "-b", "main"])
            try FileManager.default.copyItem(atPath: seeds + "/" + doc, toPath: origin + "/" + doc)
            // One member commits .gitattributes; every clone then registers the driver itself.
            try run(origin, ["reso", "git-setup"])
            #expect(try String(contentsOfFile: origin + "/.gitattributes", encoding: .utf8) == "*.reso.json merge=reso\n")
            try run(origin, ["git", "add", "."]); try run(origin, ["git", "commit", "-qm", "resolution"])
            try run(origin, ["git", "config", "receive.denyCurrentBranch", "updateInstead"])
            for name in ["a", "b"] {
                try run(dir, ["git", "clone", "-q", origin, name])
                let setup = try run(dir + "/" + name, ["reso", "git-setup"])
                #expect(setup.out.contains("merge.reso.driver") && setup.out.contains("already has"))
            }
            return (origin, dir + "/a", dir + "/b", doc)
        }

        func sidecar(_ clone: String, _ doc: String) -> String {
            (try? String(contentsOfFile: clone + "/" + doc + ".reso.json", encoding: .utf8)) ?? ""
        }
    }

    @Test func twoClonesAnnotateTheSameResolutionAndMergeWithoutLosingANote() throws {
        let box = try Sandbox()
        defer { try? FileManager.default.removeItem(atPath: box.dir) }
        let (_, a, b, doc) = try box.clones()
        // Both start from a shared annotated version, then diverge.
        try box.run(a, ["reso", "note", doc, "pp1", "shared note"], author: "ana")
        try box.run(a, ["git", "add", "-A"]); try box.run(a, ["git", "commit", "-qm", "shared"]); try box.run(a, ["git", "push", "-q"])
        try box.run(b, ["git", "pull", "-q", "--no-rebase"])
        try box.run(a, ["reso", "tag", doc, "op1", "support"], author: "ana")
        try box.run(a, ["reso", "note", doc, "pp2", "ana on pp2"], author: "ana")
        try box.run(a, ["reso", "note", doc, "pp1", "shared note, edited by ana"], author: "ana")
        try box.run(a, ["git", "commit", "-qam", "ana's notes"])
        try box.run(b, ["reso", "tag", doc, "op1", "priority"], author: "ben")
        try box.run(b, ["reso", "note", doc, "pp2", "ben on pp2"], author: "ben")
        try box.run(b, ["reso", "note", doc, "op2", "ben on op2"], author: "ben")
        try box.run(b, ["reso", "note", doc, "pp1", "shared note, edited by ben"], author: "ben")
        try box.run(b, ["git", "commit", "-qam", "ben's notes"])
        try box.run(a, ["git", "push", "-q"])
        let pull = try box.run(b, ["git", "pull", "--no-rebase", "--no-edit"])
        #expect(!pull.out.contains("CONFLICT"))
        let merged = box.sidecar(b, doc)
        #expect(!merged.contains("<<<<<<<") && !merged.contains(">>>>>>>"))
        for text in ["ana on pp2", "ben on pp2", "ben on op2", "shared note, edited by ana", "shared note, edited by ben",
                     "\"support\"", "\"priority\"", "\"conflicts\""] {
            #expect(merged.contains(text), "\(text) lost:\n\(merged)")
        }
        // The merged file is a sidecar reso reads, with the tags of both.
        let notes = try box.run(b, ["reso", "notes", doc, "--json"])
        #expect(notes.out.contains("support") && notes.out.contains("priority") && notes.out.contains("ben on op2"))
        let status = try box.run(b, ["git", "status", "--porcelain"])
        #expect(status.out.isEmpty, "\(status.out)")
    }

    /// Two branches merge each other (two merge bases), then merge again: git merges the bases
    /// with the driver too, and nothing is lost.
    @Test func aCrissCrossMergeKeepsEveryNote() throws {
        let box = try Sandbox()
        defer { try? FileManager.default.removeItem(atPath: box.dir) }
        let (_, a, _, doc) = try box.clones()
        try box.run(a, ["reso", "note", doc, "pp1", "base"], author: "ana")
        try box.run(a, ["git", "add", "-A"]); try box.run(a, ["git", "commit", "-qm", "base"])
        try box.run(a, ["git", "branch", "x"]); try box.run(a, ["git", "branch", "y"])
        try box.run(a, ["git", "checkout", "-q", "x"])
        try box.run(a, ["reso", "note", doc, "op1", "x1"], author: "ana")
        try box.run(a, ["git", "commit", "-qam", "x1"])
        try box.run(a, ["git", "checkout", "-q", "y"])
        try box.run(a, ["reso", "note", doc, "op2", "y1"], author: "ben")
        try box.run(a, ["git", "commit", "-qam", "y1"])
        try box.run(a, ["git", "tag", "y1"])
        // x merges y1, y merges x1: the criss-cross.
        try box.run(a, ["git", "checkout", "-q", "x"])
        try box.run(a, ["git", "tag", "x1"])
        try box.run(a, ["git", "merge", "-q", "--no-edit", "y1"])
        try box.run(a, ["git", "checkout", "-q", "y"])
        try box.run(a, ["git", "merge", "-q", "--no-edit", "x1"])
        try box.run(a, ["reso", "note", doc, "op3", "y2"], author: "ben")
        try box.run(a, ["reso", "note", doc, "pp1", "base, edited on y"], author: "ben")
        try box.run(a, ["git", "commit", "-qam", "y2"])
        try box.run(a, ["git", "checkout", "-q", "x"])
        try box.run(a, ["reso", "note", doc, "op4", "x2"], author: "ana")
        try box.run(a, ["reso", "tag", doc, "op1", "amend"], author: "ana")
        try box.run(a, ["git", "commit", "-qam", "x2"])
        let bases = try box.run(a, ["git", "merge-base", "--all", "x", "y"])
        #expect(bases.out.split(separator: "\n").count == 2, "not a criss-cross: \(bases.out)")
        let merge = try box.run(a, ["git", "merge", "--no-edit", "y"])
        #expect(!merge.out.contains("CONFLICT"))
        let merged = box.sidecar(a, doc)
        #expect(!merged.contains("<<<<<<<"))
        for text in ["x1", "y1", "y2", "x2", "base, edited on y", "\"amend\""] {
            #expect(merged.contains("\"\(text)\"") || merged.contains(text), "\(text) lost:\n\(merged)")
        }
        try box.run(a, ["reso", "notes", doc])
    }
}

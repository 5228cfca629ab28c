// Issue 8 item 2: `reso export -o FILE` never replaces a document or a sidecar, replaces another
// existing file only with --force, never writes through a link, says plainly what is wrong with
// a path, and an export saved in a library folder is not then listed as a document.
import Foundation
import Testing

@Suite struct ExportFileTests {
    static let seed = ShowCommandTests.seedNames[0]

    /// A library folder holding a copy of a seed with one note on it.
    static func library() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reso-export-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: ShowCommandTests.root.appendingPathComponent("seeds/\(seed)").path,
                                         toPath: dir + "/" + seed)
        let r = try ShowCommandTests.run(["note", dir + "/" + seed, "op1", "Cite in the opening statement."])
        try #require(r.status == 0, "\(r.stderr)")
        return dir
    }

    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    @Test func neverReplacesADocumentOrASidecar() throws {
        let dir = try Self.library()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let doc = dir + "/" + Self.seed, sidecar = doc + ".reso.json"
        let before = (Self.bytes(doc), Self.bytes(sidecar))
        for (target, format) in [(sidecar, "csv"), (doc, "md"), (doc, "csv"), (dir + "/other.reso.json", "json")] {
            for force in [false, true] {
                let r = try ShowCommandTests.run(["export", doc, "--format", format, "-o", target] + (force ? ["--force"] : []))
                #expect(r.status != 0, "\(target) \(format) force=\(force)")
                #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
            }
        }
        #expect(Self.bytes(doc) == before.0 && Self.bytes(sidecar) == before.1)
        #expect(!FileManager.default.fileExists(atPath: dir + "/other.reso.json"))
        // Another document of the folder is a document too.
        try FileManager.default.copyItem(atPath: doc, toPath: dir + "/second.md")
        let r = try ShowCommandTests.run(["export", doc, "--format", "md", "-o", dir + "/second.md", "--force"])
        #expect(r.status != 0 && r.stderr.contains("is a document"))
    }

    @Test func anExistingFileNeedsForceAndTheWriteIsWhole() throws {
        let dir = try Self.library()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let doc = dir + "/" + Self.seed, out = dir + "/../" + (dir as NSString).lastPathComponent + "-notes.csv"
        defer { try? FileManager.default.removeItem(atPath: out) }
        try "keep me\n".write(toFile: out, atomically: true, encoding: .utf8)
        var r = try ShowCommandTests.run(["export", doc, "--format", "csv", "-o", out])
        #expect(r.status != 0 && r.stderr.contains("--force"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "keep me\n")
        r = try ShowCommandTests.run(["export", doc, "--format", "csv", "-o", out, "--force"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("file,symbol,"))
        // No temporary file left beside it.
        let parent = (out as NSString).deletingLastPathComponent, name = (out as NSString).lastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.hasPrefix("." + name) }.isEmpty)
    }

    @Test func aLinkIsNeverWrittenThrough() throws {
        let dir = try Self.library()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let victim = dir + "/victim", link = dir + "/brief.md"
        try "precious\n".write(toFile: victim, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: victim)
        for force in [false, true] {
            let r = try ShowCommandTests.run(["export", dir, "--format", "md", "-o", link] + (force ? ["--force"] : []))
            #expect(r.status != 0 && r.stderr.contains("symbolic link"), "\(r.stderr)")
        }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
    }

    @Test func badPathsGetAPlainMessage() throws {
        let dir = try Self.library()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let doc = dir + "/" + Self.seed
        for (target, words) in [(dir + "/no/such/folder/brief.md", "does not exist"), (dir, "is a folder"),
                                (dir + "/", "is a folder")] {
            let r = try ShowCommandTests.run(["export", doc, "--format", "md", "-o", target])
            #expect(r.status != 0)
            #expect(r.stderr.contains(words), "\(target): \(r.stderr)")
            #expect(!r.stderr.contains("NSCocoaErrorDomain") && !r.stderr.contains("error 512"), "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        }
    }

    /// Exports saved among the documents, in every format and under document-like names, are not
    /// listed as documents; a brief replaced with --force is still an export.
    @Test func exportsInALibraryFolderAreNotListedAsDocuments() throws {
        let dir = try Self.library()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (format, name) in [("md", "brief.md"), ("csv", "notes.txt"), ("json", "notes.md"), ("w3c", "w3c.txt")] {
            let r = try ShowCommandTests.run(["export", dir, "--format", format, "-o", dir + "/" + name])
            #expect(r.status == 0, "\(format): \(r.stderr)")
        }
        let stdoutBrief = try ShowCommandTests.run(["export", dir, "--format", "md", "--group-by", "tag"])
        try stdoutBrief.stdout.write(toFile: dir + "/piped.md", atomically: true, encoding: .utf8)
        #expect(try ShowCommandTests.run(["export", dir, "--format", "md", "-o", dir + "/brief.md", "--force"]).status == 0)
        // Every brief quotes op1's text; only the document may be found.
        let r = try ShowCommandTests.run(["search", try TerminalSafetyTests.op1Opening(dir + "/" + Self.seed), dir, "--json"])
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(Set(hits.compactMap { $0["file"] as? String }.map { ($0 as NSString).lastPathComponent }) == [Self.seed])
        // Tagging the folder tags each document: the seed alone, not the exports.
        let tag = try ShowCommandTests.run(["tag", dir, "op2", "support"])
        #expect(tag.status == 0, "\(tag.stderr)")
        #expect(tag.stdout.split(separator: "\n").count == 1, "\(tag.stdout)")
        let notes = try ShowCommandTests.run(["notes", dir])
        #expect(notes.status == 0 && !notes.stdout.contains("brief.md") && !notes.stdout.contains("notes.txt"))
    }
}

// Nothing is written where it should not be (issue 8, item 1): links planted beside a sidecar
// are never followed, a sidecar that is a link is refused, and no lock or temporary file is
// left beside the documents.

import Foundation
import ResolutionKit
import Testing
@testable import Annotations
#if canImport(Glibc)
import Glibc
#endif

@Suite struct PlantedFileTests {
    static func isLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK
    }

    static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFREG
    }

    /// The reproduction: links at the temporary and lock names older versions used,
    /// one to an existing file (a `.bashrc`), one to a file that does not exist yet.
    @Test func linksPlantedAtTheOldTemporaryAndLockNamesAreNotFollowed() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let lib = dir + "/lib", home = dir + "/home"
        for f in [lib, home] { try FileManager.default.createDirectory(atPath: f, withIntermediateDirectories: true) }
        let docPath = try Fixture.seedCopy(in: lib)
        let name = (docPath as NSString).lastPathComponent
        let bashrc = home + "/.bashrc"
        try Data("export PATH=/usr/bin\n".utf8).write(to: URL(fileURLWithPath: bashrc))
        symlink("../home/.bashrc", lib + "/." + name + ".reso.json.tmp")
        symlink("../home/created-through-the-lock", lib + "/." + name + ".reso.json.lock")

        let r = try Child.reso(["note", "lib/" + name, "op2", "hello"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Fixture.bytes(bashrc) == Array("export PATH=/usr/bin\n".utf8), "the link's target was replaced")
        #expect(!FileManager.default.fileExists(atPath: home + "/created-through-the-lock"), "a file was created through the lock link")
        #expect(Self.isRegularFile(docPath + ".reso.json"), "the sidecar must be a regular file, not a link")
        #expect(try SidecarCodec.decode(try #require(Fixture.bytes(docPath + ".reso.json")))
            .annotations.first?.note == "hello")
    }

    /// A name already taken — by a link, even a dangling one, or by a file — is never opened:
    /// the next random name is used.
    @Test func theTemporaryFileIsCreatedExclusively() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let victim = dir + "/victim"
        try Data("precious".utf8).write(to: URL(fileURLWithPath: victim))
        let sidecar = dir + "/doc.txt.reso.json", prefix = dir + "/.doc.txt.reso.json.tmp-"
        symlink(victim, prefix + "link")
        symlink(dir + "/does-not-exist", prefix + "dangling")
        try Data("someone else's".utf8).write(to: URL(fileURLWithPath: prefix + "file"))
        var names = ["link", "dangling", "file", "free"][...]
        try SafeFile.atomicWrite(Array("{}\n".utf8), to: sidecar, temporaryPrefix: prefix, suffix: { names.popFirst() ?? "x" })
        #expect(names.isEmpty, "every taken name was skipped, the free one used")
        #expect(Fixture.bytes(sidecar) == Array("{}\n".utf8) && Self.isRegularFile(sidecar))
        #expect(Fixture.bytes(victim) == Array("precious".utf8))
        #expect(!FileManager.default.fileExists(atPath: dir + "/does-not-exist"))
        #expect(Fixture.bytes(prefix + "file") == Array("someone else's".utf8))
        #expect(Self.isLink(prefix + "link") && Self.isLink(prefix + "dangling"))
        #expect(!FileManager.default.fileExists(atPath: prefix + "free"), "the temporary file was renamed")
    }

    /// A sidecar that is itself a link is refused with a clear message, read or written: reso
    /// would otherwise replace the link (losing where it pointed) or write through it.
    @Test(arguments: ["to a sidecar elsewhere", "dangling"])
    func aSidecarThatIsALinkIsRefused(_ kind: String) throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let doc = Fixture.sample(in: dir)
        let store = SidecarStore(documentPath: doc.source.path)
        let target = dir + "/elsewhere.json"
        try FileManager.default.createDirectory(atPath: dir + "/other", withIntermediateDirectories: true)
        if kind != "dangling" {
            let other = SidecarStore(documentPath: dir + "/other/res.txt")
            _ = try other.setNote("kept elsewhere", paragraph: "op1", document: doc)
            try FileManager.default.moveItem(atPath: other.sidecarPath, toPath: target)
        }
        let before = Fixture.bytes(target)
        symlink(target, store.sidecarPath)
        let edits: [() throws -> Void] = [
            { _ = try store.load(for: doc) },
            { _ = try store.addTags(["support"], paragraph: "op2", document: doc) },
            { _ = try store.setNote("x", paragraph: "op1", document: doc) },
        ]
        for edit in edits {
            let error = try #require(throws: SidecarError.self) { try edit() }
            #expect(error.description.contains(store.sidecarPath) && error.description.contains("symbolic link"), "\(error)")
            #expect(!error.description.contains("\n"))
        }
        #expect(Self.isLink(store.sidecarPath))
        #expect(Fixture.bytes(target) == before, "the link's target changed")
        #expect(Fixture.temporaryFiles(of: store).isEmpty)

        // The command line says so on one line and fails.
        let docPath = try Fixture.seedCopy(in: dir + "/other")
        symlink(target, docPath + ".reso.json")
        let r = try Child.reso(["tag", "other/" + (docPath as NSString).lastPathComponent, "op1", "support"], in: dir)
        #expect(r.status != 0 && r.stderr.contains("symbolic link"), "\(r.status) \(r.stderr)")
        #expect(Fixture.bytes(target) == before)
    }

    /// Annotating a folder of documents leaves the sidecars and nothing else: no lock file, no
    /// temporary file, so `git status` shows only the sidecars.
    @Test func annotatingLeavesOnlySidecarsBesideTheDocuments() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let lib = dir + "/lib"
        try FileManager.default.createDirectory(atPath: lib, withIntermediateDirectories: true)
        let first = try Fixture.seedCopy(in: lib)
        let second = lib + "/copy.txt"
        try FileManager.default.copyItem(atPath: first, toPath: second)
        let before = try FileManager.default.contentsOfDirectory(atPath: lib).sorted()
        var children: [Child] = []
        let bin = try #require(Fixture.resoBinary)
        for (i, doc) in [first, second, first, second].enumerated() {
            children.append(try Child.spawn(bin, ["tag", doc, "op\(i + 1)", "support"], in: dir))
        }
        for c in children { #expect(c.wait() == 0, "\(c.stderr)"); unlink(c.stdoutPath); unlink(c.stderrPath) }
        var r = try Child.reso(["note", first, "op9", "a note"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        r = try Child.reso(["tag", lib, "op10", "question"], in: dir)    // a whole folder
        #expect(r.status == 0, "\(r.stderr)")
        let after = try FileManager.default.contentsOfDirectory(atPath: lib).sorted()
        #expect(after == (before + before.map { $0 + ".reso.json" }).sorted(), "\(after)")
    }

    /// Temporary files of a writer killed mid-save are cleared by the next save.
    @Test func leftoversOfAKilledWriterAreClearedByTheNextSave() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let doc = Fixture.sample(in: dir)
        let store = SidecarStore(documentPath: doc.source.path)
        let leftovers = [store.temporaryPrefix + "k1ll3d00", dir + "/.res.txt.reso.json.tmp", dir + "/.res.txt.reso.json.lock"]
        for path in leftovers { try Data("half a sidecar".utf8).write(to: URL(fileURLWithPath: path)) }
        let unrelated = dir + "/.other.txt.reso.json.tmp-k1ll3d00"
        try Data("not ours".utf8).write(to: URL(fileURLWithPath: unrelated))
        _ = try store.addTags(["support"], paragraph: "op1", document: doc)
        for path in leftovers { #expect(!FileManager.default.fileExists(atPath: path), "\(path)") }
        #expect(Fixture.bytes(unrelated) == Array("not ours".utf8), "another sidecar's file was touched")
    }

    /// The fixtures never take a sidecar or a temporary file for a seed document (item 7).
    @Test func fixturesPickOnlyDocuments() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        for name in ["000_b.txt.reso.json", "000_b.txt", ".000_b.txt.reso.json.tmp-x1y2z3w4", "001_c.txt", "000.txt.reso.json"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/" + name))
        }
        #expect(try Fixture.documentNames(in: dir) == ["000_b.txt", "001_c.txt"])
    }
}

// Sidecars kept in one folder for documents from many (`--store`, `RESO_STORE`, the read-only
// fallback) are keyed by the document's folder (issue 8, item 3): `a/doc.txt` and `b/doc.txt`
// never share notes, and a sidecar stored under the older file-name-only key still counts.

import Foundation
import ResolutionKit
import Testing
@testable import Annotations

@Suite struct SharedStoreTests {
    /// The two ways a store folder is shared: given, and the fallback for read-only folders.
    static func stores(for doc: ResolutionDocument, _ kind: String, in dir: String) -> SidecarStore {
        kind == "store"
            ? SidecarStore(documentPath: doc.source.path, storeDirectory: dir + "/store")
            : SidecarStore(documentPath: doc.source.path, storeDirectory: nil,
                           environment: ["XDG_DATA_HOME": dir + "/xdg"], folderIsWritable: { _ in false })
    }

    @Test(arguments: ["store", "fallback"])
    func sameNamedDocumentsNeverShareNotes(_ kind: String) throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        for f in ["a", "b"] { try FileManager.default.createDirectory(atPath: dir + "/" + f, withIntermediateDirectories: true) }
        let a = Fixture.sample(in: dir + "/a", name: "doc.txt")
        // b's doc.txt is a revision of a's (one paragraph reworded): re-anchoring must not
        // move a's notes back and forth between them either.
        var revised = Fixture.operative
        revised[1] = "Requests the Secretary-General to submit a report on the implementation of this resolution;"
        let b = Fixture.document(path: dir + "/b/doc.txt", preamble: Fixture.preamble, operative: revised)
        let storeA = Self.stores(for: a, kind, in: dir), storeB = Self.stores(for: b, kind, in: dir)
        #expect(storeA.sidecarPath != storeB.sidecarPath)
        #expect((storeA.sidecarPath as NSString).deletingLastPathComponent == (storeB.sidecarPath as NSString).deletingLastPathComponent)
        #expect((storeA.sidecarPath as NSString).lastPathComponent.hasPrefix("doc.txt."))

        _ = try storeA.setNote("a's note", paragraph: "op2", document: a)
        _ = try storeB.addTags(["b-only"], paragraph: "op1", document: b)
        for round in 0..<3 {     // alternate, as two readers open in turn would
            let snapA = try Self.stores(for: a, kind, in: dir).load(for: a)
            let snapB = try Self.stores(for: b, kind, in: dir).load(for: b)
            #expect(snapA.annotations.map(\.paragraph) == ["op2"] && snapA.annotation(for: "op2")?.note == "a's note", "round \(round)")
            #expect(snapB.annotations.map(\.paragraph) == ["op1"] && snapB.annotation(for: "op1")?.tags == ["b-only"], "round \(round)")
            #expect(snapA.changes.isEmpty && snapB.changes.isEmpty && snapA.orphans.isEmpty && snapB.orphans.isEmpty)
            _ = try Self.stores(for: a, kind, in: dir).toggleTag("seen", paragraph: "op3", document: a)
            _ = try Self.stores(for: a, kind, in: dir).toggleTag("seen", paragraph: "op3", document: a)
        }
    }

    /// One folder spelled three ways (relative, with `..`, through a link) is one key.
    @Test func everySpellingOfAFolderGivesOneKey() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        try FileManager.default.createDirectory(atPath: dir + "/a/sub", withIntermediateDirectories: true)
        symlink(dir + "/a", dir + "/link")
        let key = SidecarStore.sharedFolderName(documentPath: dir + "/a/doc.txt")
        #expect(SidecarStore.sharedFolderName(documentPath: dir + "/a/sub/../doc.txt") == key)
        #expect(SidecarStore.sharedFolderName(documentPath: dir + "/link/doc.txt") == key)
        #expect(SidecarStore.sharedFolderName(documentPath: dir + "/a/sub/doc.txt") != key)
        let cwd = FileManager.default.currentDirectoryPath
        #expect(FileManager.default.changeCurrentDirectoryPath(dir))
        defer { FileManager.default.changeCurrentDirectoryPath(cwd) }
        #expect(SidecarStore.sharedFolderName(documentPath: "a/doc.txt") == key)
    }

    /// A sidecar an older reso stored under the file name alone is read until the document
    /// gets its own, which starts as a copy of it; the old file stays for same-named others.
    @Test(arguments: ["store", "fallback"])
    func aSidecarUnderTheOldNameIsMigratedWithoutLoss(_ kind: String) throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        for f in ["a", "b"] { try FileManager.default.createDirectory(atPath: dir + "/" + f, withIntermediateDirectories: true) }
        let a = Fixture.sample(in: dir + "/a", name: "doc.txt"), b = Fixture.sample(in: dir + "/b", name: "doc.txt")
        let storeA = Self.stores(for: a, kind, in: dir)
        let shared = (storeA.sidecarPath as NSString).deletingLastPathComponent
        let old = shared + "/doc.txt.reso.json"
        let legacy = SidecarFile(document: SidecarDocumentInfo(file: "doc.txt", sha256: a.source.sha256, symbol: nil),
                                 annotations: [Annotation(paragraph: "op1", anchor: Anchor(exact: Fixture.operative[0]),
                                                          note: "written by an older reso")])
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
        let legacyBytes = SidecarCodec.encode(legacy)
        try Data(legacyBytes).write(to: URL(fileURLWithPath: old))

        #expect(try storeA.load(for: a).annotation(for: "op1")?.note == "written by an older reso")
        let snap = try storeA.addTags(["support"], paragraph: "op2", document: a)
        #expect(snap.annotation(for: "op1")?.note == "written by an older reso")
        let written = try SidecarCodec.decode(try #require(Fixture.bytes(storeA.sidecarPath)))
        #expect(written.annotations.map(\.paragraph) == ["op1", "op2"])
        #expect(Fixture.bytes(old) == legacyBytes, "the old sidecar is left for the other same-named documents")
        #expect(try Self.stores(for: b, kind, in: dir).load(for: b).annotation(for: "op1")?.note == "written by an older reso")
        // From now on a's own sidecar is authoritative: a's edits do not reach b.
        _ = try storeA.setNote(nil, paragraph: "op1", document: a)
        #expect(try storeA.load(for: a).annotation(for: "op1") == nil)
        #expect(try Self.stores(for: b, kind, in: dir).load(for: b).annotation(for: "op1")?.note == "written by an older reso")
    }

    /// The command line: `--store` with two same-named documents.
    @Test func theCommandLineKeepsSameNamedDocumentsApart() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        for f in ["a", "b"] { try FileManager.default.createDirectory(atPath: dir + "/" + f, withIntermediateDirectories: true) }
        let first = try Fixture.seedCopy(in: dir + "/a")
        let name = (first as NSString).lastPathComponent
        try FileManager.default.copyItem(atPath: first, toPath: dir + "/b/" + name)
        var r = try Child.reso(["tag", "a/" + name, "op1", "alpha", "--store", "notes"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        r = try Child.reso(["tag", "b/" + name, "op1", "beta"], in: dir, environment: ["RESO_STORE": dir + "/notes"])
        #expect(r.status == 0, "\(r.stderr)")
        r = try Child.reso(["notes", "a/" + name, "--store", "notes", "--json"], in: dir)
        let records = try JSONDecoder().decode([ExportRecord].self, from: Data(r.stdout.utf8))
        #expect(records.map(\.tags) == [["alpha"]], "\(r.stdout) \(r.stderr)")
        let stored = try FileManager.default.contentsOfDirectory(atPath: dir + "/notes").sorted()
        #expect(stored.count == 2 && stored.allSatisfy { $0.hasPrefix(name + ".") && $0.hasSuffix(".reso.json") }, "\(stored)")
    }
}

@Suite struct SidecarPathTests {
    /// The byte-scan split must agree with NSString's for every spelling of a path, and the
    /// batch form with one store per document.
    @Test func splitAgreesWithNSStringAndTheBatchWithOneStoreEach() {
        let paths = ["doc.txt", "a/doc.txt", "/a/b/doc.txt", "./doc.txt", "a//doc.txt", "a/./doc.txt",
                     "a/../doc.txt", "/doc.txt", "a/doc.txt/", "../x/doc.txt", ".hidden/doc.txt",
                     "a/.../doc.txt", "a/..x/doc.txt", "/", "决议/文件.txt"]
        for p in paths {
            let (file, folder) = SidecarStore.split(p)
            if p.contains("/") {
                #expect(file == (p as NSString).lastPathComponent, "file of \(p)")
                #expect(folder == (p as NSString).deletingLastPathComponent, "folder of \(p)")
            } else {
                #expect(file == p && folder == "")
            }
        }
        let docs = paths.filter { !$0.hasSuffix("/") }
        #expect(SidecarStore.sidecarPaths(forDocuments: docs) == docs.map { SidecarStore(documentPath: $0).sidecarPath })
        #expect(SidecarStore.sidecarPaths(forDocuments: docs, storeDirectory: "/tmp/s")
                == docs.map { SidecarStore(documentPath: $0, storeDirectory: "/tmp/s").sidecarPath })
    }
}

import Foundation
import ResolutionKit
import Testing
@testable import Annotations

@Suite struct StoreTests {
    @Test func tagsAndNotesRoundTripInDocumentOrder() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let doc = Fixture.sample(in: dir)
        let store = SidecarStore(documentPath: doc.source.path)
        #expect(store.sidecarPath == dir + "/res.txt.reso.json")
        #expect(store.notice == nil)

        _ = try store.addTags(["Support", " priority ", "support"], paragraph: "op4", document: doc)
        _ = try store.setNote("Cite in the opening statement.\n\n", paragraph: "pp3", document: doc)
        _ = try store.addTags(["amend"], paragraph: "3", document: doc)          // bare number → op3
        _ = try store.addTags(["question"], paragraph: "op3.b", document: doc)
        let snap = try store.addTags(["agreed-language"], paragraph: "fn2", document: doc)

        #expect(snap.annotations.map(\.paragraph) == ["pp3", "op3", "op3.b", "op4", "fn2"])
        #expect(snap.annotation(for: "op4")?.tags == ["priority", "support"])
        #expect(snap.annotation(for: "pp3")?.note == "Cite in the opening statement.")
        #expect(snap.allTags == ["agreed-language", "amend", "priority", "question", "support"])
        let pp3 = try #require(snap.annotation(for: "pp3"))
        #expect(pp3.anchor.exact == Fixture.preamble[2])
        #expect(pp3.anchor.textHash == SHA256.hex(Fixture.preamble[2]))

        // A fresh store (another process) reads the same.
        let reread = try SidecarStore(documentPath: doc.source.path).load(for: doc)
        #expect(reread.annotations == snap.annotations)
        #expect(reread.orphans.isEmpty && reread.changes.isEmpty)
    }

    @Test func emptyAnnotationsDisappearAndNoOpsDoNotWrite() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let doc = Fixture.sample(in: dir)
        let store = SidecarStore(documentPath: doc.source.path)
        _ = try store.toggleTag("support", paragraph: "op1", document: doc)
        _ = try store.setNote("keep", paragraph: "op2", document: doc)
        let before = try #require(Fixture.bytes(store.sidecarPath))
        // Adding a tag that is already there changes nothing: the file is not rewritten.
        _ = try store.addTags(["support"], paragraph: "op1", document: doc)
        #expect(Fixture.bytes(store.sidecarPath) == before)

        var snap = try store.toggleTag("support", paragraph: "op1", document: doc)
        #expect(snap.annotation(for: "op1") == nil)
        snap = try store.setNote("   \n", paragraph: "op2", document: doc)
        #expect(snap.annotations.isEmpty)
        snap = try store.setNote("x", paragraph: "op2", document: doc)
        snap = try store.setNote(nil, paragraph: "op2", document: doc)
        #expect(snap.annotations.isEmpty)
        _ = try store.addTags(["a", "b"], paragraph: "op5", document: doc)
        snap = try store.removeTags(["A"], paragraph: "op5", document: doc)
        #expect(snap.annotation(for: "op5")?.tags == ["b"])
    }

    @Test func createdStaysModifiedMoves() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let doc = Fixture.sample(in: dir)
        let store = SidecarStore(documentPath: doc.source.path)
        let first = try #require(try store.addTags(["support"], paragraph: "op1", document: doc).annotation(for: "op1"))
        Thread.sleep(forTimeInterval: 1.05)
        let second = try #require(try store.setNote("n", paragraph: "op1", document: doc).annotation(for: "op1"))
        #expect(second.id == first.id && second.created == first.created)
        #expect(second.modified > first.modified)
        let iso = #/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/#
        #expect(second.created.wholeMatch(of: iso) != nil && second.modified.wholeMatch(of: iso) != nil)
        #expect(!second.author.isEmpty)
    }

    @Test func sidecarBytesArePrettySortedWithOneTrailingNewline() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let doc = Fixture.sample(in: dir)
        let store = SidecarStore(documentPath: doc.source.path)
        _ = try store.setNote("Line one\nsays \"hi\" \\ and\ttab 中文 \u{1}", paragraph: "op2", document: doc)
        _ = try store.addTags(["support"], paragraph: "pp1", document: doc)
        let bytes = try #require(Fixture.bytes(store.sidecarPath))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasSuffix("}\n") && !text.hasSuffix("\n\n"))
        #expect(text.contains("中文"))                 // UTF-8 kept, not \u-escaped
        #expect(text.contains("\n  \"annotations\": [\n    {\n      \"anchor\": {"))

        // Valid JSON, the SPEC's shape, and keys sorted at every level.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(json["schema"] as? String == "reso.annotations/1")
        let document = try #require(json["document"] as? [String: Any])
        #expect(document["file"] as? String == "res.txt")
        #expect(document["sha256"] as? String == doc.source.sha256)
        #expect(document["symbol"] as? String == "A/RES/80/1")
        let annotations = try #require(json["annotations"] as? [[String: Any]])
        #expect(annotations.map { $0["paragraph"] as? String } == ["pp1", "op2"])
        #expect(annotations[1]["note"] as? String == "Line one\nsays \"hi\" \\ and\ttab 中文 \u{1}")
        #expect((json["orphans"] as? [Any])?.isEmpty == true)
        // Keys sorted at every level: the key sequence equals that of a sorted-keys re-encoding.
        let reference = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        func keys(_ t: String) -> [String] { t.matches(of: #/"([A-Za-z0-9@]+)"\s*:/#).map { String($0.1) } }
        #expect(keys(text) == keys(String(decoding: reference, as: UTF8.self)))
        // The same content encodes to the same bytes (git-friendly, no churn).
        let decoded = try SidecarCodec.decode(bytes)
        #expect(SidecarCodec.encode(decoded) == bytes)
    }

    @Test func storeDirectoryAndEnvironmentAndFallback() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let doc = Fixture.sample(in: dir + "/docs")
        try FileManager.default.createDirectory(atPath: dir + "/docs", withIntermediateDirectories: true)
        // In a folder shared by many documents the name carries the document's folder.
        let keyed = SidecarStore.sharedFolderName(documentPath: doc.source.path)
        #expect(keyed.wholeMatch(of: #/res\.txt\.[0-9a-f]{8}\.reso\.json/#) != nil, "\(keyed)")
        let explicit = SidecarStore(documentPath: doc.source.path, storeDirectory: dir + "/store")
        #expect(explicit.sidecarPath == dir + "/store/" + keyed)
        _ = try explicit.addTags(["support"], paragraph: "op1", document: doc)
        #expect(FileManager.default.fileExists(atPath: dir + "/store/" + keyed))
        #expect(!FileManager.default.fileExists(atPath: dir + "/docs/res.txt.reso.json"))

        let env = SidecarStore(documentPath: doc.source.path, storeDirectory: nil,
                               environment: ["RESO_STORE": dir + "/envstore"], folderIsWritable: { _ in true })
        #expect(env.sidecarPath == dir + "/envstore/" + keyed)

        // Not writable: XDG_DATA_HOME, and the user is told where.
        let xdg = SidecarStore(documentPath: doc.source.path, storeDirectory: nil,
                               environment: ["XDG_DATA_HOME": dir + "/xdg", "HOME": dir + "/home"],
                               folderIsWritable: { _ in false })
        #expect(xdg.sidecarPath == dir + "/xdg/reso/sidecars/" + keyed)
        let notice = try #require(xdg.notice)
        #expect(notice.contains(dir + "/xdg/reso/sidecars") && notice.contains(dir + "/docs"))
        _ = try xdg.setNote("kept", paragraph: "op2", document: doc)
        #expect(try xdg.load(for: doc).annotation(for: "op2")?.note == "kept")

        let home = SidecarStore(documentPath: doc.source.path, storeDirectory: nil,
                                environment: ["HOME": dir + "/home"], folderIsWritable: { _ in false })
        #expect(home.sidecarPath == dir + "/home/.local/share/reso/sidecars/" + keyed)
    }

    @Test func readOnlyFolderSidecarSeedsTheFallback() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let doc = Fixture.sample(in: dir)
        _ = try SidecarStore(documentPath: doc.source.path).setNote("written earlier", paragraph: "op1", document: doc)
        let fallback = SidecarStore(documentPath: doc.source.path, storeDirectory: nil,
                                    environment: ["XDG_DATA_HOME": dir + "/xdg"], folderIsWritable: { _ in false })
        #expect(try fallback.load(for: doc).annotation(for: "op1")?.note == "written earlier")
        let snap = try fallback.addTags(["support"], paragraph: "op2", document: doc)
        #expect(snap.annotation(for: "op1")?.note == "written earlier")
        #expect(snap.annotation(for: "op2")?.tags == ["support"])
    }

    @Test func unknownParagraphNamesNearestIDs() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let doc = Fixture.sample(in: dir)
        let store = SidecarStore(documentPath: doc.source.path)
        let error = try #require(throws: SidecarError.self) { try store.addTags(["x"], paragraph: "op9", document: doc) }
        #expect(error.description.contains("op9"))
        #expect(error.description.contains("op1"))
        #expect(!FileManager.default.fileExists(atPath: store.sidecarPath))
        #expect(throws: SidecarError.self) { try store.addTags(["a;b"], paragraph: "op1", document: doc) }
        #expect(throws: SidecarError.self) { try store.toggleTag("  ", paragraph: "op1", document: doc) }
    }

    @Test func suggestedTagsStartWithTheOnesInUse() throws {
        let snap = SidecarSnapshot(annotations: [Annotation(paragraph: "op1", anchor: Anchor(exact: "t"), tags: ["zeta", "support"])])
        #expect(snap.suggestedTags == ["support", "zeta", "oppose", "amend", "priority", "question", "agreed-language"])
        #expect(defaultTags == ["support", "oppose", "amend", "priority", "question", "agreed-language"])
    }
}

@Suite struct IncrementalSaveTests {
    /// A long-lived store patches the bytes around the one edited annotation; after every edit
    /// the file must be exactly what a full encoding gives, including when another process
    /// (another store) wrote in between.
    @Test func splicedSavesEqualFullEncodings() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let doc = Fixture.sample(in: dir)
        let ids = doc.units.map(\.id)
        let store = SidecarStore(documentPath: doc.source.path)
        let other = SidecarStore(documentPath: doc.source.path)
        var rng = SplitMix(seed: 42)
        var expected: [String: [String]] = [:]
        for step in 0..<300 {
            let id = ids[Int(rng.next() % UInt64(ids.count))]
            let tag = ["a", "b", "c"][Int(rng.next() % 3)]
            let writer = step % 17 == 16 ? other : store
            let snap: SidecarSnapshot
            switch rng.next() % 4 {
            case 0: snap = try writer.removeTags([tag], paragraph: id, document: doc)
                expected[id, default: []].removeAll { $0 == tag }
            case 1: snap = try writer.setNote(rng.next() % 2 == 0 ? "note \(step) \"q\"\n中文" : nil, paragraph: id, document: doc)
            default: snap = try writer.toggleTag(tag, paragraph: id, document: doc)
                if expected[id, default: []].contains(tag) { expected[id, default: []].removeAll { $0 == tag } } else { expected[id, default: []].append(tag) }
            }
            #expect(snap.annotation(for: id)?.tags ?? [] == (expected[id] ?? []).sorted(), "step \(step)")
            guard let bytes = Fixture.bytes(store.sidecarPath) else { continue }
            let decoded = try SidecarCodec.decode(bytes)
            #expect(SidecarCodec.encode(decoded) == bytes, "step \(step): spliced bytes differ from a full encoding")
            #expect(decoded.annotations.map(\.paragraph) == ids.filter { p in decoded.annotations.contains { $0.paragraph == p } })
        }
    }
}

/// A small deterministic generator, so a failure can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Issue 10 item 6: one tag on a resolution that already holds thousands of notes costs about
/// one annotation's work, not a re-encoding of all of them. Work is counted (annotations
/// encoded, through WorkMeter), not timed.
@Suite(.serialized) struct ManyNotesWorkTests {
    /// A document of `count` operative paragraphs and a sidecar with a tagged annotation on each.
    static func annotated(_ count: Int, in dir: String) throws -> ResolutionDocument {
        let texts = (1...count).map { "Requests the Secretary-General to report on paragraph \($0) of the present resolution;" }
        let doc = Fixture.document(path: dir + "/many.txt", preamble: ["Recalling its resolutions,"], operative: texts)
        let annotations = doc.operative.map { p in
            var a = Annotation(paragraph: p.id, anchor: Anchor(exact: p.text), tags: ["support"])
            a.anchor.attach(to: p.text)
            return a
        }
        let file = SidecarFile(document: SidecarDocumentInfo(file: "many.txt", sha256: doc.source.sha256, symbol: doc.meta.symbol),
                               annotations: annotations, orphans: [])
        try Data(SidecarCodec.encode(file)).write(to: URL(fileURLWithPath: dir + "/many.txt.reso.json"))
        return doc
    }

    @Test func aSaveInALongLivedStoreEncodesOnlyTheChangedAnnotation() throws {
        for count in [400, 1_600] {
            let dir = Fixture.folder("many-\(count)"); defer { Fixture.cleanup(dir) }
            let doc = try Self.annotated(count, in: dir)
            let store = SidecarStore(documentPath: doc.source.path)
            #expect(try store.load(for: doc).annotations.count == count)
            // The first save after reading encodes each annotation at most once…
            let first = try WorkMeter.measure { _ = try store.toggleTag("priority", paragraph: "op2", document: doc) }
            #expect(first <= count, "first save at \(count) notes encoded \(first) annotations")
            // …and every later one encodes only the annotation it changed, whatever the size.
            for (i, para) in ["op\(count / 2)", "op\(count)", "op1", "op2"].enumerated() {
                var snap: SidecarSnapshot?
                let work = try WorkMeter.measure { snap = try store.toggleTag("question", paragraph: para, document: doc) }
                #expect(work == 1, "save \(i) at \(count) notes encoded \(work) annotations")
                // The reader is told which paragraph changed, and how it reads now.
                let edited = try #require(snap?.edited)
                #expect(edited.paragraph == para)
                #expect(edited.paragraphNote?.tags == (para == "op2" ? ["priority", "question", "support"] : ["question", "support"]))
            }
            let reread = try SidecarStore(documentPath: doc.source.path).load(for: doc)
            #expect(reread.annotation(for: "op\(count / 2)")?.tags == ["question", "support"])
            #expect(reread.annotations.count == count)
        }
    }

    /// When another process wrote in between, the store cannot vouch for the rest: no
    /// `edited` shortcut, and the caller rebuilds its view from the whole snapshot.
    @Test func anotherWriterInBetweenGivesNoShortcut() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let doc = try Self.annotated(50, in: dir)
        let store = SidecarStore(documentPath: doc.source.path)
        _ = try store.toggleTag("a", paragraph: "op1", document: doc)
        #expect(try store.toggleTag("b", paragraph: "op1", document: doc).edited != nil)
        _ = try SidecarStore(documentPath: doc.source.path).toggleTag("c", paragraph: "op9", document: doc)
        let snap = try store.toggleTag("d", paragraph: "op1", document: doc)
        #expect(snap.edited == nil)
        #expect(snap.annotation(for: "op9")?.tags == ["c", "support"])
        #expect(try store.toggleTag("e", paragraph: "op3", document: doc).edited != nil)
    }
}

@Suite struct SidecarPathSplitTests {
    /// The fast split gives what NSString gives, for plain and odd spellings alike.
    @Test func splitAgreesWithNSString() {
        for p in ["doc.txt", "a/doc.txt", "/a/b/doc.txt", "/doc.txt", "a//doc.txt", "./doc.txt", "a/./b.txt",
                  "a/../b.txt", "a/b/", "/", "2020/zh/决议 1.txt", "../x/y.txt", "a/.hidden/doc.txt"] {
            let s = SidecarStore.split(p)
            #expect(s.file == (p as NSString).lastPathComponent, "\(p)")
            #expect(s.folder == (p as NSString).deletingLastPathComponent, "\(p)")
        }
    }
}

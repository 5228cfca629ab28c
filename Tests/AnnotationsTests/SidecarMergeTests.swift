// Issue 12 item 5: the three-way sidecar merge, on sidecars written by the store for a real
// parsed seed and on hand-built variations of them.
import Foundation
import ResolutionKit
import Testing
@testable import Annotations

@Suite struct SidecarMergeTests {
    /// A sidecar for the first seed with annotations on the given paragraphs.
    static func sidecar(_ annotations: [Annotation], orphans: [Annotation] = []) -> SidecarFile {
        SidecarFile(document: SidecarDocumentInfo(file: "doc.txt", sha256: String(repeating: "a", count: 64), symbol: "E/RES/1"),
                    annotations: annotations, orphans: orphans)
    }

    static func note(_ id: String, _ para: String, note: String? = nil, tags: [String] = [], modified: String = "2026-01-01T00:00:00Z",
                     author: String = "base") -> Annotation {
        Annotation(id: id, paragraph: para, anchor: Anchor(exact: "text of \(para)"), tags: tags, note: note, author: author,
                   created: "2026-01-01T00:00:00Z", modified: modified)
    }

    static func merge(_ b: SidecarFile?, _ o: SidecarFile, _ t: SidecarFile) throws -> (SidecarFile, Int) {
        let out = try SidecarMerge.merge(base: b.map(SidecarCodec.encode), ours: SidecarCodec.encode(o), theirs: SidecarCodec.encode(t))
        return (try SidecarCodec.decode(out.bytes), out.conflicts)
    }

    @Test func addsFromBothSidesAreKeptInOrder() throws {
        let base = Self.sidecar([Self.note("a", "pp1", note: "base")])
        let ours = Self.sidecar([Self.note("a", "pp1", note: "base"), Self.note("b", "op2", note: "mine")])
        let theirs = Self.sidecar([Self.note("c", "pp2", note: "theirs"), Self.note("a", "pp1", note: "base")])
        let (m, conflicts) = try Self.merge(base, ours, theirs)
        #expect(conflicts == 0)
        #expect(m.annotations.map(\.id) == ["c", "a", "b"])
        #expect(m.annotations.map(\.note) == ["theirs", "base", "mine"])
    }

    @Test func editsToDifferentFieldsAreBothKeptAndTagsMergeAsSets() throws {
        let base = Self.sidecar([Self.note("a", "op1", note: "n", tags: ["amend", "support"])])
        let ours = Self.sidecar([Self.note("a", "op1", note: "n edited", tags: ["amend", "support", "priority"], modified: "2026-02-01T00:00:00Z")])
        let theirs = Self.sidecar([Self.note("a", "op1", note: "n", tags: ["support", "question"], modified: "2026-03-01T00:00:00Z")])
        let (m, conflicts) = try Self.merge(base, ours, theirs)
        #expect(conflicts == 0)
        let a = try #require(m.annotations.first)
        #expect(a.note == "n edited")
        #expect(a.tags == ["priority", "question", "support"])
        #expect(a.modified == "2026-03-01T00:00:00Z")
        #expect(a.unknownFields["conflicts"] == nil)
    }

    @Test func theSameFieldOnBothSidesLaterWinsAndTheLoserIsKept() throws {
        let base = Self.sidecar([Self.note("a", "op1", note: "base")])
        let ours = Self.sidecar([Self.note("a", "op1", note: "ours, later", modified: "2026-05-01T00:00:00Z", author: "ana")])
        let theirs = Self.sidecar([Self.note("a", "op1", note: "theirs, earlier", modified: "2026-04-01T00:00:00Z", author: "ben")])
        for (o, t) in [(ours, theirs), (theirs, ours)] {
            let (m, conflicts) = try Self.merge(base, o, t)
            #expect(conflicts == 1)
            let a = try #require(m.annotations.first)
            #expect(a.note == "ours, later")
            #expect(a.author == "ana")
            guard case let .array(list)? = a.unknownFields["conflicts"], case let .object(c)? = list.first else {
                Issue.record("no conflicts list: \(a.unknownFields)"); continue
            }
            #expect(list.count == 1)
            #expect(c["field"] == .string("note") && c["value"] == .string("theirs, earlier") && c["author"] == .string("ben"))
        }
    }

    @Test func deletionsAreHonouredUnlessTheOtherSideEdited() throws {
        let base = Self.sidecar([Self.note("a", "op1", note: "a"), Self.note("b", "op2", note: "b")])
        // Ours deletes both; theirs leaves a alone and edits b.
        let ours = Self.sidecar([])
        let theirs = Self.sidecar([Self.note("a", "op1", note: "a"), Self.note("b", "op2", note: "b, edited", modified: "2026-02-01T00:00:00Z")])
        let (m, _) = try Self.merge(base, ours, theirs)
        #expect(m.annotations.map(\.id) == ["b"])
        #expect(m.annotations.first?.note == "b, edited")
        let (m2, _) = try Self.merge(base, theirs, ours)
        #expect(m2.annotations.map(\.id) == ["b"])
    }

    @Test func unknownFieldsAndEarlierConflictsSurvive() throws {
        var a = Self.note("a", "op1", note: "base")
        a.unknownFields = ["x-colour": .string("red")]
        var o = a; o.note = "ours"; o.modified = "2026-02-01T00:00:00Z"
        o.unknownFields["conflicts"] = .array([.object(["field": .string("note"), "value": .string("older loser")])])
        var t = a; t.unknownFields["x-colour"] = .string("blue"); t.unknownFields["x-new"] = .number("1")
        var baseFile = Self.sidecar([a]); baseFile.unknownFields = ["x-top": .bool(true)]
        var theirsFile = Self.sidecar([t]); theirsFile.unknownFields = ["x-top": .bool(true), "x-theirs": .null]
        let (m, conflicts) = try Self.merge(baseFile, Self.sidecar([o]), theirsFile)
        #expect(conflicts == 0)
        let r = try #require(m.annotations.first)
        #expect(r.note == "ours")
        #expect(r.unknownFields["x-colour"] == .string("blue") && r.unknownFields["x-new"] == .number("1"))
        #expect(r.unknownFields["conflicts"] == .array([.object(["field": .string("note"), "value": .string("older loser")])]))
        #expect(m.unknownFields == ["x-theirs": .null])
    }

    @Test func anEmptyBaseIsAnAddAddMergeAndOrphansStayOrphans() throws {
        let ours = Self.sidecar([Self.note("a", "op1", note: "a")], orphans: [Self.note("o", "op9", note: "lost paragraph")])
        let theirs = Self.sidecar([Self.note("b", "op2", note: "b")])
        let out = try SidecarMerge.merge(base: [], ours: SidecarCodec.encode(ours), theirs: SidecarCodec.encode(theirs))
        let m = try SidecarCodec.decode(out.bytes)
        #expect(Set(m.annotations.map(\.id)) == ["a", "b"])
        #expect(m.orphans.map(\.id) == ["o"])
    }

    @Test func anUnreadableSideIsRefusedAndOursIsNotWritten() throws {
        let dir = Fixture.folder()
        defer { Fixture.cleanup(dir) }
        let good = SidecarCodec.encode(Self.sidecar([Self.note("a", "op1", note: "a")]))
        let marked = Array("<<<<<<< HEAD\n".utf8) + good
        for (name, bytes) in [("base", good), ("ours", good), ("theirs", marked)] {
            FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(bytes))
        }
        #expect(throws: SidecarError.self) {
            try SidecarMerge.mergeFiles(base: dir + "/base", ours: dir + "/ours", theirs: dir + "/theirs")
        }
        #expect(FileManager.default.contents(atPath: dir + "/ours") == Data(good))
    }

    /// 2,000 annotations edited on both sides and 2,000 added on each: every one survives.
    @Test func aLargeMergeKeepsEveryAnnotation() throws {
        func sides(_ n: Int) -> (SidecarFile, SidecarFile, SidecarFile) {
            let base = (0..<n).map { Self.note("b\($0)", "op\($0)", note: "n\($0)") }
            let ours = base.map { var a = $0; a.note! += " ours"; a.modified = "2026-02-01T00:00:00Z"; return a }
                + (0..<n).map { Self.note("o\($0)", "pp\($0)", note: "o") }
            let theirs = base.map { var a = $0; a.tags = ["support"]; return a } + (0..<n).map { Self.note("t\($0)", "h\($0)", note: "t") }
            return (Self.sidecar(base), Self.sidecar(ours), Self.sidecar(theirs))
        }
        let (b, o, t) = sides(2000)
        let (m, conflicts) = try Self.merge(b, o, t)
        #expect(conflicts == 0 && m.annotations.count == 6000)
        #expect(m.annotations.allSatisfy { !$0.id.hasPrefix("b") || ($0.note!.hasSuffix(" ours") && $0.tags == ["support"]) })
    }
}

extension SidecarMergeTests {
    /// Each side annotates the same paragraph for the first time: two ids, one paragraph.
    @Test func twoNewAnnotationsOfOneParagraphBecomeOne() throws {
        let base = Self.sidecar([])
        let ours = Self.sidecar([Self.note("x", "pp2", note: "ana", tags: ["support"], modified: "2026-02-01T00:00:00Z", author: "ana")])
        let theirs = Self.sidecar([Self.note("y", "pp2", note: "ben", tags: ["amend"], modified: "2026-03-01T00:00:00Z", author: "ben")])
        let (m, conflicts) = try Self.merge(base, ours, theirs)
        #expect(conflicts == 1)
        #expect(m.annotations.count == 1)
        let a = try #require(m.annotations.first)
        #expect(a.note == "ben" && a.tags == ["amend", "support"] && a.author == "ben")
        guard case let .array(list)? = a.unknownFields["conflicts"], case let .object(c)? = list.first else {
            Issue.record("no conflicts: \(a.unknownFields)"); return
        }
        #expect(c["value"] == .string("ana") && c["id"] == .string("x"))
    }
}

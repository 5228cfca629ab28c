import Foundation
import ResolutionKit
import Testing
@testable import Annotations

@Suite struct ReanchorTests {
    /// Annotates `doc`, then returns what a store sees for `revised`.
    func annotate(_ doc: ResolutionDocument, in dir: String, _ edits: (SidecarStore) throws -> Void) throws -> SidecarStore {
        let store = SidecarStore(documentPath: doc.source.path)
        try edits(store)
        return store
    }

    @Test func insertingAPreambularParagraphMovesPp3NoteToPp4() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let doc = Fixture.sample(in: dir)
        let store = try annotate(doc, in: dir) { s in
            _ = try s.setNote("Our red line.", paragraph: "pp3", document: doc)
            _ = try s.addTags(["support"], paragraph: "pp4", document: doc)
            _ = try s.addTags(["amend"], paragraph: "op2", document: doc)
        }
        let revised = Fixture.document(path: doc.source.path,
                                       preamble: ["Guided by the Charter of the United Nations,"] + Fixture.preamble,
                                       operative: Fixture.operative)
        #expect(revised.source.sha256 != doc.source.sha256)
        let snap = try store.load(for: revised)
        #expect(snap.annotation(for: "pp4")?.note == "Our red line.")
        #expect(snap.annotation(for: "pp5")?.tags == ["support"])
        #expect(snap.annotation(for: "op2")?.tags == ["amend"])
        #expect(snap.annotation(for: "pp3") == nil)
        #expect(snap.orphans.isEmpty)
        #expect(Set(snap.changes.map { "\($0.from)>\($0.to ?? "")" }) == ["pp3>pp4", "pp4>pp5"])

        // Loading does not write; the next change saves the re-anchored form with the new hash.
        let onDisk = try #require(try store.readFile())
        #expect(onDisk.annotations.map(\.paragraph) == ["pp3", "pp4", "op2"])
        _ = try store.addTags(["priority"], paragraph: "op1", document: revised)
        let after = try #require(try store.readFile())
        #expect(after.annotations.map(\.paragraph) == ["pp4", "pp5", "op1", "op2"])
        #expect(after.document.sha256 == revised.source.sha256)
        #expect(after.annotations[0].note == "Our red line.")
    }

    @Test func slightRewordingKeepsTheNote() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let doc = Fixture.sample(in: dir)
        let store = try annotate(doc, in: dir) { s in
            _ = try s.setNote("Push for 2026.", paragraph: "op1", document: doc)
            _ = try s.setNote("Fine as is.", paragraph: "op5", document: doc)
        }
        var operative = Fixture.operative
        operative[0] = "Decides to convene a high-level plenary meeting on the digital divide in 2028;"
        operative[4] = "Decides to remain actively seized of the matter."
        let revised = Fixture.document(path: doc.source.path, preamble: Fixture.preamble, operative: operative)
        let snap = try store.load(for: revised)
        #expect(snap.annotation(for: "op1")?.note == "Push for 2026.")
        #expect(snap.annotation(for: "op5")?.note == "Fine as is.")
        #expect(snap.annotation(for: "op1")?.anchor.exact == operative[0])
        #expect(snap.orphans.isEmpty)
    }

    @Test func slightRewordingInChineseAndAMoveTogether() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let op = ["欢迎并敦促充分执行大会第 70/125 号决议；",
                  "认识到信息和通信技术的发展为弥合数字鸿沟提供了新的机会，同时也带来新的挑战；",
                  "鼓励会员国在国家一级收集信息和通信技术相关数据，交流国别案例研究情况；"]
        let doc = Fixture.document(path: dir + "/zh.txt", preamble: ["回顾信息社会世界峰会成果文件，"], operative: op, language: "zh")
        let store = try annotate(doc, in: dir) { s in _ = try s.setNote("重点", paragraph: "op2", document: doc) }
        let revised = Fixture.document(path: dir + "/zh.txt", preamble: ["回顾信息社会世界峰会成果文件，"],
                                       operative: ["决定召开高级别会议；", op[0],
                                                   "认识到信息和通信技术的迅速发展为弥合数字鸿沟提供了新的机会，同时也带来新的挑战；", op[2]],
                                       language: "zh")
        let snap = try store.load(for: revised)
        #expect(snap.annotation(for: "op3")?.note == "重点")
        #expect(snap.orphans.isEmpty)
    }

    @Test func entirelyNewWordingMakesAnOrphanThatIsNeverDropped() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let doc = Fixture.sample(in: dir)
        let store = try annotate(doc, in: dir) { s in
            _ = try s.setNote("Object to this.", paragraph: "op4", document: doc)
            _ = try s.addTags(["oppose"], paragraph: "op4", document: doc)
        }
        var operative = Fixture.operative
        operative[3] = "Calls upon all donors to increase voluntary contributions to the trust fund without delay;"
        let revised = Fixture.document(path: doc.source.path, preamble: Fixture.preamble, operative: operative)
        var snap = try store.load(for: revised)
        #expect(snap.annotation(for: "op4") == nil)
        let orphan = try #require(snap.orphans.first)
        #expect(orphan.note == "Object to this." && orphan.tags == ["oppose"] && orphan.paragraph == "op4")
        #expect(orphan.anchor.exact == Fixture.operative[3])
        #expect(snap.changes.map(\.kind) == [.orphaned])

        // Later edits keep the orphan on disk, and in every export.
        snap = try store.addTags(["support"], paragraph: "op4", document: revised)
        #expect(snap.orphans.count == 1 && snap.annotation(for: "op4")?.tags == ["support"])
        let file = try #require(try store.readFile())
        #expect(file.orphans.map(\.note) == ["Object to this."])
        let csv = Exporter.export([(revised, snap)], format: .csv)
        #expect(csv.contains("Object to this."))

        // When a later revision restores the text, the orphan comes back (if the paragraph is free).
        _ = try store.removeTags(["support"], paragraph: "op4", document: revised)
        let restored = try store.load(for: doc)
        #expect(restored.annotation(for: "op4")?.note == "Object to this.")
        #expect(restored.orphans.isEmpty)
        #expect(restored.changes.map(\.kind) == [.restored])
    }

    @Test func aQuotedPhraseHelpsFindAHeavilyEditedParagraph() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let doc = Fixture.sample(in: dir)
        let store = SidecarStore(documentPath: doc.source.path)
        _ = try store.setNote("The key words.", paragraph: "op2", document: doc)
        _ = try store.setQuote("implementation of the present resolution", paragraph: "op2", document: doc)
        var operative = Fixture.operative
        operative[1] = "Asks the Secretary-General to present, at its eighty-second session, an oral update on the implementation of the present resolution;"
        let revised = Fixture.document(path: doc.source.path, preamble: Fixture.preamble, operative: operative)
        let snap = try store.load(for: revised)
        #expect(snap.annotation(for: "op2")?.note == "The key words.")
        #expect(snap.annotation(for: "op2")?.anchor.quote == "implementation of the present resolution")
    }

    @Test func twoAnnotationsNeverShareAParagraph() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let doc = Fixture.document(path: dir + "/d.txt", preamble: [],
                                   operative: ["Decides to act now on the matter;", "Decides to act soon on the matter;"])
        let store = SidecarStore(documentPath: doc.source.path)
        _ = try store.setNote("first", paragraph: "op1", document: doc)
        _ = try store.setNote("second", paragraph: "op2", document: doc)
        // Both paragraphs collapse into one: one note stays, the other becomes an orphan.
        let revised = Fixture.document(path: dir + "/d.txt", preamble: [], operative: ["Decides to act now on the matter;"])
        let snap = try store.load(for: revised)
        #expect(snap.annotations.map(\.note) == ["first"])
        #expect(snap.orphans.map(\.note) == ["second"])
    }

    @Test func identicalTextsGoToTheNearestCopy() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let same = "Decides to remain seized of the matter."
        let doc = Fixture.document(path: dir + "/d.txt", preamble: [], operative: ["A first thing;", same, "A third thing;", same])
        let store = SidecarStore(documentPath: doc.source.path)
        _ = try store.setNote("the later one", paragraph: "op4", document: doc)
        let revised = Fixture.document(path: dir + "/d.txt", preamble: [],
                                       operative: ["A new opening;", "A first thing;", same, "A third thing;", same])
        let snap = try store.load(for: revised)
        #expect(snap.annotation(for: "op5")?.note == "the later one")
    }
}

import Foundation
import ResolutionKit
import ResolutionDiff
import Testing
@testable import Annotations

/// `reso carry`: OLD's notes onto NEW through the pairing, none lost, OLD untouched, idempotent.
@Suite struct CarryTests {
    /// A constructed revision: pp2 reworded, op2 removed, everything after renumbered.
    static func versions(in folder: String) -> (ResolutionDocument, ResolutionDocument) {
        let old = Fixture.sample(in: folder, name: "old.txt")
        var pre = Fixture.preamble, op = Fixture.operative
        pre[1] = pre[1].replacingOccurrences(of: "bridge", with: "close")
        op.remove(at: 1)
        let new = Fixture.document(path: folder + "/new.txt", preamble: pre, operative: op,
                                   footnotes: ["See A/C.2/59/3 and A/60/687.", "General Assembly resolution 217 A (III)."],
                                   subparagraphs: [2: ["in national statistics offices;", "with disaggregation by sex and age;"]])
        return (old, new)
    }

    static func hash(_ path: String) -> String {
        SHA256.hex(String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self))
    }

    @Test func notesMoveReviewOrOrphanAndOldIsUntouched() throws {
        let folder = Fixture.folder(); defer { Fixture.cleanup(folder) }
        let (old, new) = Self.versions(in: folder)
        let oldStore = SidecarStore(documentPath: old.source.path), newStore = SidecarStore(documentPath: new.source.path)
        // A note on every unit of OLD that a diff pairs.
        for u in old.diffUnits { _ = try oldStore.setNote("note on \(u.id)", paragraph: u.id, document: old) }
        _ = try oldStore.addTags(["priority"], paragraph: "op3", document: old)
        let before = Self.hash(oldStore.sidecarPath)

        let report = try Carry.run(old: old, new: new, oldStore: oldStore, newStore: newStore)
        #expect(Self.hash(oldStore.sidecarPath) == before, "OLD's sidecar changed")
        #expect(report.total == old.diffUnits.count)
        #expect(report.review == 1 && report.orphaned == 1 && report.moved == old.diffUnits.count - 2)

        let snap = try newStore.load(for: new)
        let all = snap.annotations + snap.orphans
        #expect(all.count == old.diffUnits.count, "a note was lost")
        // op3 (with its subparagraphs) is op2 now; its tag and note came along.
        let op2 = try #require(snap.annotation(for: "op2"))
        #expect(op2.note == "note on op3" && op2.tags == ["priority"] && !op2.review)
        #expect(op2.carriedFrom?.paragraph == "op3" && op2.carriedFrom?.file == "old.txt")
        #expect(snap.annotation(for: "op2.a")?.note == "note on op3.a")
        // The reworded pp2 is flagged, with the old text kept in its anchor.
        let pp2 = try #require(snap.annotation(for: "pp2"))
        #expect(pp2.review && pp2.anchor.previousExact == Fixture.preamble[1] && pp2.anchor.exact == new.units[1].text)
        // The removed op2 is an orphan that says where it came from.
        let orphan = try #require(snap.orphans.first { $0.note == "note on op2" })
        #expect(orphan.carriedFrom?.paragraph == "op2")
        #expect(snap.annotations.allSatisfy { a in a.carriedFrom != nil })
    }

    @Test func carryingTwiceAddsNothing() throws {
        let folder = Fixture.folder(); defer { Fixture.cleanup(folder) }
        let (old, new) = Self.versions(in: folder)
        let oldStore = SidecarStore(documentPath: old.source.path), newStore = SidecarStore(documentPath: new.source.path)
        _ = try oldStore.setNote("first", paragraph: "pp2", document: old)
        _ = try oldStore.setNote("second", paragraph: "op4", document: old)
        _ = try Carry.run(old: old, new: new, oldStore: oldStore, newStore: newStore)
        let once = Self.hash(newStore.sidecarPath)
        let again = try Carry.run(old: old, new: new, oldStore: oldStore, newStore: newStore)
        #expect(again.alreadyThere == 2 && again.total == 2)
        #expect(Self.hash(newStore.sidecarPath) == once, "the second carry rewrote NEW's sidecar")
    }

    /// NEW's own note on a paragraph is kept; the carried one joins it and asks for review.
    @Test func carriedNoteJoinsNewsOwn() throws {
        let folder = Fixture.folder(); defer { Fixture.cleanup(folder) }
        let (old, new) = Self.versions(in: folder)
        let oldStore = SidecarStore(documentPath: old.source.path), newStore = SidecarStore(documentPath: new.source.path)
        _ = try oldStore.setNote("from old", paragraph: "op4", document: old)
        _ = try newStore.setNote("mine", paragraph: "op3", document: new)
        _ = try Carry.run(old: old, new: new, oldStore: oldStore, newStore: newStore)
        _ = try Carry.run(old: old, new: new, oldStore: oldStore, newStore: newStore)
        let a = try #require(try newStore.load(for: new).annotation(for: "op3"))
        #expect(a.note == "mine\n\nfrom old" && a.review)
        // Clearing the flag keeps the note.
        let cleared = try newStore.clearReview(paragraph: "op3", document: new)
        #expect(cleared.annotation(for: "op3")?.review == false && cleared.annotation(for: "op3")?.note == "mine\n\nfrom old")
    }

    /// Real revisions: the seeds' ECOSOC series, a note on every unit, none lost.
    @Test func seedSeriesLosesNoNote() throws {
        let folder = Fixture.folder(); defer { Fixture.cleanup(folder) }
        let names = try Fixture.seedNames()
        let docs = try names.map { try ResolutionDocument.load(path: Fixture.repositoryRoot + "/seeds/" + $0) }
            .filter { ($0.meta.symbol ?? "").hasPrefix("E/RES/") }.sorted { ($0.meta.symbol ?? "") < ($1.meta.symbol ?? "") }
        #expect(docs.count >= 2)
        guard docs.count >= 2 else { return }
        let oldStore = SidecarStore(documentPath: docs[0].source.path, storeDirectory: folder)
        let newStore = SidecarStore(documentPath: docs[1].source.path, storeDirectory: folder)
        for u in docs[0].diffUnits { _ = try oldStore.addTags(["t-\(u.id)"], paragraph: u.id, document: docs[0]) }
        let before = Self.hash(oldStore.sidecarPath)
        let report = try Carry.run(old: docs[0], new: docs[1], oldStore: oldStore, newStore: newStore)
        #expect(report.total == docs[0].diffUnits.count)
        let snap = try newStore.load(for: docs[1])
        let tags = Set((snap.annotations + snap.orphans).flatMap(\.tags))
        #expect(tags == Set(docs[0].diffUnits.map { "t-\($0.id)" }), "a tag was lost")
        #expect(Self.hash(oldStore.sidecarPath) == before)
    }
}

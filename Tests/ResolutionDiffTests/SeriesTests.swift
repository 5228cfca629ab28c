import Foundation
import Testing
@testable import ResolutionDiff
import ResolutionKit

/// Real revisions: the seeds hold one ECOSOC agenda item in three years. They are found by
/// what the parser reads (the body's symbol prefix and the year), never by file name.
@Suite struct SeriesTests {
    /// The seeds that are resolutions of one body (`E/RES/…`), oldest first.
    static func series() throws -> [ResolutionDocument] {
        let docs = try DiffFixtures.seeds().filter { ($0.meta.symbol ?? "").hasPrefix("E/RES/") }
        return docs.sorted { ($0.meta.symbol ?? "") < ($1.meta.symbol ?? "") }
    }

    @Test func seriesDiffsKeepEveryRule() throws {
        let docs = try Self.series()
        #expect(docs.count >= 3, "the seeds should hold at least three ECOSOC resolutions on one item")
        for (a, b) in zip(docs, docs.dropFirst()) {
            let diff = Differ.compare(a, b)
            #expect(diff.mode == .versions)
            #expect(DiffProperties.problems(diff) == [], "\(a.meta.symbol ?? "") → \(b.meta.symbol ?? "")")
            let c = diff.counts
            // Revisions five years apart keep and reword much of the text: most old units pair.
            let paired = (c[.unchanged] ?? 0) + (c[.changed] ?? 0)
            #expect(paired * 3 >= diff.oldUnits.count, "\(a.meta.symbol ?? "") → \(b.meta.symbol ?? ""): only \(paired) of \(diff.oldUnits.count) paired")
            #expect((c[.changed] ?? 0) > 0)
        }
    }

    @Test func aDocumentAgainstItselfIsAllUnchanged() throws {
        for doc in try DiffFixtures.seeds() {
            let diff = Differ.compare(doc, doc)
            #expect(diff.pairs.allSatisfy { $0.status == .unchanged && !$0.moved && diff.oldUnits[$0.old!].id == diff.newUnits[$0.new!].id })
            #expect(diff.pairs.count == doc.diffUnits.count)
        }
    }

    /// Every ordered pair of seeds, related or not: the rules hold even when little pairs.
    @Test func everyPairOfSeedsKeepsEveryRule() throws {
        let docs = try DiffFixtures.seeds()
        for a in docs { for b in docs where a.source.path != b.source.path {
            #expect(DiffProperties.problems(Differ.compare(a, b)) == [], "\(a.source.path) → \(b.source.path)")
        } }
    }

    /// The JSON is the schema's: parse it back and compare with the diff.
    @Test func jsonHasTheSchemaShape() throws {
        let docs = try Self.series()
        guard docs.count >= 2 else { Issue.record("no series"); return }
        let diff = Differ.compare(docs[0], docs[1])
        let bytes = DiffJSON.encode(diff, old: DiffSide(docs[0]), new: DiffSide(docs[1]))
        let json = try JSONSerialization.jsonObject(with: Data(bytes)) as! [String: Any]
        #expect(json["schema"] as? String == "reso.diff/1")
        #expect(json["mode"] as? String == "versions")
        #expect((json["old"] as? [String: Any])?["symbol"] as? String == docs[0].meta.symbol)
        let pairs = json["pairs"] as! [[String: Any]]
        #expect(pairs.count == diff.pairs.count)
        for (p, q) in zip(pairs, diff.pairs) {
            #expect(p["status"] as? String == q.status.rawValue)
            if q.status == .changed {
                let edits = p["edits"] as! [[String: Any]]
                #expect(edits.count == q.edits.count)
                for (e, f) in zip(edits, q.edits) {
                    #expect(e["op"] as? String == f.op.rawValue)
                    if f.op == .insert { #expect(e["old"] == nil && (e["new"] as? [Int]) == [f.new.lowerBound, f.new.upperBound]) }
                    if f.op == .delete { #expect(e["new"] == nil && (e["old"] as? [Int]) == [f.old.lowerBound, f.old.upperBound]) }
                }
                let s = p["similarity"] as! Double
                #expect(s > 0 && s < 1)
            } else {
                #expect(p["edits"] == nil)
            }
        }
    }
}

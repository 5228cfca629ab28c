import Foundation
import Testing
@testable import ResolutionDiff
import ResolutionKit

/// A resolution and its translation, lined up unit for unit by structure.
@Suite struct LanguageAlignmentTests {
    /// zh/en plain texts of the same resolutions (matched by the resolution part of the name).
    static func pairs(_ a: String, _ b: String) -> [(String, String)] {
        let pa = ConstructedRevisionTests.plains(a), pb = ConstructedRevisionTests.plains(b)
        func key(_ p: String) -> String { String((p as NSString).lastPathComponent.prefix(16)) }
        let byKey = Dictionary(pb.map { (key($0), $0) }, uniquingKeysWith: { x, _ in x })
        return pa.compactMap { p in byKey[key(p)].map { (p, $0) } }
    }

    @Test func zhAndEnLineUpUnitForUnit() throws {
        let all = Self.pairs("en", "zh")
        #expect(all.count > 30)
        var sameShape = 0
        for (en, zh) in all {
            let a = try ResolutionDocument.load(path: en), b = try ResolutionDocument.load(path: zh)
            let diff = Differ.compare(a, b)
            #expect(diff.mode == .languages)
            #expect(DiffProperties.problems(diff) == [], "\(en)")
            // Where both parses found the same structure, every unit pairs with its namesake.
            guard a.diffUnits.map(\.id) == b.diffUnits.map(\.id) else { continue }
            sameShape += 1
            let wrong = diff.pairs.filter { $0.status != .aligned || diff.oldUnits[$0.old!].id != diff.newUnits[$0.new!].id }
            #expect(wrong.isEmpty, "\(en): \(wrong.count) pairs not aligned id for id")
        }
        #expect(sameShape * 10 >= all.count * 8, "only \(sameShape) of \(all.count) zh/en pairs parse alike")
    }

    /// A paragraph missing on one side (as when a parse goes wrong) is unpaired; the pairs after
    /// it are not shifted, although preambular ids after it are.
    @Test(arguments: ["zh", "ar", "ru"])
    func aMissingParagraphDoesNotShiftLaterPairs(language: String) throws {
        var checked = 0
        for (en, other) in Self.pairs("en", language) {
            let a = try ResolutionDocument.load(path: en), b = try ResolutionDocument.load(path: other)
            guard a.diffUnits.map(\.id) == b.diffUnits.map(\.id), b.preamble.count >= 3, b.operative.count >= 3 else { continue }
            // Drop a preambular paragraph and an operative one (with its subparagraphs) from the
            // translation's units, as a parse that went wrong would; preambular ids are
            // positional, so those after the gap are renumbered, as the parser would number them.
            let units = b.diffUnits
            let lostPreamble = b.preamble[b.preamble.count / 2].id
            let op = b.operative[b.operative.count / 2].id
            var kept: [DiffUnit] = [], truth: [String] = []
            var ppIndex = 0
            for u in units where u.id != lostPreamble && u.id != op && !u.id.hasPrefix(op + ".") {
                var v = u
                if u.kind == .preambular { ppIndex += 1; v.id = "pp\(ppIndex)" }
                kept.append(v); truth.append(u.id)
            }
            let diff = Differ.languages(old: a.diffUnits, new: kept)
            #expect(DiffProperties.problems(diff) == [])
            var wrong: [String] = []
            for p in diff.pairs {
                let enID = p.old.map { diff.oldUnits[$0].id }
                let trueID = p.new.map { truth[$0] }
                switch p.status {
                case .aligned: if enID != trueID { wrong.append("\(enID ?? "·") ↔ \(trueID ?? "·")") }
                case .unpaired:
                    if let enID, enID != lostPreamble && enID != op && !enID.hasPrefix(op + ".") { wrong.append("\(enID) unpaired") }
                    if p.new != nil { wrong.append("\(trueID ?? "·") unpaired on the translation's side") }
                default: wrong.append("status \(p.status)")
                }
            }
            // Next to the gap, two neighbours of like length and no numbers can trade places
            // (nothing lexical is shared across languages); beyond them, nothing may shift.
            let enIDs = a.diffUnits.map(\.id)
            var near = Set<String>()
            for lost in [lostPreamble, op] {
                if let k = enIDs.firstIndex(of: lost) { for d in -1...1 where enIDs.indices.contains(k + d) { near.insert(enIDs[k + d]) } }
            }
            let far = wrong.filter { w in !near.contains(where: { w.hasPrefix($0 + " ") }) }
            #expect(far.isEmpty, "\(other): \(wrong)")
            #expect(wrong.count <= 4, "\(other): \(wrong)")
            if !wrong.isEmpty { print("\(other): next to the gap: \(wrong)") }
            checked += 1
            if checked >= 10 { break }
        }
        #expect(checked >= 5)
    }
}

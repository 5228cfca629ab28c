import Foundation
@testable import ResolutionDiff
import ResolutionKit

/// Builds a revised draft from a real resolution's plain text, with changes whose true pairing
/// is known: a deleted paragraph, an inserted one (from another resolution), a reworded one, a
/// split, a merge and a move, with every operative paragraph renumbered after them.
struct Revision {
    var oldText: String
    var newText: String
    /// The true pairs, by whitespace-normalised unit text: (old text, new text, status, moved).
    var expected: [(old: String?, new: String?, status: PairStatus, moved: Bool)]
}

enum RevisionBuilder {
    struct Block { var text: String; var number: Int? }

    static func blocks(_ plain: String) -> [Block] {
        plain.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }.map { b in
                if let dot = b.firstIndex(of: "."), let n = Int(b[..<dot]), b[b.index(after: dot)...].hasPrefix(" ") {
                    return Block(text: b[b.index(after: dot)...].trimmingCharacters(in: .whitespaces), number: n)
                }
                return Block(text: b, number: nil)
            }
    }

    /// Word (spaced scripts) or character (CJK) pieces and the separator that joins them.
    static func pieces(_ text: String, cjk: Bool) -> ([String], String) {
        cjk ? (text.map { String($0) }, "") : (text.split(separator: " ").map(String.init), " ")
    }

    static func size(_ text: String, cjk: Bool) -> Int { pieces(text, cjk: cjk).0.count }

    /// A revision of `plain`, taking new wording from `donor` (another resolution in the same
    /// language); nil when the resolution has too few plain operative paragraphs to change.
    static func build(_ plain: String, donor: String, cjk: Bool) -> Revision? {
        var bs = blocks(plain)
        let minSize = cjk ? 40 : 14
        let all = Set(bs.map { normalisedWhitespace($0.text) })
        func simple(_ i: Int) -> Bool {
            guard bs[i].number != nil, size(bs[i].text, cjk: cjk) >= minSize else { return false }
            if i + 1 < bs.count, bs[i + 1].text.hasPrefix("(") || bs[i + 1].number == nil { return false }
            return bs.filter { normalisedWhitespace($0.text) == normalisedWhitespace(bs[i].text) }.count == 1
        }
        let candidates = bs.indices.filter(simple)
        // Merge: two neighbours of clearly different length, so the larger part is plain.
        guard let m = candidates.first(where: { i in
            candidates.contains(i + 1) && {
                let a = size(bs[i].text, cjk: cjk), b = size(bs[i + 1].text, cjk: cjk)
                return max(a, b) * 2 >= min(a, b) * 3
            }()
        }) else { return nil }
        let rest = candidates.filter { $0 != m && $0 != m + 1 }
        guard rest.count >= 5 else { return nil }
        let donorBlocks = blocks(donor).filter { $0.number != nil && size($0.text, cjk: cjk) >= minSize
            && !all.contains(normalisedWhitespace($0.text)) }
        guard let inserted = donorBlocks.first?.text, let donorWords = donorBlocks.last.map({ pieces($0.text, cjk: cjk).0 }),
              donorWords.count >= 6 else { return nil }
        let (del, reword, split, move, anchor) = (rest[1], rest[2], rest[3], rest[4], rest[0])

        var expected: [(old: String?, new: String?, status: PairStatus, moved: Bool)] = []
        // Reword: one word replaced, one dropped, two added.
        var (w, sep) = pieces(bs[reword].text, cjk: cjk)
        w[w.count / 3] = donorWords[2]
        w.remove(at: 2 * w.count / 3)
        w.insert(contentsOf: donorWords[4...5], at: w.count / 2)
        let reworded = w.joined(separator: sep)
        expected.append((bs[reword].text, reworded, .changed, false))
        // Split at about two thirds: the first part is the larger.
        let (sw, _) = pieces(bs[split].text, cjk: cjk)
        let cut = sw.count * 2 / 3
        let part1 = sw[..<cut].joined(separator: sep), part2 = sw[cut...].joined(separator: sep)
        expected.append((bs[split].text, part1, .changed, false))
        expected.append((nil, part2, .added, false))
        // Merge: the larger of the two pairs with the whole, the other is removed.
        let merged = bs[m].text + sep + bs[m + 1].text
        let (big, small) = size(bs[m].text, cjk: cjk) >= size(bs[m + 1].text, cjk: cjk) ? (m, m + 1) : (m + 1, m)
        expected.append((bs[big].text, merged, .changed, false))
        expected.append((bs[small].text, nil, .removed, false))
        expected.append((bs[del].text, nil, .removed, false))
        expected.append((nil, inserted, .added, false))
        expected.append((bs[move].text, bs[move].text, .unchanged, true))

        var out: [Block] = []
        for (i, b) in bs.enumerated() {
            if i == anchor { out.append(bs[move]) }    // the moved paragraph now comes earlier
            switch i {
            case del, move, m + 1: continue
            case reword: out.append(Block(text: reworded, number: 0))
            case split: out.append(Block(text: part1, number: 0)); out.append(Block(text: part2, number: 0))
            case m: out.append(Block(text: merged, number: 0))
            default: out.append(b)
            }
            if i == reword { out.append(Block(text: inserted, number: 0)) }
        }
        bs = out
        var n = 0
        func render(_ blocks: [Block], renumber: Bool) -> String {
            blocks.map { b in
                guard let k = b.number else { return b.text }
                if renumber { n += 1; return "\(n). \(b.text)" }
                return "\(k). \(b.text)"
            }.joined(separator: "\n\n") + "\n"
        }
        let oldText = render(blocks(plain), renumber: false)
        let newText = render(bs, renumber: true)
        return Revision(oldText: oldText, newText: newText, expected: expected)
    }

    /// The true pairing as (old id, new id, status, moved), found by text: touched units by
    /// their known texts, every other unit with the untouched unit of the same text in order.
    /// Returns nil with a reason when the parses do not allow it (text not found as a unit).
    static func truePairs(_ r: Revision, old: [DiffUnit], new: [DiffUnit])
        -> Result<[String], Unbuildable> {
        let oldKeys = old.map { normalisedWhitespace($0.text) }, newKeys = new.map { normalisedWhitespace($0.text) }
        var usedOld = Set<Int>(), usedNew = Set<Int>()
        var out: [String] = []
        for e in r.expected {
            var i: Int?, j: Int?
            if let t = e.old {
                guard let k = oldKeys.firstIndex(of: normalisedWhitespace(t)) else { return .failure(Unbuildable("old text not a unit: \(t.prefix(40))")) }
                i = k; usedOld.insert(k)
            }
            if let t = e.new {
                guard let k = newKeys.firstIndex(of: normalisedWhitespace(t)) else { return .failure(Unbuildable("new text not a unit: \(t.prefix(40))")) }
                j = k; usedNew.insert(k)
            }
            out.append(describe(i.map { old[$0].id }, j.map { new[$0].id }, e.status, e.moved))
        }
        let restOld = old.indices.filter { !usedOld.contains($0) }, restNew = new.indices.filter { !usedNew.contains($0) }
        guard restOld.count == restNew.count else { return .failure(Unbuildable("untouched units differ in number: \(restOld.count) vs \(restNew.count)")) }
        for (i, j) in zip(restOld, restNew) {
            guard oldKeys[i] == newKeys[j] else { return .failure(Unbuildable("untouched units differ: \(old[i].id) vs \(new[j].id)")) }
            out.append(describe(old[i].id, new[j].id, .unchanged, false))
        }
        return .success(out.sorted())
    }

    struct Unbuildable: Error { var why: String; init(_ why: String) { self.why = why } }

    static func describe(_ o: String?, _ n: String?, _ s: PairStatus, _ moved: Bool) -> String {
        "\(o ?? "·") → \(n ?? "·") \(s.rawValue)\(moved ? " moved" : "")"
    }

    static func describe(_ diff: DocumentDiff) -> [String] {
        diff.pairs.map { p in
            describe(p.old.map { diff.oldUnits[$0].id }, p.new.map { diff.newUnits[$0].id }, p.status, p.moved)
        }.sorted()
    }
}

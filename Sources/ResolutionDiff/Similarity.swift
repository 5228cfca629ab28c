// How alike two paragraphs are, for pairing: the Dice coefficient of their sets of shingles
// (folded tokens and token pairs). Candidates come from an inverted index over the shingles of
// one side of a gap, so a unit is scored only against units it shares a rare shingle with —
// never against every unit of the other side.
import ResolutionKit

struct ShingleSet {
    /// Sorted, without repeats (repeated shingles are numbered apart).
    var hashes: [UInt64]

    /// - Complexity: O(n log n) in the text's tokens.
    init(text: String, characterWise: Bool) {
        let tokens = Tokenizer.foldedTokenHashes(Array(text.unicodeScalars), characterWise: characterWise)
        var all = tokens
        if tokens.count > 1 {
            for i in 1..<tokens.count {
                all.append((tokens[i - 1] &* 0x9E37_79B9_7F4A_7C15) ^ tokens[i] ^ 0x5555)
            }
        }
        // A multiset: the k-th occurrence of a shingle is a shingle of its own, so that a long
        // paragraph of repeated wording (lists of resolution numbers) weighs by its length —
        // the larger part of a split or merge is the one with more text, not more variety.
        all.sort()
        var run = 0
        var previous: UInt64? = nil
        for k in all.indices {
            let h = all[k]
            run = h == previous ? run + 1 : 0
            previous = h
            if run > 0 { all[k] = (h ^ UInt64(run)) &* 0xFF51_AFD7_ED55_8CCD }
        }
        all.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(all.count)
        for h in all where unique.last != h { unique.append(h) }
        hashes = unique
        WorkMeter.add(text.utf8.count)
    }

    /// 2·|A ∩ B| / (|A| + |B|); 1 for two empty sets.
    /// - Complexity: O(|A| + |B|).
    func dice(_ other: ShingleSet) -> Double {
        let a = hashes, b = other.hashes
        if a.isEmpty && b.isEmpty { return 1 }
        var i = 0, j = 0, common = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { common += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        WorkMeter.add(a.count + b.count)
        return Double(2 * common) / Double(a.count + b.count)
    }
}

/// A possible pairing of old unit `old` with new unit `new`, worth `weight`.
struct CandidateEdge {
    var old: Int
    var new: Int
    var weight: Double
}

enum HeaviestChain {
    /// The edges of greatest total weight whose `old` and `new` both strictly increase: the
    /// pairs that keep document order. `oldCount`/`newCount` bound the indices.
    /// - Complexity: O(E log E) for E edges (a Fenwick tree of running maxima over `new`).
    static func select(_ edges: [CandidateEdge], newCount: Int) -> [CandidateEdge] {
        if edges.isEmpty { return [] }
        // Same `old`: larger `new` first, so that two edges of one old unit never chain.
        let sorted = edges.sorted { $0.old != $1.old ? $0.old < $1.old : $0.new > $1.new }
        var tree = [(score: Double, edge: Int)](repeating: (0, -1), count: newCount + 1)
        var parent = [Int](repeating: -1, count: sorted.count)
        var score = [Double](repeating: 0, count: sorted.count)
        WorkMeter.add(sorted.count * 2)
        func best(before j: Int) -> (Double, Int) {   // max over new indices < j
            var i = j, out: (Double, Int) = (0, -1)
            while i > 0 { if tree[i].score > out.0 { out = tree[i] }; i -= i & -i }
            return out
        }
        func update(_ j: Int, _ s: Double, _ e: Int) {   // at new index j
            var i = j + 1
            while i <= newCount { if s > tree[i].score { tree[i] = (s, e) }; i += i & -i }
        }
        var top = (score: 0.0, edge: -1)
        for (n, e) in sorted.enumerated() {
            let (s, p) = best(before: e.new)
            score[n] = s + e.weight
            parent[n] = p
            update(e.new, score[n], n)
            if score[n] > top.score { top = (score[n], n) }
        }
        var out: [CandidateEdge] = []
        var e = top.edge
        while e >= 0 { out.append(sorted[e]); e = parent[e] }
        return out.reversed()
    }
}

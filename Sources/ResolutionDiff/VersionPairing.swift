// Pairing two versions of one text, in the spirit of patience diff:
// 1. units whose (whitespace-normalised) text occurs exactly once on each side are anchors;
//    the longest run of them in document order pairs them, and the rest are moves;
// 2. between anchors the same is done again on what is unique within the gap (a few levels);
// 3. what is left of a gap is paired by similarity (shared shingles), keeping document order,
//    so a reworded paragraph pairs with its old self, the largest part of a split pairs with
//    the whole, and anything without a similar counterpart is added or removed.
// Every step looks only inside a gap and scores a unit only against units it shares a rare
// shingle with, so the work grows with the documents, not with their product.
import ResolutionKit

struct VersionPairing {
    /// Least Dice similarity for two different texts to be the same unit reworded.
    static let threshold = 0.45
    /// A shingle found in more units of a gap than this does not propose candidates (it is
    /// common wording, not evidence); it still counts in the similarity of candidates.
    static let postingCap = 48
    /// Candidates scored exactly per old unit.
    static let candidatesPerUnit = 8
    /// Occurrences of a recurring text offered per old unit (the nearest to its position).
    static let exactCandidatesPerUnit = 3
    /// Levels of "unique within the gap" anchoring before pairing by similarity.
    static let anchorLevels = 4

    let old: [DiffUnit]
    let new: [DiffUnit]
    let characterWise: Bool
    private var oldKey: [Int] = []
    private var newKey: [Int] = []
    private(set) var oldMatch: [Int?]
    private(set) var newMatch: [Int?]
    private(set) var moved: Set<Int> = []   // old indices
    private var oldShingles: [ShingleSet?]
    private var newShingles: [ShingleSet?]

    init(old: [DiffUnit], new: [DiffUnit], characterWise: Bool) {
        self.old = old; self.new = new; self.characterWise = characterWise
        oldMatch = Array(repeating: nil, count: old.count)
        newMatch = Array(repeating: nil, count: new.count)
        oldShingles = Array(repeating: nil, count: old.count)
        newShingles = Array(repeating: nil, count: new.count)
        var ids: [String: Int] = [:]
        func key(_ u: DiffUnit) -> Int {
            WorkMeter.add(u.text.utf8.count)
            let k = normalisedWhitespace(u.text)
            if let id = ids[k] { return id }
            ids[k] = ids.count
            return ids.count - 1
        }
        oldKey = old.map(key)
        newKey = new.map(key)
    }

    /// Pairs every unit it can; results are in `oldMatch`, `newMatch` and `moved`.
    /// - Complexity: O(n log n) in the units (plus shingle work bounded per unit).
    mutating func run() {
        alignGap(Array(old.indices), Array(new.indices), level: 0)
    }

    func isExact(_ i: Int, _ j: Int) -> Bool { oldKey[i] == newKey[j] }

    private mutating func pair(_ i: Int, _ j: Int) { oldMatch[i] = j; newMatch[j] = i }

    private mutating func alignGap(_ a: [Int], _ b: [Int], level: Int) {
        if a.isEmpty || b.isEmpty { return }
        WorkMeter.add(a.count + b.count)
        // Equal start and end of the gap.
        var lo = 0
        while lo < a.count, lo < b.count, oldKey[a[lo]] == newKey[b[lo]] { pair(a[lo], b[lo]); lo += 1 }
        var endA = a.count, endB = b.count
        while endA > lo, endB > lo, oldKey[a[endA - 1]] == newKey[b[endB - 1]] {
            endA -= 1; endB -= 1; pair(a[endA], b[endB])
        }
        let ga = Array(a[lo..<endA]), gb = Array(b[lo..<endB])
        if ga.isEmpty || gb.isEmpty { return }

        if level < Self.anchorLevels {
            let anchors = uniqueCommon(ga, gb)
            if !anchors.isEmpty {
                let kept = Self.keptInOrder(anchors, newCount: new.count)
                let keptSet = Set(kept.map(\.0))
                for (i, j) in anchors {
                    pair(i, j)
                    if !keptSet.contains(i) { moved.insert(i) }
                }
                // Recurse into the stretches between kept anchors (moved units are paired already).
                // Both lists are in document order: one pass of two cursors cuts them.
                var pa = 0, pb = 0
                for (i, j) in kept + [(Int.max, Int.max)] {
                    var subA: [Int] = [], subB: [Int] = []
                    while pa < ga.count, ga[pa] < i { if oldMatch[ga[pa]] == nil { subA.append(ga[pa]) }; pa += 1 }
                    while pb < gb.count, gb[pb] < j { if newMatch[gb[pb]] == nil { subB.append(gb[pb]) }; pb += 1 }
                    alignGap(subA, subB, level: level + 1)
                }
                return
            }
        }
        pairBySimilarity(ga, gb)
    }

    /// (old, new) pairs of texts that occur exactly once in `a` and once in `b`, in `a`'s order.
    private func uniqueCommon(_ a: [Int], _ b: [Int]) -> [(Int, Int)] {
        var inA: [Int: (count: Int, at: Int)] = [:], inB: [Int: (count: Int, at: Int)] = [:]
        for i in a { inA[oldKey[i], default: (0, i)].count += 1 }
        for j in b { inB[newKey[j], default: (0, j)].count += 1 }
        var out: [(Int, Int)] = []
        for i in a {
            if let x = inA[oldKey[i]], x.count == 1, let y = inB[oldKey[i]], y.count == 1 { out.append((i, y.at)) }
        }
        return out
    }

    /// The anchors that stay in place: the most of them whose new indices increase; among
    /// equally long choices, the one whose anchors moved least (so in a swap the paragraph
    /// carried further is the one called moved). The bonus for staying close never adds up
    /// to one anchor, so the count decides first.
    /// - Complexity: O(k log k).
    static func keptInOrder(_ pairs: [(Int, Int)], newCount: Int) -> [(Int, Int)] {
        let k = Double(max(1, pairs.count))
        let edges = pairs.map { i, j in
            CandidateEdge(old: i, new: j, weight: 1 + 0.5 / (k * Double(1 + abs(j - i))))
        }
        return HeaviestChain.select(edges, newCount: newCount).map { ($0.old, $0.new) }
    }

    private mutating func shingles(old i: Int) -> ShingleSet {
        if let s = oldShingles[i] { return s }
        let s = ShingleSet(text: old[i].text, characterWise: characterWise)
        oldShingles[i] = s
        return s
    }

    private mutating func shingles(new j: Int) -> ShingleSet {
        if let s = newShingles[j] { return s }
        let s = ShingleSet(text: new[j].text, characterWise: characterWise)
        newShingles[j] = s
        return s
    }

    /// Pairs similar units of a gap, keeping document order (heaviest increasing chain).
    private mutating func pairBySimilarity(_ a: [Int], _ b: [Int]) {
        var index: [UInt64: [Int32]] = [:]
        // Texts that recur (no unique anchor, and shingles too common to propose anything):
        // each old unit is offered the occurrences of its exact text nearest to where it
        // would stand in `b`, so a text made of repeated paragraphs still pairs in order.
        var byKey: [Int: [Int32]] = [:]
        // Only texts without an exact counterpart look for similar ones: exact text outweighs
        // any near miss, and shingling every unit of a long gap was most of its time.
        let keysInA = Set(a.map { oldKey[$0] })
        for (local, j) in b.enumerated() {
            byKey[newKey[j], default: []].append(Int32(local))
            guard !keysInA.contains(newKey[j]) else { continue }
            for h in shingles(new: j).hashes { index[h, default: []].append(Int32(local)) }
        }
        let scale = Double(b.count) / Double(max(1, a.count))
        var edges: [CandidateEdge] = []
        var counts: [Int: Int] = [:]
        for (localA, i) in a.enumerated() {
            if let at = byKey[oldKey[i]] {
                let expected = Int32(min(Double(Int32.max), Double(localA) * scale))
                var lo = 0, hi = at.count
                while lo < hi { let m = (lo + hi) / 2; if at[m] < expected { lo = m + 1 } else { hi = m } }
                var left = lo - 1, right = lo
                for _ in 0..<Self.exactCandidatesPerUnit {
                    WorkMeter.add(1)
                    let takeRight = right < at.count && (left < 0 || at[right] - expected <= expected - at[left])
                    if takeRight { edges.append(CandidateEdge(old: localA, new: Int(at[right]), weight: 1.5)); right += 1 }
                    else if left >= 0 { edges.append(CandidateEdge(old: localA, new: Int(at[left]), weight: 1.5)); left -= 1 }
                    else { break }
                }
                continue
            }
            counts.removeAll(keepingCapacity: true)
            let sa = shingles(old: i)
            for h in sa.hashes {
                guard let posting = index[h], posting.count <= Self.postingCap else { continue }
                WorkMeter.add(posting.count)
                for j in posting { counts[Int(j), default: 0] += 1 }
            }
            let best = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(Self.candidatesPerUnit)
            for (localB, _) in best {
                let j = b[localB]
                // Exact text was offered above (it outweighs any near miss); among near
                // misses the closer wins.
                if isExact(i, j) { continue }
                let d = sa.dice(shingles(new: j))
                if d >= Self.threshold { edges.append(CandidateEdge(old: localA, new: localB, weight: d)) }
            }
        }
        for e in HeaviestChain.select(edges, newCount: b.count) { pair(a[e.old], b[e.new]) }
        pairSmallGaps(a, b)
    }

    /// What the chain left unpaired between two paired neighbours, when both sides of such a
    /// gap are small, is paired by similarity in order: a reworded paragraph among recurring
    /// texts, whose shingles were all too common to propose it, still pairs with its old self.
    /// - Complexity: O(n) in the gap's units (each small gap costs at most `smallGap²` scores).
    private mutating func pairSmallGaps(_ a: [Int], _ b: [Int]) {
        let smallGap = 6
        var posInB: [Int: Int] = [:]
        for (k, j) in b.enumerated() { posInB[j] = k }
        var k = 0
        var nextB = 0  // first position in b after the last paired unit
        while k < a.count {
            if let j = oldMatch[a[k]], let pb = posInB[j] { nextB = pb + 1; k += 1; continue }
            var end = k
            while end < a.count && (oldMatch[a[end]] == nil || posInB[oldMatch[a[end]]!] == nil) { end += 1 }
            let stopB = end < a.count ? posInB[oldMatch[a[end]]!]! : b.count
            let gapA = Array(a[k..<end])
            let gapB = nextB < stopB ? b[nextB..<stopB].filter { newMatch[$0] == nil } : []
            if !gapA.isEmpty, !gapB.isEmpty, gapA.count <= smallGap, gapB.count <= smallGap {
                var from = 0
                for i in gapA {
                    let sa = shingles(old: i)
                    var best: (Int, Double)? = nil
                    for (q, j) in gapB.enumerated() where q >= from {
                        WorkMeter.add(1)
                        let d = sa.dice(shingles(new: j))
                        if d >= Self.threshold, d > (best?.1 ?? 0) { best = (q, d) }
                    }
                    if let (q, _) = best { pair(i, gapB[q]); from = q + 1 }
                }
            }
            k = end
        }
    }
}

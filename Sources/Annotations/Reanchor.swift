// Re-attaching annotations to a document whose text changed (SPEC.md section 5).
// Order of attempts, each claiming a unit so that no two annotations land on one paragraph:
//   1. same id, same text                      → keep
//   2. the same text elsewhere                 → move (nearest to the old position wins ties)
//   3. a close match (bigram similarity, a bonus when the quoted phrase is still there and for
//      the old id), best pairs first          → move
//   4. nothing                                 → orphan, kept with its last id and text
// Orphans take part in 2 and 3, so a note orphaned by one revision comes back with the next.

import Foundation
import ResolutionKit

struct Reanchorer {
    let units: [TextUnit]
    let indexByID: [String: Int]

    /// Similarity needed to move an annotation to a reworded paragraph. Slight rewording scores
    /// ≥ 0.85; unrelated paragraphs of one resolution share boilerplate and score ≤ 0.6.
    static let threshold = 0.7

    init(document: ResolutionDocument) { self.init(units: document.units) }

    init(units: [TextUnit]) {
        self.units = units
        var map: [String: Int] = [:]
        map.reserveCapacity(units.count)
        for (i, u) in units.enumerated() where map[u.id] == nil { map[u.id] = i }
        indexByID = map
    }

    struct Result {
        var annotations: [Annotation]
        var orphans: [Annotation]
        var changes: [AnchorChange]
        /// True when anything differs from the input (so the sidecar should be rewritten).
        var altered: Bool
    }

    /// Tags-and-note annotations claim their paragraph (one per paragraph); amendments are
    /// re-anchored the same way but claim nothing, since a paragraph may carry many. The two
    /// lanes are then merged back into document order.
    func run(annotations: [Annotation], orphans: [Annotation]) -> Result {
        guard annotations.contains(where: { !$0.isParagraphNote }) || orphans.contains(where: { !$0.isParagraphNote }) else {
            return lane(annotations: annotations, orphans: orphans, exclusive: true)
        }
        let notes = lane(annotations: annotations.filter(\.isParagraphNote), orphans: orphans.filter(\.isParagraphNote),
                         exclusive: true)
        let others = lane(annotations: annotations.filter { !$0.isParagraphNote },
                          orphans: orphans.filter { !$0.isParagraphNote }, exclusive: false)
        // Merge by unit position; at one position the paragraph's note comes first.
        var merged: [Annotation] = []
        merged.reserveCapacity(notes.annotations.count + others.annotations.count)
        var i = 0, j = 0
        func at(_ a: Annotation) -> Int { indexByID[a.paragraph] ?? Int.max }
        while i < notes.annotations.count || j < others.annotations.count {
            if j == others.annotations.count
                || (i < notes.annotations.count && at(notes.annotations[i]) <= at(others.annotations[j])) {
                merged.append(notes.annotations[i]); i += 1
            } else {
                merged.append(others.annotations[j]); j += 1
            }
        }
        let wasOrdered = annotations.map(\.id) == merged.map(\.id)
        return Result(annotations: merged, orphans: notes.orphans + others.orphans, changes: notes.changes + others.changes,
                      altered: notes.altered || others.altered || !wasOrdered)
    }

    /// One lane of `run`. `exclusive`: an annotation takes its unit from the others.
    private func lane(annotations: [Annotation], orphans: [Annotation], exclusive: Bool) -> Result {
        var claimed = [Bool](repeating: false, count: units.count)
        var placed: [(index: Int, annotation: Annotation)] = []
        var pending: [(annotation: Annotation, wasOrphan: Bool)] = []

        // 1. Unchanged. Comparing bytes first avoids hashing in the common case.
        for a in annotations {
            if let i = indexByID[a.paragraph], !claimed[i], Self.sameText(units[i].text, a.anchor) {
                claimed[i] = exclusive
                placed.append((i, a))
            } else {
                pending.append((a, false))
            }
        }
        pending += orphans.map { ($0, true) }
        if pending.isEmpty || units.isEmpty {
            return finish(placed: placed, pending: pending, changes: [], altered: false)
        }

        var changes: [AnchorChange] = []
        func attach(_ p: (annotation: Annotation, wasOrphan: Bool), to i: Int) {
            claimed[i] = exclusive
            var a = p.annotation
            let from = a.paragraph
            a.paragraph = units[i].id
            let textChanged = a.anchor.exact != units[i].text
            a.anchor.attach(to: units[i].text)
            // The quoted phrase is looked for again in the new text; when it is gone the
            // annotation keeps it (the user sees what it was about) and is reported.
            var quoteLost = false
            if textChanged, let selector = a.anchor.selector {
                if let moved = selector.relocated(in: units[i].text) { a.anchor.selector = moved } else { quoteLost = true }
            }
            placed.append((i, a))
            if p.wasOrphan || from != a.paragraph {
                changes.append(AnchorChange(kind: p.wasOrphan ? .restored : .moved, annotationID: a.id,
                                            from: from, to: a.paragraph))
            }
            if quoteLost {
                changes.append(AnchorChange(kind: .quoteLost, annotationID: a.id, from: a.paragraph, to: a.paragraph))
            }
        }

        // 2. Exact text elsewhere.
        var byText: [String: [Int]] = [:]
        for (i, u) in units.enumerated() where !claimed[i] { byText[u.text, default: []].append(i) }
        var stillPending: [(annotation: Annotation, wasOrphan: Bool)] = []
        for p in pending {
            let candidates = (byText[p.annotation.anchor.exact] ?? []).filter { !claimed[$0] }
            if let best = nearest(candidates, to: p.annotation.paragraph) {
                attach(p, to: best)
            } else {
                stillPending.append(p)
            }
        }

        // 3. Close matches, best-scoring pairs first.
        if !stillPending.isEmpty {
            let free = units.indices.filter { !claimed[$0] }
            let grams = Dictionary(uniqueKeysWithValues: free.map { ($0, Bigrams(units[$0].text)) })
            // Bound the work on huge documents: compare only near the old position then.
            let wide = stillPending.count * free.count <= 2_000_000
            var pairs: [(score: Double, pending: Int, unit: Int)] = []
            for (k, p) in stillPending.enumerated() {
                let mine = Bigrams(p.annotation.anchor.exact)
                guard mine.count >= 2 else { continue }
                let home = indexByID[p.annotation.paragraph]
                for i in free {
                    if !wide, let h = home, abs(h - i) > 200 { continue }
                    guard let theirs = grams[i], let dice = mine.dice(theirs, atLeast: Self.threshold - 0.3) else { continue }
                    var score = dice
                    if let q = p.annotation.anchor.quote, !q.isEmpty, units[i].text.contains(q) { score += 0.2 }
                    if home == i { score += 0.05 }
                    if score >= Self.threshold { pairs.append((score, k, i)) }
                }
            }
            pairs.sort { $0.score != $1.score ? $0.score > $1.score : ($0.pending, $0.unit) < ($1.pending, $1.unit) }
            var done = [Bool](repeating: false, count: stillPending.count)
            for pair in pairs where !done[pair.pending] && !claimed[pair.unit] {
                done[pair.pending] = true
                attach(stillPending[pair.pending], to: pair.unit)
            }
            stillPending = stillPending.indices.filter { !done[$0] }.map { stillPending[$0] }
        }
        for p in stillPending where !p.wasOrphan {
            changes.append(AnchorChange(kind: .orphaned, annotationID: p.annotation.id, from: p.annotation.paragraph, to: nil))
        }
        // Altered when an annotation left its id (moved or orphaned) or an orphan came back.
        let altered = pending.contains { !$0.wasOrphan } || stillPending.filter(\.wasOrphan).count < orphans.count
        return finish(placed: placed, pending: stillPending, changes: changes, altered: altered)
    }

    private func finish(placed: [(index: Int, annotation: Annotation)],
                        pending: [(annotation: Annotation, wasOrphan: Bool)], changes: [AnchorChange],
                        altered: Bool) -> Result {
        // Document order; orphans keep the order they had (earlier orphans first).
        let inOrder = zip(placed, placed.dropFirst()).allSatisfy { $0.index < $1.index }
        let ordered = (inOrder ? placed : placed.sorted { $0.index < $1.index }).map(\.annotation)
        let orphans = pending.filter(\.wasOrphan).map(\.annotation) + pending.filter { !$0.wasOrphan }.map(\.annotation)
        return Result(annotations: ordered, orphans: orphans, changes: changes, altered: altered || !inOrder)
    }

    /// The candidate closest to where the old id sits now (ids shift by a few on insertions).
    /// On a tie the later one wins: revisions insert paragraphs more often than they drop them.
    private func nearest(_ candidates: [Int], to oldID: String) -> Int? {
        guard let home = indexByID[oldID] else { return candidates.first }
        return candidates.min { (abs($0 - home), -$0) < (abs($1 - home), -$1) }
    }

    /// `exact` holds the whole text, so comparing it decides; the hash is consulted only for a
    /// sidecar whose `exact` differs in length (written by another tool, or trimmed by hand).
    static func sameText(_ text: String, _ anchor: Anchor) -> Bool {
        if sameBytes(text, anchor.exact) { return true }
        return text.utf8.count != anchor.exact.utf8.count && SHA256.hex(text) == anchor.textHash
    }

    /// Byte equality: what the text hash stands for, and without the Unicode-equivalence
    /// comparison `==` makes on non-ASCII strings (a tenth of `reso tag` at 10,000 notes).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        guard a.utf8.count == b.utf8.count else { return false }
        return a.withUTF8 { x in b.withUTF8 { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }

    /// A user-typed reference (`op24`, `pp3`, `op84.a`, `fn2`, `h2`, bare `24`), as
    /// `ResolutionDocument.resolveParagraph` does, without recomputing the units.
    func resolve(_ reference: String) -> TextUnit? {
        let r = reference.trimmingCharacters(in: .whitespaces)
        let id = Int(r).map { "op\($0)" } ?? r
        return indexByID[id].map { units[$0] }
    }

    /// Position of every annotated unit, for ordering annotations in the document.
    func index(of id: String) -> Int? { indexByID[id] }
}

/// What identifies a parsed document cheaply, to reuse its unit index between edits. The
/// source hash alone is not enough: hand-built documents (tests, the reader's fixtures) may
/// share one, so the shape and the sizes of a sample of texts (up to 64 per part, spread
/// evenly — looking at all of them would cost more than the edit itself) are part of it.
struct DocumentFingerprint: Hashable, Sendable {
    var path: String, sha256: String, counts: [Int], sample: [Int]

    init(_ d: ResolutionDocument) {
        path = d.source.path; sha256 = d.source.sha256
        counts = [d.preamble.count, d.operative.count, d.headings.count, d.footnotes.count]
        var sample: [Int] = []
        func take(_ n: Int, _ size: (Int) -> Int) {
            guard n > 0 else { return }
            for i in stride(from: 0, to: n, by: max(1, n / 64)) { sample.append(size(i)) }
            sample.append(size(n - 1))
        }
        take(d.preamble.count) { d.preamble[$0].text.utf8.count &+ d.preamble[$0].subparagraphs.count }
        take(d.operative.count) { d.operative[$0].text.utf8.count &+ d.operative[$0].subparagraphs.count }
        take(d.headings.count) { d.headings[$0].text.utf8.count }
        take(d.footnotes.count) { d.footnotes[$0].text.utf8.count }
        self.sample = sample
    }

    /// A document known by its units (`AnchorTarget`): never equal to a parsed document's
    /// fingerprint (whose first count is a part's size, never negative), which at worst costs
    /// one rebuild of the unit index.
    init(path: String, sha256: String, units: [TextUnit]) {
        self.path = path; self.sha256 = sha256
        counts = [-1, units.count]
        var sample: [Int] = []
        if !units.isEmpty {
            for i in stride(from: 0, to: units.count, by: max(1, units.count / 64)) { sample.append(units[i].text.utf8.count) }
            sample.append(units[units.count - 1].text.utf8.count)
        }
        self.sample = sample
    }
}

/// Sorted multiset of adjacent scalar pairs, whitespace removed and ASCII lower-cased, so that
/// CJK (no spaces) and Latin text compare alike and re-spacing does not count as rewording.
struct Bigrams {
    let grams: [UInt64]
    var count: Int { grams.count }

    init(_ text: String) {
        var previous: UInt32?
        var out: [UInt64] = []
        out.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars {
            if s.properties.isWhitespace { continue }
            var v = s.value
            if v >= 0x41 && v <= 0x5A { v += 0x20 }
            if let p = previous { out.append(UInt64(p) << 32 | UInt64(v)) }
            previous = v
        }
        out.sort()
        grams = out
    }

    /// Dice coefficient, or nil when it is certainly below `atLeast` (cheap length test first).
    func dice(_ other: Bigrams, atLeast: Double) -> Double? {
        let total = grams.count + other.grams.count
        guard total > 0 else { return nil }
        if Double(2 * min(grams.count, other.grams.count)) / Double(total) < atLeast { return nil }
        var i = 0, j = 0, common = 0
        while i < grams.count && j < other.grams.count {
            if grams[i] == other.grams[j] { common += 1; i += 1; j += 1 }
            else if grams[i] < other.grams[j] { i += 1 } else { j += 1 }
        }
        let d = Double(2 * common) / Double(total)
        return d >= atLeast ? d : nil
    }
}

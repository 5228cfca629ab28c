// Search that suits CJK: no word boundaries, whitespace ignored on both sides (so `2020年`
// finds `2020 年`), ASCII case folded.
import ResolutionKit

enum TextSearch {
    @inline(__always)
    static func fold(_ s: Unicode.Scalar) -> UInt32? {
        let v = s.value
        if v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || v == 0x3000 || v == 0xA0 { return nil }
        if v >= 0x41 && v <= 0x5A { return v + 32 }
        if v >= 0xFF21 && v <= 0xFF3A { return v - 0xFF21 + 0x61 }  // fullwidth A–Z
        if v >= 0xFF41 && v <= 0xFF5A { return v - 0xFF41 + 0x61 }
        if v >= 0xFF10 && v <= 0xFF19 { return v - 0xFF10 + 0x30 }  // fullwidth digits
        return v
    }

    static func foldQuery(_ q: String) -> [UInt32] { q.unicodeScalars.compactMap(fold) }

    /// Every non-overlapping match of the folded query, as ranges into `scalars`.
    static func find(_ q: [UInt32], in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        guard let first = q.first else { return [] }
        var out: [Range<Int>] = []
        var i = 0
        let n = scalars.count
        while i < n {
            guard fold(scalars[i]) == first else { i += 1; continue }
            var j = i + 1, k = 1, last = i
            while k < q.count && j < n {
                if let f = fold(scalars[j]) {
                    if f != q[k] { break }
                    last = j; k += 1
                }
                j += 1
            }
            if k == q.count { out.append(i..<last + 1); i = last + 1 } else { i += 1 }
        }
        return out
    }
}

extension ReaderState {
    /// Searches one document's displayed text; hits in reading order.
    func hits(of query: String, in doc: Int) -> [(block: Int, range: Range<Int>)] {
        let q = TextSearch.foldQuery(query)
        guard !q.isEmpty else { return [] }
        var out: [(block: Int, range: Range<Int>)] = []
        for (i, b) in models[doc].blocks.enumerated() {
            for r in TextSearch.find(q, in: b.scalars) { out.append((i, r)) }
        }
        return out
    }

    mutating func runSearch(_ query: String) {
        if let v = view {
            var s = SearchState(query: query)
            s.hits = hits(of: query, in: v.doc)
            // Start from the first hit at or after the current paragraph.
            s.index = s.hits.firstIndex { $0.block >= v.current } ?? 0
            search = s
            if s.hits.isEmpty { flash("No match for «\(query)»", error: true) } else { showHit() }
        } else {
            var s = SearchState(query: query)
            for d in models.indices { let n = hits(of: query, in: d).count; if n > 0 { s.perDocument[d] = n } }
            search = s
            let total = s.perDocument.values.reduce(0, +)
            if total == 0 { flash("No match for «\(query)» in \(models.count) documents", error: true); return }
            flash("\(total) matches in \(s.perDocument.count) of \(models.count) documents (Enter opens, n/N next)")
            if s.perDocument[librarySelection] == nil, let first = s.perDocument.keys.min() { selectLibrary(first) }
        }
    }

    mutating func showHit() {
        guard var v = view, let s = search, !s.hits.isEmpty else { return }
        let hit = s.hits[s.index]
        let l = layouter(v)
        v.current = hit.block
        v.reveal(l, height: geometry.text.height)
        view = v
        flash("«\(s.query)» \(s.index + 1)/\(s.hits.count)")
    }

    mutating func nextHit(_ delta: Int) {
        if view == nil {
            guard let s = search, !s.perDocument.isEmpty else { flash("No search: press / first"); return }
            let docs = s.perDocument.keys.sorted()
            let i = delta > 0 ? (docs.first { $0 > librarySelection } ?? docs[0])
                              : (docs.last { $0 < librarySelection } ?? docs[docs.count - 1])
            selectLibrary(i)
            return
        }
        guard var s = search, !s.hits.isEmpty else { flash("No search: press / first"); return }
        s.index = (s.index + delta + s.hits.count) % s.hits.count
        search = s
        showHit()
    }
}

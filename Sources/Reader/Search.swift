// The reader's `/`: the same matcher as `reso search` (ResolutionKit's SearchPattern), over the
// blocks as displayed, `other`, preface and closing included.
import ResolutionKit

extension ReaderState {
    /// Searches one document's displayed text; hits in reading order.
    func hits(of query: String, in doc: Int) -> [(block: Int, range: Range<Int>)] {
        guard let pattern = SearchPattern(query) else { return [] }
        return hits(of: pattern, in: doc)
    }

    func hits(of pattern: SearchPattern, in doc: Int) -> [(block: Int, range: Range<Int>)] {
        var out: [(block: Int, range: Range<Int>)] = []
        for (i, b) in models[doc].blocks.enumerated() {
            for r in pattern.ranges(in: b.scalars) { out.append((i, r)) }
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
            if let other = compare?.other.doc {
                let found = hits(of: query, in: other)
                compare?.otherHits = found
            }
            if s.hits.isEmpty { flash("No match for «\(query)»", error: true) } else { showHit() }
        } else {
            var s = SearchState(query: query)
            if let pattern = SearchPattern(query) {
                for d in models.indices { let n = hits(of: pattern, in: d).count; if n > 0 { s.perDocument[d] = n } }
            }
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

// `reso search`: full-text search over documents (paragraphs, subparagraphs, headings, footnotes,
// preface, closing lines and the text the parser could not place) and their notes. Matching is
// ResolutionKit's SearchPattern, the same as the reader's `/`, so both find the same things.

import ResolutionKit

public struct SearchHit: Codable, Sendable, Hashable {
    public var file: String
    /// Unit id (`op24`, `fn2`…); for a note, the paragraph the note is on; `preface`, `closing`
    /// or `other` for text outside the numbered structure.
    public var paragraph: String
    /// The unit kind (`preambular`, `operative`, `subparagraph`, `heading`, `footnote`), `preface`,
    /// `closing`, `other`, or `note` / `orphan-note`.
    public var kind: String
    /// About 30 code points of context on each side, every match marked «like this».
    public var snippet: String
    /// Matches in this unit or note.
    public var count: Int
    /// Code-point offset of the first match in the unit's (or note's) text.
    public var offset: Int

    public init(file: String, paragraph: String, kind: String, snippet: String, count: Int, offset: Int) {
        self.file = file; self.paragraph = paragraph; self.kind = kind; self.snippet = snippet
        self.count = count; self.offset = offset
    }

    public static let markOpen = "«"
    public static let markClose = "»"
}

public enum LibrarySearch {
    static let context = 30

    /// Hits in document order: text before the preface, preface, then each unit followed by its
    /// note and by unplaced text after it, closing, remaining unplaced text, orphaned notes.
    /// - Complexity: O(total text) per query in practice (see `SearchPattern.ranges`).
    public static func search(_ query: String,
                              in items: [(document: ResolutionDocument, snapshot: SidecarSnapshot?)]) -> [SearchHit] {
        guard let pattern = SearchPattern(query) else { return [] }
        var hits: [SearchHit] = []
        for item in items {
            let file = item.document.source.path
            for t in searchTexts(item.document, item.snapshot) {
                if let h = hit(pattern, in: t.text) {
                    hits.append(SearchHit(file: file, paragraph: t.paragraph, kind: t.kind, snippet: h.snippet,
                                          count: h.count, offset: h.offset))
                }
            }
        }
        return hits
    }

    /// One searchable text of a document: a unit, a note, the preface, the closing or unplaced text.
    public struct SearchText: Sendable, Hashable {
        public var paragraph: String
        public var kind: String
        public var text: String
        public init(paragraph: String, kind: String, text: String) {
            self.paragraph = paragraph; self.kind = kind; self.text = text
        }
        public var isNote: Bool { kind == "note" || kind == "orphan-note" }
    }

    /// Everything `search` looks at in one document, in the order hits are listed: text before
    /// the preface, preface, then each unit followed by its note and by unplaced text after it,
    /// closing, remaining unplaced text, orphaned notes. The library index stores exactly these,
    /// so that its hits are the scan's.
    /// - Complexity: O(units + notes).
    public static func searchTexts(_ doc: ResolutionDocument, _ snapshot: SidecarSnapshot?) -> [SearchText] {
        var out: [SearchText] = []
        func look(_ text: String, _ paragraph: String, _ kind: String) {
            out.append(SearchText(paragraph: paragraph, kind: kind, text: text))
        }
        var notes: [String: String] = [:]
        for a in snapshot?.annotations ?? [] { if let n = a.note { notes[a.paragraph] = n } }
        var otherAfter: [String: [String]] = [:]
        for o in doc.other { otherAfter[o.after ?? "", default: []].append(o.text) }
        func other(after id: String) { for t in otherAfter.removeValue(forKey: id) ?? [] { look(t, "other", "other") } }
        other(after: "")
        if !doc.preface.isEmpty { look(doc.preface.joined(separator: "\n"), "preface", "preface") }
        other(after: "preface")
        for u in doc.units {
            look(u.text, u.id, u.kind.rawValue)
            if let n = notes[u.id] { look(n, u.id, "note") }
            other(after: u.id)
        }
        if !doc.closing.lines.isEmpty { look(doc.closing.lines.joined(separator: "\n"), "closing", "closing") }
        for key in otherAfter.keys.sorted() { other(after: key) }
        for o in snapshot?.orphans ?? [] { if let n = o.note { look(n, o.paragraph, "orphan-note") } }
        return out
    }

    /// Matches in `text`: count, first offset and a one-line snippet around the first match.
    /// - Complexity: O(n) for a text of n scalars (besides the matching itself).
    public static func hit(_ pattern: SearchPattern, in text: String) -> (count: Int, offset: Int, snippet: String)? {
        let original = Array(text.unicodeScalars)
        let matches = pattern.ranges(in: original)
        guard let firstMatch = matches.first else { return nil }
        let from = max(0, firstMatch.lowerBound - context), to = min(original.count, firstMatch.upperBound + context)
        var snippet = String.UnicodeScalarView()
        if from > 0 { snippet.append("…") }
        var k = from
        for m in matches where m.lowerBound >= from && m.upperBound <= to {
            append(original[k..<m.lowerBound], to: &snippet)
            snippet.append(contentsOf: SearchHit.markOpen.unicodeScalars)
            append(original[m], to: &snippet)
            snippet.append(contentsOf: SearchHit.markClose.unicodeScalars)
            k = m.upperBound
        }
        append(original[k..<to], to: &snippet)
        if to < original.count { snippet.append("…") }
        return (matches.count, firstMatch.lowerBound, String(snippet))
    }

    /// Line breaks become spaces so that a snippet is one line.
    private static func append(_ part: ArraySlice<Unicode.Scalar>, to out: inout String.UnicodeScalarView) {
        for s in part { out.append(s == "\n" || s == "\r" || s == "\t" ? " " : s) }
    }
}

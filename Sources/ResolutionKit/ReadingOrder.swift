// The one walk over a document in reading order. Every view of a document — `units`
// (and through it the text and Markdown renderers, exports, search, re-anchoring), the
// reader's blocks and outline — takes its order from here, so that a rule such as "headings
// come before the paragraph they are recorded before" lives in one place.
//
// Order: the preamble, then the operative part; before each paragraph the headings recorded
// before it; each paragraph followed by its subparagraphs, depth first; headings recorded
// before nothing after the last paragraph; footnotes last.

/// One step of the walk.
public enum ReadingOrderItem {
    case heading(Heading)
    /// A part (preamble or operative part) begins: after the headings that open it, before
    /// its first paragraph. Not emitted for an empty part.
    case partStart(ParagraphKind, count: Int)
    case paragraph(Paragraph)
    /// A subparagraph at `depth` (1 under a paragraph, 2 under a subparagraph…).
    case subparagraph(Subparagraph, depth: Int)
    case footnote(Footnote)
}

extension ResolutionDocument {
    /// Calls `visit` for every item in reading order.
    /// - Parameter footnotes: include the footnotes at the end.
    /// - Complexity: O(n) in the number of paragraphs, subparagraphs, headings and footnotes.
    public func walkReadingOrder(footnotes includeFootnotes: Bool = true, _ visit: (ReadingOrderItem) -> Void) {
        var headingsBefore: [String: [Heading]] = [:]
        var trailing: [Heading] = []
        for h in headings {
            if let b = h.before { headingsBefore[b, default: []].append(h) } else { trailing.append(h) }
        }
        func subs(_ list: [Subparagraph], depth: Int) {
            for s in list {
                visit(.subparagraph(s, depth: depth))
                subs(s.subparagraphs, depth: depth + 1)
            }
        }
        func part(_ paragraphs: [Paragraph], _ kind: ParagraphKind) {
            for (i, p) in paragraphs.enumerated() {
                for h in headingsBefore.removeValue(forKey: p.id) ?? [] { visit(.heading(h)) }
                if i == 0 { visit(.partStart(kind, count: paragraphs.count)) }
                visit(.paragraph(p))
                subs(p.subparagraphs, depth: 1)
            }
        }
        part(preamble, .preambular)
        part(operative, .operative)
        for h in trailing { visit(.heading(h)) }
        if includeFootnotes { for f in self.footnotes { visit(.footnote(f)) } }
    }
}

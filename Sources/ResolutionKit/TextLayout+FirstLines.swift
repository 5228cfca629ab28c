// Phase 1b, the first lines of paragraphs in text that no longer shows their set-in:
// pdftotext's default text drops the indentation, not the room it took, so a full first
// line still stops short of the measure by the indent. Measured from the document's own
// lines, for wide characters (CJK, justified to a grid) and for proportional scripts.

extension TextLayout {
    /// The commonest shortfall from `wideMeasure` of the lines of wide characters that open
    /// a paragraph (after a finished clause that stopped short) and run on to the next line:
    /// the set-in of first lines that the text no longer shows. It counts only when it is
    /// clear, seen three times and on a third of those lines.
    /// - Complexity: O(n) in the lines, and in the scalars of the lines it measures.
    static func openingIndent(_ text: TextLines, layout: TextLayout) -> Int {
        var shortfalls = [Int](repeating: 0, count: 17), seen = 0
        for k in 1..<max(1, text.count - 1) {
            let prev = text[k - 1], cur = text[k], next = text[k + 1]
            guard !cur.pageBreakBefore, !next.pageBreakBefore, cur.blankBefore == 0, next.blankBefore == 0,
                  cur.width > cur.length, text.endsWithTerminator(k - 1),
                  layout.wideReach(prev) + 4 < layout.wideMeasure,
                  isWideOnly(cur) else { continue }
            seen += 1
            let short = layout.wideMeasure - layout.wideReach(cur)
            if short >= 2 && short <= 16 { shortfalls[short] += 1 }
        }
        guard let best = shortfalls.indices.max(by: { shortfalls[$0] < shortfalls[$1] }),
              shortfalls[best] >= 3, shortfalls[best] * 3 >= seen else { return 0 }
        return best
    }

    /// The furthest a paragraph's full first line reaches in text that dropped its set-in,
    /// in proportional scripts (no grid to count on, so the lengths are compared as
    /// distributions): the lines that open a paragraph (after a finished clause that stopped
    /// short) and those that carry one on (after a line cut mid-sentence at the measure),
    /// each of them running on to the next line. Where the openers' median stops short of the
    /// carriers' by a clear margin, first lines were set in, and the longest of them, with
    /// half that margin to spare (up to the carriers' median), is how far one reaches. Lines
    /// are measured where they start: a right-to-left line of `-layout` text at its right
    /// end (`SourceLine.startReach`). A line longer than that carried on
    /// its paragraph, though it starts with an opener after a comma (`…указанную в изложении
    /// оснований,` / `подчеркивая при этом, что…`), a junction that nothing else in the text
    /// tells from a paragraph's end.
    /// 0 where the openers are too few (eight) or not clearly shorter.
    /// - Complexity: O(n) in the lines.
    static func openingReach(_ text: TextLines, layout: TextLayout) -> Int {
        let measure = layout.measure
        var openers: [Int] = [], carriers: [Int] = []
        for k in 1..<max(1, text.count - 1) {
            let prev = text.line(k - 1), cur = text.line(k), next = text.line(k + 1)
            guard !cur.pageBreakBefore, !next.pageBreakBefore, cur.blankBefore < layout.blockGap,
                  next.blankBefore < layout.blockGap, !text.endsWithTerminator(k),
                  cur.reach * 10 >= measure * 7, cur.reach * 10 <= measure * 11 else { continue }
            let prevEnds = text.endsWithTerminator(k - 1)
            // Where the lines start, a right-to-left line's right end included
            // (`SourceLine.startReach`): how full they are is read from their widths.
            if prevEnds && prev.reach * 4 < measure * 3 {
                openers.append(cur.startReach)
            } else if !prevEnds && prev.reach * 20 >= measure * 17 {
                carriers.append(cur.startReach)
            }
        }
        guard openers.count >= 8, carriers.count >= 8 else { return 0 }
        let carried = orderStatistic(carriers, carriers.count / 2)
        let shortfall = carried - orderStatistic(openers, openers.count / 2)
        guard shortfall >= 4, shortfall * 25 >= measure else { return 0 }
        // The longest first line seen is a sample's maximum: another may run a little
        // longer, so half the set-in more. But no further than the carriers' median: a line
        // that reaches further than half the lines carrying a paragraph on is likelier one
        // of them than a first line (which stops short of that by the set-in, and of which a
        // text has fewer), and the longest first line seen often comes near it where the
        // lengths scatter (letters of Arabic script, which join and stretch).
        return min((openers.max() ?? 0) + shortfall / 2, carried)
    }
}

// Set-in openings whose paragraphs go on at the margin.
//
// Where numbered paragraphs hang their wrapped lines at the indent where unnumbered ones
// open (`1. …` / `     国际…`, and `     重申…`), indentation alone cannot tell a wrapped line
// from an opening. The document's own unnumbered paragraphs tell which it is: if those that
// open set in and run past their first line always go on at the margin, a line at the
// opening indent right after such a paragraph's one finished line opens the next.

extension BlockBuilder {
    /// The indents where unnumbered paragraphs open set in and go on at the margin, never at
    /// their own indent: a line at the margin after an unfinished opening there counts for
    /// it, a line at the same indent after one counts against it (an opening is a line after
    /// one that finished a clause, with no number or label).
    /// - Complexity: O(n) in the lines (each is looked at with its neighbours, in place).
    static func openingIndentsRunningAtMargin(_ lines: [SourceLine], layout: TextLayout, profile: LanguageProfile) -> Set<Int> {
        var atMargin: [Int: Int] = [:], atIndent: [Int: Int] = [:]
        var k = 1
        while k + 1 < lines.count {
            defer { k += 1 }
            let line = lines[k], previous = lines[k - 1], next = lines[k + 1]
            guard line.indent > layout.margin, !line.isSeparator, !previous.isSeparator, !next.isSeparator,
                  !next.pageBreakBefore, next.blankBefore == 0, line.blankBefore == previous.blankBefore || line.blankBefore == 0,
                  endsWithTerminator(previous.scalars), !endsWithTerminator(line.scalars) else { continue }
            guard let first = line.scalars.first, !Chars.isDigit(first), first != "(",
                  LabelParser.parse(line.text, profile: profile) == nil else { continue }
            if next.indent <= layout.margin { atMargin[line.indent, default: 0] += 1 }
            else if next.indent == line.indent { atIndent[line.indent, default: 0] += 1 }
        }
        return Set(atMargin.filter { indent, n in n >= 2 && (atIndent[indent] ?? 0) * 2 < n }.keys)
    }
}

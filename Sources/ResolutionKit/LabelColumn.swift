// Subparagraph labels that pdftotext printed as a column of their own.
//
// The labels of a list hang in front of their items' text, set off by a tab. Where the gap
// is wide, pdftotext's default text takes the labels for a column and prints them one per
// line (`b)` `c)` … `h)`) before the items' texts. Left so, each label takes the next label
// as its text and half the list is lost. A run of two or more labels, each alone on its
// line and in sequence in one style, is that column: its labels go back, in order, to the
// items' openings in the text that follows (each line after one that finished a clause),
// up to the next number, label or page.

enum LabelColumn {
    /// Lines of the text after a column that are looked at for its items: bounds the work
    /// for a column whose items never come, so that the pass stays linear.
    static let reach = 400

    /// Puts each label of a column back in front of its item's text. Lines are only moved
    /// within, never dropped: the column's lines become empty separators.
    /// - Complexity: O(n · reach) in the lines at worst, i.e. linear; each column is
    ///   passed over once.
    static func reattach(_ lines: inout [SourceLine], profile: LanguageProfile, isFurniture: (SourceLine) -> Bool) {
        var i = 0
        while i < lines.count {
            WorkMeter.add(1)
            guard !lines[i].isSeparator, lines[i].isLabelAlone,
                  let first = reading(lines[i].text, profile: profile) else { i += 1; continue }
            var column = [i]
            var style = first
            var j = i + 1
            // The column: labels alone that count on in one style, blank lines between them.
            while j < lines.count, !lines[j].pageBreakBefore {
                if lines[j].isSeparator { j += 1; continue }
                guard lines[j].isLabelAlone, let next = reading(lines[j].text, profile: profile),
                      let following = next.first(where: { r in style.contains { $0.0 == r.0 && $0.1 + 1 == r.1 } })
                else { break }
                style = [following]
                column.append(j)
                j += 1
            }
            guard column.count >= 2 else { i += 1; continue }
            // The items' openings: each line after a finished clause. The text line before the
            // column counts: an item it left unfinished goes on after the column, ahead of the
            // column's items (`…选举改革努力而`, the labels, `加强选举进程…；`).
            var openings: [Int] = []
            var previous = NumberColumn.textLine(before: i, in: lines, isFurniture: isFurniture)
            var k = j
            while k < lines.count, k - j < reach, openings.count < column.count {
                WorkMeter.add(1)
                let line = lines[k]
                if k > j && line.pageBreakBefore && openings.isEmpty { break }
                if line.isSeparator || isFurniture(line) { k += 1; continue }
                if StructureBuilder.operativeNumber(line.text) != nil || BlockBuilder.isNumberOnly(line.scalars)
                    || line.isLabelAlone || LabelParser.parse(line.text, profile: profile) != nil { break }
                if previous.map({ BlockBuilder.endsWithStrongTerminator($0.scalars) }) ?? true { openings.append(k) }
                previous = line
                k += 1
            }
            guard openings.count == column.count else { i = j; continue }
            for (c, target) in zip(column, openings) {
                let label = lines[c].text
                lines[c].text = []
                lines[c].isSeparator = true
                lines[target].text = label + [" "] + lines[target].text
                lines[target].width += label.count + 1
            }
            i = j
        }
    }

    /// The readings of a label alone (`c)` → letter 2, `iv)` → roman 3), read as a label
    /// before some text.
    static func reading(_ label: Scalars, profile: LanguageProfile) -> [(SubLabel.Style, Int)]? {
        guard let parsed = LabelParser.parse(label + [" ", "x"], profile: profile) else { return nil }
        return parsed.readings.filter { $0.0 != .bullet }
    }
}

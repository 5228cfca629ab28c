// Phase 1c, right-to-left text: a printed line that pdftotext printed in pieces, its end first.
//
// poppler's default text cuts a justified Arabic line where a gap between words is wide, and
// prints the pieces in the order they stand on the page from left to right: the end of the
// line first (`نظرا لكون المهام المتبقية ذات طابع محدود`), its start last (`6. يشدد على أنه`).
// A numbered paragraph then opens with a first line far short of the measure, its text
// goes on on the next line, and the pieces printed before it read as a heading or as text
// of their own. A paragraph's first line is never short when the paragraph goes on, so
// such a first line, with unfinished short lines before it that together fill no more than
// one line, is that line taken apart: the pieces go back after it, last printed first.

enum RightToLeftPieces {
    /// A printed line is cut at a few wide gaps at most; more short lines in a row are
    /// something else, and the bound keeps the look-back linear however wide the measure.
    static let maxPieces = 6

    /// Puts back the pieces printed before each numbered paragraph's first line that they
    /// belong to. Lines are only joined, never dropped.
    /// - Complexity: O(n) in the lines: each is looked at `maxPieces` + 2 times at most.
    /// `blockGap` is the run of blank lines that parts paragraphs: fewer (`-layout` text that
    /// puts a blank line after every line) still join lines of one paragraph.
    static func restore(_ lines: inout [SourceLine], measure: Int, blockGap: Int = 1) {
        guard measure > 0, lines.count >= 3 else { return }
        var removed = Set<Int>()
        for i in 1..<(lines.count - 1) {
            WorkMeter.add(1)
            let first = lines[i]
            guard !first.isSeparator, first.width * 10 < measure * 9,
                  let lead = first.scalars.first, Chars.digitValue(lead) != nil,
                  let opened = StructureBuilder.operativeNumber(first.text), !opened.1.isEmpty,
                  !endsWithTerminator(first.scalars) else { continue }
            // The paragraph goes on on the next line: its first line is not all of it.
            let next = lines[i + 1]
            guard !next.isSeparator, next.blankBefore < blockGap, !next.pageBreakBefore,
                  StructureBuilder.operativeNumber(next.text) == nil, !BlockBuilder.isNumberOnly(next.scalars) else { continue }
            // The pieces: short unfinished lines right before it, together one line at most.
            var total = first.width
            var start = i
            while start - 1 >= 0, i - start < maxPieces, !removed.contains(start - 1) {
                let piece = lines[start - 1]
                let after = lines[start]
                // A piece is short, unless the start printed last is the number and a word
                // or two (`3. يجدد`): then the rest of the line before it is most of one.
                let shortPiece = piece.width * 10 < measure * 8 || (start == i && first.width * 10 < measure * 3)
                guard !piece.isSeparator, after.blankBefore < blockGap, !after.pageBreakBefore,
                      shortPiece, !endsWithTerminator(piece.scalars),
                      StructureBuilder.operativeNumber(piece.text) == nil, !BlockBuilder.isNumberOnly(piece.scalars),
                      total + 1 + piece.width <= measure else { break }
                total += 1 + piece.width
                start -= 1
            }
            guard start < i else { continue }
            // The line before the pieces finished its paragraph; else they may be its end.
            if start > 0 {
                let before = lines[start - 1]
                guard before.isSeparator || endsWithTerminator(before.scalars) else { continue }
            }
            // A first line a little short with a short line before it may be a heading over a
            // paragraph: only a first line well short, or pieces filling clearly less than a
            // line, say that the line was taken apart.
            guard first.width * 10 < measure * 7 || total * 20 <= measure * 19 else { continue }
            var text = first.text
            for k in stride(from: i - 1, through: start, by: -1) {
                text.append(" ")
                text.append(contentsOf: lines[k].text)
                removed.insert(k)
            }
            lines[i].text = text
            lines[i].width = approxColumns(text)
            lines[i].blankBefore = lines[start].blankBefore
            lines[i].pageBreakBefore = lines[start].pageBreakBefore
        }
        restoreAfterTornMarks(&lines, measure: measure, removed: &removed)
        restoreStartsEndingAtAMark(&lines, measure: measure, blockGap: blockGap, removed: &removed)
        joinLinesTornInOrder(&lines, measure: measure, removed: &removed)
        guard !removed.isEmpty else { return }
        var write = 0
        for read in lines.indices where !removed.contains(read) {
            if write != read { lines.swapAt(write, read) }
            write += 1
        }
        lines.removeSubrange(write...)
    }

    /// A printed line cut where a mark stood apart from its letter (`التحسُّن`, its `ُّ`
    /// printed as a line of its own and dropped by the line phase): poppler prints the mark
    /// first and then the line's two pieces as they stand from left to right, its end
    /// (`التحسن في الظروف … الوطنية`) before its start (`وإذ يقر بأوجه`). The dropped mark
    /// leaves its trace in the line numbers: a line that does not follow the line before it,
    /// nor the blank lines before it (after a number alone, `1.`, a blank comes before the
    /// mark; the line phase keeps it for the line after). When that line and the next, with
    /// no blank between, fit one printed line together and the second does not finish (the
    /// start runs on into the end), the second goes first. So it does when the second
    /// finishes a clause (`مساهمة كبيرة،`, the line cut after its comma) where the two fill a
    /// line and the second's first word would have fitted after the first: read in the
    /// printed order, the first would be a wrapped line that stopped with room for the next
    /// word.
    /// - Complexity: O(n) in the lines.
    static func restoreAfterTornMarks(_ lines: inout [SourceLine], measure: Int, removed: inout Set<Int>) {
        var i = 1
        while i + 1 < lines.count {
            WorkMeter.add(1)
            let end = lines[i], start = lines[i + 1]
            // The dropped mark's trace: a line number skipped beyond the blank lines before `end`.
            guard !end.pageBreakBefore, end.index > lines[i - 1].index + 1 + end.blankBefore,
                  !removed.contains(i - 1), !removed.contains(i), !removed.contains(i + 1),
                  start.blankBefore == 0, !start.pageBreakBefore, start.index == end.index + 1,
                  !end.isSeparator, !start.isSeparator, (end.width + 1 + start.width) * 20 <= measure * 21,
                  !endsWithTerminator(start.scalars) || fillsOneLine(end, start, measure: measure),
                  StructureBuilder.operativeNumber(start.text) == nil, !BlockBuilder.isNumberOnly(start.scalars),
                  !BlockBuilder.isNumberOnly(end.scalars), BlockBuilder.bareNumber(end.scalars) == nil,
                  BlockBuilder.bareNumber(start.scalars) == nil
            else { i += 1; continue }
            var text = start.text
            text.append(" ")
            text.append(contentsOf: end.text)
            lines[i].text = text
            lines[i].width = approxColumns(text)
            removed.insert(i + 1)
            i += 2
        }
    }

    /// A printed line cut at marks set apart and printed in order: each piece but the last
    /// ends with the mark of the word that the next piece opens (`يشدد على أن ّ` / `تظل القوة
    /// … التي ِّ` / `تعرض للخطر حفظة`). The pieces are one line again where they fit one
    /// printed line together, so that the phases after this one see the line as printed: a
    /// number printed after its paragraph's first line (`NumberAfterFirstLine`) finds that
    /// line whole, not its last piece. Pieces that do not fit one line are left to the block
    /// phase, which carries a line torn at a mark on (`SourceLine.tornAtMark`).
    /// - Complexity: O(n) in the lines; each join is O(k) in the joined line.
    static func joinLinesTornInOrder(_ lines: inout [SourceLine], measure: Int, removed: inout Set<Int>) {
        var i = 0
        while i + 1 < lines.count {
            WorkMeter.add(1)
            guard lines[i].tornAtMark, !removed.contains(i), !lines[i].isSeparator else { i += 1; continue }
            // The next piece, past pieces already joined into lines before it.
            var j = i + 1
            while j < lines.count, removed.contains(j) { j += 1 }
            guard j < lines.count else { break }
            let next = lines[j]
            guard !next.isSeparator, next.blankBefore == 0, !next.pageBreakBefore,
                  (lines[i].width + 1 + next.width) * 20 <= measure * 21,
                  StructureBuilder.operativeNumber(next.text) == nil, !BlockBuilder.isNumberOnly(next.scalars),
                  !BlockBuilder.isLabelOnly(next.scalars), !LabelParser.mayOpenWithLabel(next.scalars),
                  BlockBuilder.bareNumber(next.scalars) == nil
            else { i = j; continue }
            var text = lines[i].text
            text.append(" ")
            text.append(contentsOf: next.text)
            lines[i].text = text
            lines[i].width = approxColumns(text)
            lines[i].tornAtMark = next.tornAtMark
            lines[i].markApartAtEnd = next.markApartAtEnd
            removed.insert(j)
            // Stays at `i`: the joined line may itself end torn, before a third piece.
        }
    }

    /// A paragraph's last printed line cut where a mark stood apart, and printed end first
    /// with the mark at the end of its start: `بناء على طلب السلطة الصومالية؛` (the end), then
    /// `الفقرة 14 أعلاه لمدد إضافية ً` (the start, its tanwin set apart), then the next
    /// numbered paragraph. Read in that order the start could go on with nothing: it ends
    /// unfinished right before a number, a label alone or a paragraph gap, so it stood as a
    /// heading. Where the line before finishes a clause and the two fit one printed line,
    /// the start goes first. (A heading printed with a mark set apart at its end would read
    /// the same; none of the typeset or held-out Arabic texts has one, while each line that
    /// ends so before a number is such a start.)
    /// - Complexity: O(n) in the lines.
    static func restoreStartsEndingAtAMark(_ lines: inout [SourceLine], measure: Int, blockGap: Int, removed: inout Set<Int>) {
        var i = 1
        while i < lines.count {
            defer { i += 1 }
            WorkMeter.add(1)
            guard lines[i].markApartAtEnd, !removed.contains(i), !removed.contains(i - 1) else { continue }
            let end = lines[i - 1], start = lines[i]
            guard start.blankBefore == 0, !start.pageBreakBefore, start.index == end.index + 1,
                  !end.isSeparator, !start.isSeparator, !end.markApartAtEnd,
                  (end.width + 1 + start.width) * 20 <= measure * 21,
                  endsWithTerminator(end.scalars), !endsWithTerminator(start.scalars),
                  StructureBuilder.operativeNumber(end.text) == nil, !BlockBuilder.isNumberOnly(end.scalars),
                  StructureBuilder.operativeNumber(start.text) == nil, !BlockBuilder.isNumberOnly(start.scalars),
                  BlockBuilder.bareNumber(end.scalars) == nil, BlockBuilder.bareNumber(start.scalars) == nil
            else { continue }
            // The start cannot go on below: the next line opens a paragraph or an item, or
            // there is none. (Where it can, the line phase's `tornAtMark` carries it on.)
            if i + 1 < lines.count {
                let next = lines[i + 1]
                guard next.isSeparator || next.blankBefore >= blockGap || next.pageBreakBefore
                        || StructureBuilder.operativeNumber(next.text) != nil || BlockBuilder.isNumberOnly(next.scalars)
                        || BlockBuilder.isLabelOnly(next.scalars)
                else { continue }
            }
            var text = start.text
            text.append(" ")
            text.append(contentsOf: end.text)
            lines[i - 1].text = text
            lines[i - 1].width = approxColumns(text)
            removed.insert(i)
            i += 1
        }
    }

    /// `end` and `start` together fill a printed line (9/10 of the measure or more), and the
    /// first word of `start` would have fitted after `end` with room to spare: `end` was no
    /// wrapped line before `start`. Nine tenths, not more: the letters of a line justified
    /// with kashidas (dropped by the line phase) come short of the measure it filled.
    /// - Complexity: O(w) in the first word of `start`.
    static func fillsOneLine(_ end: SourceLine, _ start: SourceLine, measure: Int) -> Bool {
        guard (end.width + 1 + start.width) * 20 >= measure * 18 else { return false }
        let word = approxColumns(start.scalars.prefix { !Chars.isSpace($0) })
        return (end.width + 1 + word) * 10 <= measure * 9
    }
}

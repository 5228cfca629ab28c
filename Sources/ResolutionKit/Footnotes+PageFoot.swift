// Footnotes at the foot of each page of PDF text, where no rule was extracted: after the
// page's last body line come the notes and then the footer. pdftotext prints them as a
// block of numbers followed by a block of texts (`1` `2` `3`, then three texts), or each
// number followed by its text, on the same line or the next.

extension FootnoteExtractor {
    /// Lines a page's notes may take, counted back from the page's end: bounds the work
    /// per page so that the whole pass stays linear.
    static let footZone = 40

    /// Lifts the notes at the foot of every page (a page ends before a page feed, and at
    /// the end of the text). Notes must be numbered on from the notes before them, or
    /// from 1 where numbering restarts on each page.
    /// - Complexity: O(n · footZone) in the number of lines, i.e. linear.
    static func liftPageFootNotes(_ lines: [SourceLine], after previous: [RawFootnote],
                                  isFurniture: (SourceLine) -> Bool) -> (lines: [SourceLine], notes: [RawFootnote]) {
        var kept: [SourceLine] = []
        kept.reserveCapacity(lines.count)
        var notes: [RawFootnote] = []
        var last = previous.map(\.number).max() ?? 0
        var pageStart = 0
        var k = 0
        while k <= lines.count {
            let pageEnds = k == lines.count || (k > pageStart && lines[k].pageBreakBefore)
            if !pageEnds { k += 1; continue }
            let page = Array(lines[pageStart..<k])
            var lifted: (start: Int, notes: [RawFootnote])? = nil
            let from = max(0, page.count - footZone)
            for s in from..<page.count where bareOrLeadingNumber(page[s].text) != nil && !isFurniture(page[s]) {
                if let found = parseFoot(page, from: s, isFurniture: isFurniture),
                   found[0].number == last + 1 || found[0].number == 1 {
                    lifted = (s, found)
                    break
                }
            }
            if let (start, found) = lifted {
                kept.append(contentsOf: page[..<start])
                // The footer lines after the notes stay for the furniture pass.
                for line in page[start...] where isFurniture(line) { kept.append(line) }
                notes += found
                last = found.last!.number
            } else {
                kept.append(contentsOf: page)
            }
            pageStart = k
            k += 1
        }
        return (kept, notes)
    }

    /// `3` alone, or `3 text`: the number and what follows it.
    static func bareOrLeadingNumber(_ s: Scalars) -> (Int, Scalars)? {
        if let (n, body) = leadingNumber(s), body.first.map(Chars.isDigit) != true, n < 500 { return (n, body) }
        return nil
    }

    /// Reads `page[start...]` (furniture skipped) as notes to its end; nil unless every
    /// line is taken and each note is a few lines at most (body text is not notes).
    static func parseFoot(_ page: [SourceLine], from start: Int, isFurniture: (SourceLine) -> Bool) -> [RawFootnote]? {
        let zone = Array(page[start...].filter { !isFurniture($0) })
        guard let (first, _) = bareOrLeadingNumber(zone[0].text) else { return nil }
        for line in zone where BlockBuilder.isNumberOnly(line.text) || StructureBuilder.operativeNumber(line.text) != nil {
            return nil
        }
        let spaced = { (s: Scalars) in !Chars.isWide(s.last ?? " ") }
        // A block of bare numbers, then a block of texts (pdftotext's default output). The
        // column of numbers may also be cut by the texts (`1`, texts, `2`): bare numbers in
        // sequence anywhere in the zone, every other line a text, read the same way.
        var numbers = 0
        while numbers < zone.count, let (n, body) = bareOrLeadingNumber(zone[numbers].text), body.isEmpty, n == first + numbers {
            numbers += 1
        }
        var texts = zone[numbers...]
        if numbers < zone.count {
            var scattered: [SourceLine] = []
            var count = 0
            var inSequence = true
            for line in zone {
                if let (n, body) = bareOrLeadingNumber(line.text) {
                    if body.isEmpty && n == first + count { count += 1 } else { inSequence = false; break }
                } else {
                    scattered.append(line)
                }
            }
            if inSequence, count > numbers, count >= 2 {
                numbers = count
                texts = ArraySlice(scattered)
            }
        }
        if numbers >= 2, texts.count >= numbers, texts.count <= numbers * 4,
           texts.allSatisfy({ bareOrLeadingNumber($0.text) == nil }) {
            var notes: [RawFootnote] = []
            var j = texts.startIndex
            for i in 0..<numbers {
                var body = texts[j].text
                j += 1
                // Each note takes more lines while its text runs on, leaving one line at
                // least for each note still to come; the last takes the rest.
                while j < texts.endIndex && (i == numbers - 1 || (!endsWithTerminator(body) && texts.endIndex - j > numbers - 1 - i)) {
                    TextJoiner.append(texts[j].text, to: &body, spaced: spaced(body))
                    j += 1
                }
                notes.append(RawFootnote(number: first + i, text: body, line: zone[i].index))
            }
            return notes
        }
        // Each number with its text, on its line or on the lines after it.
        var notes: [RawFootnote] = []
        var linesInNote = 0
        for line in zone {
            if let (n, body) = bareOrLeadingNumber(line.text), n == first + notes.count {
                notes.append(RawFootnote(number: n, text: body, line: line.index))
                linesInNote = 0
                continue
            }
            linesInNote += 1
            guard !notes.isEmpty, linesInNote <= 4 else { return nil }
            TextJoiner.append(line.text, to: &notes[notes.count - 1].text, spaced: spaced(notes[notes.count - 1].text))
        }
        return notes.allSatisfy({ !$0.text.isEmpty }) ? notes : nil
    }
}

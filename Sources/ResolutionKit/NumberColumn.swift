// Operative numbers that pdftotext printed as a column of their own.
//
// In its default (reading-order) output, pdftotext often takes the numbers hanging in the
// left margin of a page (`2.`, `3.`, `4.`) as a separate column and prints them, one per
// line, before the paragraphs they number. The paragraphs then follow with no number, so
// every operative paragraph of the page is lost to the preamble or to its neighbour. A run
// of two or more numbers in sequence, each alone on its line, is that column: its numbers go
// back, in order, to the last paragraph openings of the stretch of text that follows, up to
// the next number or page. An opening is a line after one that finished a clause: opening
// with a capital where the script has case, else after a full stop or a line that stopped
// short of the measure.

enum NumberColumn {
    /// Puts each number of a column back in front of the paragraph it numbers. Lines are
    /// only moved within, never dropped: the column's lines become empty separators.
    /// - Complexity: O(n) in the lines: each line is looked at a bounded number of times.
    static func reattach(_ lines: inout [SourceLine], layout: TextLayout, profile: LanguageProfile,
                         isFurniture: (SourceLine) -> Bool) {
        // Where paragraphs open in lowercase (Russian `постановляет`), case says nothing.
        let capitals = !profile.spec.paragraphsStartLowercase
        var i = 0
        while i < lines.count {
            WorkMeter.add(1)
            guard let first = lines[i].numberAlone else { i += 1; continue }
            var column = [(index: i, value: first)]
            var j = i + 1
            while j < lines.count, !lines[j].pageBreakBefore, let v = lines[j].numberAlone, v == column.last!.value + 1 {
                column.append((j, v)); j += 1
            }
            guard column.count >= 2 else { i += 1; continue }
            // The stretch the column numbers: up to the next bare number or page.
            var end = j
            var openings: [Int] = []
            var previous: SourceLine? = nil
            while end < lines.count, !(end > j && lines[end].pageBreakBefore), lines[end].numberAlone == nil,
                  !BlockBuilder.isNumberOnly(lines[end].scalars) {
                WorkMeter.add(1)
                let line = lines[end]
                if !line.isSeparator, !isFurniture(line) {
                    // A subparagraph (`a)`, `(b)`, or the label alone with its text on the next
                    // line) belongs to the paragraph before it.
                    if opens(line, after: previous, layout: layout, capitals: capitals),
                       LabelParser.parse(line.text, profile: profile) == nil, !line.isLabelAlone,
                       !(previous.map { BlockBuilder.isLabelOnly($0.scalars) } ?? false) { openings.append(end) }
                    previous = line
                }
                end += 1
            }
            // Headings open a stretch but are not numbered: an opening whose text stops with
            // no terminator before the next opening is one, unless it is the last and goes on
            // over the page.
            // (Not when the next page opens with a number: its paragraph starts there.)
            let runsOn = end >= lines.count || (lines[end].pageBreakBefore && lines[end].numberAlone == nil
                && StructureBuilder.operativeNumber(lines[end].text) == nil)
            let numbered = withoutHeadings(openings, end: end, keepingLast: runsOn, in: lines, isFurniture: isFurniture)
            guard numbered.count >= column.count else { i = j; continue }
            for (c, target) in zip(column, numbered.suffix(column.count)) {
                let label = lines[c.index].text
                lines[c.index].text = []
                lines[c.index].isSeparator = true
                lines[target].text = label + [" "] + lines[target].text
                lines[target].width += label.count + 1
            }
            i = end
        }
    }

    /// The column cut in pieces: pdftotext may print some of a page's numbers before its
    /// paragraphs and the rest after them (`5.` `8.`, the texts, the footer, `6.` `7.`).
    /// When the numbers left standing in groups on one page (two or more alone on adjacent
    /// lines) are, sorted, a run with no gap, and the page has exactly as many paragraph
    /// openings after the first group, they go to those openings in order.
    /// - Complexity: O(n) in the lines (each page is looked at a bounded number of times).
    static func reattachScattered(_ lines: inout [SourceLine], layout: TextLayout, profile: LanguageProfile,
                                  isFurniture: (SourceLine) -> Bool) {
        let capitals = !profile.spec.paragraphsStartLowercase
        var pageStart = 0
        while pageStart < lines.count {
            var pageEnd = pageStart + 1
            while pageEnd < lines.count && !lines[pageEnd].pageBreakBefore { pageEnd += 1 }
            defer { pageStart = pageEnd }
            // Number lines next to another number line (blank separators between them only).
            var grouped: [(index: Int, value: Int)] = []
            var previousNumber: (index: Int, value: Int)? = nil
            var lastText: Int? = nil
            for k in pageStart..<pageEnd where !lines[k].isSeparator {
                WorkMeter.add(1)
                if let v = lines[k].numberAlone {
                    if let p = previousNumber, lastText == p.index {
                        if grouped.last?.index != p.index { grouped.append(p) }
                        grouped.append((k, v))
                    }
                    previousNumber = (k, v)
                }
                lastText = k
            }
            guard grouped.count >= 2 else {
                attachLoneNumber(&lines, page: pageStart..<pageEnd, layout: layout, profile: profile, isFurniture: isFurniture)
                continue
            }
            // A number left alone elsewhere on the page (`12.` at its top, `8.`–`11.` after
            // its text) is part of the same column when all of them together make a run.
            let lone = (pageStart..<pageEnd).compactMap { k in
                lines[k].isSeparator ? nil : lines[k].numberAlone.map { (index: k, value: $0) }
            }
            // Failing that, the groups alone: numbers left beside their paragraphs' first lines
            // (`1.` after the line it opens, as right-to-left pages print them) are the later
            // number passes' to place.
            var columns: [[(index: Int, value: Int)]] = [grouped]
            let loneValues = lone.map(\.value).sorted()
            if lone.count > grouped.count, zip(loneValues, loneValues.dropFirst()).allSatisfy({ $1 == $0 + 1 }) {
                columns.insert(lone, at: 0)
            }
            for column in columns where placeColumn(column, on: pageStart..<pageEnd, in: &lines, layout: layout,
                                                    capitals: capitals, profile: profile, isFurniture: isFurniture) {
                break
            }
        }
    }

    /// Places a column of numbers found on one page: each goes to one paragraph opening of
    /// the page, in order, when the numbers make a run and the openings are as many. A page's
    /// headings (`Reporting` between two paragraphs) open lines too, and where no capital
    /// marks an opening the paragraph after one is not seen to open. So the openings are also
    /// counted with the line after each short unfinished opening taken and the openings whose
    /// text stops with no terminator left out; that count is preferred where it fits.
    /// - Returns: whether the column was placed.
    /// - Complexity: O(page).
    private static func placeColumn(_ grouped: [(index: Int, value: Int)], on page: Range<Int>, in lines: inout [SourceLine],
                                    layout: TextLayout, capitals: Bool, profile: LanguageProfile,
                                    isFurniture: (SourceLine) -> Bool) -> Bool {
        let (pageStart, pageEnd) = (page.lowerBound, page.upperBound)
        let values = grouped.map(\.value).sorted()
        guard zip(values, values.dropFirst()).allSatisfy({ $1 == $0 + 1 }) else { return false }
        let isColumn = Set(grouped.map(\.index))
        /// - Parameter headings: also take as an opening the line after an opening that
        ///   stopped short with no terminator (a heading's), where no capital says it opens.
        func openings(from start: Int, headings: Bool = false) -> [Int] {
            var found: [Int] = []
            // The page's first line goes on with the paragraph the last page left
            // unfinished: it is judged against the text line before it, not taken as an
            // opening.
            var previous = textLine(before: start, in: lines, isFurniture: isFurniture)
            var previousOpened = false
            for k in start..<pageEnd {
                let line = lines[k]
                if line.isSeparator || isFurniture(line) || isColumn.contains(k) || line.numberAlone != nil { continue }
                let afterHeading = headings && previousOpened && previous.map { p in
                    !endsWithTerminator(p.text) && layout.measure > 0 && p.reach * 10 < layout.measure * 7
                } ?? false
                // A paragraph printed with its number (`4. Decides…`) is not one of the column's,
                // nor is a subparagraph, or its label alone with its text on the next line.
                previousOpened = (afterHeading || opens(line, after: previous, layout: layout, capitals: capitals))
                    && StructureBuilder.operativeNumber(line.text) == nil
                    && LabelParser.parse(line.text, profile: profile) == nil && !line.isLabelAlone
                    && !(previous.map { BlockBuilder.isLabelOnly($0.scalars) } ?? false)
                if previousOpened { found.append(k) }
                previous = line
            }
            return found
        }
        // Numbers before their paragraphs number openings after the first of them. A
        // column printed after all of its page's text (at the foot, before the footer)
        // numbers the page's openings from its top.
        var start = grouped[0].index
        var targets = openings(from: start)
        if targets.isEmpty, !(grouped[0].index..<pageEnd).contains(where: { k in
            !lines[k].isSeparator && !isFurniture(lines[k]) && !isColumn.contains(k) && lines[k].numberAlone == nil
        }) {
            start = pageStart
            targets = openings(from: start)
        }
        // Headings among the openings are no paragraphs, and the paragraph after each opens
        // even where no capital says so. Counted so, the openings are preferred.
        let besideHeadings = withoutHeadings(openings(from: start, headings: true), end: pageEnd, keepingLast: true,
                                             in: lines, isFurniture: isFurniture)
        if besideHeadings.count == values.count { targets = besideHeadings }
        guard targets.count == values.count else { return false }
        for (value, target) in zip(values, targets) {
            let label = lines[grouped.first { $0.value == value }!.index].text
            lines[target].text = label + [" "] + lines[target].text
            lines[target].width += label.count + 1
        }
        for c in grouped { lines[c.index].text = []; lines[c.index].isSeparator = true }
        return true
    }

    /// The openings that are not headings: an opening is one when its text, up to the next
    /// opening (the last: up to `end`), stops with no terminator. `keepingLast` keeps the last
    /// opening whatever it ends with, where its paragraph may go on over the page.
    /// - Complexity: O(end − first opening).
    private static func withoutHeadings(_ openings: [Int], end: Int, keepingLast: Bool, in lines: [SourceLine],
                                        isFurniture: (SourceLine) -> Bool) -> [Int] {
        openings.enumerated().compactMap { k, o in
            let isLast = k + 1 == openings.count
            if isLast && keepingLast { return o }
            var last = (isLast ? end : openings[k + 1]) - 1
            while last > o, lines[last].isSeparator || isFurniture(lines[last]) || lines[last].numberAlone != nil { last -= 1 }
            return endsWithTerminator(lines[last].text) ? o : nil
        }
    }

    /// A page's column of one number printed apart from its paragraph (`1.` above the organ's
    /// formula, the paragraph at the page's foot): it goes to the one paragraph after it on
    /// the page that opens with an operative verb, when there is exactly one and none before
    /// it (or to the first of them, for `1.`). A number whose next text line is its paragraph
    /// is left to the block phase.
    /// - Complexity: O(page).
    static func attachLoneNumber(_ lines: inout [SourceLine], page: Range<Int>, layout: TextLayout, profile: LanguageProfile,
                                 isFurniture: (SourceLine) -> Bool) {
        let numbers = page.filter { !lines[$0].isSeparator && lines[$0].numberAlone != nil }
        guard numbers.count == 1, let at = numbers.first else { return }
        func opensWithVerb(_ text: Scalars) -> Bool {
            InlinePass.startsWithLead(text, profile: profile) && !InlinePass.startsWithOpener(text, profile: profile)
                && StructureBuilder.operativeNumber(text) == nil && LabelParser.parse(text, profile: profile) == nil
        }
        let capitals = !profile.spec.paragraphsStartLowercase
        // Two verb paragraphs after a number other than `1.` leave it where it is: the
        // page's other lines need not be read.
        let one = lines[at].numberAlone == 1
        var previous = textLine(before: page.lowerBound, in: lines, isFurniture: isFurniture)
        var targets: [Int] = []
        var firstText = true
        for k in page {
            let line = lines[k]
            if line.isSeparator || isFurniture(line) || line.numberAlone != nil { continue }
            defer { previous = line }
            // An operative verb at a line's start after a finished clause (a comma's included:
            // the preamble's last paragraph ends with one) opens, however long that line is,
            // with a capital where the script's paragraphs open with one (`…, requests` in
            // lower case goes on with its clause).
            // Neither holds after a line that finished no clause and did not stop short (what
            // `opens` asks first): most lines of a page, told from the line before in place,
            // so that their text is neither unpacked nor matched against the verbs.
            let verb: Bool
            if let p = previous, !endsWithTerminator(p.scalars), !(layout.measure > 0 && p.reach * 10 < layout.measure * 7) {
                verb = false
            } else {
                // The text is unpacked once, and case is asked only of a line that opens with a verb.
                let text = line.text
                verb = opensWithVerb(text) && (opens(line, after: previous, layout: layout, capitals: capitals)
                    || ((!capitals || !BlockBuilder.hasCase(text) || BlockBuilder.startsUppercase(text))
                        && previous.map { endsWithTerminator($0.scalars) } ?? true))
            }
            if k < at {
                if verb { return }
            } else {
                if firstText && verb { return }
                firstText = false
                if verb { targets.append(k) }
                if targets.count >= 2 && !one { return }
            }
        }
        // Several verb paragraphs after `1.`: the first operative paragraph is the first of
        // them, as nothing that opens with a verb comes between the preamble and it.
        guard targets.count == 1 || (targets.count > 1 && one), let target = targets.first else { return }
        let label = lines[at].text
        lines[target].text = label + [" "] + lines[target].text
        lines[target].width += label.count + 1
        lines[at].text = []
        lines[at].isSeparator = true
    }

    /// The nearest line before `index` that carries paragraph text (no separator, page
    /// furniture or bare number), looking back over a page's worth of lines at most.
    /// - Complexity: O(1): at most 80 lines are looked at.
    static func textLine(before index: Int, in lines: [SourceLine], isFurniture: (SourceLine) -> Bool) -> SourceLine? {
        var k = index - 1
        while k >= 0 && index - k <= 80 {
            let line = lines[k]
            if !line.isSeparator, !isFurniture(line), line.numberAlone == nil { return line }
            k -= 1
        }
        return nil
    }

    /// `12.` alone on a line.
    static func number<S: RandomAccessCollection<Unicode.Scalar>>(_ s: S) -> Int? where S.Index == Int {
        // At most three digits and the stop (`isNumberOnly` with a stop at the end): told by
        // the count first, which a packed line knows, where the test itself read the line's
        // last scalar through the generic collection (asked of every line, several times).
        guard s.count >= 2 && s.count <= 4 else { return nil }
        guard BlockBuilder.isNumberOnly(s), s.last == "." || s.last == "．" else { return nil }
        var n = 0
        for c in s.dropLast() { guard let d = Chars.digitValue(c) else { return nil }; n = n * 10 + d }
        return n > 0 ? n : nil
    }

    /// A paragraph opens on `line`: the line before finished a clause (or is the column
    /// itself), and a cased script opens with a capital.
    static func opens(_ line: SourceLine, after previous: SourceLine?, layout: TextLayout, capitals: Bool) -> Bool {
        guard let first = line.text.first(where: { $0.properties.isAlphabetic }) else { return false }
        let cased = capitals && (first.properties.isUppercase || first.properties.isLowercase)
        if cased && !first.properties.isUppercase { return false }
        guard let prev = previous else { return true }
        // A capital after a line that stopped well short: the last line of a paragraph
        // whose text forgot its comma.
        if cased, layout.measure > 0, prev.reach * 10 < layout.measure * 7 { return true }
        guard endsWithTerminator(prev.text) else { return false }
        // A capital after a finished clause says it where the script has case; elsewhere a
        // clause that ends with a comma must also have stopped short of the measure.
        if cased || BlockBuilder.endsWithStrongTerminator(prev.text) { return true }
        return layout.measure == 0 || layout.endsEarly(prev, before: line.text)
    }
}

extension SourceLine {
    /// `NumberColumn.number` of the text, told by its length (two to four scalars) and its
    /// stop first: the column passes ask it of every line, and those are read in place,
    /// where handing the packed text to the test copied the line (a retain and a release
    /// each) also for the many short lines of text (a CJK line cut to one character).
    var numberAlone: Int? {
        guard length >= 2 && length <= 4, let stop = lastScalar, stop == "." || stop == "．" else { return nil }
        return NumberColumn.number(scalars)
    }

    /// `BlockBuilder.isLabelOnly` of the text, told first by its length (eight scalars at
    /// most) and by how a label alone ends (a bracket, or `‘` after an Arabic number), or is
    /// one character (a bullet, `㈠`), for the same reason.
    var isLabelAlone: Bool {
        guard length <= 8, let end = lastScalar, length == 1 || end == ")" || end == "）" || end == "\u{2018}" else { return false }
        return BlockBuilder.isLabelOnly(scalars)
    }
}

// Phase 1b: the layout of a text, measured once over all its lines, so that the later
// line phases decide from the document's own statistics rather than from one template:
//   - the measure (how wide a full line is) and the body's left margin;
//   - the rhythm of blank lines (none, between blocks, after every line);
//   - page feeds, and the lines that recur at page-like intervals (running headers and
//     footers), which are page furniture;
//   - whether the text is hard-wrapped at all (one paragraph per line is not).


struct TextLayout {
    /// Lines stop at a measure and paragraphs run over several lines.
    var hardWrapped = false
    /// The column that full lines reach (a high percentile of `SourceLine.reach`).
    var measure = 0
    /// The left margin of the body text: the indentation most full lines share.
    var margin = 0
    /// Blank lines that separate blocks: one more than the usual gap between lines, so a
    /// blank after every line (double spacing) says nothing and two say "new block".
    var blockGap = 1
    /// Page feeds seen.
    var pages = 1
    /// Indentations beyond the margin where text runs on (hanging subparagraphs, text right
    /// of outdented numbers). Every other deeper indentation opens a paragraph.
    var hangingIndents: Set<Int> = []
    /// Neither blank lines nor indentation mark paragraphs (text copied from a viewer):
    /// line lengths and openers are all the evidence there is.
    var flat = false
    /// Blank lines mark the paragraph ends: nearly every finished clause that stops well
    /// short of the measure is followed by a block gap. A short line with no gap after it
    /// then ends no paragraph by its length alone (a sentence broken early by the wrap).
    var gapsMarkEnds = false
    /// Set-in first lines mark the openings: nearly every line after a finished paragraph
    /// (a strong stop) starts deeper than the margin. A line at the margin is then the text
    /// running on, whatever word it starts with.
    var indentsMarkOpenings = false
    /// Source line numbers (`SourceLine.index`) of running headers and footers.
    var repeatedFurniture: Set<Int> = []
    /// No line is set in (pdftotext's default text): the columns are no grid, and a space
    /// beside a wide character is a gap the extractor marked between scripts (`2020 年`),
    /// narrower than a column. `wideReach` leaves such spaces out.
    var gridless = false
    /// The measure of lines with wide characters, by `wideReach`: CJK justifies each
    /// wrapped line to it, whatever digits and Latin the line carries.
    var wideMeasure = 0
    /// How far short of `wideMeasure` a paragraph's full first line stops: pdftotext's
    /// default text drops the first-line indent, so a first line that filled its measure
    /// looks short by that much. 0 where no such indent is clear.
    var wideOpeningIndent = 0
    /// The furthest a paragraph's full first line reaches, where pdftotext's default text
    /// dropped a set-in of first lines that the lengths still show (`openingReach(_:layout:)`):
    /// a line that reaches further was not set in, so it opens no paragraph. 0 where no
    /// such set-in is clear.
    var openingReach = 0
    /// The measure of the lines printed with single spaces, where `-layout` printed the
    /// justified lines of a proportional font with their spaces widened: those reach the
    /// page's right edge on the column grid, and the rest, as full on the page, stop well
    /// short of it. Equal to `measure` where few lines were widened.
    var evenMeasure = 0

    /// Flowing text: one paragraph per line, nothing to undo.
    static let flowing = TextLayout()

    /// Measures the layout of `lines`.
    /// - Complexity: O(n) in the number of lines (one sort of the widths, O(n log n) in lines).
    /// `measuringOpenings`: also measure how far first lines reach (`openingReach`), asked
    /// only where no capital marks a paragraph's opening.
    static func of(_ lines: [SourceLine], measuringOpenings: Bool = false) -> TextLayout {
        var layout = TextLayout()
        // The lines that carry text, by position: a filtered copy of the lines was the
        // phase's largest allocation on long hard-wrapped inputs.
        let text = TextLines(lines)
        guard !text.isEmpty else { return layout }
        let reaches = text.map(\.reach)
        layout.measure = Self.orderStatistic(reaches, reaches.count * 9 / 10)
        layout.evenMeasure = layout.measure
        layout.pages = 1 + lines.reduce(0) { $0 + ($1.pageBreakBefore ? 1 : 0) }
        layout.hardWrapped = isHardWrapped(text, measure: layout.measure)
        measureRest(&layout, text)
        if measuringOpenings && layout.gridless { layout.openingReach = openingReach(text, layout: layout) }
        // Running lines are a thing of extracted (hard-wrapped) text. Found here, after the
        // rest is measured, not beside it on the other core: the two passes read the same
        // lines, and on the 2-core machine this is measured on they took longer side by side
        // (each line's storage retained and released from both cores) than one after the
        // other.
        if layout.hardWrapped { layout.repeatedFurniture = RunningLines.find(lines, pages: layout.pages) }
        return layout
    }

    /// The layout facts besides the measure, the pages and whether the text is hard-wrapped
    /// (set in `layout` already), measured over the lines that carry text.
    /// - Complexity: O(n) in the number of lines.
    private static func measureRest(_ layout: inout TextLayout, _ text: TextLines) {
        // The usual gap inside a paragraph: the commonest count of blank lines after a
        // line that fills the measure (a wrap, not a paragraph end). Counting after every
        // line would let short paragraphs and one-line preface blocks outvote the wraps.
        var gaps = [Int](repeating: 0, count: 4)
        for k in 1..<max(1, text.count) where !text.line(k).pageBreakBefore && text.line(k - 1).reach * 10 >= layout.measure * 8 {
            gaps[min(text.line(k).blankBefore, 3)] += 1
        }
        let usual = gaps.indices.max { gaps[$0] < gaps[$1] || (gaps[$0] == gaps[$1] && $0 > $1) } ?? 0
        layout.blockGap = usual + 1

        // The margin: the least indentation shared by a good part of the lines that fill
        // the measure. Not the commonest: where paragraphs are short, indented first
        // lines can outnumber the lines that run back to the margin.
        var indents = IndentCounts()
        var full = 0
        for k in text.indices where text.line(k).reach * 10 >= layout.measure * 8 { indents.add(text.line(k).indent); full += 1 }
        layout.margin = indents.counted.filter { $0.count * 100 >= full * 15 }.map(\.indent).min() ?? 0

        // For each indentation: do its lines mostly go on with a sentence that the line
        // before left unfinished at the measure (continuation: hanging subparagraphs, or
        // body text right of outdented numbers), or mostly start after a finished line
        // (a first-line indent)?
        var goesOn = IndentCounts(), starts = IndentCounts()
        for k in 1..<max(1, text.count) {
            let prev = text.line(k - 1), cur = text.line(k)
            guard !cur.pageBreakBefore, cur.blankBefore < layout.blockGap else { continue }
            let prevEnds = text.endsWithTerminator(k - 1)
            if prev.reach * 10 >= layout.measure * 8 && !prevEnds {
                goesOn.add(cur.indent)
            } else if prevEnds || prev.reach * 10 < layout.measure * 8 {
                starts.add(cur.indent)
            }
        }
        for (indent, n) in goesOn.counted where indent > layout.margin && n > starts[indent] { layout.hangingIndents.insert(indent) }

        // Do the blank lines mark the paragraph ends? Look at the finished clauses that stop
        // well short of the measure, at the margin, with a line at the margin after them.
        var shortEnds = 0, gapped = 0
        for k in 1..<max(1, text.count) {
            let prev = text.line(k - 1), cur = text.line(k)
            guard !cur.pageBreakBefore, prev.reach * 10 < layout.measure * 7, text.endsWithTerminator(k - 1),
                  prev.indent <= layout.margin, cur.indent <= layout.margin else { continue }
            shortEnds += 1
            if cur.blankBefore >= layout.blockGap { gapped += 1 }
        }
        layout.gapsMarkEnds = shortEnds >= 8 && gapped * 20 >= shortEnds * 19

        // Do set-in first lines mark the openings? Numbered paragraphs say it: all of them
        // open set in, none at the margin. So do the lines right after a paragraph surely
        // ended (`;`, `.`, `:`, `。`) with no gap between: nearly all are set in.
        var afterEnds = 0, setIn = 0, numbersSetIn = 0, numbersAtMargin = 0, headingsAtMargin = 0
        for k in 0..<text.count {
            let cur = text.line(k)
            let deeper = cur.indent > layout.margin && !layout.hangingIndents.contains(cur.indent)
            // Only a line opening with a digit or bold is read as a number, in place.
            var opensWithFigure = false
            if let f = cur.scalars.first, Chars.digitValue(f) != nil || f == "*" {
                if StructureBuilder.operativeNumberValue(cur.scalars) != nil {
                    if deeper { numbersSetIn += 1 } else if cur.indent <= layout.margin { numbersAtMargin += 1 }
                } else {
                    opensWithFigure = Chars.digitValue(f) != nil
                }
            }
            // A line that opens with a figure and is no numbered paragraph (a note's number,
            // a job number, a page's `2/3`) after a finished one says nothing of how
            // paragraphs open: it is the page's furniture or its notes.
            guard k > 0, !opensWithFigure, !cur.pageBreakBefore, cur.blankBefore < layout.blockGap,
                  text.endsWithStrongTerminator(k - 1) else { continue }
            afterEnds += 1
            // A short unfinished line at the margin after a finished paragraph is a heading
            // (or a title, a closing line): there the margin holds more than text running
            // on, whatever the set-in openings say.
            if deeper { setIn += 1 } else if cur.reach * 10 < layout.measure * 7 && !text.endsWithTerminator(k) { headingsAtMargin += 1 }
        }
        // One line in twenty may miss, and one always: an abbreviation's stop at a line end
        // (`т. е.`) is no paragraph end. No heading may.
        layout.indentsMarkOpenings = numbersSetIn >= 2 && numbersAtMargin == 0 && headingsAtMargin == 0 && afterEnds - setIn <= 1 + afterEnds / 20

        // Paragraph marks: lines after a block gap, or indented openings.
        var marked = 0
        for k in text.indices where !text.line(k).pageBreakBefore {
            let line = text.line(k)
            if line.blankBefore >= layout.blockGap || (line.indent > layout.margin && !layout.hangingIndents.contains(line.indent)) { marked += 1 }
        }
        layout.flat = marked * 20 < text.count

        layout.gridless = text.allSatisfy { $0.indent == 0 }
        layout.wideMeasure = layout.measure
        if layout.gridless {
            // Measured on the lines of wide characters only: a digit or a Latin letter set
            // in a CJK font is narrower than the column it counts for, so lines that carry
            // them overstate the measure. Only lines with a wide character (more columns
            // than scalars) are read.
            let wide = text.filter { $0.width > $0.length && Self.isWideOnly($0) }
                .map { layout.wideReach($0) }.sorted()
            if wide.count >= 8 { layout.wideMeasure = wide[wide.count * 9 / 10] }
            layout.wideOpeningIndent = openingIndent(text, layout: layout)
        }
    }

    /// The value at position `n` of `values` sorted ascending. Reaches are columns, small
    /// and never negative: counted, where sorting a long text's lines was O(n log n); any
    /// other values are sorted.
    /// - Complexity: O(n + m) for values in 0..<m, m at most 65,536; O(n log n) otherwise.
    static func orderStatistic(_ values: [Int], _ n: Int) -> Int {
        guard let low = values.min(), let high = values.max(), low >= 0, high < 1 << 16 else { return values.sorted()[n] }
        var counts = [Int](repeating: 0, count: high + 1)
        for v in values { counts[v] += 1 }
        var seen = 0
        for v in counts.indices {
            seen += counts[v]
            if seen > n { return v }
        }
        return values.sorted()[n]  // not reached: n < values.count
    }

    /// Hard-wrapped (PDF-extracted) text has many lines that fill the measure and stop
    /// mid-sentence; markdown-like text has one paragraph per line.
    static func isHardWrapped(_ lines: TextLines, measure: Int) -> Bool {
        guard lines.count >= 8, measure >= 24 && measure <= 260 else { return false }
        var full = 0
        for k in lines.indices where lines.line(k).reach * 10 >= measure * 8 && !lines.endsWithTerminator(k) { full += 1 }
        // One paragraph per line almost never stops mid-sentence near the widest width;
        // wrapped text does so on many lines, though short documents whose clauses end
        // with commas show fewer.
        return full >= 3 && full * 10 >= lines.count
    }

    /// True when `next`'s first word would have fitted at the end of `line`: the line
    /// was ended on purpose (a paragraph or heading ends there), not by the wrap.
    /// Proportional fonts make column counts approximate, hence the slack. `opening`: the
    /// line opened its paragraph, and may have been set in (`wideOpeningIndent`).
    func endsEarly<S: Sequence<Unicode.Scalar>>(_ line: SourceLine, before next: S, opening: Bool = false) -> Bool {
        let measure = line.widened ? self.measure : evenMeasure
        if line.reach * 10 < measure * 8 { return true }
        // Past 80% of the measure: early only if the next word would have fitted with room
        // to spare. CJK wraps between any two characters and justifies, so its wrapped
        // lines reach the measure but for a character or two.
        // A packed line below U+0100 (no wide scalar) has its first word measured in its
        // bytes: the scalar loop below read it through the packed line's subscript, and this
        // is asked of most lines of hard-wrapped Latin text, in the block phase and before it.
        if let packed = next as? PackedScalars,
           let firstWord = packed.withLatin1({ b -> Int in
               var k = 0
               while k < b.count, !Chars.isSpace(Unicode.Scalar(b[k])) { k += 1 }
               return k
           }) {
            return (line.reach + 1 + firstWord) * 100 <= measure * 88
        }
        var firstWord = 0
        for s in next {
            if Chars.isSpace(s) { break }
            if Chars.isWide(s) {
                let target = wideMeasure - (opening ? wideOpeningIndent : 0)
                // A line of wide characters alone is justified to the column: one that stops
                // more than a character short stopped by choice (kinsoku may carry one
                // character down and leave the line stretched). Digits and Latin make the
                // count approximate, hence the ratio for lines that carry them.
                if gridless && Self.isWideOnly(line) {
                    let short = target - wideReach(line)
                    // A character short after a finished clause, with a character next that
                    // kinsoku would not carry down (no opening bracket or quote before it, no
                    // closing punctuation on it): the paragraph ended there.
                    if short == 2, let end = line.scalars.last, Chars.isTerminator(end), Chars.isHan(s),
                       let after = next.dropFirst().first(where: { _ in true }), !Self.closesClause(after) { return true }
                    return short > 2
                }
                return wideReach(line) * 100 < target * 92
            }
            firstWord += 1
        }
        return (line.reach + 1 + firstWord) * 100 <= measure * 88
    }

    /// The line's reach with the spaces beside wide characters left out, in gridless text
    /// (`gridless`); elsewhere its reach.
    /// - Complexity: O(1) for a line with no wide character, O(n) in its scalars otherwise.
    /// A line of wide characters alone (spaces aside): justified to the column, it measures
    /// the text's wide measure exactly.
    /// - Complexity: O(n) in the line's scalars, read in place.
    /// Punctuation that may not open a line (`，` `。` `）` `」`…): kinsoku carries the
    /// character before it down with it.
    static func closesClause(_ s: Unicode.Scalar) -> Bool {
        Chars.isWidePunctuation(s) || "）」』”’》〉】!?！？".unicodeScalars.contains(s)
    }

    static func isWideOnly(_ line: SourceLine) -> Bool {
        line.scalars.allSatisfy { Chars.isWide($0) || $0 == " " }
    }

    func wideReach(_ line: SourceLine) -> Int {
        guard gridless, line.width > line.length else { return line.reach }
        let t = line.scalars
        var gaps = 0
        for i in t.indices where t[i] == " " {
            if (i > 0 && Chars.isWide(t[i - 1])) || (i + 1 < t.count && Chars.isWide(t[i + 1])) { gaps += 1 }
        }
        return line.reach - gaps
    }

    /// `normalise`'s test of a line, over the bytes of a Latin-1 line: a space other than
    /// U+0020 (below U+0100: tab, VT, FF, NBSP) at some position from 1 on, or a U+0020 right
    /// after any space. Below U+0100 nothing is wide or Han, so the test of spaces between
    /// Han characters never holds. Eight positions at a time: English words are short, so
    /// nearly every eight bytes hold a space, and a skip over spaceless words seldom skips.
    /// - Complexity: O(n) in the line's bytes.
    static func needsMending(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        @inline(__always) func isOtherSpace(_ c: UInt8) -> Bool { c == 0x09 || c == 0x0B || c == 0x0C || c == 0xA0 }
        @inline(__always) func marks(_ w: UInt64, _ b: UInt8) -> UInt64 { ByteWords.zeroMask(w ^ (ByteWords.ones &* UInt64(b))) }
        guard t.count >= 2 else { return false }
        // Position 1 after an other space at 0: the words below see the byte before each
        // position as a U+0020 only, an other space there having been caught at its own
        // position (from 1 on).
        if t[1] == 0x20 && isOtherSpace(t[0]) { return true }
        var i = 1
        while i + 8 <= t.count {
            let w = ByteWords.load(t, i)       // positions i ..< i + 8
            let before = ByteWords.load(t, i - 1)  // the byte before each of them
            let others = marks(w, 0x09) | marks(w, 0x0B) | marks(w, 0x0C) | marks(w, 0xA0)
            if others != 0 || marks(w, 0x20) & marks(before, 0x20) != 0 { return true }
            i += 8
        }
        while i < t.count {
            let c = t[i]
            if c == 0x20 {
                if Chars.isSpace(Unicode.Scalar(t[i - 1])) { return true }
            } else if c < 0x80 ? c >= 9 && c <= 12 && c != 10 : Chars.isSpace(Unicode.Scalar(c)) {
                return true
            }
            i += 1
        }
        return false
    }

    /// `normalise`'s test of a line, over the values of a line in the Basic Multilingual
    /// Plane (CJK text): the scalar loop's answer, with its exact test asked only where a
    /// value may be a space (`mayBeSpace`, eight positions at a time without a branch). A
    /// line of Han characters is mostly positions no test can stop at, which the scalar
    /// loop read one by one through the packed line's subscript.
    /// - Complexity: O(n) in the line's values.
    static func needsMending(bmp t: UnsafeBufferPointer<UInt16>) -> Bool {
        // Every space of `Chars.isSpace` below U+10000, and a few values besides (the exact
        // test below turns those away): U+0009–U+000C, U+0020, U+00A0, U+2000–U+205F, U+3000,
        // U+FEFF.
        @inline(__always) func mayBeSpace(_ v: UInt16) -> Bool {
            (v == 0x20) || (v &- 9 < 4) || (v == 0xA0) || (v &- 0x2000 < 0x60) || (v == 0x3000) || (v == 0xFEFF)
        }
        // The scalar loop's test at position i (from 1 on).
        @inline(__always) func mends(_ i: Int) -> Bool {
            let v = UInt32(t[i])
            if v == 0x20 {
                let p = Unicode.Scalar(UInt32(t[i - 1]))!
                if Chars.isSpace(p) { return true }
                guard i + 1 < t.count else { return false }
                let q = Unicode.Scalar(UInt32(t[i + 1]))!
                return Chars.isWide(p) && Chars.isWide(q) && Chars.isHan(p) && Chars.isHan(q)
            }
            return v < 0x80 ? v >= 9 && v <= 12 && v != 10 : Chars.isSpace(Unicode.Scalar(v)!)
        }
        guard t.count >= 2 else { return false }
        var i = 1
        while i + 8 <= t.count {
            let p = t.baseAddress! + i
            var m: UInt32 = 0
            for k in 0..<8 { m |= (mayBeSpace(p[k]) ? 1 : 0) << UInt32(k) }
            while m != 0 {
                if mends(i + m.trailingZeroBitCount) { return true }
                m &= m - 1
            }
            i += 8
        }
        while i < t.count {
            if mayBeSpace(t[i]) && mends(i) { return true }
            i += 1
        }
        return false
    }

    /// Whether the line phases must undo the page: collapse the runs of spaces that
    /// justified `-layout` text leaves between words, and the spaces that spread CJK
    /// characters across a line.
    /// - Complexity: O(n) in the text's scalars.
    mutating func normalise(_ lines: inout [SourceLine]) {
        evenMeasure = measure
        guard hardWrapped else { return }
        // The reaches of the lines not widened, counted by column (a long text has a line
        // array's worth of them): `evenCounts[r]` lines reach column r.
        var evenCounts = [Int](repeating: 0, count: 256), even = 0, widened = 0
        func countEven(_ reach: Int) {
            let r = min(reach, 1 << 16)
            if r >= evenCounts.count { evenCounts += repeatElement(0, count: r + 1 - evenCounts.count) }
            evenCounts[r] += 1
            even += 1
        }
        defer {
            // Only where widened lines are common enough to have set the measure.
            if widened * 10 >= even + widened, even >= 8 {
                var seen = 0
                for r in evenCounts.indices {
                    seen += evenCounts[r]
                    if seen > even * 9 / 10 { evenMeasure = r; break }
                }
            }
        }
        for k in lines.indices where !lines[k].isSeparator {
            // Read in place: most lines need nothing, and a mended one is packed again.
            let t = lines[k].scalars
            // One pass decides whether the line needs mending: a run of spaces, a space other
            // than U+0020, or a space between two Han characters. Most lines need nothing,
            // and a letter costs one comparison here.
            var needs = false
            if let found = t.withLatin1(Self.needsMending) ?? t.withBMP(Self.needsMending(bmp:)) {
                needs = found
            } else {
                for i in 1..<max(1, t.count) {
                    let c = t[i]
                    if c == " " {
                        if Chars.isSpace(t[i - 1])
                            || (i + 1 < t.count && Chars.isWide(t[i - 1]) && Chars.isWide(t[i + 1]) && Chars.isHan(t[i - 1]) && Chars.isHan(t[i + 1])) {
                            needs = true; break
                        }
                    } else if (c.value < 0x80 ? c.value >= 9 && c.value <= 12 && c.value != 10 : Chars.isSpace(c)) {
                        needs = true; break
                    }
                }
            }
            guard needs else { countEven(lines[k].reach); continue }
            var out = Scalars()
            out.reserveCapacity(t.count)
            var i = 0
            while i < t.count {
                if Chars.isSpace(t[i]) {
                    var j = i
                    while j < t.count && Chars.isSpace(t[j]) { j += 1 }
                    // Spaces between two Han characters are justification, never text.
                    let betweenHan = !out.isEmpty && j < t.count && Chars.isHan(out[out.count - 1]) && Chars.isHan(t[j])
                    if !betweenHan { out.append(" ") }
                    i = j
                    continue
                }
                out.append(t[i])
                i += 1
            }
            lines[k].text = out
            // A justified line that `-layout` prints with its spaces widened reached the
            // measure: its width stays what the page showed, or it would look like a
            // paragraph's short last line. A right-to-left line's gaps are not that: each
            // left-to-right run in it (`S/PRST/2018/2 (2018)`) is printed at its own place.
            if out.contains(where: Chars.isArabicLetter) {
                lines[k].width = approxColumns(out)
            } else if lines[k].width == t.count && t.count - out.count >= 2 {
                lines[k].widened = true
                widened += 1
                continue
            }
            countEven(lines[k].reach)
        }
    }
}

/// The lines of a text that carry text (separators left out), read in place.
struct TextLines: RandomAccessCollection {
    let lines: [SourceLine]
    let at: [Int32]
    /// Each text line's last meaningful scalar (`lastMeaningful`), `UInt32.max` for none:
    /// found once a line here, where the layout passes asked it of most lines four times
    /// over, each time scanning back over the line's packed text.
    let lastStops: [UInt32]

    /// The lines of `lines` that carry text (separators left out).
    /// - Complexity: O(n) in the lines, and in the scalars that `lastMeaningful` passes.
    init(_ lines: [SourceLine]) {
        self.lines = lines
        at = lines.indices.compactMap { lines[$0].isSeparator ? nil : Int32(truncatingIfNeeded: $0) }
        lastStops = at.map { lastMeaningful(lines[Int($0)].scalars)?.value ?? UInt32.max }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { at.count }
    subscript(i: Int) -> SourceLine { lines[Int(at[i])] }

    /// The layout facts of text line `i`, read in place: a `SourceLine` copy is two retains
    /// and two releases, and the layout passes read a few numbers of every line.
    /// - Complexity: O(1).
    @inline(__always) func line(_ i: Int) -> LineFacts { LineFacts(lines: lines, at: Int(at[i])) }

    /// `endsWithTerminator` of text line `i`'s text, from `lastStops`.
    /// - Complexity: O(1).
    @inline(__always) func endsWithTerminator(_ i: Int) -> Bool {
        guard let c = Unicode.Scalar(lastStops[i]) else { return false }
        return Chars.isTerminator(c)
    }

    /// `BlockBuilder.endsWithStrongTerminator` of text line `i`'s text, from `lastStops`.
    /// - Complexity: O(1).
    @inline(__always) func endsWithStrongTerminator(_ i: Int) -> Bool {
        guard let c = Unicode.Scalar(lastStops[i]) else { return false }
        return BlockBuilder.isStrongTerminator(c)
    }
}

/// A line's layout facts, read from its place in the lines array (`TextLines.line(_:)`).
struct LineFacts {
    let lines: [SourceLine]
    let at: Int
    var reach: Int { lines[at].reach }
    var startReach: Int { lines[at].startReach }
    var indent: Int { lines[at].indent }
    var blankBefore: Int { lines[at].blankBefore }
    var pageBreakBefore: Bool { lines[at].pageBreakBefore }
    /// The text, read in place (one retain, where the whole line is two).
    var scalars: PackedScalars { lines[at].scalars }
}

/// How many lines stand at each indentation: an array for the usual indentations (a
/// dictionary's hashing was a tenth of the layout phase on long texts), a dictionary past it.
struct IndentCounts {
    private var small = [Int](repeating: 0, count: 256)
    private var large: [Int: Int] = [:]

    /// - Complexity: O(1).
    mutating func add(_ indent: Int) {
        if indent >= 0 && indent < small.count { small[indent] += 1 } else { large[indent, default: 0] += 1 }
    }

    subscript(indent: Int) -> Int { indent >= 0 && indent < small.count ? small[indent] : large[indent, default: 0] }

    /// Every indentation counted at least once, with its count.
    /// - Complexity: O(256 + distinct large indentations).
    var counted: [(indent: Int, count: Int)] {
        small.indices.filter { small[$0] > 0 }.map { ($0, small[$0]) } + large.map { ($0.key, $0.value) }
    }
}

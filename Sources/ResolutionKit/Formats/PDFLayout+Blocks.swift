// Body lines → blocks (one per paragraph, subparagraph, heading, preface or closing line).
// A line opens a new block when the space above it is wider than the document's line
// pitch, when it is indented past the text margin further than the line before (unless it
// continues a hanging indent), or when the line before stopped short of a justified
// measure. A page break alone never opens a block, so a paragraph cut by a page break or
// a footnote block is joined.

extension PDFLayout {
    /// The document's body measures: the usual distance between line tops, the margin most
    /// lines start at and the edge most lines end at, and whether the text is justified.
    struct Measure {
        var pitch: Int
        /// Per page (odd and even pages may have mirrored margins): where most lines start and
        /// where the longest end.
        var margins: [Int]
        var edges: [Int]
        var justified: Bool
        /// The usual height of a body line's type box. A line whose box is taller holds a
        /// glyph that reaches beyond the font's box (an Arabic mark set below its letter), and
        /// poppler grows the box on that side only.
        var lineHeight = 0
        /// Most body lines start at the margin: paragraphs are set off by a first-line indent
        /// and go on at the margin (not indented as a block).
        var linesAtMargin = true
        /// Distances short of a page's edge where many lines end too: a second, narrower
        /// measure (items set in from the end side, as an RTL text whose list indent went to
        /// the wrong side has them). A line ending there is full, not a paragraph's last.
        var insets: [Int] = []
        /// The distance at which spaced paragraphs stand (0 when they are not spaced): the
        /// smallest recurring distance clearly over the pitch.
        var paragraphPitch = 0

        /// Whether `end` stops at the page's edge or at one of the recurring insets.
        func isFull(end: Int, page: Int, tolerance: Int) -> Bool {
            let inset = edges[page] - end
            if inset <= tolerance { return true }
            return insets.contains { abs(inset - $0) <= 1 }
        }
    }

    static func mode(_ values: [Int], bucket: Int) -> Int {
        var counts: [Int: Int] = [:]
        for v in values { counts[v / max(bucket, 1), default: 0] += 1 }
        let best = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? 0
        // The bucket's own values, to give back a real position.
        let inBucket = values.filter { $0 / max(bucket, 1) == best }.sorted()
        return inBucket.isEmpty ? 0 : inBucket[inBucket.count / 2]
    }

    /// Line starts and ends measured from the side the line's script starts on.
    func start(_ l: PDFLine) -> Int { rightToLeft ? pageWidth(l) - l.right : l.left }
    func end(_ l: PDFLine) -> Int { rightToLeft ? pageWidth(l) - l.left : l.right }
    func pageWidth(_ l: PDFLine) -> Int { widths.indices.contains(l.page) ? widths[l.page] : 0 }

    func measure() -> Measure {
        let bodyType = body.filter { $0.size == bodySize }
        var gaps: [Int] = []
        for (a, b) in zip(bodyType, bodyType.dropFirst()) where a.page == b.page && (b.baseline - a.baseline) * 5 >= bodySize * 4 {
            gaps.append(b.baseline - a.baseline)
        }
        // The pitch inside a paragraph is the smallest distance that recurs: documents of
        // one-line paragraphs have few such distances, spaced paragraphs many larger ones.
        var counts: [Int: Int] = [:]
        for g in gaps { counts[g, default: 0] += 1 }
        let recurring = max(2, gaps.count / 20)
        let pitch = counts.keys.sorted().first { g in (counts[g - 1] ?? 0) + counts[g]! + (counts[g + 1] ?? 0) >= recurring }
            ?? Self.mode(gaps, bucket: 1)
        let spaced = gaps.filter { $0 * 4 > pitch * 5 }
        var spacedCounts: [Int: Int] = [:]
        for g in spaced { spacedCounts[g, default: 0] += 1 }
        let paragraphPitch = spacedCounts.keys.sorted().first { g in
            (spacedCounts[g - 1] ?? 0) + spacedCounts[g]! + (spacedCounts[g + 1] ?? 0) >= max(3, spaced.count / 5)
        } ?? 0
        // The measure's edge: where the longest lines end (a justified text's full lines).
        func edge(_ lines: [PDFLine]) -> Int {
            let ends = lines.map(end).sorted()
            guard !ends.isEmpty else { return 0 }
            return Self.mode(Array(ends[(ends.count / 2)...]), bucket: 2)
        }
        var allEdge = edge(bodyType)
        var byPage = [[PDFLine]](repeating: [], count: widths.count)
        for l in bodyType where l.page < byPage.count { byPage[l.page].append(l) }
        // A page's edge is found from its full lines whatever their indentation; its margin
        // moves with it (odd and even pages may be shifted, and a page of subparagraphs has
        // few lines at the margin to count).
        var edges = byPage.map { $0.count >= 8 ? edge($0) : allEdge }
        let justified = bodyType.filter { abs(end($0) - edges[$0.page]) <= bodySize / 2 }.count * 2 >= bodyType.count
        if !justified {
            // Ragged lines end anywhere, and a page's longest say little about where its
            // measure sits: a page is shifted by its own margin, the leftmost start that
            // three of its lines share, against the pages' median margin.
            func pageMargin(_ lines: [PDFLine]) -> Int? {
                guard lines.count >= 8 else { return nil }
                let starts = lines.map(start).sorted()
                return starts.indices.first { $0 + 2 < starts.count && starts[$0 + 2] - starts[$0] <= 2 }.map { starts[$0] }
            }
            let pageMargins = byPage.map(pageMargin)
            let known = pageMargins.compactMap { $0 }.sorted()
            let reference = known.isEmpty ? 0 : known[known.count / 2]
            let shifts = pageMargins.map { $0.map { $0 - reference } ?? 0 }
            // The measure's edge: at the longest lines, which a ragged text's usual end is
            // well inside of.
            let ends = bodyType.map { end($0) - ($0.page < shifts.count ? shifts[$0.page] : 0) }.sorted()
            if !ends.isEmpty { allEdge = ends[ends.count * 19 / 20] }
            edges = shifts.map { allEdge + $0 }
        }
        func shifted(_ l: PDFLine) -> Int { start(l) - (edges[l.page] - allEdge) }
        // The margin: the leftmost start that many lines share (the most common start may be
        // the first-line indent, in a text of one-line paragraphs).
        let bucket = max(bodySize / 3, 1)
        var startCounts: [Int: Int] = [:]
        for l in bodyType { startCounts[shifted(l) / bucket, default: 0] += 1 }
        let common = max(3, bodyType.count / 10)
        let marginBucket = startCounts.keys.sorted().first { startCounts[$0]! + (startCounts[$0 + 1] ?? 0) >= common }
        let allMargin = marginBucket.map { b in bodyType.map(shifted).filter { $0 / bucket == b || $0 / bucket == b + 1 }.min() ?? 0 }
            ?? Self.mode(bodyType.map(shifted), bucket: bucket)
        let margins = edges.map { allMargin + $0 - allEdge }
        // Insets where lines end again and again. A justified text's last lines end anywhere:
        // a three-pixel window holds `expected` of them by chance, and an inset must recur
        // well beyond that.
        var insetCounts: [Int: Int] = [:]
        var short = 0
        for l in bodyType where l.page < edges.count {
            let inset = edges[l.page] - end(l)
            if inset > bodySize / 2 { short += 1 }
            if inset > bodySize / 2, inset * 4 < edges[l.page] - margins[l.page] { insetCounts[inset, default: 0] += 1 }
        }
        let width = max(1, allEdge - allMargin)
        let expected = Double(short * 3) / Double(width)
        let insetFloor = max(4, Int((expected * 4).rounded(.up)) + 2)
        let insets = insetCounts.keys.sorted().filter { k in
            (insetCounts[k - 1] ?? 0) + insetCounts[k]! + (insetCounts[k + 1] ?? 0) >= insetFloor
        }
        // Continuation lines go back to the margin where most lines start there, and also
        // where a set-in line that fills the measure mid-clause is followed, with no
        // paragraph spacing, by a line at the margin that opens with no number or label: a
        // text of one-line paragraphs has most of its lines set in, and only such a pair
        // shows where its longer paragraphs go on. (The distance is not held to the pitch: a
        // line of another script's type between them, or a box grown by a glyph of a
        // fallback face, moves a line's baseline by a few pixels either way.)
        let setIn = max(bodySize / 2, 2)
        let resolvedPitch = pitch > 0 ? pitch : bodySize * 6 / 5
        var goesOnAtMargin = 0
        for (prev, line) in zip(bodyType, bodyType.dropFirst()) where prev.page == line.page && prev.page < edges.count {
            guard shifted(prev) - allMargin > setIn, shifted(line) - allMargin <= setIn,
                  line.baseline > prev.baseline, (line.baseline - prev.baseline) * 4 < resolvedPitch * 5,
                  abs(end(prev) - edges[prev.page]) <= setIn, !BlockBuilder.endsWithStrongTerminator(prev.text),
                  !Self.opensWithLabel(line) else { continue }
            goesOnAtMargin += 1
        }
        let mostAtMargin = bodyType.filter { shifted($0) - allMargin > setIn }.count * 2 < bodyType.count
        return Measure(pitch: resolvedPitch, margins: margins, edges: edges,
                       justified: justified,
                       lineHeight: Self.mode(bodyType.map { $0.baseline - $0.ownTop }, bucket: 1),
                       linesAtMargin: mostAtMargin || goesOnAtMargin >= 1,
                       insets: insets, paragraphPitch: paragraphPitch)
    }

    /// - Complexity: O(n) in the body's characters.
    /// - Parameter profile: the document's language, for openers (nil: geometry alone).
    func blocks(spaced: Bool, profile: LanguageProfile? = nil) -> [SourceBlock] {
        let m = measure()
        let tolerance = max(bodySize / 2, 2)
        var blocks: [SourceBlock] = []
        var cells: [PDFCell] = []
        var blockStart: PDFLine? = nil
        var lineCount = 0
        var previous: PDFLine? = nil
        var breakBefore = false
        // The longest line of the block on its current page, and how many it has there.
        var blockEdge = 0, linesOnPage = 0
        // Quotation marks in the block so far: an odd count of double quotes (either way
        // round, as right-to-left text writes them) or more guillemets opened than closed
        // leaves a quotation open, and no paragraph ends inside one. Only a quotation opened
        // on the line or the one before counts: a stray mark must not hold a block open.
        var quotes = 0, guillemets = 0, quoteOpenedAt = -1_000
        func countQuotes(_ line: PDFLine) {
            let wasOpen = quotes % 2 == 1 || guillemets > 0
            for c in line.cells {
                switch c.scalar {
                case "\u{201C}", "\u{201D}", "\u{201E}", "\"": quotes += 1
                case "\u{00AB}": guillemets += 1
                case "\u{00BB}": guillemets -= 1
                default: break
                }
            }
            if !wasOpen && (quotes % 2 == 1 || guillemets > 0) { quoteOpenedAt = lineCount }
        }
        func flush() {
            guard !cells.isEmpty else { return }
            blocks.append(SourceBlock(text: Self.markup(cells), indent: 0, line: blocks.count, afterBreak: breakBefore))
            cells = []
        }
        for line in body {
            var opens = previous == nil
            if let prev = previous, let first = blockStart {
                let sameSize = prev.size == line.size
                var gap = prev.page == line.page ? line.baseline - prev.baseline - line.markerRise : 0
                // A box grown by one glyph moves one of its edges: the tops or the bottoms still
                // stand a pitch apart, and the smaller distance is the true one.
                if sameSize, gap > 0, max(line.baseline - line.ownTop, prev.baseline - prev.ownTop) > m.lineHeight + 1 {
                    gap = min(gap, line.ownTop - prev.ownTop - line.markerRise)
                }
                let pitch = sameSize ? m.pitch : max(m.pitch, (prev.bottom - prev.top + line.bottom - line.top) / 2 + 2)
                // Positions from each page's own margin: odd and even pages may be shifted.
                func indent(_ l: PDFLine) -> Int { start(l) - m.margins[l.page] }
                let indented = indent(line) > tolerance
                let hanging = first.textStart.map { abs((line.left - m.margins[line.page]) - ($0 - m.margins[first.page])) <= tolerance } ?? false
                let deeper = indent(line) > indent(prev) + tolerance
                // Justified lines end at the edge to a pixel or two. Ragged lines end where
                // the next word did not fit: a line that left room for the next line's first
                // word ended by choice. The room is measured to the block's longest line once
                // it has two on the page, as items may be set in from the end side.
                let reach = linesOnPage >= 2 ? min(blockEdge, m.edges[prev.page]) : m.edges[prev.page]
                let short = m.justified ? !m.isFull(end: end(prev), page: prev.page, tolerance: tolerance)
                                        : end(prev) + Self.firstWordWidth(line) + bodySize / 3 < reach
                // `5.` alone on its line (its text did not fit beside it): the text follows.
                if lineCount == 1 && prev.page == line.page && (BlockBuilder.isNumberOnly(prev.text) || BlockBuilder.isLabelOnly(prev.text)) {}
                // Paragraph spacing: even 4 points over a 115% line stands out from the pitch.
                // Where paragraphs stand spaced, half-way to their distance: a line box grown
                // by a glyph of another font (a bold word from a fallback face) moves its line
                // down by a few points too.
                else if m.paragraphPitch > 0 && sameSize ? gap * 2 > pitch + m.paragraphPitch : gap * 20 > pitch * 23 { opens = true }
                // Type of another size opens a block; a line mostly of another script's
                // letters, set a point or two smaller or larger to match (Latin symbols in an
                // Arabic text), does not.
                else if !sameSize && abs(prev.size - line.size) * 8 > max(prev.size, line.size) && prev.page == line.page && gap > 0 { opens = true }
                // A finished clause, then a paragraph number at the line start (`…；` / `6. 请…`):
                // a new paragraph even when the clause filled its line and no tab follows the
                // number (at the top of a page, nothing else says so).
                else if BlockBuilder.endsWithStrongTerminator(prev.text) && StructureBuilder.operativeNumber(line.text) != nil { opens = true }
                // A clause finished with a comma, then a capitalised opener (`…de la Libye,` /
                // `Réaffirmant…`): in scripts with case a clause inside a paragraph goes on in
                // lowercase, so this is a new paragraph even with no spacing or indent to say so.
                else if let profile, !profile.spec.paragraphsStartLowercase, endsWithTerminator(prev.text),
                        BlockBuilder.hasCase(line.text), BlockBuilder.startsUppercase(line.text),
                        InlinePass.startsWithLead(line.text, profile: profile) { opens = true }
                // Two lines at the first-line indent, the first a whole paragraph that filled
                // its line and ended a clause, the second opening with a lead (`…的重要性，` /
                // `重申…`): continuation lines go back to the margin, so this is a new paragraph.
                // So is one whose lead is set in emphasis further on, as an opener the language
                // file does not hold (`根据《联合国宪章》第七章**采取行动**，`).
                else if let profile, m.linesAtMargin, lineCount == 1, indented, indent(prev) > tolerance, abs(indent(line) - indent(prev)) <= tolerance,
                        endsWithTerminator(prev.text),
                        InlinePass.startsWithLead(line.text, profile: profile) || line.cells.contains(where: { $0.bold || $0.italic }) { opens = true }
                // A heading too long for one line wraps ragged, in its own emphasis, with the
                // body's pitch: its second line goes on with it.
                else if prev.isAllEmphasis && line.isAllEmphasis && sameSize && lineCount == 1 && !endsWithTerminator(prev.text)
                            && (end(prev) - m.margins[prev.page]) * 3 >= (m.edges[prev.page] - m.margins[prev.page]) * 2 {}
                // A line that fills the measure and stops mid-sentence goes on, however deep
                // the next line sits: items set with a hanging indent and no tab after the label
                // (`(e) promote …` / deeper `Technical Committee …`).
                else if !short && !endsWithTerminator(prev.text) && deeper && line.textStart == nil {}
                // The same after an item's labelled first line that ended on a comma: the
                // item's text goes on deeper than its label (`(g) …儿童，` / `包括…`).
                else if !short && lineCount == 1 && deeper && line.textStart == nil && !BlockBuilder.endsWithStrongTerminator(prev.text)
                            && Self.opensWithLabel(prev) && !Self.opensWithLabel(line) {}
                else if indented && !hanging && (deeper || short) { opens = true }
                // A label set off by a tab (`7.<tab>Requests`, `(b)<tab>to…`) opens its block.
                else if line.textStart != nil && !hanging { opens = true }
                // A line that ended by choice ends its paragraph, unless a quotation is still
                // open there (`المعنون ”تحويل عالمنا:` / `خطة التنمية…“`, a title with a colon
                // in it, at the end of a ragged line).
                else if short && (quotes % 2 == 0 && guillemets <= 0 || lineCount - quoteOpenedAt > 2)
                            && (m.justified || endsWithTerminator(prev.text) || (lineCount == 1 && prev.isAllEmphasis)) { opens = true }
                else if line.rtl != prev.rtl && short { opens = true }
                // A new page that starts with a label or number at the indent; not a line at
                // the indent where the block's lines were already going on (an item's text
                // set in from the paragraphs' margin) after an unfinished sentence.
                let goesOn = lineCount >= 2 && abs(indent(line) - indent(prev)) <= tolerance && !BlockBuilder.endsWithStrongTerminator(prev.text)
                if !opens, prev.page != line.page, indented, !hanging, !goesOn { opens = true }
            }
            if opens {
                flush()
                quotes = 0; guillemets = 0; quoteOpenedAt = -1_000
                breakBefore = previous.map { $0.page != line.page } ?? false
                blockStart = line
                lineCount = 0
                cells = line.cells
                blockEdge = end(line)
                linesOnPage = 1
            } else {
                cells = Self.join(cells, line.cells, spaced: spaced)
                let samePage = previous?.page == line.page
                blockEdge = samePage ? max(blockEdge, end(line)) : end(line)
                linesOnPage = samePage ? linesOnPage + 1 : 1
            }
            countQuotes(line)
            lineCount += 1
            previous = line
        }
        flush()
        return blocks
    }

    /// The line starts with a paragraph number or an item label (`12.`, `(a)`, `㈠`).
    static func opensWithLabel(_ l: PDFLine) -> Bool {
        let head = l.cells.prefix { $0.scalar != " " }.prefix(7).map(\.scalar)
        return !head.isEmpty && head.count <= 6 && PDFLineBuilder.isLabel(Array(head))
    }

    /// The printed width of a line's first word (a CJK line's first character), from the line's width shared out evenly
    /// over its characters.
    static func firstWordWidth(_ l: PDFLine) -> Int {
        guard !l.cells.isEmpty else { return 0 }
        // Wide (CJK) text breaks between any two characters.
        let word = Chars.isWide(l.cells[0].scalar) ? 1 : l.cells.firstIndex { $0.scalar == " " || Chars.isWide($0.scalar) } ?? l.cells.count
        return (l.right - l.left) * word / l.cells.count
    }

    /// Two lines of one paragraph: with a space, or with nothing between CJK text, and
    /// with end-of-line hyphenation between lowercase letters undone. Nothing either after an
    /// opening bracket or before a closing one: no line breaks there but where bidi reordering
    /// put the bracket of a number in parentheses at the end of a right-to-left line
    /// (`2402 (` / `2018) و`, which read `( 2018)`).
    static func join(_ a: [PDFCell], _ b: [PDFCell], spaced: Bool) -> [PDFCell] {
        guard let last = a.last, let first = b.first else { return a + b }
        if Chars.isWide(last.scalar) || Chars.isWide(first.scalar) || !spaced { return a + b }
        if "([{".unicodeScalars.contains(last.scalar) || ")]}".unicodeScalars.contains(first.scalar) { return a + b }
        if last.scalar == "-", a.count >= 2, a[a.count - 2].scalar.properties.isLowercase, first.scalar.properties.isLowercase {
            return Array(a.dropLast()) + b
        }
        var space = PDFCell(scalar: " ")
        space.italic = last.italic && first.italic
        space.bold = last.bold && first.bold
        return a + [space] + b
    }

    /// A block's text in the shared conventions: the emphasis that opens it (after a
    /// leading number or label) as `**…**`, markers as U+E000 and superscript digits.
    static func markup(_ cells: [PDFCell]) -> Scalars {
        var out: Scalars = []
        out.reserveCapacity(cells.count + 8)
        var i = 0
        // A leading `12.` or `(a)` in plain type.
        var label = 0
        while label < cells.count, label < 7, !cells[label].italic, !cells[label].bold, cells[label].scalar != " " { label += 1 }
        if label < cells.count, cells[label].scalar == " ", PDFLineBuilder.isLabel(cells[..<label].map(\.scalar)) {
            for c in cells[...label] { out.append(c.scalar) }
            i = label + 1
        }
        let emphasis = { (c: PDFCell) in c.italic || c.bold }
        if i < cells.count, emphasis(cells[i]), !cells[i].isMarker {
            var j = i
            while j < cells.count, emphasis(cells[j]) || (cells[j].scalar == " " && j + 1 < cells.count && emphasis(cells[j + 1])),
                  !cells[j].isMarker { j += 1 }
            var k = j
            while k > i, cells[k - 1].scalar == " " { k -= 1 }
            out += ["*", "*"]
            for c in cells[i..<k] { out.append(c.scalar) }
            out += ["*", "*"]
            i = k
        }
        for c in cells[i...] {
            if c.isMarker { out += c.markup } else { out.append(c.scalar) }
        }
        return out
    }
}

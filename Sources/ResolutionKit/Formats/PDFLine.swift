// Printed lines from poppler's fragments: the fragments that share a line are put in
// visual order and turned into styled cells, with footnote markers (small raised digits)
// kept as one cell each. Right-to-left lines are put back into logical order.

/// One character of a printed line with its style; a footnote marker is one cell whose
/// `marker` holds its number (0: not a marker). Plain values, so that lines of cells cost
/// no reference counting.
struct PDFCell {
    var scalar: Unicode.Scalar
    var italic = false
    var bold = false
    var marker = 0

    var isMarker: Bool { marker != 0 }
    /// The cell as block text: a marker as U+E000 and superscript digits.
    var markup: Scalars { isMarker ? [Chars.markerSeparator] + BlockBuilder.superscript(marker) : [scalar] }
}

struct PDFLine {
    var page: Int
    var top: Int
    var bottom: Int
    var left: Int
    var right: Int
    /// The font size that carries most of the line's characters.
    var size: Int
    var fragments: [PDFFragment]
    var rtl = false
    var cells: [PDFCell] = []
    /// Where the line's text starts after a leading label (`1.`, `(a)`) set off by a tab.
    var textStart: Int? = nil
    /// Gaps between a CJK character and a Latin one that were read as the typesetter's
    /// room and not as spaces (`PDFLineBuilder.isAutospace`): counted for the document's
    /// statistic of such pairs (`PDFProducerQuirks.latinAutospace`).
    var autospaces = 0

    /// Where the line's own type stands (raised markers and labels in other fonts set aside).
    var baseline: Int { fragments.lazy.filter { $0.size == self.size }.map(\.bottom).max() ?? bottom }
    /// The top of the line's own type (raised markers set aside).
    var ownTop: Int { fragments.lazy.filter { $0.size == self.size }.map(\.top).min() ?? top }
    /// How far raised markers push the line's own type down: a renderer that grows the
    /// line box for a superscript (Chromium does) prints that line lower than its pitch, and
    /// the extra space is not paragraph spacing.
    var markerRise: Int {
        guard cells.contains(where: \.isMarker) else { return 0 }
        let own = fragments.lazy.filter { $0.size == self.size }.map(\.top).min() ?? top
        let raised = fragments.lazy.filter { $0.size < self.size }.map(\.top).min() ?? own
        return max(0, own - raised)
    }
    var text: Scalars { cells.map(\.scalar) }
    var isAllEmphasis: Bool {
        let letters = cells.filter { $0.scalar.properties.isAlphabetic }
        return !letters.isEmpty && letters.allSatisfy { $0.italic || $0.bold }
    }
}

enum PDFLineBuilder {
    /// Groups a page's fragments into lines: a fragment whose vertical middle falls inside
    /// the line being built joins it. Poppler writes the fragments in reading order, so a
    /// second column starts new lines rather than interleaving with the first.
    /// - Complexity: O(f log f) in the page's fragments (sorting inside each line).
    static func lines(of page: PDFPage, pageIndex: Int) -> [PDFLine] {
        let pieces = page.fragments.filter { !$0.runs.isEmpty }.map {
            PDFLine(page: pageIndex, top: $0.top, bottom: $0.bottom, left: $0.left, right: $0.right, size: $0.size, fragments: [$0])
        }
        // Twice: poppler may write a line's fragments out of order, and a fragment far from
        // the part of its line built so far starts a line of its own, which the second
        // pass finds meeting the rest.
        var lines = grouped(grouped(pieces))
        for i in lines.indices {
            var weight: [Int: Int] = [:]
            for f in lines[i].fragments { weight[f.size, default: 0] += f.text.count }
            lines[i].size = weight.max { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }?.key ?? 0
            lines[i].fragments.sort { $0.left < $1.left }
        }
        return lines
    }

    /// Pieces of printed lines (fragments, or lines built from them) put together: a piece
    /// joins one of the last few lines (poppler may write the Latin runs of an Arabic line
    /// after the line's Arabic ones) when either holds the other's vertical middle (a line
    /// opened by a small raised number is shorter than the type that follows it) and it is
    /// not far off to the side (`United Nations … S/RES/2558 (2020)` are two lines at one
    /// height).
    /// - Complexity: O(p) in the pieces.
    static func grouped(_ pieces: [PDFLine]) -> [PDFLine] {
        var out: [PDFLine] = []
        for p in pieces {
            let middle = (p.top + p.bottom) / 2
            let candidate = out.indices.reversed().prefix(4).first { k in
                let line = out[k]
                let lineMiddle = (line.top + line.bottom) / 2
                guard (middle >= line.top && middle <= line.bottom) || (lineMiddle >= p.top && lineMiddle <= p.bottom) else { return false }
                let reach = 6 * max(line.size, p.size, 1)
                return p.left - line.right <= reach && line.left - p.right <= reach
            }
            if let i = candidate {
                out[i].fragments += p.fragments
                out[i].top = min(out[i].top, p.top); out[i].bottom = max(out[i].bottom, p.bottom)
                out[i].left = min(out[i].left, p.left); out[i].right = max(out[i].right, p.right)
            } else {
                out.append(p)
            }
        }
        return out
    }

    /// A fragment that is a footnote marker: digits, clearly smaller than the line's type,
    /// and sitting above its baseline.
    static func isMarker(_ f: PDFFragment, in line: PDFLine) -> Bool {
        let digits = trimmed(f.text)
        guard !digits.isEmpty, digits.count <= 3, digits.allSatisfy(Chars.isDigit) else { return false }
        // Word processors set superscripts at about 58% of the type, browsers at 83%. Poppler
        // rounds sizes to whole pixels, so small type can read a pixel larger than it is
        // (13 over 15): then the digits must stand well up, as superscripts do and digits
        // of another font set a point smaller do not.
        let baseline = line.fragments.filter { $0.size == line.size }.map(\.bottom).max() ?? line.bottom
        let rise = baseline - f.bottom
        if f.size * 100 <= line.size * 86 { return rise * 10 >= line.size }
        return (f.size - 1) * 100 <= line.size * 86 && rise * 3 >= line.size
    }

    /// Fills `cells`: spaces where fragments are apart, whitespace collapsed, markers as
    /// single cells, bidi controls and tatweel dropped, right-to-left lines reordered.
    /// `renumber` maps a marker's printed number to the document's number.
    /// - Complexity: O(c log c) in the line's characters (the sort is for RTL lines only).
    /// `rightToLeft`: the document's direction, which a line of Latin symbols and digits
    /// inside an Arabic text keeps; nil decides from the line's own letters.
    /// `quirks`: what the document's producer wrote in place of the characters it shows.
    static func fill(_ line: inout PDFLine, rightToLeft: Bool? = nil, quirks: PDFProducerQuirks = PDFProducerQuirks(), renumber: (Int) -> Int) {
        var strong = 0, rtl = 0, rtlMarks = 0
        line.autospaces = 0
        for f in line.fragments {
            for r in f.runs {
                for s in r.text {
                    if s.value < 0x80 ? (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A : s.properties.isAlphabetic {
                        strong += 1
                        if isRTL(s) { rtl += 1 }
                    } else if s.value >= 0x80, isRTL(s) {
                        rtlMarks += 1
                    }
                }
            }
        }
        // A line with no right-to-left letter at all (a symbol, a date in Latin script) was
        // laid out left to right even on an Arabic page; a footnote's raised number still
        // stands at the right of a Latin note there.
        // Arabic punctuation (`؛`, `،`) with no letter, as a paragraph's last line
        // `2019؛` is, belongs to the page's direction too.
        let marked = line.fragments.contains { isMarker($0, in: line) }
        line.rtl = (rtl > 0 || marked || rtlMarks > 0) && (rightToLeft ?? (rtl * 2 > strong))
        // Each cell with an estimated x, so that right-to-left lines can be sorted visually.
        var placed: [(x: Double, cell: PDFCell)] = []
        // How far right the fragments so far reach: a glyph set inside another fragment (`/`
        // of a fallback font in `…أيلول/سبتمبر`) ends before the fragment around it does, and
        // a gap measured from the glyph would put a space inside that fragment's words.
        var reach: Int? = nil
        for f in line.fragments {
            defer { reach = max(reach ?? f.right, f.right) }
            if isMarker(f, in: line) {
                let n = renumber(Int(trimmed(f.text).string) ?? 0)
                placed.append((Double(f.left), PDFCell(scalar: Chars.markerSeparator, marker: max(n, 1))))
                continue
            }
            if let right = reach, f.left - right > max(1, line.size / 5) {
                if isAutospace(f.left - right, size: line.size, after: placed.last?.cell.scalar, before: f.runs.first?.text.first) {
                    line.autospaces += 1
                } else {
                    let tab = !line.rtl && line.textStart == nil && placed.count <= 6 && f.left - right > line.size
                    if tab, isLabel(placed.map(\.cell.scalar)) { line.textStart = f.left }
                    placed.append((Double(right + f.left) / 2, PDFCell(scalar: " ")))
                }
            }
            var count = 0
            for r in f.runs { count += r.text.count }
            var k = 0
            for r in f.runs {
                for s in r.text {
                    let x = Double(f.left) + Double(f.width) * (Double(k) + 0.5) / Double(max(count, 1))
                    k += 1
                    if isDropped(s) && s != tatweel { continue }
                    placed.append((x, PDFCell(scalar: Chars.isSpace(s) ? " " : s, italic: r.italic, bold: r.bold)))
                }
            }
        }
        // Fragments that overlap (a glyph from a fallback font set inside a run): order by position.
        let overlapping = zip(line.fragments, line.fragments.dropFirst()).contains { $1.left < $0.right - max(1, line.size / 4) }
        if line.rtl || overlapping {
            placed = placed.enumerated().sorted { $0.element.x < $1.element.x || ($0.element.x == $1.element.x && $0.offset < $1.offset) }
                .map(\.element)
        }
        if overlapping { dropRoomForInsetGlyphs(&placed, line: line) }
        var cells: [PDFCell] = []
        cells.reserveCapacity(placed.count)
        for (_, c) in placed {
            if c.scalar == " " && (cells.isEmpty || cells.last!.scalar == " ") { continue }
            cells.append(c)
        }
        while cells.last?.scalar == " " { cells.removeLast() }
        if line.rtl { cells = BidiOrder.logical(fromVisual: cells, mirrored: quirks.mirroredBrackets) }
        if quirks.apostropheKashida { PDFProducerQuirks.kashidaFromApostrophes(&cells) }
        if let standIn = quirks.kashidaStandIn { PDFProducerQuirks.kashidas(from: standIn, in: &cells) }
        cells = keepingLabelTatweel(cells)
        // A space only made room between wide characters (CJK justification).
        line.cells = cells.enumerated().filter { i, c in
            !(c.scalar == " " && i > 0 && i + 1 < cells.count && Chars.isWide(cells[i - 1].scalar) && Chars.isWide(cells[i + 1].scalar))
        }.map(\.element)
    }

    /// A glyph from a fallback font set inside another fragment (`/` in `…الجزاءات/فريق…`):
    /// the fragment around it kept a space where the glyph stands. That space is the room
    /// for the glyph, not a word gap. A slash, which joins words with no space (`آذار/مارس`),
    /// takes the place of the run of spaces nearest to it (within two letters' width): the
    /// letters' positions are estimated evenly across the fragment, and an estimate can fall
    /// a letter off (`آذا/ر مارس`). Brackets and quotes stand beside a word gap as well as in
    /// their room: a space on one side only of such a glyph goes.
    /// `placed` is in visual order (sorted).
    /// - Complexity: O(f · c) for the f inset one-character fragments, O(c) otherwise.
    static func dropRoomForInsetGlyphs(_ placed: inout [(x: Double, cell: PDFCell)], line: PDFLine) {
        for f in line.fragments where f.text.count == 1 && !Chars.isSpace(f.text[0]) {
            guard let around = line.fragments.first(where: { $0.left < f.left && $0.right > f.right && $0.text.count > 1 }) else { continue }
            let glyph = f.text[0]
            let center = Double(f.left) + Double(f.width) / 2
            guard let at = placed.indices.min(by: {
                (placed[$0].cell.scalar == glyph ? abs(placed[$0].x - center) : .infinity)
                    < (placed[$1].cell.scalar == glyph ? abs(placed[$1].x - center) : .infinity)
            }), placed[at].cell.scalar == glyph else { continue }
            let letter = Double(around.width) / Double(max(around.text.count, 1))
            if glyph == "/", let nearest = placed.indices.filter({
                placed[$0].cell.scalar == " " && placed[$0].x > Double(around.left) && placed[$0].x < Double(around.right)
            }).min(by: { abs(placed[$0].x - center) < abs(placed[$1].x - center) }), abs(placed[nearest].x - center) <= 2 * letter {
                // The run of spaces around the nearest, as placed without the glyph.
                var cell = placed.remove(at: at)
                let n = nearest > at ? nearest - 1 : nearest
                var lo = n, hi = n + 1
                while lo > 0, placed[lo - 1].cell.scalar == " " { lo -= 1 }
                while hi < placed.count, placed[hi].cell.scalar == " " { hi += 1 }
                cell.x = placed[lo].x
                placed.replaceSubrange(lo..<hi, with: [cell])
                continue
            }
            let before = at > 0 && placed[at - 1].cell.scalar == " "
            let after = at + 1 < placed.count && placed[at + 1].cell.scalar == " "
            if before != after { placed.remove(at: before ? at - 1 : at + 1) }
        }
    }

    /// `12.`, `(a)`, `a)`, `iv.`, `•`: a label that a tab separates from its text.
    static func isLabel(_ s: Scalars) -> Bool {
        let t = trimmed(s)
        guard !t.isEmpty, t.count <= 6 else { return false }
        if let last = t.last, last == "." || last == ")" || last == "．" || last == "）" { return true }
        // A bullet: one mark that is neither letter nor digit.
        if t.count == 1, !t[0].properties.isAlphabetic, !Chars.isDigit(t[0]) { return true }
        return t.allSatisfy(Chars.isDigit)
    }

    static func isRTL(_ s: Unicode.Scalar) -> Bool {
        (0x0590...0x08FF).contains(s.value) || (0xFB1D...0xFDFF).contains(s.value) || (0xFE70...0xFEFF).contains(s.value)
    }

    static let tatweel: Unicode.Scalar = "\u{0640}"

    /// The room a typesetter puts between a Chinese or Japanese character and a Latin letter
    /// or digit (Word's and LibreOffice's autospace, about a quarter of an em, and Chromium's
    /// gap between the two scripts' fonts), which is no space in the text: `延长至2021年`, as
    /// the UN writes it and its Word files hold it, not `延长至 2021 年`. A gap of half an em
    /// or more is a space typed besides.
    /// - Complexity: O(1).
    static func isAutospace(_ gap: Int, size: Int, after left: Unicode.Scalar?, before right: Unicode.Scalar?) -> Bool {
        guard let left, let right, gap * 2 < size else { return false }
        return isCJKAndLatin(left, right)
    }

    /// One of the two is a wide (CJK) character and the other an ASCII letter, digit or
    /// bracket (`第550(1984)和789(1992)号`, `(2017)、2436`).
    /// - Complexity: O(1).
    static func isCJKAndLatin(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        func isLatin(_ s: Unicode.Scalar) -> Bool {
            s.value < 0x80 && (Chars.isDigit(s) || (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A || s == "(" || s == ")")
        }
        return (Chars.isWide(a) && isLatin(b)) || (isLatin(a) && Chars.isWide(b))
    }

    /// Drops the tatweel that justification stretched words with, and keeps the one that
    /// belongs to a label: `(هـ)` is how Arabic writes item (e), the tatweel showing the
    /// letter's joined form so that it is not read as a digit or another letter.
    /// - Complexity: O(c) in the line's cells.
    static func keepingLabelTatweel(_ cells: [PDFCell]) -> [PDFCell] {
        guard cells.contains(where: { $0.scalar == tatweel }) else { return cells }
        func neighbour(_ i: Int, _ step: Int) -> Int? {
            var k = i + step
            while cells.indices.contains(k), cells[k].scalar == " " { k += step }
            return cells.indices.contains(k) ? k : nil
        }
        var out: [PDFCell] = []
        out.reserveCapacity(cells.count)
        for (i, c) in cells.enumerated() {
            if c.scalar == tatweel {
                guard let letter = neighbour(i, -1), cells[letter].scalar.properties.isAlphabetic,
                      let open = neighbour(letter, -1), cells[open].scalar == "(",
                      let close = neighbour(i, 1), cells[close].scalar == ")" else { continue }
                // Set apart from its letter by the glyphs' estimated positions: joined again.
                while out.last?.scalar == " " { out.removeLast() }
            }
            out.append(c)
        }
        return out
    }

    /// Bidi controls and the tatweel that justification inserts carry no text.
    static func isDropped(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0640, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF, 0x00AD: return true
        default: return s.value < 0x20 && s.value != 0x09
        }
    }
}

/// Characters a PDF producer wrote in place of what it printed, found from the statistics of
/// the whole document and undone line by line.
struct PDFProducerQuirks {
    /// Mirrored bracket glyphs written as the characters they look like (`BidiOrder.tightBrackets`).
    var mirroredBrackets = false
    /// The kashida that justification stretched Arabic words with written as apostrophes
    /// (`ة''نجللا`): a font with no mapping for the glyph.
    var apostropheKashida = false
    /// The kashida written as another mark (`ArabicKashida`): `,`, `(`, `/`, `@`…
    var kashidaStandIn: ArabicKashida.StandIn? = nil
    /// Whether the producer set room between CJK characters and Latin letters or digits,
    /// which poppler read as spaces inside its fragments (`延长至 2021 年`), where the UN's
    /// Chinese text writes them together (`延长至2021年`): a fifth of the document's such
    /// pairs or more stand apart, eight at least. Undone by `droppingLatinAutospaces`.
    /// The UN's Chinese text writes 97% of them together (3,106 of 3,201 in the corpus's
    /// plain texts, most of the rest in the masthead), and a document whose pairs stand
    /// together keeps the few spaces it has, as typed ones. Poppler reads the room as a
    /// space or not by its width, which varies with the fonts, so a document with the room
    /// has pairs both ways (30 of the 43 LibreOffice-set Chinese PDFs pass the count, and 5
    /// of the 43 that Chromium printed, which sets the two scripts in two fonts with a gap
    /// between).
    /// - Complexity: O(c) in the document's cells.
    static func latinAutospace(in pages: [[PDFLine]]) -> Bool {
        var apart = 0, together = 0
        for page in pages { for line in page {
            let c = line.cells
            // Gaps read as the producer's room stand together in the cells now: counted apart.
            apart += line.autospaces
            together -= line.autospaces
            for i in c.indices.dropFirst() {
                if PDFLineBuilder.isCJKAndLatin(c[i - 1].scalar, c[i].scalar) { together += 1 }
                if i >= 2, c[i - 1].scalar == " ", PDFLineBuilder.isCJKAndLatin(c[i - 2].scalar, c[i].scalar) { apart += 1 }
            }
        } }
        return apart >= 8 && apart * 5 >= apart + together
    }

    /// The line's cells without a space between a CJK character and a Latin one.
    /// - Complexity: O(c) in the line's cells.
    static func droppingLatinAutospaces(_ cells: [PDFCell]) -> [PDFCell] {
        cells.indices.compactMap { i in
            let c = cells[i]
            if c.scalar == " ", i > 0, i + 1 < cells.count, PDFLineBuilder.isCJKAndLatin(cells[i - 1].scalar, cells[i + 1].scalar) { return nil }
            return c
        }
    }

    static func isArabicLetter(_ s: Unicode.Scalar) -> Bool { PDFLineBuilder.isRTL(s) && s.properties.isAlphabetic }

    /// Apostrophes between two Arabic letters (runs of them counted once), in a line in logical order.
    /// - Complexity: O(n).
    static func apostrophesInsideArabicWords(_ cells: [PDFCell]) -> Int {
        var count = 0
        var i = 0
        while i < cells.count {
            guard cells[i].scalar == "'" else { i += 1; continue }
            var j = i
            while j < cells.count, cells[j].scalar == "'" { j += 1 }
            if i > 0, j < cells.count, isArabicLetter(cells[i - 1].scalar), isArabicLetter(cells[j].scalar) { count += 1 }
            i = j
        }
        return count
    }

    /// The runs of the document's kashida mark that stand where a kashida can
    /// (`ArabicKashida.StandIn.isKashida`) become tatweel, which the line then drops.
    /// - Complexity: O(n).
    static func kashidas(from standIn: ArabicKashida.StandIn, in cells: inout [PDFCell]) {
        let line = cells.map(\.scalar)
        var i = 0
        while i < line.count {
            guard line[i] == standIn.mark else { i += 1; continue }
            var end = i
            while end < line.count, line[end] == standIn.mark { end += 1 }
            if standIn.isKashida(line, i, end) {
                for k in i..<end { cells[k].scalar = PDFLineBuilder.tatweel }
            }
            i = end
        }
    }

    /// Apostrophes that touch an Arabic letter become tatweel, which the line then drops
    /// unless a label (`(هـ)`) holds it.
    /// - Complexity: O(n): each run of apostrophes is judged once.
    static func kashidaFromApostrophes(_ cells: inout [PDFCell]) {
        var i = 0
        while i < cells.count {
            guard cells[i].scalar == "'" else { i += 1; continue }
            var after = i
            while after < cells.count, cells[after].scalar == "'" { after += 1 }
            // Before a closing bracket (a label's `(ه ')`), the letter may stand a space away.
            let inLabel = after < cells.count && BidiOrder.closing[cells[after].scalar] != nil
            var before = i - 1
            while inLabel, before >= 0, cells[before].scalar == " " { before -= 1 }
            if (before >= 0 && isArabicLetter(cells[before].scalar)) || (after < cells.count && isArabicLetter(cells[after].scalar)) {
                for k in i..<after { cells[k].scalar = PDFLineBuilder.tatweel }
            }
            i = after
        }
    }
}

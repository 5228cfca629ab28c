// The page as a whole: which lines are furniture (running headers and footers, job
// numbers, barcodes, page numbers), which are footnotes (the small type at the page's
// foot), and which are the resolution's body. Every threshold comes from the document's
// own statistics: its dominant type size and the positions its lines share.

struct PDFLayout {
    var pages: [[PDFLine]]
    /// The type size that carries most of the document's characters.
    var bodySize: Int
    var furniture: [String] = []
    var footnotes: [RawFootnote] = []
    var body: [PDFLine] = []
    /// Each page's width, to measure right-to-left lines from the right.
    var widths: [Int]
    /// Most lines run right to left: starts are measured from the right.
    var rightToLeft = false

    /// - Complexity: O(n log n) in the number of fragments (sorts within lines and keys).
    init(_ rawPages: [PDFPage], profileFor: (String) -> LanguageProfile) {
        widths = rawPages.map(\.width)
        pages = rawPages.enumerated().map { PDFLineBuilder.lines(of: $0.element, pageIndex: $0.offset) }
        // The body's size is the one that sets most of the text, by the room it takes: a CJK
        // character is two columns, a digit or a Latin letter one. By characters, a Chinese
        // page of many resolution numbers, whose digits poppler reports at another size than
        // the characters around them (Chromium's print: 18 against 16), took the digits' size
        // for the body's, and every line of Chinese at a page's foot for a footnote.
        var weight: [Int: Int] = [:]
        for page in pages { for line in page { for f in line.fragments {
            var columns = 0
            for r in f.runs { for s in r.text { columns += Chars.isWide(s) ? 2 : 1 } }
            weight[f.size, default: 0] += columns
        } } }
        bodySize = weight.max { $0.value < $1.value || ($0.value == $1.value && $0.key < $1.key) }?.key ?? 0
        // Plain cells first (markers unnumbered), for furniture and the language.
        for p in pages.indices { for l in pages[p].indices { PDFLineBuilder.fill(&pages[p][l], renumber: { $0 }) } }
        // The document's direction: lines of Latin symbols inside an Arabic text are laid out
        // and ordered as part of it.
        var rtlLines = 0, lineCount = 0
        for page in pages { for line in page { lineCount += 1; if line.rtl { rtlLines += 1 } } }
        let rightToLeft = rtlLines * 2 > lineCount
        var quirks = PDFProducerQuirks()
        if rightToLeft {
            for p in pages.indices { for l in pages[p].indices { PDFLineBuilder.fill(&pages[p][l], rightToLeft: true, renumber: { $0 }) } }
            var normal = 0, reversed = 0, kashidas = 0
            // The language's months hold a mark of their own (`نيسان/أبريل`): read from the
            // lines as they stand, before the quirks are undone.
            var sample = ""
            for page in pages { for line in page where sample.utf8.count < 20_000 { sample += line.text.string + "\n" } }
            var standIns = ArabicKashida.Tally(phrases: profileFor(sample).spec.months)
            for page in pages { for line in page where line.rtl {
                let pairs = BidiOrder.tightBrackets(line.cells)
                normal += pairs.normal
                reversed += pairs.reversed
                kashidas += PDFProducerQuirks.apostrophesInsideArabicWords(line.cells)
                standIns.add(line.cells.map(\.scalar))
            } }
            quirks.mirroredBrackets = reversed >= 2 && reversed > normal
            quirks.apostropheKashida = kashidas >= 3
            // Apostrophes have their own, looser rule (`kashidaFromApostrophes`).
            if let standIn = standIns.standIn, standIn.mark != "'" { quirks.kashidaStandIn = standIn }
            if quirks.mirroredBrackets || quirks.apostropheKashida || quirks.kashidaStandIn != nil {
                for p in pages.indices { for l in pages[p].indices {
                    PDFLineBuilder.fill(&pages[p][l], rightToLeft: true, quirks: quirks, renumber: { $0 })
                } }
            }
        }
        self.rightToLeft = rightToLeft
        if !rightToLeft, PDFProducerQuirks.latinAutospace(in: pages) {
            for p in pages.indices { for l in pages[p].indices {
                pages[p][l].cells = PDFProducerQuirks.droppingLatinAutospaces(pages[p][l].cells)
            } }
        }
        var sample = ""
        for page in pages { for line in page where sample.utf8.count < 20_000 { sample += line.text.string + "\n" } }
        let profile = profileFor(sample)
        let isFurniture = furnitureFlags(rawPages, profile: profile)
        var notesByPage: [[(printed: Int, text: Scalars, line: Int)]] = []
        var bodyLines: [[PDFLine]] = []
        var lineIndex = 0
        for (p, page) in pages.enumerated() {
            var kept: [PDFLine] = []
            for (l, line) in page.enumerated() {
                // Hamzas standing alone (`أ   أ`) belong to no line's words: set aside with
                // the furniture, not read as a paragraph.
                if isFurniture[p][l] || (rightToLeft && ArabicMarks.isTornHamzaLine(line.text)) {
                    furniture.append(line.text.string)
                } else {
                    kept.append(line)
                }
            }
            let split = footnoteStart(kept, lastPage: p == pages.count - 1)
            notesByPage.append(notes(Array(kept[split...]), continuing: &notesByPage, lineBase: &lineIndex))
            bodyLines.append(Array(kept[..<split]))
        }
        // Numbers that restart on each page become one sequence; markers follow their page's notes.
        let printed = notesByPage.flatMap { $0.map(\.printed) }
        let increasing = zip(printed, printed.dropFirst()).allSatisfy { $0 < $1 }
        var number = 0
        var maps: [[Int: Int]] = []
        for page in notesByPage {
            var map: [Int: Int] = [:]
            for note in page {
                number = increasing ? note.printed : number + 1
                if map[note.printed] == nil { map[note.printed] = number }
                footnotes.append(RawFootnote(number: number, text: note.text, line: note.line))
            }
            maps.append(map)
        }
        for p in bodyLines.indices {
            for var line in bodyLines[p] {
                if line.fragments.contains(where: { PDFLineBuilder.isMarker($0, in: line) }) {
                    let here = maps[p], nextPage = p + 1 < maps.count ? maps[p + 1] : [:]
                    PDFLineBuilder.fill(&line, rightToLeft: rightToLeft ? true : nil, quirks: quirks) { here[$0] ?? nextPage[$0] ?? $0 }
                }
                if !line.cells.isEmpty { body.append(line) }
            }
        }
    }

    /// Lines that belong to the page: short, in the top or bottom sixth of the page, and repeated
    /// at about the same height on another page once digits are set aside (`2/5`, `3/5`);
    /// or job numbers, barcodes, page numbers and the language's recycling line anywhere
    /// in those bands.
    /// - Complexity: O(n) in lines, with hashing.
    func furnitureFlags(_ raw: [PDFPage], profile: LanguageProfile) -> [[Bool]] {
        var flags = pages.map { [Bool](repeating: false, count: $0.count) }
        // For each line's text (digits set aside) and height band: the pages it is on.
        let tolerance = max(bodySize, 4)
        struct Place: Hashable { var key: Scalars; var band: Int }
        var pagesAt: [Place: Set<Int>] = [:]
        // Headers and footers are short lines at the page's edge: a full line of body text
        // that happens to sit at the same height on two pages is not one of them.
        func inBand(_ line: PDFLine, _ p: Int) -> Bool {
            let h = raw[p].height
            return h > 0 && (line.top * 6 < h || line.bottom * 6 > h * 5)
        }
        func isShort(_ line: PDFLine, _ p: Int) -> Bool {
            // A footnote opens with its raised number; `¹ S/RES/1325 (2000).` and
            // `² S/RES/2272 (2016).` look alike once digits are set aside.
            if line.cells.contains(where: \.isMarker) { return false }
            let w = raw[p].width
            return w == 0 || line.fragments.reduce(0) { $0 + $1.width } * 10 <= w * 6
        }
        func key(_ line: PDFLine) -> Scalars {
            var k: Scalars = []
            for c in line.text where !Chars.isSpace(c) {
                if Chars.isDigit(c) { if k.last != "#" { k.append("#") } } else { k.append(c) }
            }
            return k
        }
        for (p, page) in pages.enumerated() {
            for line in page where inBand(line, p) && isShort(line, p) { pagesAt[Place(key: key(line), band: line.top / tolerance), default: []].insert(p) }
        }
        // A running header or footer is on most pages (on alternate ones when even and odd
        // pages differ, and not on the first): on at least half of them, and on two.
        let needed = max(2, pages.count / 2)
        for (p, page) in pages.enumerated() {
            for (l, line) in page.enumerated() where inBand(line, p) {
                let text = trimmed(line.text)
                if Furniture.isFurniture(text, profile: profile) || BlockBuilder.bareNumber(text) != nil {
                    flags[p][l] = true
                    continue
                }
                guard isShort(line, p) else { continue }
                let k = key(line), band = line.top / tolerance
                var on = Set<Int>()
                for b in (band - 1)...(band + 1) { on.formUnion(pagesAt[Place(key: k, band: b)] ?? []) }
                if on.count >= needed { flags[p][l] = true }
            }
            // The rest of a footer row whose job number or page number was recognised (the
            // recycling note beside the job number, in whatever language).
            for (l, line) in page.enumerated() where !flags[p][l] && inBand(line, p) && line.top * 2 > raw[p].height {
                if page.indices.contains(where: { flags[p][$0] && abs(page[$0].top - line.top) <= tolerance / 2 && page[$0].top * 2 > raw[p].height }) {
                    flags[p][l] = true
                }
            }
            // A running header set apart by its type: the lines that open a later page in
            // another size than the body's, above the body's first line.
            if p > 0 {
                var l = 0
                while l < page.count, inBand(page[l], p), isShort(page[l], p), page[l].size != bodySize { l += 1 }
                if l < page.count, page[l].size == bodySize { for k in 0..<l { flags[p][k] = true } }
            }
        }
        return flags
    }

    /// Where the footnote block starts: the run of lines at the page's foot set clearly
    /// smaller than the body type.
    /// On the last page, a page of small type that opens with a numbered note is the
    /// document's endnotes (a browser's print of a resolution sets its notes at the end).
    func footnoteStart(_ lines: [PDFLine], lastPage: Bool = false) -> Int {
        var i = lines.count
        // A line that opens with a raised number is a note whatever its size (a marker in the
        // text follows its word and never starts a line).
        while i > 0, isNoteSize(lines[i - 1].size) || lines[i - 1].cells.first?.isMarker == true { i -= 1 }
        if i == 0, lastPage, let first = lines.first, leadingNumber(first, first.text) != nil { return 0 }
        // Otherwise a page of nothing but small type is not a page of footnotes.
        return i == 0 ? lines.count : i
    }

    /// Smaller than the body's type. Poppler rounds sizes to whole pixels (1.5 per point),
    /// so 9-point notes under 10-point text differ by a single unit: any smaller size counts,
    /// and only a run of such lines at a page's foot is taken for notes.
    func isNoteSize(_ size: Int) -> Bool { size > 0 && size < bodySize }

    /// Splits a page's footnote lines into notes. A line opens a note when it starts with
    /// a number (a small raised digit, a linked number, or digits set off by a space) that
    /// continues the numbering or restarts it; other lines continue the note before, which
    /// may be on the page before.
    func notes(_ lines: [PDFLine], continuing earlier: inout [[(printed: Int, text: Scalars, line: Int)]],
               lineBase: inout Int) -> [(printed: Int, text: Scalars, line: Int)] {
        var out: [(printed: Int, text: Scalars, line: Int)] = []
        for line in lines {
            lineBase += 1
            let text = trimmed(line.text.filter { $0 != Chars.markerSeparator })
            if let (n, rest) = leadingNumber(line, text) {
                let last = out.last?.printed ?? earlier.last(where: { !$0.isEmpty })?.last?.printed ?? 0
                if n == last + 1 || n == 1 {
                    out.append((n, rest, lineBase))
                    continue
                }
            }
            let cleaned = trimmed(line.cells.flatMap(\.markup))
            if !out.isEmpty {
                out[out.count - 1].text = TextJoiner.join(out[out.count - 1].text, cleaned, spaced: !cleaned.contains(where: Chars.isWide))
            } else if let p = earlier.lastIndex(where: { !$0.isEmpty }) {
                let k = earlier[p].count - 1
                earlier[p][k].text = TextJoiner.join(earlier[p][k].text, cleaned, spaced: !cleaned.contains(where: Chars.isWide))
            } else {
                out.append((0, cleaned, lineBase))
            }
        }
        return out.filter { $0.printed > 0 }
    }

    /// The number that opens a footnote line, and the text after it.
    func leadingNumber(_ line: PDFLine, _ text: Scalars) -> (Int, Scalars)? {
        if let first = line.cells.first, first.isMarker {
            return (first.marker, trimmed(line.cells.dropFirst().map(\.scalar)))
        }
        if let f = line.fragments.first, !f.linkDigits.isEmpty, text.starts(with: f.linkDigits), let n = Int(f.linkDigits.string) {
            return (n, trimmed(text.dropFirst(f.linkDigits.count)))
        }
        // A small digit fragment at the line's start (the note's own raised number).
        if !line.rtl, let f = line.fragments.first, line.fragments.count > 1, f.size < line.size,
           let n = Int(trimmed(f.text).string), trimmed(f.text).allSatisfy(Chars.isDigit) {
            return (n, trimmed(line.fragments.dropFirst().flatMap(\.text)))
        }
        var i = 0
        while i < text.count, i < 3, Chars.isDigit(text[i]) { i += 1 }
        guard i > 0, i < text.count, Chars.isSpace(text[i]) || text[i] == "." else { return nil }
        return (Int(text[..<i].string)!, trimmed(text[(i + 1)...]))
    }
}

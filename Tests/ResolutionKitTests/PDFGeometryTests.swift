import Testing
@testable import ResolutionKit

/// Block breaks decided from page geometry, on pages built here fragment by fragment the way
/// `pdftohtml -xml` reports them (positions in its pixels; right-to-left text in visual order).
@Suite struct PDFGeometryTests {
    static let width = 892

    /// One printed line: its fragments left to right.
    struct Line {
        var top: Int
        var pieces: [(left: Int, width: Int, text: String, size: Int, height: Int)]
        var page = 0
    }

    /// A fragment of `text` in logical order, written visually when it is Arabic.
    static func piece(_ left: Int, _ width: Int, _ text: String, size: Int = 20, height: Int = 21, rtl: Bool = false)
        -> (left: Int, width: Int, text: String, size: Int, height: Int) {
        (left, width, rtl ? String(String.UnicodeScalarView(text.unicodeScalars.reversed())) : text, size, height)
    }

    static func blocks(_ lines: [Line], language: String) throws -> [String] {
        var pages: [PDFPage] = []
        for line in lines {
            while pages.count <= line.page { pages.append(PDFPage(number: pages.count + 1, width: width, height: 1262)) }
            for p in line.pieces {
                pages[line.page].fragments.append(PDFFragment(top: line.top, left: p.left, width: p.width, height: p.height, size: p.size,
                                                              runs: [PDFRun(text: Array(p.text.unicodeScalars), italic: false, bold: false)]))
            }
        }
        let profile = try #require(LanguageCatalog.profile(language))
        let layout = PDFLayout(pages) { _ in profile }
        return layout.blocks(spaced: true, profile: profile).map { $0.text.string }
    }

    /// A ragged English page 30 pixels a line: ten lines ending at `ends`, every fifth a
    /// paragraph's first, indented by 36, then a short last line ending with `closing`.
    struct RaggedPage {
        static let text = "the Security Council reaffirms its strong commitment to the sovereignty and unity of"
        var lines: [Line] = []
        var top = 100

        init(ends: [Int], closing: String) {
            for (k, e) in ends.enumerated() {
                let left = k % 5 == 0 ? 146 : 110
                add(left, e - left, k % 5 == 0 ? "Recalling " + Self.text : Self.text)
            }
            add(110, 300, String(Self.text.prefix(40)) + closing)
        }

        mutating func add(_ left: Int, _ width: Int, _ s: String) {
            lines.append(Line(top: top, pieces: [PDFGeometryTests.piece(left, width, s)]))
            top += 30
        }
    }

    /// One plain fragment of `text` as poppler reports it (visual order for Arabic).
    static func fragment(_ top: Int, _ left: Int, _ width: Int, _ text: String, size: Int = 19, height: Int = 21) -> PDFFragment {
        PDFFragment(top: top, left: left, width: width, height: height, size: size, runs: [PDFRun(text: Array(text.unicodeScalars), italic: false, bold: false)])
    }

    static let arabicFull = "تؤكد الدول الأعضاء التزامها القوي بسيادة البلد ووحدته واستقلاله وسلامة أراضيه"

    /// Items whose lines all stop short of the page's edge by the same distance (their list
    /// indent fell on the end side): a line ending there is full, and the item goes on.
    @Test func itemsSetInFromTheEndSideStayWhole() throws {
        var lines: [Line] = []
        var top = 100
        func add(_ pieces: [(left: Int, width: Int, text: String, size: Int, height: Int)]) { lines.append(Line(top: top, pieces: pieces)); top += 40 }
        add([Self.piece(111, 689, "1. " + Self.arabicFull, rtl: true)])
        for _ in 0..<19 { add([Self.piece(111, 689, Self.arabicFull, rtl: true)]) }
        add([Self.piece(500, 300, "وسلامة أراضيه؛", rtl: true)])
        add([Self.piece(420, 380, "2. يقرر أن تضطلع البعثة بالولاية التالية:", rtl: true)])
        for (label, last) in [("أ", "الأولى"), ("ب", "الثانية"), ("ج", "الثالثة"), ("د", "الرابعة")] {
            add([Self.piece(165, 549, Self.arabicFull, rtl: true), Self.piece(729, 17, "(" + label + ")", rtl: true)])
            add([Self.piece(165, 635, Self.arabicFull + " أيضا", rtl: true)])
            add([Self.piece(560, 240, "المهمة " + last + "،", rtl: true)])
        }
        let blocks = try Self.blocks(lines, language: "ar")
        #expect(blocks.count == 6, "\(blocks.count) blocks: \(blocks.map { String($0.prefix(12)) })")
        for last in ["الأولى", "الثانية", "الثالثة", "الرابعة"] {
            #expect(blocks.contains { $0.hasPrefix("(") && $0.contains(last) && $0.contains("أيضا") }, "item ending «\(last)» is not whole")
        }
    }

    /// A closing line mostly of Latin symbols, set a point smaller to match the Arabic
    /// (`S/2020/202)،`), ends its paragraph instead of opening one.
    @Test func aLineOfLatinSymbolsInArabicStaysInItsParagraph() throws {
        var lines: [Line] = []
        var top = 100
        // Ends with a paragraph's first line: smaller type at the page's foot would be notes.
        for k in 0..<13 {
            let first = k % 3 == 0
            if k % 3 == 2 {
                lines.append(Line(top: top, pieces: [Self.piece(709, 91, "S/2020/202", size: 18, height: 23), Self.piece(697, 12, "،)", rtl: true)]))
            } else {
                lines.append(Line(top: top, pieces: [Self.piece(111, first ? 630 : 689, (first ? "وإذ يحيط " : "") + Self.arabicFull, rtl: true)]))
            }
            top += k % 3 == 2 ? 45 : 34
        }
        let blocks = try Self.blocks(lines, language: "ar")
        #expect(blocks.count == 5, "\(blocks.map { String($0.prefix(12)) })")
        #expect(blocks.prefix(4).allSatisfy { $0.contains("S/2020/202") }, "\(blocks)")
    }

    /// A mark set below its letter grows one line's box downwards; the line is still a
    /// pitch below the one before, not a paragraph away.
    @Test func aBoxGrownByOneGlyphDoesNotOpenAParagraph() throws {
        var lines: [Line] = []
        var top = 100
        for k in 0..<12 {
            let tall = k == 3, last = k % 6 == 5
            lines.append(Line(top: top, pieces: [Self.piece(last ? 400 : 111, last ? 400 : 689, Self.arabicFull, height: tall ? 28 : 21, rtl: true)]))
            top += k % 6 == 5 ? 45 : 35
        }
        let blocks = try Self.blocks(lines, language: "ar")
        #expect(blocks.count == 2, "\(blocks.map { String($0.prefix(12)) })")
    }

    /// A bold word from a fallback face grows a line's whole box (the browser lays the line
    /// out taller) and moves it down a few pixels, short of the spacing between paragraphs:
    /// where paragraphs stand spaced, the line stays in its paragraph.
    @Test func aLineMovedDownByATallerFaceStaysInItsSpacedParagraph() throws {
        var lines: [Line] = []
        var top = 100
        for k in 0..<20 {
            let last = k % 4 == 3
            lines.append(Line(top: top, pieces: [Self.piece(110, last ? 300 : 668, RaggedPage.text + (last ? "," : ""))]))
            // Lines 30 apart, paragraphs 44; the sixth line 35 below the fifth (over 115%).
            top += last ? 44 : (k == 4 ? 35 : 30)
        }
        let blocks = try Self.blocks(lines, language: "en")
        #expect(blocks.count == 5, "\(blocks.map { String($0.prefix(12)) })")
    }

    /// Ragged lines end where the next word did not fit. A one-line paragraph that left
    /// room for the next line's first word ended there, even a little short of the longest
    /// lines; a line whose next word is long goes on.
    @Test func aRaggedLineWithRoomForTheNextWordEndsItsParagraph() throws {
        // Ragged ends between 700 and 790 (the longest).
        var page = RaggedPage(ends: [790, 742, 768, 731, 785, 756, 779, 712, 788, 748], closing: ",")
        let text = RaggedPage.text
        func add(_ left: Int, _ width: Int, _ s: String) { page.add(left, width, s) }
        // One line, 30 short of the longest, less than two type sizes: `In` would have
        // fitted after it.
        add(146, 614, "Welcoming " + text)
        // 25 short, but the next word is far too long to have fitted.
        add(146, 619, "In this regard, noting the report of the Secretary-General on the situation in the")
        add(110, 259, "internationally-recognized frontiers,")
        let blocks = try Self.blocks(page.lines, language: "en")
        #expect(blocks.contains { $0.hasPrefix("Welcoming") && !$0.contains("regard") }, "\(blocks.map { String($0.prefix(30)) })")
        #expect(blocks.contains { $0.hasPrefix("In this") && $0.contains("internationally") }, "\(blocks.map { String($0.prefix(30)) })")
    }

    /// No paragraph ends inside a quotation: a ragged line that left room for the next word
    /// but stopped inside an open quotation (a title with a colon in it) goes on. The same
    /// line with the quotation closed before it still ends its paragraph.
    @Test func aRaggedLineInsideAnOpenQuotationGoesOn() throws {
        func blocks(quoteOpen: Bool) throws -> [String] {
            var page = RaggedPage(ends: [790, 742, 768, 731, 785, 756, 779, 712, 788, 748], closing: ",")
            // 60 short of the longest: `Agenda` would have fitted after it.
            page.add(146, 584, quoteOpen ? "Recalling resolution 70/1 entitled \u{201C}Transforming our world:"
                                         : "Recalling resolution 70/1 entitled \u{201C}Transforming our world\u{201D}:")
            page.add(110, 420, "the 2030 Agenda for Sustainable Development\u{201D},")
            return try Self.blocks(page.lines, language: "en")
        }
        let open = try blocks(quoteOpen: true)
        #expect(open.contains { $0.hasPrefix("Recalling resolution 70/1") && $0.contains("2030 Agenda") }, "\(open.map { String($0.prefix(30)) })")
        let closed = try blocks(quoteOpen: false)
        #expect(closed.contains { $0.hasPrefix("Recalling resolution 70/1") && !$0.contains("2030 Agenda") }, "\(closed.map { String($0.prefix(30)) })")
        // A mark left open three lines up (a stray one) holds nothing open.
        var page = RaggedPage(ends: [790, 742, 768, 731, 785, 756, 779, 712, 788, 748], closing: ",")
        page.add(146, 644, "Stressing \u{201C}the Security Council reaffirms its strong commitment to the")
        page.add(110, 680, RaggedPage.text)
        page.add(110, 674, RaggedPage.text)
        page.add(110, 450, "sovereignty and unity of the country and of all its people,")
        page.add(110, 420, "Report of the Secretary-General on the situation,")
        let stray = try Self.blocks(page.lines, language: "en")
        #expect(stray.contains { $0.hasPrefix("Report of the Secretary") }, "\(stray.map { String($0.prefix(30)) })")
    }

    /// Ragged items set in from the end side: a line that left room to the page's edge but
    /// not to the item's own longest line goes on, even after a comma.
    @Test func aRaggedItemMeasuresRoomToItsOwnLongestLine() throws {
        var page = RaggedPage(ends: [800, 752, 778, 741, 795, 766, 789, 722, 798, 758], closing: ";")
        func add(_ left: Int, _ width: Int, _ s: String) { page.add(left, width, s) }
        // The item's measure ends 62 short of the page's.
        add(146, 592, "(a) to support the Government in the preparation of elections and the reform of")
        add(110, 600, "the electoral institutions, in close consultation with the parties, and the region,")
        add(110, 353, "monitor the ceasefire across the country;")
        let blocks = try Self.blocks(page.lines, language: "en")
        #expect(blocks.contains { $0.hasPrefix("(a)") && $0.contains("monitor") }, "\(blocks.map { String($0.prefix(30)) })")
    }

    /// Poppler may write a line's fragments out of order; a fragment far from the part built
    /// so far still joins its line once the rest arrives.
    @Test func fragmentsWrittenOutOfOrderMakeOneLine() {
        var page = PDFPage(number: 1, width: Self.width, height: 1262)
        for (left, width, text) in [(600, 200, "the first words"), (100, 120, "the last words"), (230, 360, "and the middle ones")] {
            page.fragments.append(PDFFragment(top: 500, left: left, width: width, height: 21, size: 17,
                                              runs: [PDFRun(text: Array(text.unicodeScalars), italic: false, bold: false)]))
        }
        let lines = PDFLineBuilder.lines(of: page, pageIndex: 0)
        #expect(lines.count == 1)
        #expect(lines.first?.left == 100 && lines.first?.right == 800)
    }

    /// A paragraph's last line of digits and Arabic punctuation (`2019؛`) reads in the page's
    /// direction: the semicolon ends it.
    @Test func aLineOfDigitsAndArabicPunctuationReadsRightToLeft() {
        var line = PDFLine(page: 0, top: 500, bottom: 521, left: 700, right: 760, size: 20, fragments: [
            PDFFragment(top: 500, left: 700, width: 6, height: 21, size: 20, runs: [PDFRun(text: ["\u{061B}"], italic: false, bold: false)]),
            PDFFragment(top: 500, left: 706, width: 54, height: 21, size: 20, runs: [PDFRun(text: Array("2019".unicodeScalars), italic: false, bold: false)]),
        ])
        PDFLineBuilder.fill(&line, rightToLeft: true, renumber: { $0 })
        #expect(line.text.string == "2019\u{061B}")
    }

    /// A glyph from a fallback font set inside a fragment that kept a space where it stands
    /// (`ءاربخلا قيرف تاءازجلا ةنجل` with `/` over the space): the space was the glyph's room.
    @Test func aGlyphSetInsideAFragmentTakesTheSpaceLeftForIt() {
        let words = Array("ءاربخلا قيرف تاءازجلا ةنجل".unicodeScalars)
        var line = PDFLine(page: 0, top: 563, bottom: 588, left: 340, right: 562, size: 20, fragments: [
            PDFFragment(top: 563, left: 340, width: 222, height: 25, size: 20, runs: [PDFRun(text: words, italic: false, bold: true)]),
            PDFFragment(top: 563, left: 441, width: 7, height: 25, size: 19, runs: [PDFRun(text: ["/"], italic: false, bold: true)]),
        ])
        PDFLineBuilder.fill(&line, rightToLeft: true, renumber: { $0 })
        #expect(line.text.string == "لجنة الجزاءات/فريق الخبراء")
    }

    /// A date line as poppler writes it, ordered by left edges: the year, the months with
    /// room kept for a fallback face's slash (`months`, visual order), the slash, the day.
    struct DateLine: Sendable, CustomTestStringConvertible {
        var pieces: [(left: Int, width: Int, text: String)]
        var slash: Int
        var expected: String
        var testDescription: String { expected }
    }

    /// Two ways the slash of a date (`أيلول/سبتمبر`) was read into the words around it:
    /// - the fragment after it (`17`) is apart from the slash but not from the fragment
    ///   around it, and the space put before it landed inside that fragment's words
    ///   (`17 أي لول/سبتمبر`);
    /// - its position, estimated evenly across the fragment around it, fell a letter off
    ///   the room kept for it (`آذا/ر مارس`): it takes the room nearest to it.
    @Test(arguments: [
        DateLine(pieces: [(397, 38, "2020"), (435, 84, " ربمتبس لوليأ "), (519, 19, "17")], slash: 479, expected: "17 أيلول/سبتمبر 2020"),
        DateLine(pieces: [(242, 43, "2015"), (285, 78, " سرام راذآ "), (363, 21, "22")], slash: 329, expected: "22 آذار/مارس 2015"),
    ])
    func aSlashSetInsideAFragmentTakesItsRoom(_ date: DateLine) {
        var fragments = date.pieces.map { Self.fragment(514, $0.left, $0.width, $0.text) }
        fragments.insert(Self.fragment(514, date.slash, 6, "/", size: 18), at: 2)
        let left = date.pieces[0].left, right = date.pieces[2].left + date.pieces[2].width
        var line = PDFLine(page: 0, top: 514, bottom: 535, left: left, right: right, size: 19, fragments: fragments)
        PDFLineBuilder.fill(&line, rightToLeft: true, renumber: { $0 })
        #expect(line.text.string == date.expected)
    }

    /// A number in parentheses that bidi reordering broke after its opening bracket, at the
    /// end of a right-to-left line (`2402 (` / `2018) و`), joins with no space inside the
    /// brackets; other lines join with a space.
    @Test func linesJoinWithNoSpaceInsideBrackets() {
        func cells(_ s: String) -> [PDFCell] { s.unicodeScalars.map { PDFCell(scalar: $0) } }
        func text(_ c: [PDFCell]) -> String { String(String.UnicodeScalarView(c.map(\.scalar))) }
        #expect(text(PDFLayout.join(cells("القرارات 2402 ("), cells("2018) و 2451"), spaced: true)) == "القرارات 2402 (2018) و 2451")
        #expect(text(PDFLayout.join(cells("the report"), cells("(S/2020/23)"), spaced: true)) == "the report (S/2020/23)")
        #expect(text(PDFLayout.join(cells("the report (S/2020/23"), cells(") and"), spaced: true)) == "the report (S/2020/23) and")
        #expect(text(PDFLayout.join(cells("recalling"), cells("its resolutions"), spaced: true)) == "recalling its resolutions")
    }

    /// Chromium writes a mirrored bracket glyph as the character it looks like, so that
    /// right-to-left text comes back with every bracket turned (`)أ(`, `)2012(`). A document
    /// whose tight pairs mostly read so is turned back; one that reads right is left alone.
    @Test func mirroredBracketsAreTurnedBackDocumentWide() throws {
        func lines(mirrored: Bool) -> [Line] {
            var out: [Line] = []
            var top = 100
            for (k, label) in ["أ", "ب", "ج", "د"].enumerated() {
                let logical = "(" + label + ") يشير إلى القرار 2451 (2018) " + Self.arabicFull
                var visual = String(String.UnicodeScalarView(logical.unicodeScalars.reversed()))
                if mirrored {
                    visual = String(visual.map { $0 == "(" ? ")" : $0 == ")" ? "(" : $0 })
                }
                // The year's digits are laid out left to right inside the reversed line.
                visual = visual.replacingOccurrences(of: "8102", with: "2018").replacingOccurrences(of: "1542", with: "2451")
                out.append(Line(top: top, pieces: [Self.piece(111, 689, visual)]))
                out.append(Line(top: top + 40, pieces: [Self.piece(400, 400, "وسلامة أراضيه؛", rtl: true)]))
                top += 40 * 2 + 10 * k + 10
            }
            return out
        }
        for mirrored in [true, false] {
            let blocks = try Self.blocks(lines(mirrored: mirrored), language: "ar")
            #expect(blocks.count == 4)
            #expect(blocks.allSatisfy { $0.hasPrefix("(") && $0.contains("(2018)") }, "\(mirrored): \(blocks.map { String($0.prefix(40)) })")
        }
    }

    /// Poppler rounds type sizes to whole pixels: a browser's superscript at 83% of 15 px
    /// reads 13. Raised well up it is a marker; digits of another font a point or two smaller,
    /// sitting a pixel or two higher, are not.
    @Test func aMarkerARoundedPixelTooLargeIsStillAMarker() {
        func fragment(_ top: Int, _ left: Int, _ height: Int, _ size: Int, _ text: String) -> PDFFragment {
            PDFFragment(top: top, left: left, width: 8 * text.count, height: height, size: size,
                        runs: [PDFRun(text: Array(text.unicodeScalars), italic: false, bold: false)])
        }
        let body = fragment(442, 100, 22, 15, "A/74/976-S/2020/773")
        let raised = fragment(439, 260, 18, 13, "1")
        let line = PDFLine(page: 0, top: 439, bottom: 464, left: 100, right: 270, size: 15, fragments: [body, raised])
        #expect(PDFLineBuilder.isMarker(raised, in: line))
        let arabic = fragment(500, 100, 30, 20, "يشير إلى القرار")
        let year = fragment(500, 300, 28, 18, "27")
        let latin = PDFLine(page: 0, top: 500, bottom: 530, left: 100, right: 320, size: 20, fragments: [arabic, year])
        #expect(!PDFLineBuilder.isMarker(year, in: latin))
    }

    /// Chinese text with first-line indents and no paragraph spacing: a one-line paragraph
    /// fills its line and ends a clause, and the next line stands at the indent again with
    /// a lead (`重申…`). Continuation lines go back to the margin, so that is a new paragraph;
    /// in a text indented as blocks the same shape goes on.
    @Test func anIndentedLeadAfterAFullIndentedLineOpensAParagraph() throws {
        let body = "安全理事会根据联合国宪章负有维护国际和平与安全的首要责任并强调必须充分"
        func lines(blockIndented: Bool) -> [Line] {
            var out: [Line] = []
            var top = 100
            func add(_ left: Int, _ text: String, full: Bool = true) {
                let width = full ? 808 - left : 17 * text.unicodeScalars.count
                out.append(Line(top: top, pieces: [Self.piece(left, width, text, size: 17)]))
                top += 24
            }
            let rest = blockIndented ? 128 : 85
            for _ in 0..<4 {
                add(128, "回顾" + body)
                add(rest, body)
                add(rest, "安全的首要责任，", full: false)
            }
            add(128, "特别指出" + body + "，")
            add(128, "重申" + body)
            add(rest, "安全的首要责任，", full: false)
            return out
        }
        let flat = try Self.blocks(lines(blockIndented: false), language: "zh")
        #expect(flat.contains { $0.hasPrefix("特别指出") && !$0.contains("重申") }, "\(flat.map { String($0.prefix(8)) })")
        #expect(flat.contains { $0.hasPrefix("重申") })
        let blocks = try Self.blocks(lines(blockIndented: true), language: "zh")
        #expect(blocks.contains { $0.hasPrefix("特别指出") && $0.contains("重申") }, "\(blocks.map { String($0.prefix(8)) })")
    }

    /// Items whose text goes on deeper than their labels (`(g)` at one indent, the text's
    /// lines at a deeper one): a labelled first line that fills the measure and ends on a
    /// comma goes on, and so does the item's text at the top of the next page.
    @Test func itemTextGoesOnDeeperThanItsLabelAndAcrossThePage() throws {
        let body = "安全理事会根据联合国宪章负有维护国际和平与安全的首要责任并强调必须"
        var lines: [Line] = []
        var top = 100, page = 0
        func add(_ left: Int, _ text: String, full: Bool = true) {
            let width = full ? 800 - left : 17 * text.unicodeScalars.count
            lines.append(Line(top: top, pieces: [Self.piece(left, width, text, size: 17)], page: page))
            top += 28
        }
        for n in 1...3 {
            add(94, "\(n). 回顾" + body)
            add(148, body)
            add(148, "首要责任；", full: false)
        }
        add(94, "4. 请联合国援助团：")
        for label in ["a", "b"] {
            add(148, "(\(label)) 加强举报侵犯和虐待儿童行为的能力支持努力加强保护儿童，")
            add(202, "包括为此与冲突各方接触" + body)
            if label == "b" { page = 1; top = 100 }
            add(202, "虐待儿童行为" + body)
            add(202, "首要责任；", full: false)
        }
        add(94, "5. 决定继续积极处理此案。", full: false)
        let blocks = try Self.blocks(lines, language: "zh")
        #expect(blocks.count == 7, "\(blocks.map { String($0.prefix(8)) })")
        #expect(blocks.filter { $0.hasPrefix("(") }.allSatisfy { $0.contains("包括为此") && $0.contains("虐待儿童行为安全") })
    }

    /// A font with no mapping for the kashida glyph: justification's stretching comes out
    /// as apostrophes inside Arabic words (`الج''انبين`), and a label's tatweel as `(ه ')`.
    /// Found across the document, they become tatweel: dropped in words, kept in the label.
    /// An apostrophe between Latin letters (`d'Ivoire`) stays.
    @Test func apostrophesWrittenForKashidaBecomeTatweel() throws {
        var lines: [Line] = []
        var top = 100
        for k in 0..<6 {
            let text = k == 3 ? "(هـ) إشاعة التربية في كوت ديفوار Côte d'Ivoire على مبادئ السلام" : "يدعو إلى إنشاء آلية بين الج''انبين والأط''راف المش''اركة المعني''ة"
            var logical = text
            if k == 3 { logical = logical.replacingOccurrences(of: "هـ", with: "ه '") }
            var visual = String(String.UnicodeScalarView(logical.unicodeScalars.reversed()))
            visual = visual.replacingOccurrences(of: "eriovI'd etôC", with: "Côte d'Ivoire")
            lines.append(Line(top: top, pieces: [Self.piece(111, 689, visual)]))
            top += 40
        }
        let blocks = try Self.blocks(lines, language: "ar")
        let text = blocks.joined(separator: "\n")
        #expect(text.contains("الجانبين والأطراف المشاركة المعنية"), "\(blocks)")
        #expect(text.contains("(هـ) إشاعة"), "\(blocks)")
        #expect(text.contains("d'Ivoire"), "\(blocks)")
    }

    /// Radicals that a producer mapped its CJK glyphs to come out of the PDF as the
    /// ideographs they show, so that labels and search see `(十一)`, `民` and `秘书长`: the
    /// Kangxi radicals (`(⼗⼀)`) and the supplement's (`⺠`, `⻓`, which Unicode's
    /// compatibility mapping leaves alone). CJK punctuation between their blocks stays.
    @Test func radicalsReadAsIdeographs() {
        #expect(Self.fragmentTexts(["(⼗⼀) 协调国际援助，⽀持⽐", "保护平⺠、秘书⻓的报告。"])
                == ["(十一) 协调国际援助，支持比", "保护平民、秘书长的报告。"])
    }

    /// Latin ligatures that poppler's XML keeps (`ﬁnding`, `beneﬁts`, `eﬀorts`, `aﬄicted`)
    /// come out of the PDF spelt out, so that search for `finding` finds them.
    @Test func latinLigaturesReadAsTheirLetters() {
        #expect(Self.fragmentTexts(["the responsibility for ﬁnding a solution lies ﬁrst", "beneﬁts, <i>eﬀorts</i> of the aﬄicted, ﬂows"])
                == ["the responsibility for finding a solution lies first", "benefits, efforts of the afflicted, flows"])
    }

    /// The texts of the fragments that poppler's XML page of `contents` (one `<text>` a line,
    /// 30 points apart) reads as.
    static func fragmentTexts(_ contents: [String]) -> [String] {
        let texts = contents.enumerated().map { k, content in
            #"<text top="\#(348 + 30 * k)" left="179" width="420" height="22" font="3">\#(content)</text>"#
        }
        let xml = ##"<page number="1" position="absolute" top="0" left="0" height="1262" width="892">"##
            + ##"<fontspec id="3" size="16" family="A" color="#000000"/>"## + texts.joined() + "</page>"
        return PDFXML.parse(Array(xml.utf8)).first?.fragments.map(\.text.string) ?? []
    }

    /// `(هـ)` is how Arabic labels item (e): its tatweel is part of the label, while the ones
    /// that stretched words for justification go.
    @Test func theTatweelOfALabelStaysAndJustificationsGoes() {
        func cells(_ s: String) -> [PDFCell] { s.unicodeScalars.map { PDFCell(scalar: $0) } }
        func text(_ c: [PDFCell]) -> String { String(String.UnicodeScalarView(c.map(\.scalar))) }
        #expect(text(PDFLineBuilder.keepingLabelTatweel(cells("(هـ) تحسين"))) == "(هـ) تحسين")
        #expect(text(PDFLineBuilder.keepingLabelTatweel(cells("(ه ـ) تحسين"))) == "(هـ) تحسين")
        #expect(text(PDFLineBuilder.keepingLabelTatweel(cells("مــجلس الأمـن"))) == "مجلس الأمن")
    }
}

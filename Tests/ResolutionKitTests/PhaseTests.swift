import Foundation
import Testing
@testable import ResolutionKit

/// Each parser phase on constructed input.
@Suite struct PhaseTests {
    let zh = LanguageCatalog.profile("zh")!
    let en = LanguageCatalog.profile("en")!
    let fr = LanguageCatalog.profile("fr")!

    @Test func linesKeepLayoutFacts() {
        let lines = LineSplitter.split("a\r\n\r\n\r\n  b\rc\n" + String(repeating: " ", count: 30) + "\nd")
        #expect(lines.map { $0.text.string } == ["a", "b", "c", "", "d"])
        #expect(lines[1].blankBefore == 2)
        #expect(lines[1].indent == 2)
        #expect(lines[3].isSeparator)
    }

    /// The inline pass moves each draft paragraph's text and items out of its box; the
    /// assembly that takes a draft by value must leave the caller's draft whole.
    @Test func assemblingADraftByValueLeavesItWhole() {
        let text = "The Security Council,\n\nRecalling its resolutions,\n\n1. Decides:\n\n(a) to act;\n\n(b) to report;\n"
        let blocks = LineSplitter.split(text).map { SourceBlock(text: $0.text, indent: $0.indent, line: $0.index, afterBreak: false) }
        let draft = StructureBuilder.build(blocks, profile: en, hardWrapped: false)
        let assembler = DocumentAssembler(profile: en, notes: [])
        let first = assembler.assemble(draft, hardWrapped: false)
        let second = assembler.assemble(draft, hardWrapped: false)
        #expect(first.preamble.map(\.text) == ["Recalling its resolutions,"])
        #expect(first.operative.first?.subparagraphs.map(\.text) == ["to act;", "to report;"])
        #expect(second == first)
    }

    /// A line long enough to take the line buffer itself (rather than a copy of it) is
    /// trimmed and measured like any other, and the lines after it are read afresh.
    @Test func aLongLineIsTrimmedLikeAnyOther() {
        let long = String(repeating: "ab ", count: 40_000)  // 120,000 scalars, trailing space
        let lines = LineSplitter.split("x\n   " + long + "  \n\n\tshort\n" + long)
        #expect(lines.count == 4)
        #expect(lines[1].text.string == String(long.dropLast()))
        #expect(lines[1].indent == 3)
        #expect(lines[2].text.string == "short" && lines[2].blankBefore == 1)
        #expect(lines[3].text.string == String(long.dropLast()))
    }

    /// The inline pass hands back a paragraph with nothing to clean as it is, sharing its
    /// storage, and copies one with markup (from the first difference on).
    @Test func cleanCopiesOnlyWhatItChanges() {
        let plain = "Decides to remain seized of the matter.".scalars
        let clean = InlinePass.clean(plain, footnotes: [])
        #expect(clean.text == plain)
        #expect(clean.text.withUnsafeBufferPointer { $0.baseAddress } == plain.withUnsafeBufferPointer { $0.baseAddress })
        let marked = "Decides **to remain** seized¹ of the[^2] matter.  ".scalars
        let cleaned = InlinePass.clean(marked, footnotes: [1, 2])
        #expect(cleaned.text.string == "Decides to remain seized of the matter.")
        #expect(cleaned.markers.map(\.offset) == [24, 31])
        #expect(cleaned.bold == [8..<17])
    }

    @Test func furnitureIsRecognised() {
        #expect(Furniture.isFurniture("15-13833 (C)".scalars, profile: zh))
        #expect(Furniture.isFurniture("*1513833* 请回收".scalars, profile: zh))
        #expect(Furniture.isFurniture("2/5".scalars, profile: zh))
        #expect(!Furniture.isFurniture("2015/26.评估".scalars, profile: zh))
        #expect(!Furniture.isFurniture("72/200".scalars, profile: zh))
    }

    /// A page's first line that is the symbol alone is its running header, however the
    /// page spaces it (`S/RES/2532(2020)` as well as `S/RES/2532 (2020)`).
    @Test func theSymbolAtAPageTopIsARunningHeaderAtAnySpacing() {
        for header in ["S/RES/2532(2020)", "S/RES/2532 (2020)", "S/RES/2532"] {
            let body = (1...30).map { "第\($0)行的正文，继续写到这一行的末尾为止，然后换行继续写下去的内容" }
            let text = "联合国    S/RES/2532 (2020)\n" + body[..<15].joined(separator: "\n") + "\n\u{0C}" + header + "\n" + body[15...].joined(separator: "\n")
            let lines = LineSplitter.split(text)
            let found = RunningLines.find(lines, pages: 2)
            #expect(found.contains(lines[16].index), "\(header)")
        }
        #expect(!RunningLines.isSymbolAlone("S/RES/2532(2020)号决议".scalars, symbol: "S/RES/2532"))
    }

    /// A running line comes once a page: a short line printed twice on one page (two
    /// paragraphs that end `…Peace Agreement,`), one of them near the page feed, is the body's,
    /// and the paragraph keeps it.
    @Test func aLineTwiceOnOnePageIsNoRunningLine() throws {
        let doc = try Fixtures.pdftotextShape("line-twice-on-a-page-near-feed.en.txt")
        #expect(!doc.furniture.contains("Agreement,"), "\(doc.furniture)")
        let ends = doc.preamble.filter { $0.text.hasSuffix("of the Peace Agreement,") }
        #expect(ends.count == 2, "\(doc.preamble.map { String($0.text.suffix(30)) })")
        // The truth of this resolution: 23 preambular paragraphs, operative 1 to 12.
        #expect(doc.preamble.count == 23)
        #expect(doc.operative.map(\.number) == Array(1...12))
    }

    /// `pdftotext -layout` prints the job number and the recycling line side by side, and
    /// right-to-left extraction moves the parentheses; a sentence that cites a job number
    /// next to other words is still text.
    @Test func aFooterWithItsRecyclingLineIsFurniture() throws {
        let ru = try #require(LanguageCatalog.profile("ru")), ar = try #require(LanguageCatalog.profile("ar"))
        #expect(Furniture.isFurniture("20-07465 (R)          Просьба отправить на вторичную переработку".scalars, profile: ru))
        #expect(Furniture.isFurniture("20-02070 (A الرجاء إعادة الاستعمال)".scalars, profile: ar))
        #expect(Furniture.isFurniture(")20-02070 (A      الرجاء إعادة الاستعمال".scalars, profile: ar))
        #expect(!Furniture.isFurniture("20-07465 (R) Просьба отправить на вторичную переработку документ".scalars, profile: ru))
        #expect(!Furniture.isFurniture("Просьба отправить на вторичную переработку".scalars, profile: ar))
    }

    @Test func footnoteBlocksAreLifted() {
        let lines = LineSplitter.split("正文、\n\n¹ 见 A/60/687。\n\n[^2]: note\n\n续文，")
        let (kept, notes) = FootnoteExtractor.extract(lines, layout: TextLayout(hardWrapped: false, measure: 80))
        #expect(notes.map(\.number) == [1, 2])
        #expect(notes[0].text.string == "见 A/60/687。")
        #expect(kept.map { $0.text.string } == ["正文、", "续文，"])
        #expect(kept[1].afterFootnotes)
    }

    @Test func pdfFootnoteZoneAfterARule() {
        let text = " 回顾文件，\n1\n" + String(repeating: " ", count: 40) + "\n1\n 见 A/60/687。\n2\n A/70/63。\n  又回顾决议，"
        let lines = LineSplitter.split(text)
        let (kept, notes) = FootnoteExtractor.extract(lines, layout: TextLayout(hardWrapped: true, measure: 76))
        #expect(notes.map(\.number) == [1, 2])
        #expect(notes.map { $0.text.string } == ["见 A/60/687。", "A/70/63。"])
        #expect(kept.map { $0.text.string } == ["回顾文件，", "1", "又回顾决议，"])
    }

    @Test func joiningAcrossScripts() {
        #expect(TextJoiner.join("信息社".scalars, "会".scalars, spaced: false).string == "信息社会")
        #expect(TextJoiner.join("s’ap-".scalars, "pliquent".scalars, spaced: true).string == "s’appliquent")
        #expect(TextJoiner.join("cross-".scalars, "Border".scalars, spaced: true).string == "cross- Border")
        #expect(TextJoiner.join("the".scalars, "Council".scalars, spaced: true).string == "the Council")
    }

    @Test func hardWrappedLinesJoinAndMarkersAttach() {
        let measure = 40
        let full = String(repeating: "字", count: 20)
        var furniture: [(line: Int, text: String)] = []
        let lines = LineSplitter.split(" 回顾\(full)\n尾，\n1\n \n 又回顾决议，\n72\n")
        let blocks = BlockBuilder.build(lines, layout: TextLayout(hardWrapped: true, measure: measure, blockGap: 2), footnoteNumbers: [1], profile: zh,
                                        furniture: &furniture)
        #expect(blocks.count == 2)
        #expect(blocks[0].text.string == "回顾\(full)尾，\u{E000}¹")
        #expect(furniture.map(\.text) == ["72"])   // not a footnote: a page number
    }

    @Test func operativeNumbers() {
        #expect(StructureBuilder.operativeNumber("12. 欢迎".scalars)?.0 == 12)
        #expect(StructureBuilder.operativeNumber("2015/26.评估".scalars) == nil)
        #expect(StructureBuilder.operativeNumber("2030 年议程".scalars) == nil)
        #expect(StructureBuilder.operativeNumber("72 段所述".scalars) == nil)
        #expect(StructureBuilder.operativeNumber("2.5 million".scalars) == nil)
        #expect(StructureBuilder.operativeNumber("**3.** Decides".scalars)?.1.string == "Decides")
        #expect(StructureBuilder.operativeNumber("4 - يقرر".scalars)?.0 == 4)
    }

    /// The in-place question the block phase asks of every next line gives what
    /// `operativeNumber` gives, on the shapes above and on every line of the corpus's texts
    /// that opens with a digit, packed as the block phase holds them.
    @Test func theInPlaceOperativeNumberTestAgreesWithTheReading() throws {
        var samples = ["12. 欢迎", "2015/26.评估", "2030 年议程", "72 段所述", "2.5 million", "4 - يقرر", "4- x", "4 -x",
                       "1.", "1. ", "1.  ", "0. Decides", "123456. Decides", "12345. Decides", "1．决定", "7.*Decides*", "3.Decides"]
        let corpus = Fixtures.root.deletingLastPathComponent().appendingPathComponent("shared/corpus/sc-2020")
        for lang in ["ar", "en", "fr", "zh"] {
            let folder = corpus.appendingPathComponent(lang)
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".plain.txt") }.sorted().prefix(15)
            for name in names {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                samples += text.split(separator: "\n").map(String.init).filter { $0.first?.isNumber == true }
            }
        }
        #expect(samples.count > 300)
        for s in samples {
            let packed = PackedScalars(s.unicodeScalars)
            #expect(StructureBuilder.opensWithOperativeNumber(packed) == (StructureBuilder.operativeNumber(s.scalars) != nil), "\(s.prefix(30))")
        }
    }

    @Test func subparagraphLabelsAndDegrees() {
        var list = ListState()
        func place(_ s: String, _ p: LanguageProfile) -> String {
            let label = LabelParser.parse(s.scalars, profile: p)!
            let (degree, style, index) = list.place(label)
            return "\(degree):\(LabelParser.key(style, index))"
        }
        let letters = ["(a) x", "(b) x", "(c) x", "(d) x", "(e) x", "(f) x", "(g) x", "(h) x", "(i) x"]
        #expect(letters.map { place($0, en) }.last == "1:i")       // (i) after (h) is a letter
        list = ListState()
        #expect(["(a) x", "(i) y", "(ii) z", "(b) w"].map { place($0, en) } == ["1:a", "2:i", "2:ii", "1:b"])
        list = ListState()
        #expect(["i) x", "ii) y", "iii) z"].map { place($0, fr) } == ["1:i", "1:ii", "1:iii"])   // a list of romans
        list = ListState()
        #expect(["㈠ 推进", "㈡ 评估", "(十一) 协调"].map { place($0, zh) } == ["1:i", "1:ii", "1:xi"])
        #expect(LabelParser.parse("(2000) 年".scalars, profile: en) == nil)
        #expect(LabelParser.parse("a) Parvenir".scalars, profile: fr)?.printed == "a")
        // Taken from a right-to-left PDF page, brackets may stand apart from the label.
        let ar = LanguageCatalog.profile("ar")!
        #expect(LabelParser.parse("( أ) قيادة ودعم عمل لجنة".scalars, profile: ar)?.printed == "أ")
        #expect(LabelParser.parse("(ب )رصد امتثال الطرفين".scalars, profile: ar)?.printed == "ب")
        #expect(LabelParser.parse("( b ) next".scalars, profile: en)?.printed == "b")
        #expect(LabelParser.parse("( see below) x".scalars, profile: en) == nil)
        #expect(LabelParser.parse("(  a) x".scalars, profile: en) == nil)
    }

    @Test func inlineMarkupMarkersAndLeads() {
        let c = InlinePass.clean("在这方面**强调**通过¹ 并经 [第 70/1 号决议](#)，²".scalars, footnotes: [1, 2])
        #expect(c.text.string == "在这方面强调通过并经第 70/1 号决议，")
        #expect(c.markers.map(\.number) == [1, 2])
        #expect(c.markers[0].offset == 8)
        #expect(InlinePass.lead(c, operative: true, profile: zh) == "强调")
        let two = InlinePass.clean("文¹²".scalars, footnotes: [1, 2])
        #expect(two.markers.map(\.number) == [1, 2])
        let twelve = InlinePass.clean("文¹²".scalars, footnotes: [1, 2, 12])
        #expect(twelve.markers.map(\.number) == [12])
        let escaped = InlinePass.clean("[217 A \\(III\\)](#)".scalars, footnotes: [])
        #expect(escaped.text.string == "217 A (III)")
        let en1 = InlinePass.clean("Also decides to remain seized".scalars, footnotes: [])
        #expect(InlinePass.lead(en1, operative: true, profile: en) == "Also decides")
        let pre = InlinePass.clean("Recalling further its resolution".scalars, footnotes: [])
        #expect(InlinePass.lead(pre, operative: false, profile: en) == "Recalling further")
    }

    @Test func documentSymbols() {
        let t = "见A/60/687。(E/2020/31)通过；A/67/65-E/2012/48 和 Corr.1；E/CN.16/2018/CRP.3，A/RES/S-10/2，S/RES/1445 (2002)；TD/B/EDE/4/3。"
        #expect(ReferenceScanner.symbols(t.scalars) == ["A/60/687", "E/2020/31", "A/67/65-E/2012/48",
                                                       "A/67/65/Corr.1-E/2012/48/Corr.1", "E/CN.16/2018/CRP.3",
                                                       "A/RES/S-10/2", "S/RES/1445 (2002)", "TD/B/EDE/4/3"])
        #expect(ReferenceScanner.symbols("GA/12345 and SA/1".scalars).isEmpty)
        #expect(ReferenceScanner.symbols("A/67/65-E/2012/48 和 Corr.1。".scalars)
                == ["A/67/65-E/2012/48", "A/67/65/Corr.1-E/2012/48/Corr.1"])
    }

    @Test func resolutionCitations() throws {
        let zhList = "第 56/183、57/238、71/212、72/200 号和 73/218 号决议"
        #expect(ReferenceScanner.closedCitations(zhList.scalars, profile: zh).map(\.0) == ["56/183", "57/238", "71/212", "72/200", "73/218"])
        #expect(ReferenceScanner.closedCitations("大会第 217 A(III)号决议".scalars, profile: zh).map(\.0) == ["217 A (III)"])
        #expect(ReferenceScanner.closedCitations("第1325(2000)号决议".scalars, profile: zh).map(\.0) == ["1325 (2000)"])
        #expect(ReferenceScanner.closedCitations("第 12/3 号决定".scalars, profile: zh).map(\.1) == ["decision"])
        // A language whose citations are not closed by a word after them finds none so.
        #expect(ReferenceScanner.closedCitations(zhList.scalars, profile: LanguageCatalog.profile("en")!).isEmpty)
        let enList = "its resolutions 2042 (2012), 2043 (2012) and 2118 (2013), and resolution 56/183 of 21 December 2001"
        #expect(ReferenceScanner.keywordCitations(enList.scalars, profile: en).map(\.0) == ["2042 (2012)", "2043 (2012)", "2118 (2013)", "56/183"])
        #expect(ReferenceScanner.keywordCitations("décision 31/301".scalars, profile: fr).map(\.1) == ["decision"])
        #expect(ReferenceScanner.keywordCitations("résolution 31/301".scalars, profile: fr).map(\.1) == ["resolution"])
        let ru = try #require(LanguageCatalog.profile("ru"))
        #expect(ReferenceScanner.keywordCitations("решение 31/301; резолюцию 56/183".scalars, profile: ru).map(\.1) == ["decision", "resolution"])
    }

    @Test func aTextThatIsNotAResolutionOpensWithEverythingInOther() {
        let doc = Fixtures.parse("Shopping list\n\nmilk\neggs, bread\n")
        #expect(doc.preamble.isEmpty && doc.operative.isEmpty)
        #expect(doc.other.map(\.text) == ["Shopping list", "milk", "eggs, bread"])
    }

    @Test func englishAndFrenchResolutionsFromTheSameRules() {
        let en = Fixtures.parse("""
        Resolution 9999 (2030)

        Adopted by the Security Council at its 9000th meeting, on 3 March 2030

        The Security Council,

        Recalling its resolution 2165 (2014),

        Expressing concern at the situation,

        1. Decides to renew the measures;

        Reporting

        2. Requests the Secretary-General to report:

        (a) on progress;

        (b) on challenges;

        3. Decides to remain seized of the matter.
        """)
        #expect(en.language == "en")
        #expect(en.meta.number == "9999 (2030)" && en.meta.symbol == "S/RES/9999 (2030)")
        #expect(en.meta.date == "2030-03-03")
        #expect(en.preamble.map(\.lead) == ["Recalling", "Expressing concern"])
        #expect(en.operative.map(\.number) == [1, 2, 3])
        #expect(en.headings.map(\.text) == ["Reporting"] && en.headings[0].before == "op2")
        #expect(en.operative[1].subparagraphs.map(\.id) == ["op2.a", "op2.b"])
        #expect(en.preamble[0].references == ["2165 (2014)"])
        let fr = Fixtures.parse("""
        Le Conseil de sécurité,

        Rappelant sa résolution 2165 (2014),

        1. Décide de proroger le mandat ;

        a) premier point ;

        b) second point ;

        2. Prie le Secrétaire général de lui faire rapport.
        """)
        #expect(fr.language == "fr")
        #expect(fr.preamble.map(\.lead) == ["Rappelant"])
        #expect(fr.operative[0].lead == "Décide")
        #expect(fr.operative[0].subparagraphs.map(\.id) == ["op1.a", "op1.b"])
    }
}

/// An English General Assembly resolution as some extractions give it: footnote markers
/// as plain digits glued to the text, the note printed with a plain number at the end.
@Suite struct EnglishGeneralAssemblyTests {
    let doc = Fixtures.parse(String(decoding: FileManager.default.contents(atPath: Fixtures.root.appendingPathComponent(
        "Tests/ResolutionKitTests/Inputs/ga-english-plain-markers.txt").path)!, as: UTF8.self))

    @Test func metaFromTheCover() {
        #expect(doc.meta.number == "72/200" && doc.meta.symbol == "A/RES/72/200")
        #expect(doc.meta.title == "Information and communications technologies for sustainable development")
        #expect(doc.meta.date == "2017-12-20")
        #expect(doc.meta.session == "Seventy-second session")
        #expect(doc.meta.agendaItem == "16")
    }

    @Test func plainDigitMarkersAndTrailingNotes() {
        #expect(doc.footnotes.map(\.text) == ["Resolution 70/125."])
        #expect(doc.preamble[1].footnoteRefs.map(\.number) == [1])
        #expect(doc.preamble[1].text.contains("high-level meeting, in which"))
        // Numbers that belong to the text stay text.
        #expect(doc.preamble[0].text.contains("56/183 of 21 December 2001"))
        #expect(doc.preamble[0].references == ["56/183", "57/238", "57/270 B", "71/212"])
    }

    @Test func closingAfterTheLastParagraph() {
        #expect(doc.closing.lines == ["74th plenary meeting", "20 December 2017"])
        #expect(doc.closing.meeting == "74th plenary meeting")
        #expect(doc.other.isEmpty)
        #expect(doc.operative[1].subparagraphs.map(\.id) == ["op2.a", "op2.b"])
        #expect(doc.operative[1].lead == "Also welcomes")
        #expect(doc.preamble.map(\.lead) == ["Recalling", "Recalling also", "Deeply concerned"])
        #expect(doc.headings.map(\.text) == ["Internet governance"])
    }
}

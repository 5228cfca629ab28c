import Testing
@testable import ResolutionKit

/// The five seeds read as a careful human reader reads them (the table of the foundation issue).
@Suite struct SeedGoldenTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        let seed: String, number: String?, preambular: Int, operative: Int, headings: Int, footnotes: Int
        let subparagraphs: [String]
        var testDescription: String { seed }
    }

    static let table: [Expected] = [
        Expected(seed: "000", number: "2020/12", preambular: 8, operative: 90, headings: 5, footnotes: 11,
                 subparagraphs: ["op84.a", "op84.b", "op84.c", "op84.d"]),
        Expected(seed: "001", number: nil, preambular: 43, operative: 46, headings: 0, footnotes: 17, subparagraphs: []),
        // Five preambular paragraphs run together on one source line are read as one (6 in all).
        Expected(seed: "002", number: "2025/18", preambular: 6, operative: 138, headings: 5, footnotes: 16,
                 subparagraphs: ["op116.a", "op116.b", "op116.c", "op116.d"]),
        Expected(seed: "003", number: "2015/26", preambular: 8, operative: 63, headings: 5, footnotes: 9,
                 subparagraphs: ["op48.a", "op48.b", "op48.c", "op48.d", "op48.e"]),
        Expected(seed: "004", number: "72/200", preambular: 31, operative: 33, headings: 0, footnotes: 10, subparagraphs: []),
    ]

    @Test(arguments: table)
    func structure(_ e: Expected) throws {
        let doc = try Fixtures.seed(e.seed)
        #expect(doc.language == "zh")
        #expect(doc.meta.number == e.number)
        #expect(doc.meta.status == (e.number == nil ? .draft : .adopted))
        #expect(doc.preamble.count == e.preambular)
        #expect(doc.operative.map(\.number) == Array(1...e.operative).map { Optional($0) })
        #expect(doc.headings.count == e.headings)
        #expect(doc.footnotes.map(\.number) == Array(1...e.footnotes))
        let subs = doc.operative.flatMap { $0.subparagraphs.map(\.id) }
        #expect(subs == e.subparagraphs)
        #expect(doc.other.isEmpty, "unplaced text: \(doc.other)")
        // Every marker points at a footnote, and the footnote knows who cites it.
        for unit in doc.units {
            for ref in unit.footnoteRefs {
                let note = doc.footnotes.first { $0.number == ref.number }
                #expect(note?.citedBy.contains(unit.id) == true, "\(unit.id) → fn\(ref.number)")
            }
        }
    }

    @Test func headingsIncludeTheLineThatOpensTheOperativePart() throws {
        let doc = try Fixtures.seed("000")
        #expect(doc.headings.first?.text == "总结：审查信息社会世界峰会成果的执行情况")
        #expect(doc.headings.first?.before == "op1")
        #expect(doc.headings.map(\.text).contains("互联网治理"))
        let pdf = try Fixtures.seed("003")
        #expect(pdf.headings.first?.text == "评估：审查信息社会世界首脑会议成果的执行情况")
        #expect(pdf.headings.map(\.text) == ["评估：审查信息社会世界首脑会议成果的执行情况", "因特网治理", "加强合作",
                                            "因特网治理论坛", "前进的道路"])
    }

    @Test func paragraphCutByAFootnoteBlockIsJoined() throws {
        let doc = try Fixtures.seed("000")
        let pp5 = try #require(doc.preamble.first { $0.id == "pp5" })
        #expect(pp5.text.contains("个人、社区和各国人民均能充分发挥各自的潜力"))
        #expect(pp5.footnoteRefs.map(\.number) == [2])
        // The marker sits right after `《世界人权宣言》，`.
        let offset = pp5.footnoteRefs[0].offset
        let before = String(String.UnicodeScalarView(Array(pp5.text.unicodeScalars)[..<offset]))
        #expect(before.hasSuffix("《世界人权宣言》，"))
        let op8 = try #require(doc.operative.first { $0.number == 8 })
        #expect(op8.text.contains("催生了新的商业模式，促进了经济增长"))
        #expect(!op8.text.contains(" "))
    }

    @Test func aLaterMarkerPointsBackToAnEarlierFootnote() throws {
        let doc = try Fixtures.seed("000")
        #expect(doc.footnotes.first?.citedBy == ["pp1", "op2"])
        #expect(doc.footnotes.first?.text == "见 A/C.2/59/3 和 A/60/687。")
    }

    @Test func pdfTextReadsLikeTheResolution() throws {
        let doc = try Fixtures.seed("003")
        #expect(doc.meta.title == "评估信息社会世界首脑会议成果的执行情况及后续行动方面取得的进展")
        #expect(doc.furniture.contains("15-13833 (C)"))
        #expect(doc.furniture.contains { $0.hasPrefix("*1513833*") })
        // Bare-number markers on their own lines.
        #expect(doc.preamble[0].footnoteRefs.map(\.number) == [1])
        #expect(doc.preamble[0].text == "回顾信息社会世界首脑会议的成果文件，")
        let op1 = doc.operative[0]
        #expect(op1.footnoteRefs.map(\.number) == [1])
        #expect(op1.text.contains("执行信息社会世界首脑会议成果的情况，特别强调其多利益攸关方性质"))
        // A wrapped line that starts with a year is text, not a paragraph.
        #expect(doc.preamble[2].text.contains("评估的2014 年 7月 16 日第 2014/27 号决议"))
        #expect(doc.closing.lines == ["2015 年 7月 22 日", "第 54 次全体会议"])
        #expect(doc.closing.date == "2015-07-22")
        #expect(doc.closing.meeting == "第 54 次全体会议")
        for unit in doc.units { #expect(!unit.text.contains("\n")) }
    }

    @Test func closingAndMeta() throws {
        let doc = try Fixtures.seed("004")
        #expect(doc.closing.lines == ["2017年12月20日", "第74次全体会议"])
        #expect(doc.meta.symbol == "A/RES/72/200")
        #expect(doc.meta.date == "2017-12-20")
        #expect(doc.meta.body == "大会")
        let e = try Fixtures.seed("000")
        #expect(e.meta.symbol == "E/RES/2020/12")
        #expect(e.meta.agendaItem == "18 (b)")
        #expect(e.closing.lines == ["2020 年 7 月 17 日"])
        #expect(e.closing.meeting == nil)
        let draft = try Fixtures.seed("001")
        #expect(draft.meta.symbol == nil)
        #expect(draft.meta.title == "信息和通信技术促进可持续发展")
    }

    @Test func leadingVerbsAndOpeners() throws {
        let doc = try Fixtures.seed("000")
        #expect(doc.preamble[0].lead == "回顾")
        #expect(doc.preamble[1].lead == "又回顾")
        #expect(doc.operative[0].lead == "欢迎并敦促")
        #expect(doc.operative[8].lead == "关切地注意到")   // bold span
        let lead = doc.operative.compactMap(\.lead)
        #expect(lead.count == doc.operative.count)
        let later = try Fixtures.seed("002")
        // `134. 在这方面，**重点指出**…`: the lead-in is not the verb.
        #expect(later.operative[133].lead == "重点指出")
    }

    @Test func referencesAndCitationLists() throws {
        let doc = try Fixtures.seed("004")
        // A dated list of fifteen GA resolutions ending in `号决议`.
        #expect(doc.preamble[0].references.count == 15)
        #expect(doc.preamble[0].references.first == "56/183")
        #expect(doc.preamble[0].references.contains("57/270 B"))
        let draft = try Fixtures.seed("001")
        let fn1 = try #require(draft.footnotes.first)
        #expect(fn1.references.count == 16)
        #expect(fn1.references.last == "73/218")
        let e = try Fixtures.seed("000")
        #expect(e.footnotes[1].references == ["217 A (III)"])
        let symbols = e.references.filter { $0.kind == "document" }.map(\.symbol)
        #expect(symbols.contains("A/75/62-E/2020/11"))
    }
}

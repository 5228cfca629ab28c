import Foundation
import ResolutionKit
import Testing
@testable import Annotations

@Suite struct SearchTests {
    let zh = Fixture.document(
        path: "/docs/zh.txt",
        preamble: ["回顾大会关于弥合数字鸿沟的第 70/125 号决议，"],
        operative: ["关切地注意到巨大的数字鸿沟仍然存在，诸如国与国之间和国家内部的数字鸿沟；", "欢迎 2005 年以来的进展；", "决定继续审议这一问题。"],
        footnotes: ["见 A/C.2/59/3 关于数字鸿沟的报告。"], language: "zh")

    @Test func chineseNeedsNoWordBoundaries() {
        let hits = LibrarySearch.search("数字鸿沟", in: [(zh, nil)])
        #expect(hits.map(\.paragraph) == ["pp1", "op1", "fn1"])
        #expect(hits.map(\.kind) == ["preambular", "operative", "footnote"])
        let op1 = hits[1]
        #expect(op1.count == 2 && op1.file == "/docs/zh.txt")
        #expect(op1.snippet == "关切地注意到巨大的«数字鸿沟»仍然存在，诸如国与国之间和国家内部的«数字鸿沟»；")
        #expect(op1.offset == 9)
    }

    @Test func spacesAroundNumbersDoNotMatterInCJK() {
        #expect(LibrarySearch.search("2005年", in: [(zh, nil)]).map(\.paragraph) == ["op2"])
        #expect(LibrarySearch.search("70/125号", in: [(zh, nil)]).map(\.paragraph) == ["pp1"])
    }

    @Test func latinIsCaseInsensitiveAndRespectsSpaces() {
        let en = Fixture.sample(in: "/docs")
        #expect(LibrarySearch.search("DIGITAL divide", in: [(en, nil)]).map(\.paragraph) == ["pp2", "op1"])
        #expect(LibrarySearch.search("digitaldivide", in: [(en, nil)]).isEmpty)
        #expect(LibrarySearch.search("national statistics", in: [(en, nil)]).map(\.kind) == ["subparagraph"])
        #expect(LibrarySearch.search("   ", in: [(en, nil)]).isEmpty)
        let long = LibrarySearch.search("high-level", in: [(en, nil)])[0].snippet
        #expect(long.contains("«high-level»"))
    }

    @Test func notesAndOrphanedNotesAreSearchedAcrossDocuments() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let en = Fixture.sample(in: dir)
        let snapshot = SidecarSnapshot(
            annotations: [Annotation(paragraph: "op2", anchor: Anchor(exact: Fixture.operative[1]), note: "关于数字鸿沟的立场")],
            orphans: [Annotation(paragraph: "op9", anchor: Anchor(exact: "gone"), note: "Old digital divide note")])
        let hits = LibrarySearch.search("数字鸿沟", in: [(en, snapshot), (zh, nil)])
        #expect(hits.map { "\($0.file)#\($0.paragraph):\($0.kind)" } == [
            dir + "/res.txt#op2:note", "/docs/zh.txt#pp1:preambular", "/docs/zh.txt#op1:operative", "/docs/zh.txt#fn1:footnote",
        ])
        let orphan = LibrarySearch.search("digital divide note", in: [(en, snapshot)])
        #expect(orphan.map(\.kind) == ["orphan-note"])
        // Hits encode for --json.
        let data = try JSONEncoder().encode(hits)
        #expect(try JSONDecoder().decode([SearchHit].self, from: data) == hits)
    }

    /// Issue 8 item 13: Unicode case folding, full-width/half-width folding, CJK without breaks.
    @Test func foldingCaseAndWidthInEveryScript() {
        func finds(_ query: String, _ text: String) -> [String] {
            let ranges = SearchPattern(query)?.ranges(in: Array(text.unicodeScalars)) ?? []
            let scalars = Array(text.unicodeScalars)
            return ranges.map { String(String.UnicodeScalarView(scalars[$0])) }
        }
        #expect(finds("совет", "постановляет, что Совет Безопасности") == ["Совет"])
        #expect(finds("СОВЕТ", "совет") == ["совет"])
        #expect(finds("é", "ÉTATS MEMBRES, États, états") == ["É", "É", "é"])
        #expect(finds("ΣΟΦΟΣ", "ο σοφός, σοφος") == ["σοφος"])      // final ς meets Σ and σ
        #expect(finds("σοφος", "ΣΟΦΟΣ") == ["ΣΟΦΟΣ"])
        #expect(finds("ＡＢＣ１", "see ABC1 and abc1") == ["ABC1", "abc1"])
        #expect(finds("abc1", "见ＡＢＣ１号文件") == ["ＡＢＣ１"])
        #expect(finds("ｶﾀｶﾅ", "カタカナ") == ["カタカナ"])
        #expect(finds("数字鸿沟", "弥合数字 鸿沟的") == ["数字 鸿沟"])       // CJK: spaces ignored
        #expect(finds("2020年", "于 2020 年通过") == ["2020 年"])
        #expect(finds("digital divide", "digital\u{00A0}\n divide") == ["digital\u{00A0}\n divide"])
        #expect(finds("digitaldivide", "digital divide").isEmpty)
        #expect(finds("co-operation", "co\u{00AD}-operation") == ["co\u{00AD}-operation"])  // soft hyphen skipped
        // The UN's own text writes `COVID‑19` with a non-breaking hyphen beside `COVID-19`;
        // ranges take an en dash (`2019–2020`). A typed hyphen finds them all.
        #expect(finds("COVID-19", "COVID\u{2011}19 and COVID-19") == ["COVID\u{2011}19", "COVID-19"])
        #expect(finds("covid\u{2011}19", "COVID-19") == ["COVID-19"])
        #expect(finds("2019-2020", "in 2019\u{2013}2020, 2019\u{2010}2020") == ["2019\u{2013}2020", "2019\u{2010}2020"])
        #expect(finds("3-5", "paras 3\u{2014}5").isEmpty)      // an em dash is punctuation, not a hyphen
        // Apostrophes and quotes as typed: the UN's French writes `d’Ivoire`.
        #expect(finds("Côte d'Ivoire", "la Côte d\u{2019}Ivoire") == ["Côte d\u{2019}Ivoire"])
        #expect(finds("l\u{2019}Organisation", "l'Organisation") == ["l'Organisation"])
        #expect(finds("\"Agenda\"", "the \u{201C}Agenda\u{201D}") == ["\u{201C}Agenda\u{201D}"])
        // French ligatures typed as two letters, and the other way; a match may end inside one.
        #expect(finds("mise en oeuvre", "la mise en \u{0153}uvre de") == ["mise en \u{0153}uvre"])
        #expect(finds("\u{0152}UVRE", "mise en oeuvre") == ["oeuvre"])
        #expect(finds("soeur", "s\u{0153}ur, s\u{0153}urs") == ["s\u{0153}ur", "s\u{0153}ur"])
        #expect(finds("en o", "en \u{0153}uvre") == ["en \u{0153}"])
        #expect(finds("oa", "\u{0153}a").isEmpty)
        // Arabic typed without vowel marks finds the text that writes them, and the other way.
        #expect(finds("يسلم", "وإذ يسلّم بأن") == ["يسلّم"])
        #expect(finds("يسلّم", "وإذ يسلم بأن") == ["يسلم"])
        #expect(finds("امتنانه", "امتنانَه لحكومة") == ["امتنانَه"])
        #expect(finds("مجلس", "إن مـجلس الأمن") == ["مـجلس"])
        #expect(finds("يسلم", "يسأل").isEmpty)
        #expect(finds("مجلس الامن", "إن مجلس الأمن، إذ") == ["مجلس الأمن"])
        #expect(finds("اعتماد", "وإذ يشير إلى اعتماد") == ["اعتماد"])
        #expect(finds("إلى", "الى الأمين العام") == ["الى"])
        // Word-final letters as typed: yeh for alef maksura, heh for teh marbuta.
        #expect(finds("علي الأمين العام", "يطلب إلى الأمين العام، على الأمين العام") == ["على الأمين العام"])
        #expect(finds("الي", "يطلب إلى الأمين") == ["إلى"])
        #expect(finds("الامم المتحده", "منظمة الأمم المتحدة") == ["الأمم المتحدة"])
        #expect(finds("المتحدة", "الأمم المتحده") == ["المتحده"])
        #expect(finds("علي", "عمل").isEmpty)
        // Russian: `ё` typed finds the `е` the UN's text writes, capital or small, and back.
        #expect(finds("её роль", "подчеркивая ее роль") == ["ее роль"])
        #expect(finds("ОБЪЁМ", "объем помощи") == ["объем"])
        #expect(finds("Келер", "Хорста Кёлера") == ["Кёлер"])
        #expect(finds("её", "ей").isEmpty)
        #expect(finds("القرار", "إن مجلس الأمن، إذ يشير إلى القرار\u{200F} 2532") == ["القرار"])
        #expect(SearchPattern("  \u{3000} ") == nil)
    }

    @Test func prefaceClosingAndUnplacedTextAreSearched() {
        var doc = Fixture.sample(in: "/docs")
        doc.preface = ["Seventy-ninth session", "Agenda item 17"]
        doc.closing = Closing(lines: ["8765th plenary meeting", "22 July 2020"])
        doc.other = [OtherText(text: "Distr.: General", after: nil), OtherText(text: "Annex on item 17", after: "op2")]
        let hits = LibrarySearch.search("item 17", in: [(doc, nil)])
        #expect(hits.map { "\($0.paragraph):\($0.kind)" } == ["preface:preface", "other:other"])
        #expect(LibrarySearch.search("PLENARY", in: [(doc, nil)]).map(\.kind) == ["closing"])
        #expect(LibrarySearch.search("distr", in: [(doc, nil)]).map(\.paragraph) == ["other"])
        // Document order: the unplaced text after op2 comes between op2 and op3.
        let order = LibrarySearch.search("on", in: [(doc, nil)]).map(\.paragraph)
        let annex = order.firstIndex(of: "other")!
        #expect(order[annex - 1] == "op2" && order[annex + 1] == "op3")
    }
}

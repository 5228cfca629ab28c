import Foundation
import Testing
@testable import ResolutionKit

/// pdftotext's default output of typeset resolutions, in the shapes that used to mislead the
/// block and structure phases. Each input is a pdftotext extraction of a resolution typeset
/// by `scripts/typeset.py` from the sc-2020 corpus, kept whole so that the layout statistics
/// see a real page.
@Suite struct PdftotextShapeTests {
    static func parse(_ text: String) -> ResolutionDocument {
        ResolutionParser.parse(text: text, source: SourceInfo(path: "t.txt", sha256: "", encoding: "utf-8"))
    }

    /// No blank line anywhere in the preamble: the second paragraph opens with an opener
    /// after a comma (`…осуществления,` / `вновь подтверждая`) before any line has ended
    /// early. The stretch is read as flat from its first line.
    @Test func openerAfterACommaOpensAParagraphInAFlatPreamble() throws {
        let doc = try Fixtures.pdftotextShape("opener-after-comma-flat-preamble.ru.txt")
        #expect(doc.preamble.count == 3)
        #expect(doc.preamble.map { String($0.text.prefix(5)) } == ["подтв", "вновь", "особо"])
        #expect(doc.operative.map(\.number) == [1, 2, 3])
    }

    /// Flat Chinese text: every wrapped line is justified to the measure, so a line that
    /// ends on a comma a character or more short of it ended by choice, and the opener after
    /// it opens a paragraph. A comma at a full line followed by an opener goes on.
    @Test func anOpenerAfterAChineseLineShortOfTheMeasureOpensAParagraph() throws {
        let doc = try Fixtures.pdftotextShape("opener-after-short-line.zh.txt")
        #expect(doc.preamble.contains { $0.text.hasPrefix("表示注意到专家小组的最后报告") }, "\(doc.preamble.map { String($0.text.prefix(12)) })")
        #expect(doc.preamble.count == 14)
        #expect(doc.operative.map(\.number) == Array(1...doc.operative.count))
    }

    /// pdftotext sets an item's first line apart by a blank line; in Chinese the wrap falls
    /// after a comma as readily as anywhere, so the item goes on after the blank, and the
    /// later items stay in the list instead of falling into `other`.
    @Test func aChineseItemsFirstLineEndingOnACommaGoesOnAfterTheBlank() throws {
        let doc = try Fixtures.pdftotextShape("label-line-apart-at-comma.zh.txt")
        let op2 = try #require(doc.operative.first { $0.number == 2 })
        #expect(op2.subparagraphs.map(\.label) == ["a", "b", "c", "d"])
        #expect(op2.subparagraphs.first?.text.hasSuffix("排雷行动，") == true)
        #expect(doc.other.isEmpty, "\(doc.other.map(\.text))")
    }

    /// pdftotext's default text drops the items' indent, so an item's wrapped lines stop short
    /// of the page's measure; a Chinese item line ending on a comma near the measure goes on
    /// even when the next line opens with a verb, and all eleven items stay in the list.
    @Test func aChineseItemLineShortOfThePageMeasureGoesOnAfterAComma() throws {
        let doc = try Fixtures.pdftotextShape("item-lines-short-of-page-measure.zh.txt")
        let op6 = try #require(doc.operative.first { $0.number == 6 })
        #expect(op6.subparagraphs.map(\.label) == ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"])
        #expect(op6.subparagraphs.dropFirst().first?.text.contains("协调国际社会的努力") == true)
        #expect(doc.other.isEmpty, "\(doc.other.map(\.text))")
    }

    /// An operative verb after a comma inside an Arabic preambular paragraph
    /// (`…الصومال، ويشدد على`) goes on with the paragraph even in flat text: only
    /// preambular openers open paragraphs after a comma.
    @Test func verbAfterACommaStaysInsideAFlatArabicParagraph() throws {
        let doc = try Fixtures.pdftotextShape("verb-after-comma-flat.ar.txt")
        #expect(doc.preamble.count == 3)
        #expect(doc.preamble.first?.text.contains("ويشدد على أهمية الامتثال") == true)
    }

    /// Words that pdftotext lifted out of a widely justified line come as blocks of their
    /// own (`полноценное,` / `эффективное` / `и`): they are neither headings nor paragraphs,
    /// and their text stays in the document.
    @Test func wordsLiftedOutOfAJustifiedLineAreNotHeadingsOrParagraphs() throws {
        let doc = try Fixtures.pdftotextShape("words-lifted-out-of-justified-lines.ru.txt")
        #expect(doc.headings.isEmpty, "headings: \(doc.headings.map(\.text))")
        #expect(doc.preamble.allSatisfy { $0.text.contains(" ") }, "one-word paragraphs: \(doc.preamble.map(\.text).filter { !$0.contains(" ") })")
        let all = (doc.preamble + doc.operative).map(\.text).joined(separator: " ")
        for word in ["полноценное,", "эффективное"] { #expect(all.contains(word)) }
    }

    /// A letter or a mark alone (Arabic extraction leaves `ل` or a detached tanween `ً` on a
    /// line) is no heading; a short title is.
    @Test func aLetterOrAMarkAloneIsNoHeading() throws {
        let ar = try #require(LanguageCatalog.profile("ar"))
        for lone in ["ل", "\u{064B}", "\u{0650}\u{0651}"] {
            #expect(!StructureBuilder.isHeading(lone.scalars, profile: ar, startsParagraph: false), "\(lone)")
        }
        #expect(StructureBuilder.isHeading("حظر الأسلحة".scalars, profile: ar, startsParagraph: false))
    }



    /// A list item's first line has a tab after its label, so pdftotext's text makes it look
    /// short and a block ends there (`(a) provide support … Government-led,`); the lowercase
    /// line after it goes on with the item instead of falling out of the list into `other`,
    /// which cut every later item from the paragraph.
    @Test func aListItemCutAfterItsLabelLineKeepsItsTextAndTheItemsAfterIt() throws {
        let doc = try Fixtures.pdftotextShape("list-item-cut-after-label-line.en.txt")
        let listed = doc.operative.filter { $0.subparagraphs.count >= 10 }
        #expect(listed.count == 1)
        let items = try #require(listed.first).subparagraphs
        #expect(items.map(\.label).joined() == "abcdefghijkl")
        #expect(items[0].text.contains("inclusive politics, and reach political agreement"))
        #expect(!doc.other.contains { $0.text.hasPrefix("inclusive politics") })
    }

    /// The operative numbers of a page printed partly before its paragraphs and partly after
    /// its footer (`5.` `8.`, the texts, `2/2`, `6.` `7.`) are put back in order.
    @Test func aNumberColumnCutInTwoAroundItsPageIsReattachedInOrder() throws {
        let doc = try Fixtures.pdftotextShape("number-column-cut-around-page.en.txt")
        #expect(doc.operative.map(\.number) == Array(1...8))
        #expect(doc.other.isEmpty, "left over: \(doc.other.map(\.text))")
        #expect(doc.operative.last?.text.hasPrefix("Decides to remain seized") == true)
    }

    /// Two footnotes citing the same document (`S/RES/2368 (2017).`) stand at the foot of two
    /// pages, next to the page feeds, like a running footer: a sentence is not furniture, so
    /// both are read as notes.
    @Test func identicalNotesAtTwoPageFeetAreNotRunningFooters() throws {
        let doc = try Fixtures.pdftotextShape("identical-notes-at-two-page-feet.en.txt")
        #expect(doc.footnotes.map(\.number) == [1, 2])
        #expect(doc.footnotes.allSatisfy { $0.text == "S/RES/2368 (2017)." })
        #expect(!doc.furniture.contains("S/RES/2368 (2017)."))
    }

}

import Foundation
import Testing
@testable import ResolutionKit

/// Numbers and labels printed apart from their text: an operative number and a label alone
/// next to each other (pdftotext put their columns side by side), a column of labels, and a
/// note's marker between a number alone and its text.
extension PdftotextShapeTests {
    /// Chinese items numbered `㈠`…`㈩`, each number alone on its line and its text after a
    /// blank line: each number waits for its text, and the list goes on to `(十一)`.
    @Test func chineseItemNumbersAloneOpenTheirItems() throws {
        let doc = try Fixtures.pdftotextShape("circled-labels-apart.zh.txt")
        let one = try #require(doc.operative.first { $0.number == 1 })
        #expect(one.subparagraphs.map(\.label) == ["㈠", "㈡", "㈢", "㈣", "㈤", "㈥", "㈦", "㈧", "㈨", "㈩", "十一"])
        #expect(one.subparagraphs.first?.text == "推进包容的政治进程以及安全和经济对话；")
        #expect(doc.operative.first { $0.number == 5 }?.subparagraphs.map(\.label) == ["㈠", "㈡"])
    }

    /// Items numbered between quotes (`’1‘`), printed `’ ‘1` before their first word, and
    /// `’‘10` alone before a text that starts after a blank line: every item is found.
    @Test func quotedItemNumbersOpenTheirItems() throws {
        let doc = try Fixtures.pdftotextShape("quoted-item-numbers.ar.txt")
        let one = try #require(doc.operative.first { $0.number == 1 })
        #expect(one.subparagraphs.map(\.label) == (1...11).map { "’\($0)‘" })
        #expect(one.subparagraphs.first?.text.hasPrefix("تعزيز عملية سياسية") == true)
        #expect(one.subparagraphs.dropFirst(9).first?.text.hasSuffix("ومكافحة انتشارها؛") == true)
        #expect(doc.operative.first { $0.number == 5 }?.subparagraphs.map(\.label) == ["’1‘", "’2‘"])
        #expect(doc.other.isEmpty, "\(doc.other.prefix(2).map(\.text))")
    }

    /// A label and the next paragraph's number printed alone one after the other (`(i)`,
    /// `2.`), then the item's text and the paragraph's: the item gets the first text, the
    /// number the first text that opens a paragraph after it, and the numbering goes on.
    @Test func aLabelAndANumberPrintedSideBySideEachGetTheirText() throws {
        let doc = try Fixtures.pdftotextShape("label-and-number-columns-side-by-side.zh.txt")
        #expect(doc.operative.map(\.number) == Array(1...15))
        let one = try #require(doc.operative.first)
        #expect(one.subparagraphs.map(\.label) == ["a", "b", "c", "d", "e", "f", "g", "h", "i"])
        #expect(one.subparagraphs.last?.text.hasPrefix("经委员会事先核准而出售或供应军火") == true)
        #expect(doc.operative.dropFirst().first?.text.hasPrefix("决定，会员国供应方负有通知委员会的主要责任") == true)
        #expect(doc.other.isEmpty, "\(doc.other.prefix(2).map(\.text))")
    }

    /// A number printed alone before the first label of the list that ends the paragraph
    /// before it (`3.`, then `a)`): the list stays with that paragraph, and the number opens
    /// the first paragraph text after the list (`Invite…`).
    @Test func aNumberBeforeTheListOfTheParagraphBeforeWaitsForItsText() throws {
        let doc = try Fixtures.pdftotextShape("number-printed-before-the-list-before.fr.txt")
        #expect(doc.operative.map(\.number) == Array(1...doc.operative.count))
        let two = try #require(doc.operative.first { $0.number == 2 })
        #expect(two.subparagraphs.map(\.label) == ["a", "b", "c", "d", "e", "f", "g"])
        #expect(two.subparagraphs.first?.text.hasPrefix("en diffusant des informations") == true)
        let three = try #require(doc.operative.first { $0.number == 3 })
        #expect(three.text.hasPrefix("Invite le Secrétaire général"), "\(three.text.prefix(40))")
        #expect(three.subparagraphs.isEmpty)
    }

    /// Labels printed as a column of their own (`b)` `c)` `d)`, then the three items'
    /// texts): each goes back to its item's opening, in order, and no label takes the next
    /// label for its text.
    @Test func aColumnOfLabelsGoesBackToItsItems() throws {
        let doc = try Fixtures.pdftotextShape("label-column-before-items.es.txt")
        let one = try #require(doc.operative.first)
        #expect(one.subparagraphs.map(\.label) == ["a", "b", "c", "d", "e", "f", "g", "h", "i"])
        let texts = one.subparagraphs.map(\.text)
        #expect(texts.count == 9)
        guard texts.count == 9 else { return }
        #expect(texts[1].hasPrefix("Los suministros de equipo no mortífero"))
        #expect(texts[2].hasPrefix("Los suministros que introduzcan en la República Centroafricana"))
        #expect(texts[3].hasPrefix("Los suministros de equipo militar no mortífero"))
        #expect(texts[1].hasSuffix("informes periódicos que le presente;"))
    }

    /// The column of labels printed in the middle of the item before it: that item's text
    /// goes on after the column, ahead of the column's items, and is not taken for the
    /// first of them.
    @Test func aColumnOfLabelsInsideAnItemLeavesThatItemWhole() throws {
        let doc = try Fixtures.pdftotextShape("label-column-inside-an-item.zh.txt")
        let six = try #require(doc.operative.first { $0.number == 6 })
        #expect(six.subparagraphs.map(\.label) == ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"])
        let texts = six.subparagraphs.map(\.text)
        guard texts.count >= 4 else { Issue.record("\(texts.count) items"); return }
        #expect(texts[1].hasSuffix("提供能力建设和技术援助的力度；"), "\(texts[1].suffix(30))")
        #expect(texts[2].hasPrefix("作为联合协调监测委员会的共同主席"))
        #expect(texts[3].hasPrefix("支持开展区域合作"))
        #expect(doc.other.isEmpty, "\(doc.other.prefix(2).map(\.text))")
    }

    /// A note's marker printed alone between an operative number alone and its text (`.4`,
    /// `1`, `يقرر تجديد…`): the marker waits for the text, and the number still gets it.
    @Test func aMarkerBetweenANumberAndItsTextWaitsForTheText() throws {
        let doc = try Fixtures.pdftotextShape("note-marker-between-number-and-text.ar.txt")
        #expect(doc.operative.map(\.number) == Array(1...12))
        let four = try #require(doc.operative.first { $0.number == 4 })
        #expect(four.text.hasPrefix("يقرر تجديد"), "\(four.text.prefix(30))")
        #expect(doc.footnotes.count == 3)
        #expect(doc.other.isEmpty, "\(doc.other.prefix(2).map(\.text))")
    }

    /// The same in Russian, whose paragraphs open in lower case (`3.`, `a)`, the list, then
    /// `призывает Генерального секретаря…`): the number still waits for the first paragraph
    /// text after the list, and the numbering after it goes on.
    @Test func aNumberBeforeTheListWaitsForALowercaseOpening() throws {
        let doc = try Fixtures.pdftotextShape("number-before-list-lowercase-openings.ru.txt")
        #expect(doc.operative.map(\.number) == Array(1...14))
        let two = try #require(doc.operative.first { $0.number == 2 })
        #expect(two.subparagraphs.map(\.label) == ["a", "b", "c", "d", "e", "f", "g"])
        let three = try #require(doc.operative.first { $0.number == 3 })
        #expect(three.text.hasPrefix("призывает Генерального секретаря"), "\(three.text.prefix(40))")
    }

    /// A page whose numbers pdftotext printed partly beside their paragraphs' first lines
    /// (`.1`–`.3`) and partly as a column (`.4`–`.7`, blank lines between), with two headings
    /// among the paragraphs that column numbers. Arabic has no capitals, so the paragraph
    /// after each heading is seen to open only as the line after a short unfinished one. The
    /// column goes to the four paragraphs, not to the headings.
    @Test func aColumnOfNumbersPassesOverTheHeadingsOfItsPage() throws {
        let doc = try Fixtures.pdftotextShape("number-column-between-headings.ar.txt")
        #expect(doc.operative.map(\.number) == Array(1...14))
        #expect(doc.headings.map(\.before) == ["op4", "op7"])
        #expect(doc.headings.first?.text == "معايير تحديد الجهات الخاضعة للجزاءات")
        let four = try #require(doc.operative.first { $0.number == 4 })
        #expect(four.text.hasPrefix("يؤكد من جديد أن أحكام الفقرتين"), "\(four.text.prefix(40))")
        let seven = try #require(doc.operative.first { $0.number == 7 })
        #expect(seven.text.hasPrefix("يقرر أن يمدد"), "\(seven.text.prefix(40))")
        #expect(seven.text.contains("لإعادة إنشاء فريق الخبراء"), "the paragraph goes on over the page")
        #expect(doc.other.isEmpty, "\(doc.other.prefix(2).map(\.text))")
    }
}

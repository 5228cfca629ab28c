import Foundation
import Testing
@testable import ResolutionKit

/// Operative numbers that pdftotext's default mode prints away from their paragraphs, on
/// the extractions in Tests/Fixtures/pdftotext-shapes.
@Suite struct PdftotextNumberTests {
    /// A page whose numbered paragraphs came out every other one first (`3.` `5.` `7.` `9.`
    /// then `4.` `6.` `8.`), each number still right before its own text: the page is put
    /// back in number order, and the last paragraph goes on over the page.
    @Test func paragraphsPrintedEveryOtherOneFirstGoBackInOrder() throws {
        let doc = try Fixtures.pdftotextShape("paragraphs-every-other-first.ar.txt")
        #expect(doc.operative.map(\.number) == Array(1...13))
        let four = try #require(doc.operative.first { $0.number == 4 })
        #expect(four.text.hasPrefix("يرحب بترشيح ممثلين"), "\(four.text.prefix(30))")
        let nine = try #require(doc.operative.first { $0.number == 9 })
        #expect(nine.text.hasSuffix("متى تم الاتفاق عليه؛"), "\(nine.text.suffix(30))")
        #expect(doc.other.isEmpty, "\(doc.other.prefix(2).map(\.text))")
    }

    /// Hard-wrapped text whose numbers are each alone before their paragraph: printed
    /// `1 3 2 4`, the paragraphs go back in order; printed `1 3 5 4` (no `2`: not the run
    /// that follows), nothing is moved.
    @Test func onlyARunWithNoGapIsPutBackInOrder() {
        let words = "يطلب إلى الأمين العام أن يواصل اتخاذ جميع التدابير المناسبة لتعزيز سلامة أفراد حفظ السلام وأمنهم"
            .split(separator: " ")
        func parse(_ order: [Int]) -> ResolutionDocument {
            var text = "مجلس الأمن،\n\nوإذ يشير إلى قراراته السابقة المتعلقة بالحالة في ليبيا وإذ يؤكد من جديد التزامه\nالقوي بسيادة ليبيا واستقلالها،\n\n"
            for n in order {
                // Each paragraph wrapped at 70 columns, its number alone before it.
                var lines: [String] = [], line = "\(n)"
                for w in (0..<40).map({ words[($0 + n) % words.count] }) {
                    if line.count + w.count + 1 > 70 { lines.append(line); line = String(w) } else { line += " " + w }
                }
                lines[0] = ".\(n)\n"
                text += lines.joined(separator: "\n") + "\n" + line + "؛\n\n"
            }
            return ResolutionParser.parse(text: text, source: SourceInfo(path: "t.txt", sha256: "", encoding: "utf-8"))
        }
        #expect(parse([1, 3, 2, 4]).operative.map(\.number) == [1, 2, 3, 4])
        let gap = parse([1, 3, 5, 4]).operative.map(\.text).joined(separator: " ")
        let printed = ["3.", "5.", "4."].compactMap { gap.range(of: $0)?.lowerBound }
        #expect(printed.count == 3 && printed == printed.sorted(), "\(gap.prefix(200))")
    }

    /// A list's labels printed alone (`1)`, then the item's text after a blank line), and a
    /// bulleted list whose bullets stand alone (`•`) with the next paragraph's number
    /// printed before it (`34.`, the page's footer, then the bullets and their texts): the
    /// labels and bullets open items, and the number waits for its paragraph.
    @Test func digitLabelsAndBulletsAloneOpenTheirItems() throws {
        let doc = try Fixtures.pdftotextShape("digit-labels-and-bullets-apart.fr.txt")
        #expect(doc.operative.map(\.number) == Array(1...34))
        let three = try #require(doc.operative.first { $0.number == 3 })
        #expect(three.subparagraphs.map(\.label) == ["1", "2", "3", "4", "5", "6", "7"])
        #expect(three.subparagraphs.first?.text.hasPrefix("Patrouilles de la FISNUA") == true)
        let report = try #require(doc.operative.first { $0.number == 33 })
        #expect(report.subparagraphs.count == 6 && report.subparagraphs.allSatisfy { $0.label == "•" })
        #expect(report.subparagraphs.last?.text.hasPrefix("un résumé des mesures prises") == true)
        #expect(doc.operative.last?.text == "Décide de rester activement saisi de la question.")
    }

    /// `3.` alone, the page's note numbers, then the paragraph's text and the note texts:
    /// the text goes back to its number and the notes keep only their own texts.
    @Test func aParagraphTextPrintedAmongTheNoteNumbersGoesBackToItsNumber() throws {
        let doc = try Fixtures.pdftotextShape("text-among-note-numbers.en.txt")
        #expect(doc.operative.map(\.number) == [1, 2, 3])
        #expect(doc.operative.last?.text.hasPrefix("Decides to remain seized") == true, "\(doc.operative.last?.text ?? "")")
        #expect(doc.footnotes.map(\.text) == ["S/RES/2158 (2014).", "S/RES/2461 (2019)."])
    }

    /// A page's numbers printed around its text (`12.` before, `8.`–`11.` after) go to the
    /// page's paragraph openings in order.
    /// A page's one number, `1.`, printed above the organ's formula: it goes to the page's one
    /// paragraph that opens with an operative verb, and the formula still opens the preamble.
    @Test func aLoneNumberAboveTheFormulaGoesToThePagesOperativeParagraph() throws {
        let doc = try Fixtures.pdftotextShape("lone-number-above-the-formula.es.txt")
        #expect(doc.preamble.count == 14)
        #expect(doc.preamble.first?.text.hasPrefix("Recordando su resolución 1970") == true)
        #expect(doc.operative.map(\.number) == Array(1...13))
        #expect(doc.operative.first?.text.hasPrefix("Acoge con beneplácito la Conferencia de Berlín") == true)
    }

    @Test func numbersPrintedBeforeAndAfterAPageGoToItsOpeningsInOrder() throws {
        let doc = try Fixtures.pdftotextShape("number-column-around-page.fr.txt")
        #expect(doc.operative.map(\.number) == Array(1...12))
        let byNumber = Dictionary(uniqueKeysWithValues: doc.operative.compactMap { p in p.number.map { ($0, p.text) } })
        #expect(byNumber[8]?.hasPrefix("Prie la MANUL") == true)
        #expect(byNumber[9]?.hasPrefix("Accueille avec satisfaction") == true)
        #expect(byNumber[12]?.hasPrefix("Décide de rester") == true)
        #expect(doc.preamble.count == 29)
    }

    /// The same around a page whose first line carries on the paragraph the page before
    /// left unfinished: that line is no opening, so the page's four numbers meet its four
    /// openings.
    @Test func aPageThatGoesOnWithTheLastParagraphIsNoOpeningForTheColumn() throws {
        let doc = try Fixtures.pdftotextShape("number-column-page-goes-on.ru.txt")
        #expect(doc.operative.map(\.number) == Array(1...13))
        let byNumber = Dictionary(uniqueKeysWithValues: doc.operative.compactMap { p in p.number.map { ($0, p.text) } })
        #expect(byNumber[9]?.contains("мер по замораживанию активов") == true)
        #expect(byNumber[10]?.hasPrefix("напоминает о принятых в Берлине") == true)
        #expect(byNumber[13]?.hasPrefix("постановляет продолжать") == true)
        #expect(doc.other.isEmpty, "\(doc.other.map(\.text))")
    }

    /// A page's column printed after all of its text (`2.`–`8.` at the foot, before the
    /// footer) numbers the page's openings from its top, the subparagraph labels alone on
    /// their lines not counted; and the page before, whose one number `1.` stands above its
    /// text, gives it to the first paragraph opening with an operative verb, though a second
    /// (`постановляет далее`, part of paragraph 1) follows on the page.
    @Test func aColumnAfterItsPageTextAndALoneOneAboveItFindTheirParagraphs() throws {
        let doc = try Fixtures.pdftotextShape("number-column-after-its-page-text.ru.txt")
        #expect(doc.preamble.count == 11)
        #expect(doc.preamble.last?.text.hasPrefix("действуя на основании главы VII") == true)
        #expect(doc.operative.map(\.number) == Array(1...15))
        let byNumber = Dictionary(uniqueKeysWithValues: doc.operative.compactMap { p in p.number.map { ($0, p) } })
        #expect(byNumber[1]?.text.hasPrefix("постановляет, что до 31 июля") == true)
        #expect(byNumber[1]?.subparagraphs.map(\.label) == ["a", "b", "c", "d", "e", "f", "g", "h", "i"])
        #expect(byNumber[2]?.text.hasPrefix("постановляет, что государство-член") == true)
        #expect(byNumber[8]?.text.hasPrefix("выражает особую озабоченность") == true)
        #expect(byNumber[9]?.text.hasPrefix("настоятельно призывает все стороны") == true)
        #expect(doc.other.isEmpty, "\(doc.other.map(\.text))")
    }

    /// Numbers printed after their paragraph's first line (`يقرر أن يمدد…`, `.1`, then the
    /// rest): each goes back to the front of that line, the paragraph stays whole, and the
    /// last number, after a one-line paragraph, is that paragraph's.
    @Test func aNumberPrintedAfterItsFirstLineGoesBackToIt() throws {
        let doc = try Fixtures.pdftotextShape("number-after-first-line.ar.txt")
        #expect(doc.preamble.count == 3)
        #expect(doc.operative.map(\.number) == [1, 2])
        #expect(doc.operative.first?.text.hasPrefix("يقرر أن يمدد") == true)
        #expect(doc.operative.first?.text.hasSuffix("؛") == true, "\(doc.operative.first?.text.suffix(30) ?? "")")
        #expect(doc.operative.last?.text.hasPrefix("يقرر أن يبقي المسألة") == true)
        #expect(doc.other.isEmpty, "\(doc.other.map(\.text))")
    }

    /// One number after its first line (`.1` between an unfinished line and the rest) and
    /// the others before their text in the same document: each goes where its own
    /// neighbours say.
    @Test func numbersAfterAndBeforeTheirTextInOneDocumentEachFindTheirParagraph() throws {
        let doc = try Fixtures.pdftotextShape("numbers-after-and-before-their-text.ar.txt")
        #expect(doc.preamble.count == 4)
        #expect(doc.operative.map(\.number) == [1, 2, 3, 4])
        #expect(doc.operative.map { String($0.text.prefix(8)) } == ["يطالب با", "يقرر تجد", "يطلب إلى", "يقرر إبق"])
        #expect(doc.footnotes.first?.citedBy == ["op2"])
    }

    /// A heading printed between two paragraphs with no blank line or indent to set it
    /// apart (`…from Libya;`, `Effective Oversight of the Financial Institutions`, `5.
    /// Requests…`): it heads paragraph 5 and is not the end of paragraph 4.
    @Test func aHeadingBetweenAFinishedParagraphAndANumberedOneHeadsIt() throws {
        let doc = try Fixtures.pdftotextShape("heading-between-paragraphs-no-gap.en.txt")
        #expect(doc.headings.map(\.text).contains("Effective Oversight of the Financial Institutions"))
        #expect(doc.headings.first { $0.text.hasPrefix("Effective Oversight") }?.before == "op5")
        #expect(doc.operative.first { $0.number == 4 }?.text.hasSuffix("illicitly exported from Libya;") == true)
        #expect(doc.operative.map(\.number) == Array(1...doc.operative.count))
    }

    /// A heading of two lines right after the preamble's last paragraph (`…Naciones
    /// Unidas,` / `Prevención de las exportaciones ilícitas …` / `productos refinados …` /
    /// `1.`), with no gap to set it apart: it heads paragraph 1 and is not the end of the
    /// preamble.
    @Test func aTwoLineHeadingAfterThePreambleHeadsTheFirstParagraph() throws {
        let doc = try Fixtures.pdftotextShape("two-line-heading-after-the-preamble.es.txt")
        #expect(doc.preamble.last?.text.hasSuffix("Carta de las Naciones Unidas,") == true, "\(doc.preamble.last?.text.suffix(40) ?? "")")
        let first = try #require(doc.headings.first)
        #expect(first.text.hasPrefix("Prevención de las exportaciones ilícitas"))
        #expect(first.text.hasSuffix("derivados del petróleo"))
        #expect(first.before == "op1")
        #expect(doc.operative.map(\.number) == Array(1...doc.operative.count))
    }

    /// A page's one lone number goes to the page's one paragraph opening with an operative
    /// verb (after the page's first text, which goes on from the page before). In English a verb in lower case at a line's start after a comma (`…, and` /
    /// `requests…`) goes on with its clause and is no second candidate, however long the
    /// line before it.
    @Test func aLowercaseVerbAfterACommaIsNoParagraphForALoneNumber() {
        let fill = "the Secretary-General to continue to keep the Council regularly informed of the situation"
        let text = "2.\n\nthe region, in accordance with its earlier resolutions on the situation in the country;\n"
            + "Decides to extend the mandate of the Mission until 31 December 2021 and " + fill + ",\n"
            + "requests " + fill + " in the region of the country,\n" + "and " + fill + ";\n"
        var lines = LineSplitter.split(text)
        let profile = LanguageCatalog.profile("en")!
        let layout = TextLayout.of(lines)
        NumberColumn.attachLoneNumber(&lines, page: lines.indices, layout: layout, profile: profile, isFurniture: { _ in false })
        #expect(lines.contains { $0.text.string.hasPrefix("2. Decides") }, "\(lines.map(\.text.string))")
    }
}

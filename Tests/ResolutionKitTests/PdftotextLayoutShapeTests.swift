import Foundation
import Testing
@testable import ResolutionKit

/// `pdftotext -layout` and hard-wrapped extractions in Tests/Fixtures/pdftotext-shapes, where
/// indentation and blank lines are the evidence, and the same indent or the same short line
/// means different things in different texts.
@Suite struct PdftotextLayoutShapeTests {
    /// `(a)` starts deep and its wrapped line comes back to the indent of `2.`: that line
    /// carries the item on, so every item is read and no text is left over in `other`.
    @Test func anItemsWrappedLineBackAtTheNumberIndentGoesOnWithTheItem() throws {
        let doc = try Fixtures.pdftotextShape("items-back-at-number-indent.zh.layout.txt")
        let op2 = try #require(doc.operative.first { $0.number == 2 })
        #expect(op2.subparagraphs.map(\.label) == ["a", "b", "c", "d"])
        #expect(op2.subparagraphs.first?.text.hasSuffix("排雷行动，") == true, "\(op2.subparagraphs.first?.text ?? "")")
        #expect(doc.other.isEmpty, "\(doc.other.map(\.text))")
    }

    /// Every paragraph, numbered ones too, opens set in: a line at the margin runs on, even
    /// one that starts with an opener after a short line (`…в Сомали, и` / `подчеркивая`).
    @Test func whereParagraphsOpenSetInAnOpenerAtTheMarginGoesOn() throws {
        let doc = try Fixtures.pdftotextShape("openers-at-margin-set-in-openings.ru.layout.txt")
        #expect(doc.preamble.map { $0.text.split(separator: " ").prefix(2).joined(separator: " ") }
                == ["подтверждая все", "вновь подтверждая", "особо отмечая"])
        #expect(doc.preamble[0].text.hasSuffix("подчеркивая важность их полного соблюдения и осуществления,"))
        #expect(doc.preamble[2].text.contains("партнеров и подчеркивая, что этот мандат"))
        #expect(doc.operative.map(\.number) == [1, 2, 3])
        #expect(doc.other.isEmpty, "\(doc.other.map(\.text))")
    }

    /// Set-in openings still mark the paragraphs when one line ends on an abbreviation
    /// (`т. е.`) and runs on at the margin: lines that stop short after a comma
    /// (`…вооружением,` / `планированием…`) go on with their paragraph.
    @Test func oneAbbreviationAtALineEndDoesNotHideSetInOpenings() throws {
        let doc = try Fixtures.pdftotextShape("set-in-openings-and-an-abbreviation.ru.layout.txt")
        #expect(!doc.preamble.contains { $0.text.hasPrefix("планированием") || $0.text.hasPrefix("включая стороны") })
        #expect(doc.preamble.contains { $0.text.contains("вооружением, планированием или вербовкой") })
        #expect(doc.preamble.count == 21)
        #expect(doc.operative.map(\.number) == Array(1...16))
    }

    /// Set-in openings still mark the paragraphs where the lines after a finished one at
    /// the margin open with a figure: a note's number after the note before (`S/2020/202.`,
    /// `2`), the job number after the page's last line. A line at the margin after a comma
    /// at the measure runs on, opener or not (`…в Дарфуре,` / `принимая к сведению в этой
    /// связи…`), but not after a line alone at the margin (the title's).
    @Test func notesAndJobNumbersAtTheMarginDoNotHideSetInOpenings() throws {
        let doc = try Fixtures.pdftotextShape("openings-set-in-notes-at-margin.ru.layout.txt")
        #expect(!doc.preamble.contains { $0.text.hasPrefix("принимая к сведению в этой связи") })
        let third = try #require(doc.preamble.first { $0.text.hasPrefix("вновь подтверждая главную ответственность") })
        #expect(third.text.contains("в Дарфуре, принимая к сведению в этой связи Национальный план"))
        #expect(third.text.hasSuffix("продолжающееся перемещение населения,"), "\(third.text.suffix(60))")
        #expect(doc.preamble.count == 9)
        #expect(doc.operative.map(\.number) == Array(1...12))
        #expect(doc.footnotes.count == 4)
        // The title's lines stand at the margin too, alone: the second runs on no text.
        #expect(doc.preface.contains("принятая Советом Безопасности 3 июня 2020 года"), "\(doc.preface)")
    }

    /// A centred line alone in its block is a heading though no stop ends it: `1.` after it
    /// opens the operative part instead of running on in the heading.
    @Test func aNumberAfterACentredHeadingOpensItsParagraph() throws {
        let doc = try Fixtures.pdftotextShape("centred-heading-before-number-column.fr.layout.txt")
        #expect(doc.operative.map(\.number) == Array(1...16))
        #expect(doc.preamble.count == 13)
        #expect(doc.headings.first.map { $0.text.hasPrefix("Prévention des exportations illicites") && $0.before == "op1" } == true,
                "\(doc.headings.map(\.text))")
    }

    /// An item's text runs on at an indent of its own, which is also where numbered
    /// paragraphs open: each of its lines there goes on with the item, up to the next label.
    @Test func anItemRunsOnAtItsOwnIndent() throws {
        let doc = try Fixtures.pdftotextShape("item-runs-on-at-its-indent.es.layout.txt")
        let op2 = try #require(doc.operative.first { $0.number == 2 })
        #expect(op2.subparagraphs.map(\.label) == ["a", "b", "c", "d"])
        #expect(op2.subparagraphs.dropFirst(2).first?.text.hasSuffix("con arreglo a la legislación yemení, y") == true,
                "\(op2.subparagraphs.map { String($0.text.suffix(24)) })")
        #expect(doc.other.isEmpty, "\(doc.other.map(\.text))")
    }

    /// A justified line printed with its spaces widened reached the measure, though its text
    /// without them is short: the paragraph goes on at the next line.
    @Test func aLineJustifiedWithWidenedSpacesKeepsItsPrintedWidth() throws {
        let doc = try Fixtures.pdftotextShape("justified-line-spaces-widened.zh.layout.txt")
        #expect(doc.preamble.contains { $0.text.hasPrefix("表示注意到") && $0.text.hasSuffix("(CMLXVIII))，") },
                "\(doc.preamble.map { String($0.text.suffix(16)) })")
        #expect(!doc.preamble.contains { $0.text.hasPrefix("(CMLXVIII") })
        #expect(doc.preamble.count == 13)
    }

    /// A full one-line paragraph ending on a comma, then an opener set back from it: the
    /// setting back does not join them.
    @Test func anOpenerSetBackAfterAFinishedClauseStillOpensAParagraph() throws {
        let doc = try Fixtures.pdftotextShape("opener-set-back.en.layout.txt")
        #expect(doc.preamble.count == 8)
        #expect(doc.preamble.dropFirst().first?.text.hasPrefix("Reaffirming General Assembly") == true)
    }

    /// Where blank lines mark the paragraph ends, a line inside a paragraph that stops short
    /// after a comma ends nothing: its paragraph goes on at the next line.
    @Test func aShortLineWithNoGapAfterItEndsNoParagraphWhereGapsMarkEnds() throws {
        let doc = try Fixtures.pdftotextShape("short-line-inside-gapped-paragraph.ru.txt")
        #expect(!doc.preamble.contains { $0.text.hasPrefix("предусмотренных") }, "\(doc.preamble.map { String($0.text.prefix(16)) })")
        #expect(doc.preamble.contains { $0.text.contains("несоблюдения мер, предусмотренных резолюцией 2368") })
        #expect(doc.preamble.count == 9)
    }

    /// Where blank lines mark the paragraph ends, an opener after a comma with no gap before
    /// it opens a clause inside the paragraph, not a paragraph of its own.
    @Test func anOpenerAfterACommaGoesOnWhereGapsMarkEnds() throws {
        let doc = try Fixtures.pdftotextShape("openers-after-commas-inside-gapped-paragraphs.ru.layout.txt")
        let starts = doc.preamble.map { String($0.text.prefix(16)) }
        #expect(!starts.contains { $0.hasPrefix("особо отмечая") || $0.hasPrefix("высоко оценивая") }, "\(starts)")
        let paragraph = try #require(doc.preamble.first { $0.text.hasPrefix("выражая признательность Межправительственной") })
        #expect(paragraph.text.contains("в Южном Судане, особо отмечая"))
        #expect(paragraph.text.contains("в Южном Судане, высоко оценивая текущую работу"))
        // The truth's count. `…в Южном Судане и` / `подчеркивая, что…` is one paragraph: its
        // line, printed with single spaces, is as full on the page as the lines `-layout`
        // widened to the grid's right edge (`TextLayout.evenMeasure`).
        #expect(doc.preamble.count == 10, "\(starts)")
    }

    /// Where blank lines mark the paragraph ends, a heading (short, with no terminator) still
    /// ends at its line: the numbered paragraph under it opens, and the numbering goes on.
    @Test func aHeadingEndsAtItsLineWhereGapsMarkEnds() throws {
        let doc = try Fixtures.pdftotextShape("headings-between-gapped-paragraphs.ru.layout.txt")
        #expect(doc.operative.map(\.number) == Array(1...25))
        #expect(doc.headings.map(\.text) == ["Эмбарго на поставки оружия и инспекции", "Адресные санкции",
                                             "Комитет по санкциям/Группа экспертов"])
        #expect(doc.other.isEmpty, "\(doc.other.prefix(2).map(\.text))")
    }

    /// `(c) …, and` then `(d)`: the list's joiner ends the item before the last, and the
    /// label that comes next in the list opens the last item though no terminator came first.
    @Test func theNextLabelAfterAnItemEndingWithTheListJoinerOpensTheLastItem() throws {
        let doc = try Fixtures.pdftotextShape("last-item-after-and.en.layout.txt")
        let op2 = try #require(doc.operative.first { $0.number == 2 })
        #expect(op2.subparagraphs.map(\.label) == ["a", "b", "c", "d"])
        #expect(op2.subparagraphs.dropFirst(2).first?.text.hasSuffix("Yemeni law, and") == true,
                "\(op2.subparagraphs.dropFirst(2).first?.text ?? "")")
    }

    /// A numbered paragraph's first line set in as far as it stops short of the measure
    /// looks centred, like a heading; the dash that opens the next line (`— о том, что…`)
    /// then looked like a bullet opening the paragraph the heading heads. A numbered line
    /// heads nothing: the dash goes on with paragraph 14, and no paragraph has items.
    @Test func aDashAfterANumberedLineSetInGoesOnWithIt() throws {
        let doc = try Fixtures.pdftotextShape("numbered-line-set-in-before-a-dash.ru.layout.txt")
        #expect(doc.operative.map(\.number) == Array(1...15))
        #expect(doc.operative.allSatisfy { $0.subparagraphs.isEmpty }, "\(doc.operative.filter { !$0.subparagraphs.isEmpty }.map(\.id))")
        let op14 = try #require(doc.operative.first { $0.number == 14 })
        #expect(op14.text.contains("деятельностью Механизма — о том, что, как предусмотрено"), "\(op14.text.prefix(160))")
    }

    /// A heading of two lines set in at the preamble's indent, right before `1.`: the wrap
    /// made two blocks of it, the second opening in lower case. Both are the heading over
    /// paragraph 1, not a preambular paragraph.
    @Test func aTwoLineHeadingSetApartAsTwoBlocksIsOneHeading() throws {
        let doc = try Fixtures.pdftotextShape("two-line-heading-as-two-blocks.es.layout.txt")
        #expect(doc.preamble.count == 13)
        #expect(doc.preamble.last?.text.hasPrefix("Actuando en virtud del Capítulo VII") == true)
        let first = try #require(doc.headings.first)
        #expect(first.text == "Prevención de las exportaciones ilícitas de petróleo, incluidas las de petróleo crudo y productos refinados derivados del petróleo")
        #expect(first.before == "op1")
    }

    /// The same with the list's last item as an alternative, in pdftotext's default text
    /// (`…ЦАР; или` / `i) осуществляемые…`): `или` ends the item before it as `and` does,
    /// and `i)` after `h)` opens the ninth item.
    @Test func aLastItemAfterOrOpensItsOwnItem() throws {
        let doc = try Fixtures.pdftotextShape("last-item-after-or.ru.txt")
        let op1 = try #require(doc.operative.first { $0.number == 1 })
        #expect(op1.subparagraphs.map(\.label) == ["a", "b", "c", "d", "e", "f", "g", "h", "i"])
        #expect(op1.subparagraphs.dropLast().last?.text.hasSuffix("в рамках РСБ ЦАР; или") == true,
                "\(op1.subparagraphs.dropLast().last?.text.suffix(40) ?? "")")
        #expect(op1.subparagraphs.last?.text.hasPrefix("осуществляемые с предварительной санкции Комитета продажу") == true)
    }

    /// An item whose first line ends with a comma and whose last line comes after a blank
    /// line (`(ب) …الأفراد،` / blank / `وضمان نشر…؛`): a comma ends no item, so the line goes
    /// on with it, and the labels after it still make the paragraph's list.
    @Test func anItemCutAfterACommaGoesOn() throws {
        let doc = try Fixtures.pdftotextShape("item-cut-after-comma.ar.layout.txt")
        let op2 = try #require(doc.operative.first { $0.number == 2 })
        #expect(op2.subparagraphs.map(\.label) == ["أ", "ب", "ج", "د", "ه", "و", "ز"])
        #expect(op2.subparagraphs.dropFirst().first?.text.hasSuffix("في عمليات حفظ السلام؛") == true,
                "\(op2.subparagraphs.dropFirst().first?.text.suffix(40) ?? "")")
        #expect(doc.other.isEmpty, "\(doc.other.prefix(2).map(\.text))")
    }

    /// A paragraph's short last line that opens with an opener after a comma (`…لتمويل
    /// القوة،` / `وإذ يعرب عن تقديره…`), printed at the right margin where right-to-left
    /// lines start: `-layout` keeps where each line starts, so it was not set in and goes on
    /// with its paragraph, while the first lines set in still open theirs.
    @Test func aShortLastLineAtTheRightMarginGoesOnWithItsParagraph() throws {
        let doc = try Fixtures.pdftotextShape("short-last-line-at-the-right-margin.ar.layout.txt")
        #expect(doc.preamble.count == 13, "\(doc.preamble.map { String($0.text.prefix(20)) })")
        let thanks = try #require(doc.preamble.first { $0.text.hasPrefix("وإذ يشاطر الأمين العام") })
        #expect(thanks.text.hasSuffix("وإذ يعرب عن تقديره للدول الأعضاء التي تساهم بأفراد في القوة،"), "\(thanks.text.suffix(70))")
        #expect(doc.operative.map(\.number) == Array(1...18))
    }

    /// The same where lines are justified to both margins, so that `-layout` pads only the
    /// lines that stop short of the left one (a third of them): `…بروح من الواقعية والتوافق،`
    /// / `وإذ يشجع كذلك البلدين المجاورين…`, the paragraph's last line, starts at the right
    /// margin and goes on with it.
    @Test func aShortLastLineAtTheRightMarginGoesOnWhereFullLinesAreNotPadded() throws {
        let doc = try Fixtures.pdftotextShape("short-last-line-at-the-right-margin-justified.ar.layout.txt")
        #expect(doc.preamble.count == 27, "\(doc.preamble.map { String($0.text.prefix(20)) })")
        let encouraging = try #require(doc.preamble.first { $0.text.contains("بروح من الواقعية والتوافق،") })
        #expect(encouraging.text.hasSuffix("وإذ يشجع كذلك البلدين المجاورين على القيام بإسهامات في العملية السياسية،"),
                "\(encouraging.text.suffix(80))")
        #expect(doc.operative.map(\.number) == Array(1...16))
    }

    /// Justified lines cut into two runs, printed left to right (`…بيئة   .2 يشيد…`): each is
    /// read from its right run, so the number opens its paragraph and every paragraph after
    /// it is found.
    @Test func aLineCutIntoRunsIsReadFromItsRightRun() throws {
        let doc = try Fixtures.pdftotextShape("runs-printed-left-to-right.ar.layout.txt")
        #expect(doc.operative.map(\.number) == Array(1...12))
        let two = try #require(doc.operative.first { $0.number == 2 })
        #expect(two.text.hasPrefix("يشيد بالدور الإيجابي للقوة المؤقتة، التي ساعد انتشارها"), "\(two.text.prefix(60))")
        #expect(doc.other.isEmpty, "\(doc.other.prefix(2).map(\.text))")
    }

    /// `-layout` text with a blank line after every line, where a numbered paragraph's
    /// first line came out with its end printed above it (`المبسطة، من أجل تيسير ومواصلة`,
    /// then `12. يدعو … آلية التنسيق`): the end goes back after the start, and no heading
    /// is left. The words poppler spaced apart (`التنس يق المبس طة`, `أج ل`) are joined, by the
    /// text's own words and by how Arabic is spelled (`ArabicWordPieces`).
    @Test func aFirstLinesEndPrintedAboveItGoesBackAmongBlankLines() throws {
        let doc = try Fixtures.pdftotextShape("line-end-printed-above-with-blank-lines.ar.layout.txt")
        #expect(doc.headings.isEmpty, "\(doc.headings.map(\.text))")
        #expect(doc.operative.map(\.number) == Array(1...15))
        let twelve = try #require(doc.operative.first { $0.number == 12 })
        #expect(twelve.text.hasPrefix("يدعو الأمم المتحدة إلى مواصلة تفعيل آلية التنسيق المبسطة، من أجل تيسير ومواصلة تنسيق جهود"),
                "\(twelve.text.prefix(100))")
    }

    /// The same where the start printed last is only the number and the first word
    /// (`طلبي الإبلاغ … اتخاذ هذا`, then `3. يجدد`): the rest of the line is then most of a
    /// line, and it goes back after the start all the same.
    @Test func aFirstLinesRestPrintedAboveItsNumberAndFirstWordGoesBack() throws {
        let doc = try Fixtures.pdftotextShape("line-start-printed-below-its-rest.ar.layout.txt")
        #expect(doc.headings.isEmpty, "\(doc.headings.map(\.text))")
        #expect(doc.operative.map(\.number) == Array(1...5))
        let three = try #require(doc.operative.first { $0.number == 3 })
        #expect(three.text.hasPrefix("يجدد طلبي"), "\(three.text.prefix(60))")
    }

    /// Preambular paragraphs open set in at the indent where the operative part's items
    /// hang their wrapped lines, and go on at the margin: a set-in line after a finished
    /// clause at the margin opens the next paragraph (`…устойчивого развития,` /
    /// `признавая, что развитие…`), while the items' lines still hang under them.
    @Test func openingsAtTheItemsHangingIndentOpen() throws {
        let doc = try Fixtures.pdftotextShape("openings-at-the-items-hanging-indent.ru.layout.txt")
        #expect(doc.preamble.count == 24)
        #expect(doc.preamble.contains { $0.text.hasPrefix("признавая, что развитие, мир и безопасность") })
        #expect(doc.operative.map(\.number) == Array(1...doc.operative.count))
        #expect(doc.operative.count == 26)
        #expect(doc.operative.first { $0.number == 20 }?.subparagraphs.count == 11)
        #expect(doc.other.isEmpty, "\(doc.other.prefix(2).map(\.text))")
    }

    /// A note's marker raised above the last body line of a page (`1` alone, then the line
    /// it belongs to), then the page's note (`1` alone, then its text): the page's notes
    /// start at the second `1`, and the body line stays in its paragraph.
    @Test func aMarkerAboveThePagesLastBodyLineIsNotItsFirstNote() throws {
        let doc = try Fixtures.pdftotextShape("raised-marker-above-last-body-line.ar.layout.txt")
        #expect(doc.operative.map(\.number) == Array(1...10))
        #expect(doc.footnotes.map(\.text) == Array(repeating: "S/RES/2428 (2018).", count: 3))
        #expect(doc.footnotes.map(\.citedBy) == [["op3"], ["op6"], ["op9"]])
        let three = try #require(doc.operative.first { $0.number == 3 })
        #expect(three.text.hasSuffix("2428 (2018)؛"), "\(three.text.suffix(40))")
    }

    /// A marker raised above the first line of a paragraph, with the blank line that parts
    /// the paragraphs before the marker and none after it: the marker goes with the line
    /// under it, and the blank line still parts the paragraphs.
    @Test func aMarkerAboveAParagraphsFirstLineLeavesTheGapBeforeIt() throws {
        let doc = try Fixtures.pdftotextShape("raised-marker-between-paragraphs.ar.layout.txt")
        #expect(doc.preamble.count == 13)
        let cited = try #require(doc.preamble.first { $0.text.contains("2259") })
        #expect(cited.text.hasPrefix("وإذ يشير"), "\(cited.text.prefix(30))")
        #expect(doc.footnotes.first?.citedBy == [cited.id])
        let before = try #require(doc.preamble.firstIndex { $0.id == cited.id }.map { doc.preamble[$0 - 1] })
        #expect(before.text.hasSuffix("الليبي،"), "\(before.text.suffix(30))")
    }

    /// Unnumbered paragraphs open set in and go on at the margin, while numbered ones hang
    /// their lines at that same indent: a one-line paragraph set in (`重申…承诺，`) and the
    /// next opening at its indent (`强调…`) are two paragraphs, and the numbered paragraphs'
    /// hanging lines stay with them.
    @Test func anOpeningAtTheIndentOfHangingLinesStillOpens() throws {
        let doc = try Fixtures.pdftotextShape("set-in-openings-hanging-numbers.zh.layout.txt")
        #expect(doc.preamble.map { String($0.text.prefix(2)) } == ["回顾", "重申", "强调", "回顾", "认定", "特别"])
        #expect(doc.operative.map(\.number) == Array(1...10))
        #expect(doc.operative.dropFirst().first?.text.hasSuffix("罪；") == true, "\(doc.operative.dropFirst().first?.text.suffix(10) ?? "")")
    }

    /// The preamble set in as a whole, at the column where the operative texts run, with no
    /// gap or indent between its paragraphs: as flat as a preamble at the margin, so an
    /// opener after a comma (`…осуществляемого…,` / `подчеркивая важность`) opens a
    /// paragraph there too.
    @Test func aPreambleSetInAsAWholeIsReadAsFlat() throws {
        let doc = try Fixtures.pdftotextShape("preamble-set-in-flat.ru.layout.txt")
        #expect(doc.preamble.count == 13)
        #expect(doc.preamble.contains { $0.text.hasPrefix("подчеркивая важность того, чтобы введенные меры") })
        #expect(doc.preamble.contains { $0.text.hasPrefix("вновь выражая свою озабоченность по поводу деятельности") })
        #expect(doc.operative.map(\.number) == Array(1...16))
    }
}

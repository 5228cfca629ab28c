import Foundation
import Testing
@testable import ResolutionKit

/// Two ways pdftotext's default text misstates a page: lines whose columns do not say how
/// full they were (Chinese), and marks and words torn from their places (Arabic).
extension PdftotextShapeTests {
    /// Chinese text with no indentation left: a digit run (`2020 年 8 月`) counts for more
    /// columns than it took on the page, so the widest lines are those with digits, and a
    /// paragraph's first line, justified to the measure less the lost indent, looked short.
    /// Its paragraph goes on (`…解决办法，` / `以期毫不拖延…`), where a short line ends one.
    @Test func aChineseFirstLineFullLessItsLostIndentGoesOn() throws {
        let doc = try Fixtures.pdftotextShape("first-lines-set-in-digits-widen-lines.zh.txt")
        let urging = try #require(doc.preamble.first { $0.text.hasPrefix("促请相关各方加紧努力") })
        #expect(urging.text.hasSuffix("以期毫不拖延地全面执行第 1701(2006)号决议所有规定，"), "\(urging.text)")
        #expect(!doc.preamble.contains { $0.text.hasPrefix("以期") || $0.text.hasPrefix("回顾黎巴嫩政府对黎巴嫩所有领土") })
        // The truth of this resolution: 35 preambular paragraphs, operative 1 to 31.
        #expect(doc.preamble.count == 35)
        #expect(doc.operative.map(\.number) == Array(1...31))
    }

    /// An Arabic page whose vowel marks poppler printed apart (`وإذ ّ` on one line, `يسلم كذلك…`
    /// on the next; `ً` alone on a line): no mark is left standing apart, none makes a line
    /// or a paragraph, and the opener torn in two (`وإذ` / `يسلم`) opens one paragraph.
    @Test func arabicMarksTornOffTheirLettersMakeNoParagraphs() throws {
        let doc = try Fixtures.pdftotextShape("marks-torn-off-their-letters.ar.txt")
        let texts = doc.preamble.map(\.text) + doc.operative.map(\.text) + doc.other.map(\.text)
        #expect(!texts.contains { $0.trimmingCharacters(in: .whitespaces) == "وإذ" })
        #expect(doc.preamble.contains { $0.text.hasPrefix("وإذ يسلم كذلك بالآثار السلبية لتغير المناخ") })
        let apart = texts.filter { t in
            let s = Array(t.unicodeScalars)
            return s.indices.contains { ArabicMarks.isMark(s[$0]) && ($0 == 0 || Chars.isSpace(s[$0 - 1])) }
        }
        #expect(apart.isEmpty, "\(apart.map { String($0.prefix(40)) })")
        #expect(doc.operative.map(\.number) == Array(1...doc.operative.count))
    }

    /// The same page tears two printed lines of one paragraph at a mark: one in order, its
    /// first piece ending with the mark of the word that opens the next (`…الصومال، وإذ ّ` /
    /// `يسلم بأن…`), and one end first after a line of the mark alone (`ويسل م كذلك…الأمنية`
    /// / `مساهمة كبيرة،`). Neither piece opens a paragraph; the printed line reads in order.
    @Test func arabicLinesTornAtAMarkStayInTheirParagraph() throws {
        let doc = try Fixtures.pdftotextShape("marks-torn-off-their-letters.ar.txt")
        let praising = try #require(doc.preamble.first { $0.text.hasPrefix("وإذ يشيد بالشجاعة التي أبدتها قوات الأمن الصومالية") })
        #expect(praising.text.contains("دائمين في الصومال، وإذ يسلم بأن الأمن الذي توفره"), "\(praising.text)")
        #expect(praising.text.contains("لا يزال يشكل مساهمة كبيرة، ويسل"), "\(praising.text)")
        #expect(praising.text.hasSuffix("زمام الأمور في مجال الأمن في عام 2021،"), "\(praising.text)")
        #expect(!doc.preamble.contains { $0.text.hasPrefix("يسلم بأن") || $0.text.hasPrefix("الصومالية، لا سيما") })
        // The truth of this resolution: 22 preambular paragraphs.
        #expect(doc.preamble.count == 22)
    }

    /// Two printed lines torn at a lam-alef ligature, each line's end printed before its
    /// start (`ل سيما القرارات…` / `…بالسودان، و ا`): the lines are one again, the ligature
    /// whole (`ولا سيما`, `السودان لا تزال`), and no piece reads as a heading.
    @Test func arabicLinesTornAtLamAlefAreOneLineAgain() throws {
        let doc = try Fixtures.pdftotextShape("line-torn-at-lam-alef.ar.txt")
        #expect(doc.headings.isEmpty, "\(doc.headings.map(\.text))")
        let texts = doc.preamble.map(\.text) + doc.operative.map(\.text) + doc.other.map(\.text)
        #expect(!texts.contains { $0.hasPrefix("ل ") || $0.hasSuffix(" ا") })
        #expect(doc.preamble.first?.text.hasPrefix("إذ يشير إلى قراراته السابقة المتعلقة بالسودان، ولا سيما القرارات") == true)
        #expect(doc.preamble.contains { $0.text.hasPrefix("وإذ يقرر أن الحالة في السودان لا تزال تشكل تهديدا") })
    }

    /// Numbered paragraphs whose first line came out in pieces, its end printed before its
    /// start (`نظرا لكون…محدود` / `6. يشدد على أنه`): the pieces go back after the start, in
    /// reading order, and none is left as a heading.
    @Test func arabicFirstLinePrintedEndFirstIsPutBackInOrder() throws {
        let doc = try Fixtures.pdftotextShape("first-line-printed-end-first.ar.txt")
        #expect(doc.headings.isEmpty, "\(doc.headings.map(\.text))")
        #expect(doc.operative.map(\.number) == Array(1...doc.operative.count))
        let six = doc.operative.first { $0.number == 6 }?.text ?? ""
        #expect(six.hasPrefix("يشدد على أنه نظرا لكون المهام المتبقية ذات طابع محدود جدا، فقد"), "\(six.prefix(80))")
        let ten = doc.operative.first { $0.number == 10 }?.text ?? ""
        #expect(ten.hasPrefix("يكرر تأكيد طلبه إلى الآلية بأن تضمن التقارير التي تقدمها إلى المجلس"), "\(ten.prefix(80))")
    }

    /// The adoption line's words set apart one to a line (`на` `его` `8712-м`) right before
    /// the organ's formula: the formula still stands alone, and the preamble and the
    /// operative part after it are read.
    @Test func theFormulaStandsAloneAfterASpreadLine() throws {
        let doc = try Fixtures.pdftotextShape("adoption-line-spread-before-formula.ru.txt")
        #expect(doc.preamble.first?.text.hasPrefix("ссылаясь на все свои предыдущие резолюции") == true)
        #expect(doc.preamble.count >= 5)
        #expect(doc.operative.map(\.number) == Array(1...doc.operative.count))
        #expect(doc.operative.count >= 10)
    }
}

/// The line phase's repair of Arabic marks set apart from their letters, on its own.
@Suite struct ArabicMarkTests {
    /// A line ending with a vowel mark set apart tore a printed line at the next line's
    /// first word; a tanwin set apart is the last word's own, and a mark on its letter says
    /// nothing.
    @Test func aMarkApartAtTheEndTearsTheLineUnlessItIsATanwin() {
        func torn(_ s: String) -> Bool { ArabicMarks.endsWithMarkApart(Array(s.unicodeScalars)) }
        #expect(torn("في الصومال، وإذ \u{0651}"))
        #expect(torn("إلى أدنى حد من احتمال \u{064F}\u{0651}  "))
        #expect(!torn("يشكل تحديا جسيما \u{064B}"))
        #expect(!torn("وإذ يسلّم"))
        #expect(!torn("\u{0651}"))
        #expect(!torn("2021 \u{0651}"))
        // Any mark set apart, a tanwin too, says where poppler cut a printed line.
        #expect(ArabicMarks.endsWithMarkApart(Array("الفقرة 14 أعلاه لمدد إضافية \u{064B}".unicodeScalars), tanwin: true))
        #expect(!ArabicMarks.endsWithMarkApart(Array("لمدد إضافية\u{064B}".unicodeScalars), tanwin: true))
    }

    /// A lone lam opening a line and a lone alef ending the next are one torn ligature;
    /// anything else is left as two lines.
    @Test func tornLigatureIsRebuiltOnlyFromALoneLamAndALoneAlef() {
        func torn(_ a: String, _ b: String) -> String? {
            ArabicLigatures.tornLine(first: Array(a.unicodeScalars), second: Array(b.unicodeScalars))?.string
        }
        #expect(torn("ل سيما الدول", "يطلب إلى الدول الأعضاء، و ا") == "يطلب إلى الدول الأعضاء، ولا سيما الدول")
        #expect(torn("ل تزال تشكل", "وإذ يقرر أن الحالة في السودان ا") == "وإذ يقرر أن الحالة في السودان لا تزال تشكل")
        #expect(torn("لا تزال تشكل", "في السودان ا") == nil)
        #expect(torn("ل تزال تشكل", "في السودان") == nil)
        #expect(torn("ل 2012", "الحالة في السودان،") == nil)
    }

    static func repaired(_ s: String) -> String {
        var t = Array(s.unicodeScalars)
        ArabicMarks.dropDetached(&t)
        return t.string
    }

    /// At a line's ends a mark after a space belongs to no letter there and goes; between
    /// spaces inside a line it goes back on the letter before (`دعما ً لجهود` → `دعماً لجهود`).
    @Test func marksApartAreDroppedAtTheEndsAndReattachedInside() {
        #expect(Self.repaired("وإذ \u{651}") == "وإذ")
        #expect(Self.repaired("\u{64B} بين الأطراف الليبية") == "بين الأطراف الليبية")
        #expect(Self.repaired("دعما \u{64B} لجهود") == "دعما\u{64B} لجهود")
        // Printed right before its letter, it goes after it: `أن ُيفهم` is `أن يُفهم`.
        #expect(Self.repaired("أن \u{64F}يفهم") == "أن ي\u{64F}فهم")
        // Marks on their letters stay as they are, two on one letter included.
        #expect(Self.repaired("يسل\u{651}م ويشد\u{651}\u{64E}د") == "يسل\u{651}م ويشد\u{651}\u{64E}د")
        #expect(Self.repaired("\u{651}") == "")
        // A line's other runs of spaces (`-layout` widens justified lines with them) stay:
        // the line's printed width is evidence for the layout phase.
        #expect(Self.repaired("المتوسط    قبال\u{64E}ة البحر") == "المتوسط    قبال\u{64E}ة البحر")
        #expect(Self.repaired("وإذ يشير    إلى \u{651}") == "وإذ يشير    إلى")
    }

    /// A line of marks alone is no line: the lines around it keep their blank-line counts, so
    /// it cannot pass for a paragraph break.
    @Test func aLineOfMarksAloneIsNeitherALineNorABlank() {
        let lines = LineSplitter.split("وإذ يشير إلى قراره\n\u{202B}\u{651}\u{202C}\nالذي يسلم فيه")
        #expect(lines.map(\.text.string) == ["وإذ يشير إلى قراره", "الذي يسلم فيه"])
        #expect(lines.map(\.blankBefore) == [0, 0])
    }
}

extension PdftotextShapeTests {
    /// A short unpunctuated line between two preambular paragraphs (a piece of a line that
    /// extraction printed apart, like `هدفا وعملية لبناء رؤية مشتركة` in pdftotext's Arabic) is
    /// no heading: the preamble has none. It stays with the paragraph before it, and the
    /// preamble keeps its count. Capitalised, it would pass for a heading anywhere else.
    @Test func aShortLineBetweenPreambularParagraphsIsNoHeading() throws {
        let base = Fixtures.root.appendingPathComponent("Tests/Fixtures/typeset/en/S_RES_2505_2020_-2000446E").path
        let text = try String(contentsOfFile: base + ".wrapped.txt", encoding: .utf8)
        let torn = text.replacingOccurrences(of: "stand by the people of Yemen,\n\n",
                                             with: "stand by the people of Yemen,\n\nBuilding a shared vision of society\n\n")
        try #require(torn != text)
        let doc = Self.parse(torn)
        #expect(doc.headings.isEmpty, "\(doc.headings.map(\.text))")
        #expect(doc.preamble.count == 4)
        #expect(doc.preamble[2].text.hasSuffix("Building a shared vision of society"), "\(doc.preamble[2].text)")
        // Before the first operative paragraph, the same line is a heading.
        let headed = text.replacingOccurrences(of: "reiterating its call on the parties to implement it,\n\n",
                                               with: "reiterating its call on the parties to implement it,\n\nThe Hodeidah Agreement\n\n")
        #expect(Self.parse(headed).headings.map(\.text) == ["The Hodeidah Agreement"])
    }
}

extension ArabicMarkTests {
    /// A comma printed glued to the word after it (`المشروعة ،بما`) goes back to the word
    /// before; one printed before a number goes after it, with the hyphen printed after the
    /// number before it (`،2020` is `2020،`, `،19-` is `-19،`: the number's run painted left
    /// to right, a closing quote after the number with it); a comma set apart by spaces on
    /// both sides, or before a Latin run, is left.
    @Test func anArabicCommaOpeningAWordGoesBackToTheWordBefore() {
        func mended(_ s: String) -> String { var t = Array(s.unicodeScalars); ArabicCommas.reattach(&t); return t.string }
        #expect(mended("غير المشروعة ،بما في ذلك") == "غير المشروعة، بما في ذلك")
        #expect(mended("في جلسته ،8719 المعقودة") == "في جلسته 8719، المعقودة")
        #expect(mended("تنتهي في 30 حزيران/يونيه ،2020") == "تنتهي في 30 حزيران/يونيه 2020،")
        #expect(mended("،2021") == "2021،")
        #expect(mended("جائحة كوفيد،19- على") == "جائحة كوفيد-19، على")
        #expect(mended("للفترة ،2028-2018") == "للفترة 2028-2018،")
        // A closing quote after the number is taken into the run as well (`لعام 2030“،`).
        #expect(mended("خطة التنمية المستدامة لعام ،“2030") == "خطة التنمية المستدامة لعام 2030“،")
        #expect(mended("لعام ،”2030 وإذ") == "لعام 2030”، وإذ")
        #expect(mended("وارئ ، على") == "وارئ ، على")
        #expect(mended("البيان ،S/PRST/2011/15") == "البيان ،S/PRST/2011/15")
    }

    /// A number's space printed on its other side (`في  30حزيران`, the run ` 30` painted left
    /// to right) goes back after it; a number glued to a quote or a bracket is left, and so
    /// is one with a hyphen after it (`المرفق 1-ألف` is written so).
    @Test func aSpacePrintedBeforeANumberGoesBackAfterIt() {
        func mended(_ s: String) -> String { var t = Array(s.unicodeScalars); NumberRunSpacing.restore(&t); return t.string }
        #expect(mended("تنتهي في  30حزيران/يونيه") == "تنتهي في 30 حزيران/يونيه")
        #expect(mended("المادة 25والمادة 26من النظام") == "المادة 25 والمادة 26 من النظام")
        #expect(mended("12كانون الأول") == "12 كانون الأول")
        #expect(mended("’ ‘1تعزيز عملية") == "’ ‘1تعزيز عملية")
        #expect(mended("المرفق 1-ألف من الاتفاق") == "المرفق 1-ألف من الاتفاق")
        #expect(mended("القرار 2532 (2020)") == "القرار 2532 (2020)")
    }

    /// A bracketed run whose stop was painted at its left end (`،)S/PRST/2017/16( 2017`,
    /// `( ،)2010`) reads with the stop after it.
    @Test func aStopPaintedBeforeABracketedRunGoesAfterIt() {
        func mended(_ s: String) -> String { var t = Array(s.unicodeScalars); VisualOrder.restoreDigitRuns(&t); return t.string }
        #expect(mended("و 29 آب/أغسطس ،)S/PRST/2017/16( 2017") == "و 29 آب/أغسطس 2017 (S/PRST/2017/16)،")
        #expect(mended("( ،)2010 فيما يتعلق") == "(2010)، فيما يتعلق")
        #expect(mended("القرار )2010( 1966 المؤرخ") == "القرار 1966 (2010) المؤرخ")
    }

    /// A one-line paragraph that ends with a date (`…حزيران/يونيه ،2020` as printed) ends
    /// with its comma once the comma is back after the year, so the paragraph after it
    /// (`وقد أجرى استعراضه…`, which opens with no known opener) is one of its own.
    @Test func aYearPrintedAfterItsCommaEndsItsParagraph() throws {
        let doc = try Fixtures.pdftotextShape("comma-before-year-at-line-end.ar.txt")
        #expect(doc.preamble.count == 10)
        let noted = try #require(doc.preamble.first { $0.text.hasPrefix("وإذ يلاحظ أن الفترة الحالية") })
        #expect(noted.text.hasSuffix("2020،"), "\(noted.text.suffix(30))")
        #expect(doc.preamble.contains { $0.text.hasPrefix("وقد أجرى استعراضه") })
        #expect(doc.operative.map(\.number) == Array(1...15))
    }

    /// The same resolution's headings read the same from pdftotext's text as from its Word
    /// file, commas included (the typeset fixture of S/RES/2509 (2020) has five).
    @Test func headingsFromPdftotextMatchTheWordFile() throws {
        let base = Fixtures.root.appendingPathComponent("Tests/Fixtures/typeset/ar/S_RES_2509_2020_-2002070A").path
        let fromText = try FormatCorpusTests.read(.pdftotext, base: base)
        let fromWord = try FormatCorpusTests.read(.docx, base: base)
        #expect(fromWord.headings.count == 5)
        #expect(fromText.headings.map(\.text) == fromWord.headings.map(\.text))
    }
}

extension ArabicMarkTests {
    /// `-layout` prints an Arabic operative number at the line's start in painting order,
    /// the stop first, and sometimes a space after the stop (`. 2يشدد`, as S/RES/2555 (2020)
    /// typeset prints it): both read as the number `2.`, and the paragraph is numbered.
    @Test func aLayoutNumberWithASpaceAfterItsStopIsTheParagraphsNumber() {
        let lines = LineSplitter.split("     \u{202B}\u{202A} . 2\u{202C}يشدد على الالتزام الواقع على عاتق كلا الطرفين\u{202C}\n"
                                       + " \u{202B}\u{202A} .1\u{202C}يهيب بالأطراف المعنية أن تنفذ فورا قراره\u{202C}")
        #expect(lines.map { String($0.text.string.prefix(8)) } == ["2. يشدد ", "1. يهيب "])
    }
}

extension PdftotextShapeTests {
    /// Where preambular paragraphs open with a capital, a line that opens with an opener in
    /// lower case (`stressing the importance…` after `…related resolutions;`) goes on with the
    /// paragraph, though a stop and a short line came before it: the UN's own text sometimes
    /// runs two clauses into one paragraph with a semicolon.
    @Test func aLowercaseOpenerGoesOnWhereParagraphsOpenWithACapital() throws {
        let base = Fixtures.root.appendingPathComponent("Tests/Fixtures/typeset/en/S_RES_2505_2020_-2000446E").path
        let text = try String(contentsOfFile: base + ".wrapped.txt", encoding: .utf8)
        let joined = text.replacingOccurrences(of: "concerning\nYemen,\n\nHaving considered", with: "concerning\nYemen;\nhaving considered")
        try #require(joined != text)
        let doc = Self.parse(joined)
        #expect(doc.preamble.count == 3)
        #expect(doc.preamble.first?.text.contains("Yemen; having considered the letters") == true, "\(doc.preamble.first?.text ?? "")")
        // A capital opens one as before.
        let capital = text.replacingOccurrences(of: "concerning\nYemen,\n\nHaving considered", with: "concerning\nYemen;\nHaving considered")
        #expect(Self.parse(capital).preamble.count == 4)
    }
}

extension PdftotextShapeTests {
    /// A printed line cut where a mark stood apart from its letter (`التحسُّن`): poppler
    /// printed the mark alone, then the line's end (`التحس ن في الظروف … الوطنية`), then its
    /// start (`وإذ يقر بأوجه`). The start goes back first, so the clause opens with its
    /// opener, after the comma that ends the line before (the clause goes on with that
    /// paragraph: `PdftotextFirstLineTests`).
    @Test func aLinesEndPrintedFirstAfterATornMarkGoesAfterItsStart() throws {
        let doc = try Fixtures.pdftotextShape("line-end-first-after-a-torn-mark.ar.txt")
        let before = try #require(doc.preamble.first { $0.text.hasPrefix("وإذ يعيد تأكيد المسؤولية الرئيسية") })
        #expect(before.text.contains("في جميع أنحاء أراضيها، وإذ يقر بأوجه التحس ن في الظروف الأمنية السائدة في دارفور، منوها"),
                "\(before.text.prefix(200))")
    }

    /// The same page cuts operative 2's last printed line twice, at the marks of `المتّسمين`,
    /// and prints its end (`سمين بالمسؤولية، … القرار؛`) before the piece that goes before it
    /// (`المت ْ`), right above operative 3. The piece was a heading over operative 3; it goes
    /// back before the end, in its paragraph.
    @Test func aStartPrintedAfterItsEndBeforeANumberGoesBackInItsParagraph() throws {
        let doc = try Fixtures.pdftotextShape("line-end-first-after-a-torn-mark.ar.txt")
        #expect(doc.headings.isEmpty, "\(doc.headings.map(\.text))")
        let two = try #require(doc.operative.first { $0.number == 2 })
        #expect(two.text.hasSuffix("للعملية المختلطة وخروجها المت سمين بالمسؤولية، تمشيا مع الفقرة 1 من هذا القرار؛"), "\(two.text.suffix(90))")
        #expect(doc.operative.map(\.number) == Array(1...doc.operative.count))
    }

    /// The same right after the organ's formula, the two pieces together a little wider
    /// than the text's measure: the end (`يشدد على`) no longer stands as the first
    /// preambular paragraph.
    @Test func aLinesEndPrintedFirstGoesBackThoughItFillsTheMeasure() throws {
        let doc = try Fixtures.pdftotextShape("line-end-first-filling-the-measure.ar.txt")
        #expect(doc.preamble.first?.text.hasPrefix("إذ يؤكد من جديد جميع قراراته") == true, "\(doc.preamble.first?.text.prefix(40) ?? "")")
        #expect(doc.preamble.first?.text.contains("في السودان وإذ يشدد على أهمية الامتثال") == true)
        #expect(doc.preamble.count == 4)
    }

    /// The same where the start finishes a clause (`…البحر الأبيض المتوسط،`) and the end
    /// (`قبالة الساحل الليبي، من`) was stretched with kashidas: letters counted, the two
    /// pieces come short of 95% of the measure, which they were once required to reach. The
    /// start goes back first, and the paragraph runs on past it (`…، من استفحال مستمر…`)
    /// instead of ending there.
    @Test func aLinesEndPrintedFirstGoesBackThoughKashidasStretchedIt() throws {
        let doc = try Fixtures.pdftotextShape("line-end-first-stretched-by-kashida.ar.txt")
        let welcoming = try #require(doc.preamble.first { $0.text.hasPrefix("وإذ يرحب بالتدابير المتخذة") })
        #expect(welcoming.text.hasSuffix("في البحر الأبيض المتوسط في هذا الصدد،"), "\(welcoming.text.suffix(60))")
        let torn = try #require(doc.preamble.first { $0.text.hasPrefix("وإذ يؤكد من جديد ضرورة وضع حد") })
        #expect(torn.text.contains("البحر الأبيض المتوسط، قبالة الساحل الليبي، من استفحال مستمر"), "\(torn.text)")
        #expect(!doc.preamble.contains { $0.text.hasPrefix("استفحال") })
        // The truth of this resolution: 6 preambular paragraphs.
        #expect(doc.preamble.count == 6)
    }

    /// The same page prints operative 1's first line torn at its tanwin: `1.` alone, a blank
    /// line, the tanwin alone, the line's end (`وانطلاقا`), then its start (`يدين جميع
    /// أعمال…وعبرها`). The blank before the dropped mark does not hide its trace: the start
    /// goes first, and the paragraph's text is all in operative 1, none left over.
    @Test func aLinesEndPrintedFirstAfterANumberAloneAndABlankGoesBack() throws {
        let doc = try Fixtures.pdftotextShape("line-end-first-stretched-by-kashida.ar.txt")
        let one = try #require(doc.operative.first { $0.number == 1 })
        #expect(one.text.hasPrefix("يدين جميع أعمال تهريب المهاجرين"), "\(one.text.prefix(60))")
        #expect(one.text.contains("الأراضي الليبية وعبرها وانطلاقا منها، وقبالة الساحل الليبي"), "\(one.text)")
        #expect(doc.other.filter { ($0.after ?? "").hasPrefix("op") }.isEmpty, "\(doc.other.map(\.text))")
    }

    /// A numbered paragraph's first printed line torn at two marks and printed in order
    /// (`يشدد على أن ّ` / `تظل القوة … التي ِّ` / `تعرض للخطر حفظة`), its number printed
    /// after it (`3.`), the rest of the paragraph after the number. The pieces are one line
    /// again before the numbers are placed, so the number finds its whole first line: the
    /// paragraph opens with it, and none of it is left over after the paragraph before.
    @Test func aFirstLineTornAtMarksBeforeItsNumberOpensItsParagraph() throws {
        let doc = try Fixtures.pdftotextShape("number-after-a-first-line-torn-at-marks.ar.txt")
        let three = try #require(doc.operative.first { $0.number == 3 })
        #expect(three.text.hasPrefix("يشدد على أن تظل القوة كيانا محايدا ويؤكد ضرورة وقف جميع الأنشطة التي تعرض للخطر حفظة السلام"), "\(three.text.prefix(100))")
        let six = try #require(doc.operative.first { $0.number == 6 })
        #expect(six.text.hasPrefix("يهيب بجميع الأطراف أن تتعاون تعاونا تاما"), "\(six.text.prefix(60))")
        #expect(doc.other.filter { ($0.after ?? "").hasPrefix("op") }.isEmpty, "\(doc.other.map(\.text))")
        #expect(doc.operative.map(\.number) == Array(1...doc.operative.count))
    }
}

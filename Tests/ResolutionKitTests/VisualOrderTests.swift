import Foundation
import Testing
@testable import ResolutionKit

/// Right-to-left lines as pdftotext paints them, put back in reading order: bracketed runs
/// with the number before them, the footnote marker painted before the run, and a
/// left-to-right note whose stop was painted first.
@Suite struct VisualOrderTests {
    static func restored(_ s: String) -> String {
        var line = Array(s.unicodeScalars)
        VisualOrder.restoreDigitRuns(&line)
        return line.string
    }

    @Test func aMarkerPaintedAfterAnArabicCommaFollowsTheRunItMarks() {
        #expect(Self.restored("من القرار ،2)2019( 2488ويشير إلى") == "من القرار ،2488 (2019)2 ويشير إلى")
        // Digits glued to a word are the word's, not a marker.
        #expect(Self.restored("المادةA2)2019( 2488") == "المادةA22488 (2019)")
    }

    @Test func aDocumentSymbolInBracketsGoesBackAfterItsYear() {
        #expect(Self.restored("أبريل ،1)S/PRST/2019/3( 2019وإذ") == "أبريل ،2019 (S/PRST/2019/3)1 وإذ")
        // Brackets around words are left as they are.
        #expect(Self.restored("ذلك )المرفق( 2019") == "ذلك )المرفق( 2019")
    }

    @Test func aStopPaintedInsideTheBracketsOfASymbolGoesAfterThem() {
        #expect(Self.restored("في التقرير النهائي لفريق الخبراء (،)S/2020/70") == "في التقرير النهائي لفريق الخبراء (S/2020/70)،")
        // The space beside the stop may come after it, inside the bracket (`(، )`).
        #expect(Self.restored("للدعم في ليبيا (، )S/2020/832") == "للدعم في ليبيا (S/2020/832)،")
        #expect(Self.restored("(،) لا رمز") == "(،) لا رمز")
        #expect(Self.restored("(، ) لا رمز") == "(، ) لا رمز")
    }

    /// The space after a bracketed symbol or year painted inside the brackets, and the next
    /// word glued to the symbol: the space goes back between them.
    @Test func aSpacePaintedInsideTheBracketsOfASymbolGoesAfterThem() {
        #expect(Self.restored("بشأن مساعيه الحميدة ( )S/2019/883وتقريره المؤرخ") == "بشأن مساعيه الحميدة (S/2019/883) وتقريره المؤرخ")
        #expect(Self.restored("السلام والأمن ( )2017وإطار العمل") == "السلام والأمن (2017) وإطار العمل")
        #expect(Self.restored("ببيانه الرئاسي ( )S/PRST/2020/4") == "ببيانه الرئاسي (S/PRST/2020/4)")
        // Empty brackets before Latin text, or a symbol before a space, are left.
        #expect(!Self.restored("( )abc و").contains("(abc)"))
        #expect(!Self.restored("( )S/2019/883 وتقريره").contains("(S/2019/883)"))
    }

    @Test func aLeftToRightNoteWhoseStopWasPaintedFirstEndsWithIt() {
        #expect(Self.restored(".S/PRST/2019/3") == "S/PRST/2019/3.")
        // Its number painted last, at the right end where the right-to-left line starts.
        #expect(Self.restored(".S/RES/2374 (2017) 3") == "3 S/RES/2374 (2017).")
        #expect(Self.restored(".A/74/976-S/2020/773   12") == "12 A/74/976-S/2020/773.")
        // The operative number's stop is not moved.
        #expect(Self.restored(".12") == "12.")
    }

    /// An item's number between quotes (`’1‘`) as extraction paints it: `’ ‘1` before the
    /// item's first word, `’‘10` alone or at the right end of a `-layout` line.
    @Test func aQuotedItemNumberGoesBackAroundItsDigits() {
        #expect(Self.restored("’ ‘1تعزيز عملية سياسية") == "’1‘ تعزيز عملية سياسية")
        #expect(Self.restored("’‘10") == "’10‘")
        #expect(Self.restored("تقديم الدعم في تأمين الأسلحة     ’‘10") == "’10‘ تقديم الدعم في تأمين الأسلحة")
        // Mid-line, in an enumeration run into its sentence, the number is mended in place.
        #expect(Self.restored("المهنية؛ ’ ‘4تنفيذ سياسة") == "المهنية؛ ’4‘ تنفيذ سياسة")
        // Quotes around words are left alone.
        #expect(Self.restored("’ ‘السلام المفقود") == "’ ‘السلام المفقود")
    }

    @Test func aQuotedNumberAloneOnALineOfAnArabicTextIsALabel() {
        let lines = LineSplitter.split("وإذ يشير إلى قراراته،\n\u{202B}’\u{202A}‘10\u{202C}\u{202C}\n")
        #expect(lines.last?.text.string == "’10‘")
        #expect(BlockBuilder.isLabelOnly(lines.last!.scalars))
    }

    /// A label alone whose letter the page set apart from its closing bracket (`(أ )`, as
    /// pdftotext printed it above its item's text after a colon) is a label alone, as
    /// `(أ)` is: the item after it opens the list, not the sentence before it.
    @Test func aLabelAloneWithASpaceInsideItsBracketsIsALabel() {
        #expect(BlockBuilder.isLabelOnly(Array("(أ )".unicodeScalars)))
        #expect(BlockBuilder.isLabelOnly(Array("( ب)".unicodeScalars)))
        #expect(!BlockBuilder.isLabelOnly(Array("(2015 )".unicodeScalars)))
        let text = "\u{202B}إن مجلس الأمن،\u{202C}\n\n\u{202B}1. يشير إلى قراره 2506، ويهيب بزعيمي الطائفتين إلى القيام على وجه الاستعجال بما يلي:\u{202C}\n\n"
            + "\u{202B}(أ )\u{202C}\n\n\u{202B}التعجيل بتوجيه جهودهما نحو مزيد من العمل على تقريب وجهات النظر بشأن القضايا\u{202C}\n"
            + "\u{202B}الجوهرية؛\u{202C}\n\n\u{202B}(ب) إعادة تأكيد دعمهما السياسي لجميع اللجان التقنية؛\u{202C}\n"
        let doc = ResolutionParser.parse(text: text, source: SourceInfo(path: "t.txt", sha256: "", encoding: "utf-8"))
        #expect(doc.operative.first?.subparagraphs.map(\.label) == ["أ", "ب"])
        #expect(doc.operative.first?.text.hasSuffix("بما يلي:") == true, "\(doc.operative.first?.text ?? "")")
    }

    @Test func aLabelPrintedAtTheLinesRightEndOpensIt() {
        #expect(Self.restored("قيادة ودعم عمل لجنة تنسيق إعادة الانتشار         (أ)") == "(أ) قيادة ودعم عمل لجنة تنسيق إعادة الانتشار")
        #expect(Self.restored("رصد امتثال الطرفين   (هـ)") == "(هـ) رصد امتثال الطرفين")
        // Brackets that close a sentence's last words, one space before them, stay.
        #expect(Self.restored("بموجب القرار 2428 (أ)") == "بموجب القرار 2428 (أ)")
    }
}

/// Hamzas that a producer printed apart at a page's foot (`أ          أ`) are no text.
@Suite struct TornHamzaTests {
    @Test func aLineOfHamzasStandingAloneIsNoLine() {
        let lines = LineSplitter.split("وإذ يؤكد ضرورة أن تتوافر لقوة الأمم المتحدة،\n                    أ                   أ\nالقوات، حسب الاقتضاء،")
        #expect(lines.map { $0.text.string } == ["وإذ يؤكد ضرورة أن تتوافر لقوة الأمم المتحدة،", "القوات، حسب الاقتضاء،"])
        #expect(ArabicMarks.isTornHamzaLine(Array("   أ".unicodeScalars)))
        // With its vowel mark (`أُ`, Chromium's print of a held-out Arabic PDF), read as a
        // one-letter preambular paragraph before.
        #expect(ArabicMarks.isTornHamzaLine(Array("أُ".unicodeScalars)))
        #expect(ArabicMarks.isTornHamzaLine(Array("أُ      أَ".unicodeScalars)))
        #expect(!ArabicMarks.isTornHamzaLine(Array("ُأ".unicodeScalars)))
        #expect(!ArabicMarks.isTornHamzaLine(Array("أُمم".unicodeScalars)))
        // A word that starts with a hamza, or a label, is text.
        #expect(!ArabicMarks.isTornHamzaLine(Array("أ أن".unicodeScalars)))
        #expect(!ArabicMarks.isTornHamzaLine(Array("(أ)".unicodeScalars)))
    }
}

/// `pdftotext -layout` prints the runs of a right-to-left line from left to right, each in its
/// own embedding; read, they go from right to left.
@Suite struct RunOrderTests {
    static func split(_ runs: [String], gap: String = "   ") -> String {
        let text = runs.map { "\u{202B}" + $0 + "\u{202C}" }.joined(separator: gap) + "\n"
        return LineSplitter.split(text).first?.text.string ?? ""
    }

    @Test func aLineCutIntoTwoRunsIsReadFromTheRightRun() {
        // The right run opens the paragraph (its number in a left-to-right embedding).
        #expect(Self.split(["انتشارها إلى جانب الجيش", "\u{202A} .2\u{202C}يشيد بالدور الإيجابي"], gap: " ")
                == "2. يشيد بالدور الإيجابي انتشارها إلى جانب الجيش")
        #expect(Self.split(["تهديدا للسلام", "وإذ يقرر أن انتشار الأسلحة"]) == "وإذ يقرر أن انتشار الأسلحة   تهديدا للسلام")
    }

    @Test func aRunWithoutArabicKeepsItsPlace() {
        // The paragraph's number printed at the right end is read by the edge rules, and a
        // job number beside a right-to-left line keeps the line's order.
        #expect(Self.split(["يهيب بجميع الأطراف", "\u{202A}.1\u{202C}"]) == "1. يهيب بجميع الأطراف")
        #expect(Self.split(["\u{202A}20-00407\u{202C}", "الرجاء إعادة الاستعمال"]) == "20-00407   الرجاء إعادة الاستعمال")
    }

    @Test func oneRunAndLeftToRightLinesAreLeftAlone() {
        #expect(Self.split(["وإذ يشير إلى قراراته"]) == "وإذ يشير إلى قراراته")
        #expect(LineSplitter.split("\u{202A}Security\u{202C}   \u{202A}Council\u{202C}\n").first?.text.string == "Security   Council")
    }
}

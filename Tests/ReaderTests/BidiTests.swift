// Right-to-left lines through FriBidi (Terminal/Bidi.swift): visual order, mirrored brackets,
// mixed Latin/number runs inside Arabic, no bidi controls out, and the logical map.
import Foundation
import Terminal
import Testing

@Suite struct BidiTests {
    func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    @Test func arabicWordsAreReversed() {
        // مجلس الأمن ("Security Council") painted left to right is its letters backwards.
        let logical = "مجلس الأمن"
        let visual = Bidi.visual(logical, direction: .rightToLeft)
        #expect(visual == String(String.UnicodeScalarView(logical.unicodeScalars.reversed())))
    }

    @Test func numbersAndBracketsInsideArabic() {
        // القرار 2517 (2020): the number runs keep their digit order, the year sits to the
        // left of the number, and the brackets are mirrored so they still enclose it.
        let visual = Bidi.visual("القرار 2517 (2020)", direction: .rightToLeft)
        #expect(visual == "(2020) 2517 رارقلا")
    }

    @Test func symbolRunInsideArabicStaysReadable() {
        // A document symbol inside Arabic text: `S/RES/2562 (2021)` is drawn left to right as
        // a whole (the year follows the Latin symbol, rule W7) and the Arabic around it is reversed.
        let logical = "يشير إلى القرار S/RES/2562 (2021) المؤرخ"
        let visual = Bidi.visual(logical, direction: .rightToLeft)
        #expect(visual.contains("S/RES/2562"))
        #expect(visual.hasPrefix("خرؤملا"))  // the last Arabic word is leftmost
        #expect(visual.hasSuffix("ريشي"))     // the first is rightmost
        #expect(visual == "خرؤملا S/RES/2562 (2021) رارقلا ىلإ ريشي")
        #expect(visual.unicodeScalars.count == logical.unicodeScalars.count)
    }

    @Test func bidiControlsNeverReachTheTerminal() {
        let controls: [Unicode.Scalar] = ["\u{200E}", "\u{200F}", "\u{061C}", "\u{202A}", "\u{202B}", "\u{202C}",
                                          "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}"]
        let logical = "\u{202B}القرار\u{202C} \u{2066}S/RES/2562\u{2069}\u{200F} (2021)\u{200E}"
        for dir in [BidiDirection.rightToLeft, .leftToRight, .auto] {
            let line = BidiParagraph(scalars(logical), direction: dir).visualLine(0..<logical.unicodeScalars.count)
            #expect(!line.scalars.contains(where: controls.contains), "\(dir)")
            #expect(line.scalars.count == logical.unicodeScalars.count - 6)
        }
        // They still steer the algorithm (an override reverses what it covers), unseen.
        #expect(Bidi.visual("a\u{202E}bc\u{2066}d", direction: .leftToRight) == "adcb")
        // In a paragraph with no right-to-left letter (the fast path) too.
        #expect(Bidi.visual("a\u{200E}bc\u{2066}d\u{2069}", direction: .leftToRight) == "abcd")
    }

    @Test func leftToRightTextIsUntouched() {
        let s = "Decides to remain seized of the matter (S/RES/2562 (2021))."
        #expect(Bidi.visual(s, direction: .leftToRight) == s)
        #expect(Bidi.visual(s, direction: .auto) == s)
        #expect(!BidiParagraph(scalars(s), direction: .auto).needsReordering)
        // An Arabic quotation inside English reverses only itself.
        #expect(Bidi.visual("the word مجلس here", direction: .auto) == "the word سلجم here")
    }

    @Test func autoDirectionFollowsTheFirstStrongLetter() {
        #expect(BidiParagraph(scalars("2020 مجلس"), direction: .auto).isRightToLeft)
        #expect(!BidiParagraph(scalars("Council مجلس"), direction: .auto).isRightToLeft)
    }

    @Test func wrappedLinesOfARealArabicParagraphMapBackToTheirLogicalRanges() throws {
        let text = try String(contentsOf: Fixtures.arabicResolution, encoding: .utf8)
        let paragraph = try #require(text.split(separator: "\n").first { $0.hasPrefix("1.") }.map(String.init))
        let s = scalars(paragraph)
        let para = BidiParagraph(s, direction: .rightToLeft)
        #expect(para.isRightToLeft && para.needsReordering)
        var start = 0
        var lines = 0
        while start < s.count {  // 30-scalar lines, as a narrow pane would cut them
            let r = start..<min(s.count, start + 30)
            let line = para.visualLine(r)
            #expect(line.logical.sorted() == Array(r), "a visual line is a permutation of its logical range")
            for (v, l) in zip(line.scalars, line.logical) where !"()[]".unicodeScalars.contains(s[l]) {
                #expect(v == s[l])
            }
            start = r.upperBound; lines += 1
        }
        #expect(lines > 3)
    }

    @Test func combiningMarksStayAfterTheirBase() throws {
        // يشدِّد (dal, kasra, shadda, dal): the marks must follow the dal they sit on, in
        // their order, or the terminal puts them on the wrong letter.
        let word = "يشدِّد"
        let v = Array(Bidi.visual(word, direction: .rightToLeft).unicodeScalars)
        let i = try #require(v.firstIndex(of: "\u{0650}"))
        #expect(i > 0 && v[i - 1] == "د")
        #expect(v[i + 1] == "\u{0651}")
        #expect(v.first == "د" && v.last == "ي")
    }
}

extension Fixtures {
    /// A real Arabic Security Council resolution from the corpus (S/RES/2517 (2020)).
    static let arabicResolution = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/rtl/S_RES_2517_2020-ar.txt").standardizedFileURL
}

@Suite struct InterfaceBidiTests {
    @Test func interfaceStringsReverseArabicRunsButNeverObeyControls() {
        // A title with Arabic: the run is reversed in place, the rest stays left to right.
        #expect(Bidi.visualIfNeeded("S/RES/2517 (2020) · مجلس الأمن") == "S/RES/2517 (2020) · نمألا سلجم")
        // Padding stays where it was put.
        #expect(Bidi.visualIfNeeded("  1. يقرر   ") == "  1. ررقي   ")
        // A spoofing override next to Arabic is shown, not obeyed.
        let spoof = Bidi.visualIfNeeded("ملف a\u{202E}exe.txt")
        #expect(spoof.contains("a\u{FFFD}exe.txt"))
        #expect(!spoof.unicodeScalars.contains(where: Bidi.isControl))
        // Without Arabic nothing is touched (the grid then shows controls as placeholders).
        #expect(Bidi.visualIfNeeded("a\u{202E}exe.txt") == "a\u{202E}exe.txt")
    }
}

import Testing
@testable import ResolutionKit

/// The line splitter drops the indentation of right-to-left text (extraction pads its lines
/// by accident) when Arabic letters are more than half of all letters. ASCII letters are
/// counted only once an Arabic letter has been seen, those before it then: a letter before
/// the first Arabic one must weigh as much as one after it, on both sides of the threshold.
@Suite struct RightToLeftIndentTests {
    @Test(arguments: [(200, 0), (0, 200), (100, 100), (150, 50)])
    func asciiLettersBeforeAndAfterTheFirstArabicLetterWeighAlike(_ latin: (before: Int, after: Int)) {
        let ascii = latin.before + latin.before / 2 + 2 * latin.after
        for arabic in [ascii - 1, ascii, ascii + 1] {
            // Each part on lines of its own and within lines, so that both the ASCII fast path
            // and the line buffer hold letters when the first Arabic letter comes.
            let text = "   " + String(repeating: "a", count: latin.before) + "\n"
                + "   " + String(repeating: "b", count: latin.before / 2) + " " + String(repeating: "ب", count: arabic)
                + " " + String(repeating: "c", count: latin.after) + "\n"
                + "   " + String(repeating: "z", count: latin.after) + "\n"
            let lines = LineSplitter.split(text)
            let rightToLeft = arabic * 2 > ascii + arabic
            #expect(lines.allSatisfy { $0.indent == 0 } == rightToLeft,
                    "\(latin) Latin, \(arabic) Arabic: indentation \(rightToLeft ? "dropped" : "kept")")
            #expect(lines.contains { $0.indent > 0 } == !rightToLeft)
        }
    }

    /// Where the lines start is kept (`SourceLine.startReach`, their right end) only where
    /// `-layout` printed them in place, padding the short ones by many columns; the one
    /// space that a bidi control leaves before a line of pdftotext's default text is no
    /// such padding.
    @Test func whereRightToLeftLinesStartIsKeptOnlyWherePrintedInPlace() {
        let full = String(repeating: "بببب ", count: 16).dropLast()
        let short = String(repeating: "بببب ", count: 6).dropLast()
        let layout = (0..<12).map { $0 % 3 == 2 ? String(repeating: " ", count: 50) + short : String(full) }
        let lines = LineSplitter.split(layout.joined(separator: "\n") + "\n")
        #expect(lines.allSatisfy { $0.indent == 0 })
        #expect(lines.allSatisfy { $0.startReach == 79 }, "\(lines.map(\.startReach))")
        let defaultText = (0..<12).map { $0 % 3 == 2 ? "\u{202B} " + short : String(full) }
        let plain = LineSplitter.split(defaultText.joined(separator: "\n") + "\n")
        #expect(plain.map(\.startReach) == plain.map(\.width), "\(plain.map(\.startReach))")
        #expect(plain.contains { $0.startReach < 79 })
    }
}

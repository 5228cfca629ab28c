// Arabic screens: paragraphs wrapped in logical order, each line put in visual order by
// FriBidi and right-aligned in the text pane; compared with reviewed snapshots as the CJK
// screens are.
import Foundation
@testable import Reader
import ResolutionKit
import Terminal
import Testing

@Suite struct RTLSnapshotTests {
    static let sizes = [(80, 24), (120, 40), (60, 20)]

    func arabicState(width: Int, height: Int, notes: DocumentNotes = DocumentNotes()) throws -> ReaderState {
        let doc = try ResolutionDocument.load(path: Fixtures.arabicResolution.path)
        return ReaderState(documents: [DocumentModel(path: "/lib/ar.txt", document: doc)], notes: [notes],
                           width: width, height: height, color: false, defaultTags: ["support"])
    }

    @Test(arguments: sizes)
    func arabicOperativePart(width: Int, height: Int) throws {
        var s = try arabicState(width: width, height: height)
        s.press(.char("o"))
        let grid = render(s)
        let text = grid.text
        #expect(snapshotMatches(text, "ar-operative-\(width)x\(height)"))
        // No bidi control reaches the terminal.
        #expect(!text.unicodeScalars.contains(where: Bidi.isControl))
        // Every row of text in the pane ends at the pane's right edge.
        let rows = (0..<grid.height).map(grid.line)
        let pane = s.geometry.text
        var textRows: [Int] = []
        for r in pane.y..<(pane.y + pane.height) {
            let content = (pane.x + Geometry.margin..<width).map { grid[r, $0].text }.joined()
            if !content.trimmingCharacters(in: .whitespaces).isEmpty { textRows.append(r) }
        }
        #expect(textRows.count >= 5)
        for r in textRows {
            let trimmed = rows[r].replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
            #expect(DisplayWidth.of(trimmed) == width, "row \(r) is not right-aligned: \(rows[r])")
        }
        // op1 is read from the right: its number, then its first word (يقرر, letters painted
        // right to left); the date keeps the day on the right of the month and year.
        let op1 = try #require(rows.first { $0.contains("▌op1") })
        #expect(op1.hasSuffix("ررقي .1"))
        #expect(text.contains("ويام/رايأ 31"))
    }

    @Test func aQuoteInArabicIsHighlightedOnItsWords() throws {
        // الحد الأقصى الحالي ("the current maximum") in op1, painted right to left.
        let notes = DocumentNotes(byParagraph: ["op1": ParagraphNote(tags: ["support"], quotes: [QuotedWords(exact: "الحد الأقصى الحالي")])])
        var s = try arabicState(width: 120, height: 40, notes: notes)
        s.theme = .color
        s.press(.char("o"))
        let grid = render(s)
        let painted = "يلاحلا ىصقألا دحلا"
        let r = try #require((0..<grid.height).first { grid.line($0).contains(painted) })
        let line = grid.line(r)
        let start = DisplayWidth.of(String(line[..<line.range(of: painted)!.lowerBound]))
        let styles = (start..<start + DisplayWidth.of(painted)).map { grid[r, $0].style }
        #expect(styles.allSatisfy { $0 == s.theme.quote })
        #expect(grid[r, start - 2].style != s.theme.quote && grid[r, start + DisplayWidth.of(painted) + 1].style != s.theme.quote)
    }
}

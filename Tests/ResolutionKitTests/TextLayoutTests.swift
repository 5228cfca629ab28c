import Foundation
import Testing
@testable import ResolutionKit

/// The layout phase on small texts built to show one rule each.
@Suite struct TextLayoutTests {
    /// The layout passes read each text line's last meaningful scalar from `TextLines`,
    /// found once a line: for every line of the typeset set's hard-wrapped texts in six
    /// languages (and a text of separators, blank lines and marked ends), it must answer
    /// what the line's own text answers, line for line, with separators left out.
    @Test func textLinesAnswerLineEndsAsEachLineDoes() throws {
        let dir = Fixtures.root.appendingPathComponent("Tests/Fixtures/typeset").path
        var texts = ["a;\n\n" + String(repeating: "_", count: 12) + "\n  b,¹ \n\n\nc.*\n   \n" + String(repeating: " ", count: 12) + "\nd"]
        for language in ["ar", "en", "es", "fr", "ru", "zh"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: dir + "/" + language) where name.hasSuffix(".wrapped.txt") {
                texts.append(try String(contentsOfFile: dir + "/" + language + "/" + name, encoding: .utf8))
            }
        }
        #expect(texts.count > 40)
        var compared = 0
        for text in texts {
            let lines = LineSplitter.split(text)
            let textLines = TextLines(lines)
            #expect(textLines.map(\.index) == lines.filter { !$0.isSeparator }.map(\.index))
            for k in textLines.indices {
                let own = textLines[k].scalars
                #expect(textLines.endsWithTerminator(k) == endsWithTerminator(own))
                #expect(textLines.endsWithStrongTerminator(k) == BlockBuilder.endsWithStrongTerminator(own))
                compared += 1
            }
        }
        #expect(compared > 4_000)
    }

    /// Hard-wraps `paragraphs` at `measure` columns, a blank line between paragraphs.
    static func wrapped(_ paragraphs: [String], measure: Int) -> String {
        var out: [String] = []
        for p in paragraphs {
            if !out.isEmpty { out.append("") }
            var line = ""
            for word in p.split(separator: " ") {
                if !line.isEmpty && line.count + 1 + word.count > measure { out.append(line); line = "" }
                line += (line.isEmpty ? "" : " ") + word
            }
            out.append(line)
        }
        return out.joined(separator: "\n") + "\n"
    }

    static let filler = "the Council recalls the relevant provisions of the Charter and all of its previous resolutions on the matter"

    /// `…in this regard,` + blank line + `Determining that…`: the blank line between two
    /// blocks is a paragraph boundary even when the opener is in no language file and the
    /// line before filled the measure.
    @Test func blankLineBetweenBlocksSeparatesParagraphsWithUnknownOpeners() {
        let paragraphs = [
            "The Security Council,",
            "Recalling \(Self.filler) and stressing the need to act in this regard,",
            "Determining that \(Self.filler) in the region,",
            "Proceeding under the relevant provisions of \(Self.filler),",
            "1. Decides that \(Self.filler);",
            "2. Decides to remain seized of the matter.",
        ]
        let doc = Fixtures.parse(Self.wrapped(paragraphs, measure: 60))
        #expect(doc.preamble.count == 3)
        #expect(doc.preamble.map { $0.text.prefix(11) } == ["Recalling \(Self.filler.prefix(1))", "Determining", "Proceeding "])
        #expect(doc.operative.compactMap(\.number) == [1, 2])
    }

    @Test func layoutStatistics() {
        let blank = TextLayout.of(LineSplitter.split(Self.wrapped(Array(repeating: Self.filler + " " + Self.filler + ",", count: 6), measure: 50)))
        #expect(blank.hardWrapped && blank.blockGap == 1 && blank.margin == 0)
        // A blank after every line says nothing: two make a block boundary.
        let double = Self.wrapped([Self.filler + " " + Self.filler + " " + Self.filler], measure: 40)
            .split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n\n")
        let doubled = TextLayout.of(LineSplitter.split(double))
        #expect(doubled.blockGap == 2)
        // One paragraph per line is not hard-wrapped.
        #expect(!TextLayout.of(LineSplitter.split(Array(repeating: Self.filler + ".", count: 10).joined(separator: "\n\n"))).hardWrapped)
    }

    @Test func runningHeadersAtPageFeedsAreFurniture() {
        var text = "S/RES/2504 (2020)\n"
        for page in 1...3 {
            if page > 1 { text += "\u{0C}S/RES/2504 (2020)\n\n" }
            text += Self.wrapped((1...3).map { "Paragraph \(page)-\($0) says that " + Self.filler + ";" }, measure: 60)
            text += "\n20-00407 (E)                          \(page)/3\n"
        }
        let lines = LineSplitter.split(text)
        let layout = TextLayout.of(lines)
        #expect(layout.pages == 3)
        let running = lines.filter { layout.repeatedFurniture.contains($0.index) }.map { $0.text.string }
        #expect(running == ["S/RES/2504 (2020)", "S/RES/2504 (2020)"])   // not the masthead's
        #expect(lines.filter { Furniture.isFooterLine($0.text) }.count == 3)
    }

    @Test func footerLinesInAnyOrder() {
        #expect(Furniture.isFooterLine("20-00407 (E)        2/5".scalars))
        #expect(Furniture.isFooterLine("2/5    20-00407".scalars))
        #expect(Furniture.isFooterLine("20-00407 (E)    130120    *2000407*".scalars))
        #expect(!Furniture.isFooterLine("Decides 2/5 of the seats".scalars))
        #expect(!Furniture.isFooterLine("2/5".scalars))
    }

    @Test func rightToLeftExtractionIsPutBackInReadingOrder() {
        let lines = LineSplitter.split("\u{202B}الأمــم المتحـدة\u{202C}\n(هـ) بند\nالقرار )2023( 2674\nبقرارات 1)2011( 2014و\n .12يقرر\n)S/RES/2505 (2020\n( أ) قيادة")
        #expect(lines.map { $0.text.string } == ["الأمم المتحدة", "(هـ) بند", "القرار 2674 (2023)", "بقرارات 2014 (2011)1 و",
                                                  "12. يقرر", "S/RES/2505 (2020)", "(أ) قيادة"])
        #expect(lines.allSatisfy { $0.indent == 0 })   // right-to-left: left padding is not indentation
    }

    @Test func notesAtThePageFootAreLifted() {
        let body = Self.wrapped(["The Security Council,", "Recalling \(Self.filler) 1,", "1. Decides \(Self.filler) 2;", "2. Requests \(Self.filler);"], measure: 60)
        let text = body + "\n1\n2\n\nS/RES/2014 (2011).\nS/2018/1134.\n\n20-00446 (E)\n\u{0C}S/RES/2505 (2020)\n\n3. Decides to remain seized of the matter.\n"
        let doc = Fixtures.parse(text)
        #expect(doc.footnotes.count == 2)
        #expect(doc.operative.compactMap(\.number) == [1, 2, 3])
        // Number and text on one line, `-layout` style.
        let layoutStyle = body + "\n1     S/RES/2014 (2011).\n2     S/2018/1134.\n\n20-00446 (E)      1/2\n\u{0C}3. Decides to remain seized of the matter.\n"
        #expect(Fixtures.parse(layoutStyle).footnotes.count == 2)
    }

    @Test func numbersAndLabelsAloneOnALine() {
        let text = Self.wrapped(["The Security Council,", "Recalling \(Self.filler),", "1.", "Decides \(Self.filler):", "(a)", "to act \(Self.filler);", "(b)", "to report \(Self.filler);", "2.", "Decides to remain seized of the matter."], measure: 60)
        let doc = Fixtures.parse(text)
        #expect(doc.operative.compactMap(\.number) == [1, 2])
        #expect(doc.operative.first?.subparagraphs.map(\.label).count == 2)
    }

    /// Joining lines appends in place: a paragraph of many thousand lines costs each line
    /// once. Counted as the number of blocks and the length of the result, not timed.
    /// (15,000 lines: 800,000 scalars, under the block limit below.)
    @Test func oneVeryLongParagraphStaysOneBlock() {
        let lines = Array(repeating: "continues the long paragraph of the document text here", count: 15_000)
        let text = "The Security Council,\n\nRecalling " + lines.joined(separator: "\n") + ",\n\n1. Decides to remain seized.\n"
        let doc = Fixtures.parse(text)
        #expect(doc.preamble.count == 1)
        #expect(doc.preamble[0].text.count > 15_000 * 50)
    }

    /// Wrapped text with no paragraph break in millions of scalars is cut into blocks of at
    /// most `maxBlockScalars` (no resolution's paragraph comes near it), losing nothing: one
    /// block's regrowth then never holds several times a large input.
    @Test func aParagraphPastTheBlockLimitIsCutLosingNothing() {
        let line = "continues the long paragraph of the document text here"
        let count = 3 * BlockBuilder.maxBlockScalars / line.unicodeScalars.count
        let text = "The Security Council,\n\nRecalling " + Array(repeating: line, count: count).joined(separator: "\n") + ",\n"
        let doc = Fixtures.parse(text)
        let texts = doc.preamble.map(\.text) + doc.other.map(\.text)
        #expect(texts.count >= 3 && texts.count <= 5, "\(texts.count) blocks")
        #expect(texts.allSatisfy { $0.unicodeScalars.count <= BlockBuilder.maxBlockScalars + line.unicodeScalars.count + 1 })
        let words = texts.joined(separator: " ").split(separator: " ")
        #expect(words.count == 1 + count * line.split(separator: " ").count)
    }
}

import Foundation
import Testing
@testable import ResolutionKit

/// Blocks that cannot open a paragraph go on with the one before: in the operative part, an
/// unnumbered, unlabelled block after a paragraph or item that stopped mid-sentence (in every
/// format: a PDF line whose wide gaps made two lines of it ends a block inside an item), and
/// anywhere a block that opens with a bracket or a digit; and a label that goes on with the
/// list of the paragraph before, after a piece of text that could not be placed.
@Suite struct ContinuationBlockTests {
    /// Operative paragraphs cut after a comma where a clause opens with a verb
    /// (`…2018،` / `ويلاحظ أن البعثة…`, `…采取适当行动，` / `请秘书长与委员会协商…`), a blank line
    /// between, as pdftotext sets a paragraph's first line apart: the block that opens with
    /// the verb goes on with its paragraph (no paragraph ends with a comma, and an operative
    /// one opens with its number), where it was left over after it.
    @Test(arguments: [("ar", "S_RES_2534_2020_-2009481A", "، ويلاحظ أن البعثة سيرأسها", 3),
                      ("zh", "S_RES_2528_2020_-2008432C", "，请秘书长与委员会协商", 3)])
    func aVerbAfterACommaGoesOnWithItsOperativeParagraph(_ language: String, _ name: String, _ cut: String, _ number: Int) throws {
        let file = CorpusTests.corpus + "/\(language)/\(name).plain.txt"
        guard FileManager.default.fileExists(atPath: file) else { return }
        let plain = try String(contentsOfFile: file, encoding: .utf8)
        #expect(plain.contains(cut))
        let comma = String(cut.prefix(1))
        let text = plain.replacingOccurrences(of: cut, with: comma + "\n\n" + cut.dropFirst().drop { $0 == " " })
        let whole = try ResolutionParser.parse(bytes: Array(plain.utf8), path: "whole.txt")
        let doc = try ResolutionParser.parse(bytes: Array(text.utf8), path: "cut.txt")
        let paragraph = try #require(doc.operative.first { $0.number == number })
        #expect(paragraph.text == whole.operative.first { $0.number == number }?.text)
        #expect(doc.operative.map(\.number) == whole.operative.map(\.number))
        #expect(doc.other.isEmpty, "\(doc.other.prefix(2).map(\.text))")
    }

    static let file = CorpusTests.corpus + "/ru/S_RES_2540_2020_-2011296R.plain.txt"

    /// The corpus text, one paragraph per line, with one item cut in two where a PDF line
    /// was (`…согласованного` / `соответствующими…`): the item is whole again and every item
    /// after it stays in the list.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: file)))
    func anItemCutMidSentenceGoesOnAndTheListAfterItStays() throws {
        let plain = try String(contentsOfFile: Self.file, encoding: .utf8)
        let cut = "на проведение выборов, согласованного соответствующими"
        #expect(plain.contains(cut))
        let text = plain.replacingOccurrences(of: cut, with: "на проведение выборов, согласованного\nсоответствующими")
        let whole = try ResolutionParser.parse(bytes: Array(plain.utf8), path: "whole.txt")
        let doc = try ResolutionParser.parse(bytes: Array(text.utf8), path: "cut.txt")
        let five = try #require(doc.operative.first { $0.number == 5 })
        #expect(five.subparagraphs.map(\.label) == whole.operative.first { $0.number == 5 }?.subparagraphs.map(\.label))
        #expect(five.subparagraphs.count == 12)
        #expect(five.subparagraphs.dropFirst(2).first?.text.contains("согласованного соответствующими") == true)
        #expect(doc.other.isEmpty, "\(doc.other.prefix(2).map(\.text))")
    }

    /// Justified lines whose gaps pdftotext read as columns, the words one to a line in a
    /// new order (`21`, `(S/PRST/2012/6),`): no preambular paragraph opens with a bracket or
    /// a digit, so the pieces stay in the paragraph they came from.
    @Test func noPreambularParagraphOpensWithABracketOrADigit() throws {
        let doc = try Fixtures.pdftotextShape("justified-lines-read-as-columns.fr.txt")
        #expect(!doc.preamble.contains { $0.text.first == "(" || $0.text.first?.isNumber == true },
                "\(doc.preamble.map { String($0.text.prefix(20)) })")
        #expect(doc.preamble.first?.text.hasSuffix("8 octobre 2019 (S/PRST/2019/12),") == true)
        // The truth of this resolution: 6 preambular paragraphs.
        #expect(doc.preamble.count == 6)
    }

    /// A list's introduction whose last line came out after its colon, and a piece of an
    /// item printed apart before the next label: the piece after the colon goes on with the
    /// paragraph, the piece before the label with the item, and the list stays whole.
    @Test func piecesPrintedApartInsideAListDoNotEndIt() throws {
        let doc = try Fixtures.pdftotextShape("list-intro-end-printed-after-colon.ar.txt")
        let one = try #require(doc.operative.first)
        #expect(one.subparagraphs.map(\.label) == ["أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط"])
        #expect(doc.operative.map(\.number) == Array(1...15))
        #expect(doc.other.isEmpty, "\(doc.other.prefix(2).map(\.text))")
    }
}

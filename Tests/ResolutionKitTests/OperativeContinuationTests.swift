import Foundation
import Testing
@testable import ResolutionKit

/// A block of the operative part that neither has a number nor a label, after a paragraph or
/// item that stopped mid-sentence, is its continuation in every format: a PDF line whose
/// wide gaps made two lines of it ends a block in the middle of an item.
@Suite struct OperativeContinuationTests {
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
}

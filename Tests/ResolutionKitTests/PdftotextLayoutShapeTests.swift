import Foundation
import Testing
@testable import ResolutionKit

/// `pdftotext -layout` extractions in Tests/Fixtures/pdftotext-shapes, where indentation is
/// the evidence and the same indent means different things in different places.
@Suite struct PdftotextLayoutShapeTests {
    static func parse(_ name: String) throws -> ResolutionDocument {
        let path = Fixtures.root.appendingPathComponent("Tests/Fixtures/pdftotext-shapes/" + name).path
        return try ResolutionDocument.load(path: path)
    }

    /// `(a)` starts deep and its wrapped line comes back to the indent of `2.`: that line
    /// carries the item on, so every item is read and no text is left over in `other`.
    @Test func anItemsWrappedLineBackAtTheNumberIndentGoesOnWithTheItem() throws {
        let doc = try Self.parse("items-back-at-number-indent.zh.layout.txt")
        let op2 = try #require(doc.operative.first { $0.number == 2 })
        #expect(op2.subparagraphs.map(\.label) == ["a", "b", "c", "d"])
        #expect(op2.subparagraphs.first?.text.hasSuffix("排雷行动，") == true, "\(op2.subparagraphs.first?.text ?? "")")
        #expect(doc.other.isEmpty, "\(doc.other.map(\.text))")
    }

    /// A full one-line paragraph ending on a comma, then an opener set back from it: the
    /// setting back does not join them.
    @Test func anOpenerSetBackAfterAFinishedClauseStillOpensAParagraph() throws {
        let doc = try Self.parse("opener-set-back.en.layout.txt")
        #expect(doc.preamble.count == 8)
        #expect(doc.preamble.dropFirst().first?.text.hasPrefix("Reaffirming General Assembly") == true)
    }
}

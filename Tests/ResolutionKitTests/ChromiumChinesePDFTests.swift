import Foundation
import Testing
@testable import ResolutionKit

/// Chinese resolutions printed by Chromium (Tests/Fixtures/pdf/chromium, from the full
/// held-out set): what the PDF reader must not take from one typesetter's habits.
@Suite struct ChromiumChinesePDFTests {
    static let dir = Fixtures.root.appendingPathComponent("Tests/Fixtures/pdf/chromium").path

    static func load(_ name: String) throws -> (ResolutionDocument, [String: Any]) {
        let doc = try ResolutionDocument.load(path: dir + "/" + name + ".pdf")
        let data = try #require(FileManager.default.contents(atPath: dir + "/" + name + ".truth.json"))
        let truth = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (doc, truth)
    }

    /// The body's size is the one that sets most of the text by the room it takes. Poppler
    /// sizes this page's digits (a long list of resolution numbers) 18 and its Chinese 16;
    /// counted by characters the digits won, and the operative paragraphs at the first page's
    /// foot, set in the Chinese size, were read as its footnotes.
    @Test func digitsOfAnotherSizeDoNotMakeTheBodyTextFootnotes() throws {
        let (doc, truth) = try Self.load("S_RES_2560_2020_-2017870C")
        #expect(doc.operative.compactMap(\.number) == (truth["operative"] as? [Int]))
        #expect(doc.preamble.count == truth["preambular"] as? Int)
        #expect(doc.footnotes.count == truth["footnotes"] as? Int)
        #expect(doc.operative.first?.text.hasPrefix("继续鼓励所有会员国") == true)
    }

    /// A text of one-line paragraphs has most lines set in; where a set-in line fills the
    /// measure mid-clause and the next goes on at the margin, continuation lines go back to
    /// the margin, and a line at the first-line indent after a full one-line paragraph opens
    /// a paragraph, though its lead is set in bold at its end.
    @Test func aSetInLineAfterAFullOneLineParagraphOpensOne() throws {
        let (doc, truth) = try Self.load("S_RES_2526_2020_-2007543C")
        #expect(doc.preamble.count == truth["preambular"] as? Int)
        #expect(doc.preamble.last?.text == "根据《联合国宪章》第七章采取行动，")
        #expect(doc.operative.compactMap(\.number) == (truth["operative"] as? [Int]))
    }
}

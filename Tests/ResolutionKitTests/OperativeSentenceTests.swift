import Testing
@testable import ResolutionKit

/// An operative paragraph of two sentences whose second opens a printed line with a verb
/// after a stop (`…personnel.` / `Encourages partnerships…`): where the text shows no set-in,
/// the line phase starts a block there, and the block has no number. Operative paragraphs
/// open with their numbers, so the sentence goes on with its paragraph instead of being
/// left in `other`, text of no paragraph, as it was.
@Suite struct OperativeSentenceTests {
    /// Hard-wrapped with a blank line between paragraphs, the second sentence on a line of
    /// its own after a short line that ends with a stop.
    static let wrapped = """
        The Security Council,

        Recalling its previous resolutions on the protection of peacekeepers and on
        the safety and security of United Nations personnel,

        1. Requests the Secretary-General to continue to strengthen the
        partnership between the United Nations and regional organizations in the
        area of the safety and security of peacekeeping personnel.
        Encourages partnerships in support of the efforts of the African Union
        to develop policies, guidance and training to ensure the safety and
        security of its peacekeeping personnel;

        2. Decides to remain actively seized of the matter.

        """

    @Test func aSecondSentenceOpeningWithAVerbStaysInItsParagraph() throws {
        let doc = Fixtures.parse(Self.wrapped)
        #expect(doc.operative.map(\.number) == [1, 2])
        let first = try #require(doc.operative.first)
        #expect(first.text.contains("peacekeeping personnel. Encourages partnerships"), "\(first.text)")
        #expect(first.text.hasSuffix("security of its peacekeeping personnel;"))
        #expect(doc.other.isEmpty, "\(doc.other)")
    }

    /// A piece that opens no sentence (no verb, ending with a comma) is not taken for the
    /// paragraph's next sentence: it stays in `other`, where it was.
    @Test func aPieceThatOpensNoSentenceStaysApart() {
        let text = Self.wrapped.replacingOccurrences(
            of: "Encourages partnerships in support of the efforts of the African Union\nto develop policies, guidance and training to ensure the safety and\nsecurity of its peacekeeping personnel;",
            with: "United Nations Office in Geneva,")
        let doc = Fixtures.parse(text)
        #expect(doc.operative.map(\.number) == [1, 2])
        #expect(doc.operative.first?.text.hasSuffix("peacekeeping personnel.") == true)
        #expect(doc.other.map(\.text) == ["United Nations Office in Geneva,"])
    }

    /// pdftotext's text of a Chinese resolution whose paragraph 14 is two clauses, each ending
    /// with `；`: the first fills its line, and the second (`请秘书长…`) opened a block.
    @Test func aChineseSecondClauseAfterAFullLineStaysInItsParagraph() throws {
        let doc = try Fixtures.pdftotextShape("clause-ends-a-character-short.zh.txt")
        let p14 = try #require(doc.operative.first { $0.number == 14 })
        #expect(p14.text.contains("问题；请秘书长"), "\(p14.text)")
        #expect(p14.text.hasSuffix("参与行动各个方面；"))
        #expect(doc.other.isEmpty)
    }

    /// The same in Spanish: paragraph 4's second sentence (`Exhorta al Gobierno…`) after a
    /// full line that ends with a semicolon.
    @Test func aSpanishSecondSentenceStaysInItsParagraph() throws {
        let doc = try Fixtures.pdftotextShape("two-line-heading-after-the-preamble.es.txt")
        let p4 = try #require(doc.operative.first { $0.number == 4 })
        #expect(p4.text.contains("del petróleo; Exhorta al Gobierno de Consenso Nacional"), "\(p4.text.suffix(80))")
        #expect(doc.other.isEmpty)
        #expect(doc.operative.map(\.number) == Array(1...doc.operative.count))
    }
}

import Testing
@testable import ResolutionKit

/// A paragraph number that extraction lost (printed elsewhere, or run into the paragraph
/// before): the structure expected it, and every numbered paragraph after it was left in
/// `other`, the rest of the document text of no paragraph. A number one or two past the
/// one expected is taken where the next numbered block goes on from it.
@Suite struct OperativeNumberGapTests {
    static let text = """
        The Security Council,

        Recalling its previous resolutions on the situation in the region,

        1. Decides to extend the mandate of the Mission until 31 August 2021;

        2. Requests the Secretary-General to report on the implementation of this
        resolution every four months;

        Urges all parties to respect the cessation of hostilities and to cooperate
        fully with the Mission;

        4. Condemns all violations of the line, both by air and ground;

        5. Welcomes the constructive role played by the tripartite mechanism;

        6. Decides to remain actively seized of the matter.

        """

    @Test func theParagraphsAfterALostNumberKeepTheirNumbers() {
        let doc = Fixtures.parse(Self.text)
        #expect(doc.operative.compactMap(\.number) == [1, 2, 4, 5, 6])
        #expect(doc.operative.last?.text == "Decides to remain actively seized of the matter.")
        #expect(!doc.other.contains { $0.text.contains("Condemns") || $0.text.contains("Welcomes") })
    }

    /// A number past the one expected that nothing after goes on from (`4.`, then `9.`,
    /// `7.`) is no paragraph of the numbering: left where it was, in `other`.
    @Test func aNumberThatNothingGoesOnFromIsNotTaken() {
        let text = Self.text.replacingOccurrences(of: "5. Welcomes", with: "9. Welcomes")
            .replacingOccurrences(of: "6. Decides", with: "7. Decides")
        let doc = Fixtures.parse(text)
        #expect(doc.operative.compactMap(\.number) == [1, 2])
        #expect(doc.other.contains { $0.text.hasPrefix("4. Condemns") })
    }

    /// pdftotext's text of a Spanish resolution printed by Chromium, whose paragraph 10 has
    /// its number after its text and paragraph 11's number went to paragraph 10: 12 to 31
    /// were all left in `other`.
    @Test func aSpanishTextKeepsParagraphsTwelveToThirtyOne() throws {
        let doc = try Fixtures.pdftotextShape("number-printed-after-its-paragraph.es.txt")
        let numbers = doc.operative.compactMap(\.number)
        #expect(numbers.prefix(10) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
        #expect(Array(12...31).allSatisfy(numbers.contains), "\(numbers)")
        let left = doc.other.reduce(0) { $0 + $1.text.count }
        #expect(left < 1_000, "\(left) characters in other")
    }
}

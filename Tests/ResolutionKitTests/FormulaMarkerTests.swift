import Testing
@testable import ResolutionKit

/// A footnote marker on the organ's formula (`The Security Council,` then `1` alone on the next
/// line, as pdftotext gives a raised digit) must not hide the formula: the preamble and the
/// operative part are found, the formula reads as itself, and the footnote is cited from the
/// preface. (Typeset Arabic resolutions did this: `إن مجلس الأمن،¹`, and everything fell into
/// `other`.)
@Suite struct FormulaMarkerTests {
    @Test func aMarkedFormulaStillOpensThePreamble() throws {
        let doc = ResolutionParser.parse(text: Self.text, source: SourceInfo(path: "t.txt", sha256: "", encoding: "utf-8"))
        #expect(doc.preamble.count == 3)
        #expect(doc.operative.map(\.number) == [1, 2, 3])
        #expect(doc.preface.last == "The Security Council,")
        let note = try #require(doc.footnotes.first)
        #expect(note.citedBy == ["preface"])
        #expect(doc.other.isEmpty, "\(doc.other.map(\.text))")
    }

    static let text = """
S/RES/9999 (2020)
United Nations
Security Council
Distr.: General
10 January 2020

Resolution 9999 (2020)
Adopted by the Security Council at its 9000th meeting, on 10 January 2020
The Security Council,
1

Recalling its previous resolutions on the situation in the region and the
statements of its President on the matter of the humanitarian crisis and the
protection of civilians in armed conflict,
Reaffirming its strong commitment to the sovereignty, independence, unity and
territorial integrity of the country and to the purposes and principles of the
Charter,
Expressing grave concern at the deteriorating humanitarian situation and the
number of people in need of assistance in all parts of the country,
1. Decides to renew the decisions set out in its earlier resolutions for a
further period of six months, until 10 July 2020;
2. Requests the Secretary-General to report to the Council on the implementation
of this resolution every sixty days;
3. Decides to remain actively seized of the matter.

1

See S/2019/100 and S/2019/200.

"""
}

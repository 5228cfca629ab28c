// The in-place line tests of the page-foot and column passes against the tests they stand
// for: each reads a packed line (its length, first or last scalar, stored values) to turn
// most lines down without unpacking them, and must answer as the unpacked test does.
import Testing
@testable import ResolutionKit

@Suite struct InPlaceLineTests {
    /// Digits, superscripts, the scalars a glued marker may follow (letters of three
    /// scripts, `,;:.)”’"`), those it may not (CJK, `(`, `/`, `-`), spaces, and the ends of
    /// numbers and labels alone (`.` `．` `)` `）` `‘` `’`, a bullet, `㈠`).
    static let alphabet: [Unicode.Scalar] = Array("0123456789 aZ,;:.)\"(/-*".unicodeScalars)
        + ["\u{00B9}", "\u{00B2}", "\u{00B3}", "\u{2070}", "\u{2074}", "\u{2079}", "\u{00B5}", "\u{00E9}", "\u{0436}",
           "\u{4E2D}", "\u{3001}", "\u{201D}", "\u{2019}", "\u{2018}", "\u{FF0E}", "\u{FF09}", "\u{2022}", "\u{3220}",
           "\u{3000}", "\u{0661}"]

    /// Texts of every length up to 14, digits and stops often, with fixed seeds.
    static func texts() -> [Scalars] {
        var rng = PropertyTests.SplitMix(state: 11)  // fixed seed: a failure can be run again
        var out: [Scalars] = []
        for n in 0...14 {
            for _ in 0..<400 {
                out.append((0..<n).map { _ in
                    Int.random(in: 0..<3, using: &rng) == 0 ? alphabet[Int.random(in: 0..<10, using: &rng)]
                        : alphabet.randomElement(using: &rng)!
                })
            }
        }
        // Shapes the passes look for, and near misses.
        for s in ["1", "12", "499", "500", "0", "3 见", "3  4", "3 x", "12.", "3．", "1)", "(a)", "iv)", "’10‘", "•", "㈠",
                  "2017)1;", "word2", "a1b", "2.5", "S/RES/2165", "1、", "”3", "’12 ", "A/60", "(2015)", "¹²", "x¹"] {
            out.append(Array(s.unicodeScalars))
        }
        return out
    }

    static func line(_ text: Scalars) -> SourceLine { SourceLine(text: text, indent: 0, index: 0, blankBefore: 0) }

    @Test func opensWithNoteNumberIsBareOrLeadingNumber() {
        for text in Self.texts() {
            #expect(FootnoteExtractor.opensWithNoteNumber(Self.line(text).scalars) == (FootnoteExtractor.bareOrLeadingNumber(text) != nil),
                    "\(text)")
        }
    }

    @Test func numberAndLabelAloneAreTheUnpackedTests() {
        for text in Self.texts() {
            let line = Self.line(text)
            #expect(line.numberAlone == NumberColumn.number(text), "\(text)")
            #expect(line.isLabelAlone == BlockBuilder.isLabelOnly(text), "\(text)")
            #expect(line.lastScalar == text.last, "\(text)")
        }
    }

    /// `renumberMarkers` as it read every line with a digit, unpacked, before it asked
    /// `mayHoldMarker` first.
    static func renumberedAsBefore(_ t: Scalars, upTo count: Int, by shift: Int) -> Scalars {
        let numbers = Set(1...count)
        if let n = BlockBuilder.bareNumber(t) { return numbers.contains(n) ? Array(String(n + shift).unicodeScalars) : t }
        var out = Scalars()
        var i = 0
        while i < t.count {
            if Chars.superscriptValue(t[i]) != nil {
                var j = i, value = 0
                while j < t.count, let v = Chars.superscriptValue(t[j]) { value = value * 10 + v; j += 1 }
                if numbers.contains(value) { out += BlockBuilder.superscript(value + shift) } else { out += t[i..<j] }
                i = j
                continue
            }
            if Chars.isDigit(t[i]), let (n, end) = InlinePass.gluedMarker(t, at: i, after: out.last, footnotes: numbers) {
                out += String(n + shift).unicodeScalars
                i = end
                continue
            }
            if Chars.isDigit(t[i]) {
                var j = i
                while j < t.count && Chars.isDigit(t[j]) { j += 1 }
                out += t[i..<j]
                i = j
                continue
            }
            out.append(t[i])
            i += 1
        }
        return out
    }

    @Test(arguments: [1, 3, 12])
    func renumberMarkersChangesWhatItChangedBefore(_ count: Int) {
        let texts = Self.texts()
        var lines = texts.map(Self.line)
        FootnoteExtractor.renumberMarkers(&lines, in: lines.indices, upTo: count, by: 7)
        for (text, line) in zip(texts, lines) {
            #expect(line.text == Self.renumberedAsBefore(text, upTo: count, by: 7), "\(text)")
        }
    }
}

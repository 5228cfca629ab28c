import Foundation
import Testing
@testable import ResolutionKit

/// SPEC §4: every character of the input other than whitespace, markup and marker digits
/// lands somewhere in the document. Checked per scalar, as counts: every letter (any script)
/// and every superscript digit of the input must be found at least as often in the output
/// (texts, labels, headings, footnotes, closing lines, furniture, other, meta), a superscript
/// that became a footnote marker or a note's number being counted through its digits.
@Suite struct NothingLostTests {
    /// Link targets that are markup (`](#)`, `](a_(b))`): their letters may go. Written
    /// independently of the parser's own rule, and no wider than it.
    static let linkTarget = try! NSRegularExpression(pattern: #"\]\((?:[^\s\[\]()\\]|\([^\s\[\]()\\]*\))*\)"#)

    /// A note's number at the start of its line (`¹ A note.`): marker digits, even when
    /// the note repeats a number and goes to `other`.
    static let noteNumber = try! NSRegularExpression(pattern: #"(?m)^[ \t]*[¹²³⁰-⁹]+"#)

    /// Tatweel (U+0640) is not counted: the parser removes it where it stretches a word for
    /// justification (`قراراتـــــه`), which is layout like the spaces of a justified line,
    /// and keeps it where it spells something (`هـ`); `TextLayoutTests` check that split.
    static func counted(_ s: String) -> [Unicode.Scalar: Int] {
        var counts: [Unicode.Scalar: Int] = [:]
        for c in s.unicodeScalars where (c.properties.isAlphabetic && c != "\u{0640}") || Chars.superscriptValue(c) != nil {
            counts[c, default: 0] += 1
        }
        return counts
    }

    static func outputText(_ doc: ResolutionDocument) -> (text: String, markerDigits: Int) {
        var parts: [String] = doc.preface + doc.headings.map(\.text) + doc.footnotes.map(\.text)
            + doc.closing.lines + doc.furniture + doc.other.map(\.text)
        parts += [doc.meta.title, doc.meta.symbol, doc.meta.date, doc.meta.session, doc.meta.agendaItem, doc.meta.body].compactMap { $0 }
        // A note's own number (`¹ A note.`) is marker digits too.
        var markerDigits = doc.footnotes.reduce(0) { $0 + String($1.number).count }
        func sub(_ s: Subparagraph) {
            parts.append(s.label); parts.append(s.text)
            markerDigits += s.footnoteRefs.reduce(0) { $0 + String($1.number).count }
            s.subparagraphs.forEach(sub)
        }
        for p in doc.preamble + doc.operative {
            parts.append(p.text)
            markerDigits += p.footnoteRefs.reduce(0) { $0 + String($1.number).count }
            p.subparagraphs.forEach(sub)
        }
        return (parts.joined(separator: "\n"), markerDigits)
    }

    /// The scalars of `input` missing from the parse of it (empty: nothing lost).
    static func lost(in input: String) -> String {
        let doc = Fixtures.parse(input)
        let ns = input as NSString
        var stripped = linkTarget.stringByReplacingMatches(in: input, range: NSRange(location: 0, length: ns.length), withTemplate: "]")
        stripped = noteNumber.stringByReplacingMatches(in: stripped, range: NSRange(location: 0, length: (stripped as NSString).length), withTemplate: "")
        let (text, markerDigits) = outputText(doc)
        let have = counted(text)
        var missing = ""
        var superscriptsMissing = 0
        for (c, n) in counted(stripped) {
            let short = n - (have[c] ?? 0)
            guard short > 0 else { continue }
            if Chars.superscriptValue(c) != nil { superscriptsMissing += short; continue }
            missing += String(repeating: String(c), count: min(short, 3))
        }
        if superscriptsMissing > markerDigits { missing += "(\(superscriptsMissing - markerDigits) superscript digits)" }
        return missing
    }

    @Test func unitsAndExponentsThatMarkNoFootnoteStayInTheText() {
        let doc = Fixtures.parse("The Security Council,\n\n1. Notes an area of 346 km² where E=mc³ holds;¹\n\n¹ A note.\n")
        #expect(doc.operative.first?.text.contains("346 km²") == true, "\(doc.operative.first?.text ?? "")")
        #expect(doc.operative.first?.text.contains("E=mc³") == true)
        #expect(doc.operative.first?.footnoteRefs.map(\.number) == [1])
    }

    @Test func theTextOfALinkWithAnOddTargetIsKept() {
        let doc = Fixtures.parse("The Security Council,\n\n1. Recalls [its resolution](a b) and [the report](x[y]) and [70/125](#);\n")
        let text = doc.operative.first?.text ?? ""
        #expect(text.contains("its resolution") && text.contains("a b") && text.contains("the report") && text.contains("x[y]"), "\(text)")
        #expect(text.contains("70/125") && !text.contains("(#)"), "\(text)")
    }

    @Test func inlineBracketMarkersBecomeMarkersAndTheFootnoteIsCited() {
        let doc = Fixtures.parse("The Security Council,\n\n1. Recalls its resolution[^1] and the report;\n\n[^1]: Resolution 70/125.\n")
        let p = doc.operative.first
        #expect(p?.text.contains("[^1]") == false, "\(p?.text ?? "")")
        #expect(p?.footnoteRefs.map(\.number) == [1])
        #expect(doc.footnotes.first?.citedBy == ["op1"])
    }

    /// Resolutions built from random pieces, markup and hostile scalars included.
    static func generated(_ rng: inout PropertyTests.SplitMix) -> String {
        let pieces = ["Recalling", "Decides", "the", "Council", "安全理事会", "决定", "Совет", "المجلس", "km²", "mc³", "x⁴⁵",
                      "**bold**", "**", "*", "[", "]", "(", ")", "[link](#)", "[odd](a b)", "[odd](x[y])", "[t](a_(b))",
                      "[^1]", "[^9]", "¹", "²", "¹²", "\\(", "\\", "#", "## Heading", "(a)", "(ii)", "1.", "2.", "12",
                      "-", "–", ",", ";", ".", "：", "。", "\u{202E}", "\u{1B}[31m", "\u{0}", "\t", " ", "  ", "\n", "\n\n", "\u{000C}"]
        var s = "The Security Council,\n\n"
        for _ in 0..<Int.random(in: 20...200, using: &rng) {
            s += pieces[Int.random(in: 0..<pieces.count, using: &rng)]
            if Bool.random(using: &rng) { s += " " }
        }
        if Bool.random(using: &rng) { s += "\n\n[^1]: A note on the text.\n" }
        if Bool.random(using: &rng) { s += "\n¹ Another note.\n" }
        return s
    }

    @Test func generatedAndHostileInputsLoseNothing() {
        var rng = PropertyTests.SplitMix(state: 2026)
        for round in 0..<400 {
            let input = Self.generated(&rng)
            let missing = Self.lost(in: input)
            #expect(missing.isEmpty, "round \(round): lost \(missing) from \(input.debugDescription)")
            if !missing.isEmpty { break }
        }
    }

    /// Every fifth corpus document in every language and both text forms.
    @Test func corpusDocumentsLoseNothing() throws {
        let corpus = Fixtures.root.deletingLastPathComponent().appendingPathComponent("shared/corpus/sc-2020").path
        let languages = try FileManager.default.contentsOfDirectory(atPath: corpus).sorted()
        #expect(languages.count == 6, "corpus languages at \(corpus)")
        for lang in languages {
            let names = try FileManager.default.contentsOfDirectory(atPath: corpus + "/" + lang)
                .filter { $0.hasSuffix(".md.txt") || $0.hasSuffix(".plain.txt") }.sorted()
            #expect(!names.isEmpty)
            for name in names.enumerated().filter({ $0.offset % 5 == 0 }).map(\.element) {
                let text = try String(contentsOfFile: corpus + "/" + lang + "/" + name, encoding: .utf8)
                let missing = Self.lost(in: text)
                #expect(missing.isEmpty, "\(lang)/\(name): lost \(missing)")
            }
        }
    }
}

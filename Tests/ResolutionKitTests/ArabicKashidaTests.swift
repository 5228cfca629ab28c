import Foundation
import Testing
@testable import ResolutionKit

/// Kashidas that a PDF's text layer wrote as punctuation (`ArabicKashida`): which mark it is
/// is decided per document, from where the mark stands. Checked on the Arabic typeset
/// fixtures' pdftotext text as it is (no mark may be taken for a kashida there), and with
/// kashidas written in, the way such a producer writes them: after a letter that joins
/// forward, inside a word, once or doubled, as whichever mark the document's font gave.
@Suite struct ArabicKashidaTests {
    static let arabic = FormatCorpusTests.fixtures + "/ar"
    static let months = LanguageCatalog.profile("ar")?.spec.months ?? []

    static func texts() throws -> [(name: String, text: String)] {
        let pdfs = try FileManager.default.contentsOfDirectory(atPath: arabic).filter { $0.hasSuffix(".pdf") }.sorted()
        return try pdfs.map { ($0, try FormatCorpusTests.pdftotext(arabic + "/" + $0, layout: false)) }
    }

    /// `text` with kashidas written as `mark`: in about one word in five that has a place for
    /// one (a letter that joins forward, then a letter), doubled half the time.
    static func withKashidas(_ text: String, mark: Unicode.Scalar, seed: String) -> String {
        var rng = SplitMix64(seed: seed)
        var out = String.UnicodeScalarView()
        let s = Array(text.unicodeScalars)
        for i in s.indices {
            out.append(s[i])
            if i + 1 < s.count, ArabicKashida.joinsForward(s[i]), Chars.isArabicLetter(s[i + 1]), rng.chance(0.08) {
                out.append(contentsOf: repeatElement(mark, count: rng.chance(0.5) ? 2 : 1))
            }
        }
        return String(out)
    }

    static func paragraphs(_ text: String) -> [String] {
        let doc = Fixtures.parse(text)
        return doc.preamble.map(\.text) + doc.operative.map(\.text) + doc.operative.flatMap { $0.subparagraphs.map(\.text) }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: arabic)))
    func noMarkOfASoundTextIsTakenForAKashida() throws {
        let texts = try Self.texts()
        #expect(texts.count >= 8)
        for (name, text) in texts {
            var tally = ArabicKashida.Tally(phrases: Self.months)
            for line in text.split(separator: "\n") { tally.add(Array(line.unicodeScalars)) }
            #expect(tally.standIn == nil, "\(name): \(String(describing: tally.standIn))")
        }
    }

    /// Whatever mark the font gave its kashida, the text reads as it does without them: the
    /// same paragraphs, word for word. `/` has uses of its own between Arabic words: the
    /// months (`نيسان/أبريل`, in the language file) keep theirs, even where extraction split
    /// their words (`نيس ان/أبري ل`). A slash the language file does not know (`المنسق
    /// المقيم/منسق الشؤون الإنسانية`, a title, twice in these texts) reads as a kashida
    /// where the slash is the kashida's mark: counted, and held to those two.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: arabic)),
          arguments: ["(", ",", "'", "/", "@", ":"] as [Unicode.Scalar])
    func kashidasWrittenAsAMarkGoWhateverTheMark(_ mark: Unicode.Scalar) throws {
        var inserted = 0, ownMarks = 0, lost = 0
        for (name, text) in try Self.texts() {
            let stretched = Self.withKashidas(text, mark: mark, seed: name + String(mark))
            inserted += stretched.unicodeScalars.count - text.unicodeScalars.count
            let sound = Self.paragraphs(text), read = Self.paragraphs(stretched)
            #expect(read.count == sound.count, "\(name) with \(mark): \(read.count) paragraphs, \(sound.count) without")
            for (a, b) in zip(sound, read) {
                let marks = a.unicodeScalars.filter { $0 == mark }.count
                ownMarks += marks
                lost += marks - b.unicodeScalars.filter { $0 == mark }.count
                let same = mark == "/" ? a.replacingOccurrences(of: "/", with: "") == b.replacingOccurrences(of: "/", with: "") : a == b
                if !same { Issue.record("\(name) with \(mark):\n\(a)\n\(b)") }
            }
        }
        #expect(inserted > 500)
        #expect(lost * 20 <= ownMarks, "\(lost) of the text's \(ownMarks) own \(mark) lost")
        if mark == "/" { #expect(ownMarks >= 20 && lost <= 2, "\(lost) of \(ownMarks)") }
    }

    @Test func aDateKeepsItsSlashWhereTheSlashIsTheKashida() {
        let kashidas = Array("وإذ يش//ير إلى الرس//الة المؤرخ/ة ال/تي وجهته//ا الحكوم/ة إلى الأمين الع//ام".unicodeScalars)
        var tally = ArabicKashida.Tally(phrases: Self.months)
        for _ in 0..<6 { tally.add(kashidas) }
        // A date whose slash follows a letter that cannot join: the mark has uses of its own.
        tally.add(Array("المؤرخة 3 تموز/يوليه 2020".unicodeScalars))
        let standIn = tally.standIn
        #expect(standIn?.mark == "/" && standIn?.singles == true)
        var date = Array("الذي اتخذته الجمعية العامة في 2 نيسان/أبريل 2020، وفي 15 كانون الثاني/يناير 2021 ومجلس/ه".unicodeScalars)
        ArabicKashida.drop(standIn!, from: &date)
        #expect(String(String.UnicodeScalarView(date)) == "الذي اتخذته الجمعية العامة في 2 نيسان/أبريل 2020، وفي 15 كانون الثاني/يناير 2021 ومجلسه")
    }
}

extension ArabicKashidaTests {
    /// A PDF whose font gave its kashidas no text but `(` (`Tests/Fixtures/pdf/quirks`, typeset
    /// by scripts/typeset.py in Noto Sans Arabic): 447 runs of it stood between two letters
    /// of its words. Read as a PDF, one is left, and the structure is the truth's.
    @Test func aPDFsKashidasWrittenAsBracketsAreGone() throws {
        let pdf = PDFReaderTests.folder + "/quirks/S_RES_2548_2020_-2014409A.pdf"
        let doc = try ResolutionDocument.load(path: pdf)
        #expect(CorpusTests.problems(doc, try PDFReaderTests.truth(pdf)).isEmpty)
        var inside = 0
        for t in doc.preamble.map(\.text) + doc.operative.map(\.text) {
            let s = Array(t.unicodeScalars)
            var i = 1
            while i < s.count {
                guard s[i] == "(", Chars.isArabicLetter(s[i - 1]) else { i += 1; continue }
                var end = i
                while end < s.count && s[end] == "(" { end += 1 }
                if end < s.count && Chars.isArabicLetter(s[end]) { inside += 1 }
                i = end
            }
        }
        // The one left is inside a lam-alef that extraction printed backwards (`ا(لبعث`).
        // Two more runs stand apart from their letters where the PDF's glyph boxes left a
        // gap before them (`نيس ((ان`): read as a word's end, they are not counted here.
        #expect(inside <= 1, "\(inside) runs between two letters")
    }
}

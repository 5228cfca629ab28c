import Foundation
import Testing
@testable import ResolutionKit

/// Arabic words that extraction spaced apart (`الق رار`, `المتعلق ة`, `ق د`): found from the
/// statistics of the document, joined by what the script and the document say. Checked on
/// the Arabic texts of the Security Council corpus, as they are and taken apart the way
/// poppler takes justified Arabic apart, and on the typeset PDFs.
@Suite struct ArabicWordPieceTests {
    static func lines(_ text: Scalars) -> [Scalars] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map(Array.init)
    }

    /// Every text of `document` mended as one document, as the PDF reader mends its blocks.
    static func mended(_ document: [Scalars]) -> [Scalars] {
        var out = document
        var counts = (pieces: 0, tokens: 0)
        for t in document { ArabicWordPieces.tally(t, into: &counts) }
        ArabicWordPieces.mend(document.count, counts: counts, text: { document[$0] },
                              removing: { out[$0] = ArabicWordPieces.removing($1, from: document[$0]) })
        return out
    }

    /// `mended`, then what the lexicon left joined by the letter model, as the parser does.
    static func mendedByLetters(_ document: [Scalars]) -> [Scalars] {
        var out = mended(document)
        var counts = (pieces: 0, tokens: 0)
        for t in document { ArabicWordPieces.tally(t, into: &counts) }
        let lexiconMended = out
        ArabicWordPieces.mendByLetters(out.count, counts: counts, ligaturesReversed: false, text: { lexiconMended[$0] },
                                       removing: { out[$0] = ArabicWordPieces.removing($1, from: lexiconMended[$0]) })
        return out
    }

    /// `sound`'s lines with one word in twenty-five spaced apart at a point chosen by its
    /// position (as poppler splits where a gap falls), and how many were.
    static func takenApart(_ sound: Scalars) -> (sound: [Scalars], broken: [Scalars], splits: Int) {
        let soundLines = lines(sound)
        var broken: [Scalars] = []
        var position = 0, splits = 0
        for line in soundLines {
            var out: Scalars = []
            for (k, word) in line.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
                if k > 0 { out.append(" ") }
                position += 1
                let letters = word.allSatisfy { ArabicWordPieces.isWordScalar($0.value) }
                if letters, word.count >= 3, position % 25 == 0 {
                    let cut = 1 + (position / 25) % (word.count - 1)
                    out.append(contentsOf: word.prefix(cut))
                    out.append(" ")
                    out.append(contentsOf: word.dropFirst(cut))
                    splits += 1
                } else {
                    out.append(contentsOf: word)
                }
            }
            broken.append(out)
        }
        return (soundLines, broken, splits)
    }

    static func words(_ texts: [Scalars]) -> [Substring] {
        texts.flatMap { String(String.UnicodeScalarView($0)).split(separator: " ") }
    }

    /// Sound text has next to no lone letters or words opening with `ة`: it is never taken
    /// for text taken apart, and nothing in it changes.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: ArabicLigatureTests.corpus)))
    func soundTextIsLeftAlone() throws {
        let texts = try ArabicLigatureTests.texts()
        #expect(texts.count > 20)
        for t in texts {
            var counts = (pieces: 0, tokens: 0)
            ArabicWordPieces.tally(t, into: &counts)
            #expect(!ArabicWordPieces.takenApart(counts), "sound text counted as taken apart: \(counts)")
            let document = Self.lines(t)
            #expect(Self.mended(document) == document)
        }
    }

    /// One word in twenty-five spaced apart (`takenApart`): most come back whole, and almost
    /// no join makes a word the sound text does not have.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: ArabicLigatureTests.corpus)))
    func textTakenApartIsMostlyMended() throws {
        var splits = 0, joins = 0, wrong = 0
        for sound in try ArabicLigatureTests.texts() {
            let (soundLines, broken, n) = Self.takenApart(sound)
            splits += n
            let soundWords = Set(Self.words(soundLines))
            let mended = Self.mended(broken)
            // The words the joins made: those of each mended line that its broken line lacks.
            for (b, m) in zip(broken, mended) where b != m {
                var left = Dictionary(Self.words([b]).map { ($0, 1) }, uniquingKeysWith: +)
                for w in Self.words([m]) {
                    if let c = left[w], c > 0 { left[w] = c - 1; continue }
                    joins += 1
                    if !soundWords.contains(w) { wrong += 1 }
                }
            }
        }
        #expect(splits > 1000)
        #expect(joins * 100 >= splits * 45, "\(joins) joins for \(splits) splits")
        #expect(wrong * 50 <= joins, "\(wrong) of \(joins) joins made a word the sound text lacks")
    }

    /// The letter model joins what the document never prints whole: on the corpus texts its
    /// counts were not made from, taken apart as above, it brings back most of what the
    /// document's own words left apart, and joins next to no two words.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: ArabicLigatureTests.corpus)))
    func theLetterModelJoinsWhatTheDocumentNeverPrintsWhole() throws {
        var splits = 0, byLexicon = 0, byLetters = 0, wrong = 0, gaps = 0
        let heldOut = try ArabicLigatureTests.texts().enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        #expect(heldOut.count >= 10)
        for sound in heldOut {
            let (soundLines, broken, n) = Self.takenApart(sound)
            splits += n
            let lexicon = Self.mended(broken), letters = Self.mendedByLetters(broken)
            func spaces(_ t: Scalars) -> Int { t.filter { $0 == " " }.count }
            for (k, b) in broken.enumerated() {
                let cut = spaces(b) - spaces(soundLines[k])
                gaps += spaces(soundLines[k])
                byLexicon += cut - (spaces(lexicon[k]) - spaces(soundLines[k]))
                // Words the letter model made that neither the sound line nor the broken one
                // holds: a join across a word gap, or pieces of two words put together.
                let known = Set(Self.words([soundLines[k], b]))
                let made = Self.words([letters[k]]).filter { !known.contains($0) }.count
                wrong += made
                byLetters += max(0, cut - (spaces(letters[k]) - spaces(soundLines[k])) - made)
            }
        }
        #expect(splits > 500)
        #expect(Double(byLetters) >= 0.9 * Double(splits), "\(byLetters) of \(splits) splits joined (the lexicon alone: \(byLexicon))")
        #expect(byLetters > byLexicon)
        #expect(wrong * 2000 <= gaps, "\(wrong) wrong words made, \(gaps) word gaps")
    }

    /// The rules one by one, on a document whose words stand whole elsewhere.
    @Test func eachRuleJoinsWhatItShould() {
        func s(_ x: String) -> Scalars { Array(x.unicodeScalars) }
        let whole = [s("إن مجلس الأمن قد نظر في القرار المتعلقة بذلك القرار"), s("القرار قد صدر وذلك في ما يتعلق بالمسألة"),
                     s("قد يرى المجلس ذلك في القرار")]
        let broken = whole + [
            s("المتعلق ة بالمسألة"),        // ta marbuta opens no word
            s("ق د صدر"),                    // a lone letter goes with the word after
            s("بذل ك القرار"),               // … or before, as the document prints it whole
            s("الق رار في الجلسة"),          // two pieces printed whole more often than alone
            s("في ما يتعلق"),                // two words: `في` stands alone more often
            s("و 2146 و القرار"),            // the conjunction stays alone
            s("الق  رار"),                   // a wider gap was printed so
        ]
        let out = Self.mended(broken).suffix(7).map { String(String.UnicodeScalarView($0)) }
        #expect(out == ["المتعلقة بالمسألة", "قد صدر", "بذلك القرار", "القرار في الجلسة", "في ما يتعلق", "و 2146 و القرار", "الق  رار"])
    }

    /// In the typeset Arabic PDFs, and the text poppler makes of them, no word opens with a
    /// letter that only ends words, and few lone letters are left (before, in the PDFs: 8 and
    /// 35 in a thousand words of these fixtures).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: FormatCorpusTests.fixtures + "/ar")),
          arguments: [FormatCorpusTests.Format.pdf, .pdftotext, .layout])
    func typesetPDFsKeepTheirWordsWhole(_ format: FormatCorpusTests.Format) throws {
        let dir = FormatCorpusTests.fixtures + "/ar"
        var words = 0, opening = 0, lone = 0, pdfs = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: dir).filter({ $0.hasSuffix(".pdf") }).sorted() {
            let doc = try FormatCorpusTests.read(format, base: dir + "/" + name.dropLast(".pdf".count))
            pdfs += 1
            for p in doc.preamble + doc.operative {
                for w in p.text.split(separator: " ") {
                    words += 1
                    let first = w.unicodeScalars.first!.value
                    if ArabicWordPieces.endsWordOnly(first) { opening += 1 }
                    if w.unicodeScalars.count == 1, ArabicWordPieces.isLetter(first), first != ArabicWordPieces.conjunction { lone += 1 }
                }
            }
        }
        #expect(pdfs >= 5)
        #expect(opening == 0, "\(opening) words open with ة or ى in \(words)")
        #expect(lone * 1000 <= words * 15, "\(lone) lone letters in \(words) words")
    }

    /// The words of the typeset Arabic PDFs' paragraphs are the words of the same resolutions'
    /// DOCX paragraphs (counted with repeats): words spaced apart are joined, by the document's
    /// words and by the letter model, and ligatures a font gave backwards are mended (before
    /// both, 88.5% of these fixtures' words were).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: FormatCorpusTests.fixtures + "/ar")))
    func typesetPDFsReadTheWordsOfTheirDOCX() throws {
        let dir = FormatCorpusTests.fixtures + "/ar"
        var read = 0, held = 0, pairs = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: dir).filter({ $0.hasSuffix(".pdf") }).sorted() {
            let base = dir + "/" + name.dropLast(".pdf".count)
            guard FileManager.default.fileExists(atPath: base + ".docx") else { continue }
            pairs += 1
            func words(_ doc: ResolutionDocument) -> [Substring] { (doc.preamble + doc.operative).flatMap { $0.text.split(separator: " ") } }
            var docx = Dictionary(words(try ResolutionDocument.load(path: base + ".docx")).map { ($0, 1) }, uniquingKeysWith: +)
            for w in words(try ResolutionDocument.load(path: base + ".pdf")) {
                read += 1
                if let c = docx[w], c > 0 { docx[w] = c - 1; held += 1 }
            }
        }
        #expect(pairs >= 5)
        #expect(Double(held) >= 0.96 * Double(read), "\(held) of \(read) words are the DOCX's")
    }

    /// A long text (past `linesForTwoCores` lines) is joined and its ligatures mended in two
    /// halves on both cores; it reads exactly as one core reads it (the work meter keeps a
    /// measured parse on one thread). The corpus texts, their ligatures turned round and one
    /// word in twenty-five spaced apart, make one long document.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: ArabicLigatureTests.corpus)))
    func bothCoresReadALongTextAsOneCoreDoes() throws {
        var lines: [String] = []
        while lines.count <= ArabicWordPieces.linesForTwoCores {
            for sound in try ArabicLigatureTests.texts() {
                let broken = Self.takenApart(ArabicLigatures.reversingPairs(sound)).broken
                lines += broken.map { String(String.UnicodeScalarView($0)) }
            }
        }
        let text = lines.joined(separator: "\n")
        let source = SourceInfo(path: "t", sha256: "", encoding: "utf-8")
        let twoCores = ResolutionParser.parse(text: text, source: source)
        var oneCore: ResolutionDocument?
        _ = WorkMeter.measure { oneCore = ResolutionParser.parse(text: text, source: source) }
        #expect(twoCores.language == "ar")
        #expect(!twoCores.preamble.isEmpty || !twoCores.operative.isEmpty || !twoCores.other.isEmpty)
        #expect(twoCores == oneCore)
        // Mended at all: the commonest reversed word of the corpus is read back.
        let read = (twoCores.preamble + twoCores.operative).map(\.text).joined() + twoCores.other.map(\.text).joined()
        let sound = read.components(separatedBy: "السلام").count - 1, reversed = read.components(separatedBy: "السالم").count - 1
        #expect(sound > 100 && reversed * 20 < sound, "السلام \(sound), السالم \(reversed)")
    }
}

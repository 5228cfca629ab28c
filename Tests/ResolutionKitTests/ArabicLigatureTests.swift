import Foundation
import Testing
@testable import ResolutionKit

/// Reversed lam-alef ligatures (`األمم` for `الأمم`), which some fonts give PDF extraction: the
/// detection is a statistic of the document, the repair changes only what its letters prove.
/// Checked on the Arabic texts of the Security Council corpus, as they are and with every
/// ligature reversed the way such a font reverses it.
@Suite struct ArabicLigatureTests {
    static let corpus = CorpusTests.corpus + "/ar"

    static func texts() throws -> [Scalars] {
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".plain.txt") }.sorted()
        return try files.map { Array(try String(contentsOfFile: corpus + "/" + $0, encoding: .utf8).unicodeScalars) }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus)))
    func soundTextIsNeverTakenForReversed() throws {
        let texts = try Self.texts()
        #expect(texts.count > 20)
        for t in texts {
            var counts = (sound: 0, reversed: 0)
            ArabicLigatures.tally(t, into: &counts)
            #expect(!ArabicLigatures.reversed(counts), "sound text counted as reversed: \(counts)")
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus)))
    func reversedTextIsFoundAndMostlyRepaired() throws {
        var wordsBefore = 0, wordsAfter = 0, total = 0, broken = 0
        for sound in try Self.texts() {
            var text = ArabicLigatures.reversingPairs(sound)
            var counts = (sound: 0, reversed: 0)
            ArabicLigatures.tally(text, into: &counts)
            guard counts.reversed + counts.sound >= 20 else { continue }
            #expect(ArabicLigatures.reversed(counts), "reversed text not found: \(counts)")
            let soundWords = String(String.UnicodeScalarView(sound)).split(separator: " ")
            let brokenWords = String(String.UnicodeScalarView(text)).split(separator: " ")
            ArabicLigatures.repair(&text)
            let repairedWords = String(String.UnicodeScalarView(text)).split(separator: " ")
            #expect(repairedWords.count == soundWords.count)
            for (s, (b, r)) in zip(soundWords, zip(brokenWords, repairedWords)) {
                total += 1
                if s != b { broken += 1; if b == s { wordsBefore += 1 } }
                if s != b && r == s { wordsAfter += 1 }
                // A word the reversal left alone is never changed by the repair.
                if s == b { #expect(r == s, "repair changed a sound word: \(s) → \(r)") }
            }
        }
        #expect(broken > 1000)
        // Most reversed words come back (the article with a hamza alef, `إلى`, `الا…`); a plain
        // alef before lam after a consonant stays ambiguous letter by letter.
        #expect(Double(wordsAfter) >= 0.6 * Double(broken), "\(wordsAfter) of \(broken) reversed words repaired")
    }
}

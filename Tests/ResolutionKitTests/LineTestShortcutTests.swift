import Foundation
import Testing
@testable import ResolutionKit

/// Shortcuts taken on packed lines give the answers of the general tests they stand for:
/// the first word's length read in a packed line's bytes (`TextLayout.endsEarly`), and a
/// job number sought from hyphen to hyphen (`Furniture.hasJobNumber`).
@Suite struct LineTestShortcutTests {
    /// Every pair of consecutive lines of wrapped corpus texts, in four languages: asked
    /// with the next line packed (the byte path for Latin text) and unpacked (the scalar loop).
    @Test(arguments: ["en", "fr", "ru", "zh"])
    func endsEarlyReadsAPackedWordAsTheScalarLoopDoes(_ language: String) throws {
        let dir = Fixtures.root.deletingLastPathComponent().appendingPathComponent("shared/corpus/sc-2020/\(language)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".plain.txt") }.sorted()
        try #require(!files.isEmpty, "the corpus is at ../shared/corpus/sc-2020")
        var pairs = 0, early = 0
        for (n, file) in files.prefix(12).enumerated() {
            let text = try String(contentsOfFile: dir.appendingPathComponent(file).path, encoding: .utf8)
            let lines = LineSplitter.split(PropertyTests.rewrap(text, columns: 60 + 5 * n))
            let layout = TextLayout.of(lines)
            for (line, next) in zip(lines, lines.dropFirst()) {
                for opening in [false, true] {
                    let packed = layout.endsEarly(line, before: next.scalars, opening: opening)
                    #expect(packed == layout.endsEarly(line, before: next.text, opening: opening), "\(file): \(next.text.string)")
                    pairs += 1
                    if packed { early += 1 }
                }
            }
        }
        #expect(early > 0 && early < pairs, "both answers should occur: \(early) of \(pairs)")
    }

    /// Lines of digits, hyphens, letters and spaces, with job numbers (`dd-ddddd`) at every
    /// place, near misses and none, compared with a scan of every position.
    @Test func jobNumbersAreFoundFromHyphenToHyphen() {
        func reference(_ s: [Unicode.Scalar]) -> Bool {
            guard s.count >= 8 else { return false }
            for i in 2..<max(2, s.count - 5) where s[i] == "-" {
                if Chars.isDigit(s[i - 1]) && Chars.isDigit(s[i - 2]) && (1...5).allSatisfy({ Chars.isDigit(s[i + $0]) }) { return true }
            }
            return false
        }
        var rng = PropertyTests.SplitMix(state: 8_5_2026)
        let pool: [Unicode.Scalar] = ["0", "1", "7", "9", "-", "-", "a", "Z", " ", "(", "é"]
        var found = 0
        for length in 0..<40 {
            for _ in 0..<60 {
                var s = (0..<length).map { _ in pool.randomElement(using: &rng)! }
                // A job number, or a near miss, planted at a random place in half of them.
                let planted: [[Unicode.Scalar]] = [Array("23-09871".unicodeScalars), Array("2-309871".unicodeScalars), Array("23-0987a".unicodeScalars)]
                if length >= 8 && Bool.random(using: &rng) {
                    let at = Int.random(in: 0...(length - 8), using: &rng)
                    s.replaceSubrange(at..<(at + 8), with: planted.randomElement(using: &rng)!)
                }
                let expected = reference(s)
                #expect(Furniture.hasJobNumber(PackedScalars(s)) == expected, "\(String(String.UnicodeScalarView(s)))")
                if expected { found += 1 }
            }
        }
        #expect(found > 20, "job numbers should occur: \(found)")
    }
}

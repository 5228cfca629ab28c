// Latin ligatures (U+FB00–U+FB06: `ﬀ`, `ﬁ`, `ﬂ`, `ﬃ`, `ﬄ`, `ﬅ`, `ﬆ`) are glyphs of two or three
// letters. Some PDF producers (Chromium's, for one) map the glyphs a font set as ligatures to
// these code points, and poppler's XML hands them over as they are (`ﬁnding`, `beneﬁts`) where
// its plain text spells them out. Search, openers and comparison work on letters, so `first`
// must find `ﬁrst`: the ligatures are unfolded to their letters, as Unicode's compatibility
// mapping says.
import Foundation

enum LatinLigatures {
    /// Whether `s` is one of the Latin ligatures.
    @inline(__always)
    static func contains(_ s: Unicode.Scalar) -> Bool { s.value >= 0xFB00 && s.value <= 0xFB06 }

    /// The letters each ligature stands for (NFKC of the ligature alone), built once.
    static let letters: [UInt32: Scalars] = {
        var table: [UInt32: Scalars] = [:]
        for v in UInt32(0xFB00)...0xFB06 {
            guard let s = Unicode.Scalar(v) else { continue }
            let folded = Array(String(Character(s)).precomposedStringWithCompatibilityMapping.unicodeScalars)
            if folded.count > 1 { table[v] = folded }
        }
        return table
    }()

    /// Replaces every Latin ligature in `text` by its letters.
    /// - Complexity: O(n) in the scalars; text without ligatures is only scanned.
    static func unfold(_ text: inout Scalars) {
        guard text.contains(where: contains) else { return }
        var out = Scalars()
        out.reserveCapacity(text.count + 8)
        for s in text {
            if contains(s), let letters = letters[s.value] { out.append(contentsOf: letters) } else { out.append(s) }
        }
        text = out
    }
}

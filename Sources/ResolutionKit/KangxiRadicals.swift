// Kangxi radicals (U+2F00–U+2FD5) look exactly like the ideographs they stand for: `⼗`
// beside `十`. Some PDF producers (Chromium's, with Noto CJK) map their glyphs to the
// radicals, so poppler hands over `(⼗⼀)` and `⺠族` where the text is `(十一)` and `民族`:
// labels, search and comparison then miss. The radicals are unfolded to the ideographs by
// Unicode's compatibility mapping. (The CJK Radicals Supplement, `⺠`, has no such mapping
// and is left as it is.)
import Foundation

enum KangxiRadicals {
    @inline(__always)
    static func contains(_ s: Unicode.Scalar) -> Bool { s.value >= 0x2F00 && s.value <= 0x2FD5 }

    /// The ideograph each radical shows (NFKC of the radical alone), built once.
    static let ideographs: [UInt32: Unicode.Scalar] = {
        var table: [UInt32: Unicode.Scalar] = [:]
        for v in UInt32(0x2F00)...0x2FD5 {
            guard let s = Unicode.Scalar(v) else { continue }
            let folded = Array(String(Character(s)).precomposedStringWithCompatibilityMapping.unicodeScalars)
            if folded.count == 1, folded[0] != s { table[v] = folded[0] }
        }
        return table
    }()

    /// Replaces every Kangxi radical in `text` by its ideograph.
    /// - Complexity: O(n) in the scalars.
    static func unfold(_ text: inout Scalars) {
        for i in text.indices where contains(text[i]) {
            if let ideograph = ideographs[text[i].value] { text[i] = ideograph }
        }
    }
}

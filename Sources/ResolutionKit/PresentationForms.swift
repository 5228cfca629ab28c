// Presentation forms are glyphs given code points of their own, and some PDF producers
// (Chromium's, for one) map their glyphs to them:
// - Arabic letter shapes (U+FB50–U+FDFF, U+FE70–U+FEFF): initial, medial, final and isolated
//   forms of each letter, and ligatures such as lam-alef, so poppler hands over `ﻣﺠﻠﺲ الأﻣﻦ`
//   where the text is `مجلس الأمن`;
// - Latin ligatures (U+FB00–U+FB06), which poppler's XML keeps (`ﬁnding`, `beneﬁts`) where its
//   plain text spells them out, as text copied from some viewers does not.
// Openers, verbs, search and comparison all work on letters, so the forms are unfolded to the
// letters they show, as Unicode's compatibility mapping says.
import Foundation

enum PresentationForms {
    /// Whether `s` is a presentation form (an Arabic letter shape or ligature, a Latin ligature).
    @inline(__always)
    static func contains(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0xFB50 && s.value <= 0xFDFF) || (s.value >= 0xFE70 && s.value <= 0xFEFF) || isLatinLigature(s)
    }

    /// Whether `s` is one of the Latin ligatures (`ﬀ`, `ﬁ`, `ﬂ`, `ﬃ`, `ﬄ`, `ﬅ`, `ﬆ`).
    @inline(__always)
    static func isLatinLigature(_ s: Unicode.Scalar) -> Bool { s.value >= 0xFB00 && s.value <= 0xFB06 }

    /// The letters each form shows (NFKC of the form alone), built once.
    static let letters: [UInt32: Scalars] = {
        var table: [UInt32: Scalars] = [:]
        for v in Array(UInt32(0xFB00)...0xFB06) + Array(UInt32(0xFB50)...0xFDFF) + Array(UInt32(0xFE70)...0xFEFF) {
            guard let s = Unicode.Scalar(v), s.properties.generalCategory != .unassigned else { continue }
            let folded = Array(String(Character(s)).precomposedStringWithCompatibilityMapping.unicodeScalars)
            // A form whose mapping is only a space and marks (`ﹰ` U+FE70) keeps its marks.
            let kept = folded.filter { !Chars.isSpace($0) }
            if !kept.isEmpty && kept != [s] { table[v] = kept }
        }
        return table
    }()

    /// Replaces every presentation form in `text` by its letters.
    /// - Complexity: O(n) in the scalars; text without forms is only scanned.
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

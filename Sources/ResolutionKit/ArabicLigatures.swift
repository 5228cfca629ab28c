// Arabic lam-alef ligatures put back in reading order.
//
// Lam followed by any alef (ا أ إ آ) is always drawn as one ligature glyph, as is lam before
// alef maksura (ى) in many fonts. Some fonts map that glyph to its two letters in reading
// order while the extraction lays the line out in painting order and then reverses it, so
// each ligature comes out backwards: `األمم` for `الأمم`, `إىل` for `إلى`. Whether a
// document suffers from it is a statistic of the document, not of any word: in real Arabic
// text lam-before-alef is among the commonest pairs and alef-before-alef almost never
// occurs; a document where the second outnumbers the first has its ligatures reversed.
// Mending it is `ReversedLigatureRepair` (ArabicLigatures+Spelling.swift).

enum ArabicLigatures {
    static func isAlef(_ s: Unicode.Scalar) -> Bool {
        s == "\u{0627}" || s == "\u{0623}" || s == "\u{0625}" || s == "\u{0622}"
    }
    static let lam: Unicode.Scalar = "\u{0644}"
    static let alefMaksura: Unicode.Scalar = "\u{0649}"

    /// Counts the evidence in one text: lam-then-alef pairs (present in sound text) and
    /// alef-then-alef or maksura-then-lam pairs (present when ligatures were reversed).
    /// - Complexity: O(n).
    static func tally(_ text: Scalars, into counts: inout (sound: Int, reversed: Int)) {
        guard text.count >= 2 else { return }
        for i in 1..<text.count {
            let a = text[i - 1], b = text[i]
            if a == lam && (isAlef(b) || b == alefMaksura) { counts.sound += 1 }
            else if (isAlef(a) && isAlef(b)) || (a == alefMaksura && b == lam) { counts.reversed += 1 }
        }
    }

    /// `text` as a font that prints its ligatures backwards gives it: each lam + alef (and
    /// lam + maksura) pair the other way round (`الأمم` → `األمم`).
    /// - Complexity: O(n).
    static func reversingPairs(_ text: Scalars) -> Scalars {
        var out = text
        var i = 0
        while i + 1 < out.count {
            if out[i] == lam, isAlef(out[i + 1]) || out[i + 1] == alefMaksura {
                out.swapAt(i, i + 1)
                i += 2
            } else {
                i += 1
            }
        }
        return out
    }

    /// Whether the counts say that this document's ligatures came out reversed.
    static func reversed(_ counts: (sound: Int, reversed: Int)) -> Bool {
        counts.reversed >= 3 && counts.reversed > counts.sound * 2
    }

    /// Swaps back the reversed ligatures that can be told from sound text by their letters
    /// alone: `ىل` → `لى` (maksura ends a word, so it never precedes lam), an alef before lam
    /// right after the article's alef (`األمم` → `الأمم`, `االتحاد` → `الاتحاد`), and the word
    /// `ال` alone (`لا`). An alef before lam after a consonant is left as it is: `المالية`
    /// and a reversed `خلال` (`خالل`), or `مسألة` and a reversed `لأن`, look alike letter by
    /// letter (`ReversedLigatureRepair` reads those by how Arabic is spelled).
    /// - Complexity: O(n).
    static func repair(_ text: inout Scalars) {
        guard text.count >= 2 else { return }
        func letter(_ k: Int) -> Bool { k >= 0 && k < text.count && isArabicLetter(text[k]) }
        var i = 0
        while i + 1 < text.count {
            let a = text[i], b = text[i + 1]
            var swap = false
            if a == alefMaksura && b == lam { swap = true }
            else if isAlef(a) && b == lam {
                // After the article's alef (`األ`, `اال`): two alefs never meet in sound text.
                if i > 0 && text[i - 1] == "\u{0627}" { swap = true }
                // The word `ال` alone is `لا`.
                else if a == "\u{0627}" { swap = !letter(i - 1) && !letter(i + 2) }
            }
            if swap { text.swapAt(i, i + 1); i += 2 } else { i += 1 }
        }
    }

    /// A letter or a vowel mark (`فعّال`: the shadda is inside the word).
    static func isArabicLetter(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x0620 && s.value <= 0x065F) || (s.value >= 0x0670 && s.value <= 0x06D3)
    }
}

// A printed line that pdftotext tore in two at a lam-alef ligature.
//
// poppler sometimes breaks one printed Arabic line where a word opens with the lam-alef
// ligature (`ولا`, `لا`): the part after the ligature comes out first, on a line of its
// own that opens with a lone lam (`ل سيما الدول المجاورة…`), and the part before it comes
// out on the next line, ending with a lone alef (`…الدول الأعضاء، و ا`). Neither a lone
// lam nor a lone alef is an Arabic word, so the pair is told by its letters, not by any
// word list. Left apart, the first piece reads as a heading (a short line with no stop)
// and the paragraph loses the middle of its first line.

extension ArabicLigatures {
    /// The printed line that `first` and `second` (the next line, with no blank or page
    /// between them) were torn from, when `first` opens with a lone lam and `second` ends
    /// with a lone alef; nil otherwise. The ligature is rebuilt where the alef stood: glued
    /// to a one-letter proclitic before it (`و ا` + `ل سيما` → `ولا سيما`), else a word of
    /// its own (`السودان ا` + `ل تزال` → `السودان لا تزال`).
    /// - Complexity: O(n) in the two lines' scalars.
    static func tornLine(first: Scalars, second: Scalars) -> Scalars? {
        guard first.count >= 3, first[0] == lam, Chars.isSpace(first[1]),
              second.count >= 3, let alef = second.last, isAlef(alef), Chars.isSpace(second[second.count - 2])
        else { return nil }
        var head = second.dropLast(2)
        // The token before the alef: one letter (`و`, `ف`, `ب`) is a proclitic of the word.
        let tokenStart = head.lastIndex(where: Chars.isSpace).map { $0 + 1 } ?? head.startIndex
        let proclitic = head.count - (tokenStart - head.startIndex) == 1 && Chars.isArabicLetter(head[head.endIndex - 1])
        var out = Scalars()
        out.reserveCapacity(first.count + second.count + 1)
        if !proclitic {
            while let l = head.last, Chars.isSpace(l) { head = head.dropLast() }
        }
        out.append(contentsOf: head)
        if !proclitic && !out.isEmpty { out.append(" ") }
        out.append(lam)
        out.append(alef)
        out.append(contentsOf: first.dropFirst())
        return out
    }
}

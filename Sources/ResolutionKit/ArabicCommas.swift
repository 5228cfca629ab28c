// Arabic commas that PDF extraction printed on the wrong side of a space.
//
// poppler's text of an Arabic line often gives a comma (or semicolon) glued to the word
// after it, a space before: `المشروعة ،بما` for `المشروعة، بما`. An Arabic comma ends the
// word before it; one that opens a word is that artefact, and no text has it (none of the
// corpus's Arabic texts does). Moved back, the text reads as the page did, and a heading or
// paragraph compares equal to the same text read from the PDF or the Word file.

enum ArabicCommas {
    static func isComma(_ s: Unicode.Scalar) -> Bool { s == "\u{060C}" || s == "\u{061B}" }

    /// `word ،next` → `word، next`, where a letter ends `word` and a letter or digit opens `next`.
    /// - Complexity: O(n) in the line's scalars; a line with no such comma is not written.
    static func reattach(_ line: inout Scalars) {
        var i = 2
        while i + 1 < line.count {
            if isComma(line[i]), line[i - 1] == " ", !Chars.isSpace(line[i - 2]),
               Chars.isArabicLetter(line[i - 2]) || ArabicMarks.isMark(line[i - 2]),
               Chars.isArabicLetter(line[i + 1]) || Chars.digitValue(line[i + 1]) != nil {
                line[i - 1] = line[i]
                line[i] = " "
            }
            i += 1
        }
    }
}

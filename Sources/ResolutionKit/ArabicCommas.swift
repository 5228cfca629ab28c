// Arabic commas that PDF extraction printed on the wrong side of a space.
//
// poppler's text of an Arabic line often gives a comma (or semicolon) glued to the word
// after it, a space before: `المشروعة ،بما` for `المشروعة، بما`. An Arabic comma ends the
// word before it; one that opens a word is that artefact, and no text has it (none of the
// corpus's Arabic texts does). Moved back, the text reads as the page did, and a heading or
// paragraph compares equal to the same text read from the PDF or the Word file.

enum ArabicCommas {
    static func isComma(_ s: Unicode.Scalar) -> Bool { s == "\u{060C}" || s == "\u{061B}" }
    static func isQuote(_ s: Unicode.Scalar) -> Bool { s == "\u{201C}" || s == "\u{201D}" || s == "\"" || s == "\u{00BB}" || s == "\u{00AB}" }

    /// `word ،next` → `word، next`, where a letter ends `word` and a letter or digit opens `next`;
    /// `يونيه ،2020` → `يونيه 2020،` and `كوفيد،19-` → `كوفيد-19،` (`numberFirst`).
    /// - Complexity: O(n) in the line's scalars; a line with no such comma is not written.
    static func reattach(_ line: inout Scalars) {
        var i = 0
        while i + 1 < line.count {
            if isComma(line[i]), let moved = numberFirst(&line, comma: i) { i = moved; continue }
            if i >= 2, isComma(line[i]), line[i - 1] == " ", !Chars.isSpace(line[i - 2]),
               Chars.isArabicLetter(line[i - 2]) || ArabicMarks.isMark(line[i - 2]),
               Chars.isArabicLetter(line[i + 1]) || Chars.digitValue(line[i + 1]) != nil {
                line[i - 1] = line[i]
                line[i] = " "
            }
            i += 1
        }
    }

    /// A comma printed before the number it follows. poppler prints a number inside a
    /// right-to-left line as a left-to-right run, and takes the comma after it (and a hyphen
    /// before it) into the run as painted, left to right: `2020،` comes out as `،2020` and
    /// `-19،` as `،19-`. Where such a run stands alone, after a space or a word and before a
    /// space or the line's end, the comma goes back after the number and the hyphen before
    /// it. (The corpus's texts have no comma that opens a number.) Returns the position
    /// after the mended run, or nil where `comma` opens no such run.
    /// - Complexity: O(k) in the run's scalars.
    /// A closing quote after the number goes with the comma (`،“2030` → `2030“،`).
    static func numberFirst(_ line: inout Scalars, comma i: Int) -> Int? {
        let quoted = i + 2 < line.count && isQuote(line[i + 1]) && Chars.isDigit(line[i + 2])
        guard i + 1 < line.count, Chars.isDigit(line[i + 1]) || quoted,
              i == 0 || Chars.isSpace(line[i - 1]) || Chars.isArabicLetter(line[i - 1]) else { return nil }
        var k = quoted ? i + 2 : i + 1
        while k < line.count, Chars.isDigit(line[k])
                || ((line[k] == "-" || line[k] == "/" || line[k] == ".") && k + 1 < line.count && Chars.isDigit(line[k + 1])) {
            k += 1
        }
        let dash = k < line.count && line[k] == "-"
        let end = dash ? k + 1 : k
        guard end == line.count || Chars.isSpace(line[end]) else { return nil }
        // The same scalars in the same span, written in place: the digits shift one to the
        // side the comma leaves.
        let comma = line[i]
        if quoted {
            guard !dash else { return nil }
            let quote = line[i + 1]
            for d in (i + 2)..<k { line[d - 2] = line[d] }
            line[k - 2] = quote
            line[k - 1] = comma
            return end
        }
        if dash {
            // `،19-` → `-19،`: the digits stay where they are.
            line[i] = "-"
            line[k] = comma
        } else {
            for d in (i + 1)..<k { line[d - 1] = line[d] }
            line[k - 1] = comma
        }
        return end
    }
}

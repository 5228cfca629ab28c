// Arabic PDF text: the space that pdftotext prints on the wrong side of a number.
//
// poppler prints a number inside a right-to-left line as a left-to-right run, and takes the
// space that follows the number into the run as painted, left to right, before it:
// `في 30 حزيران` comes out as `في  30حزيران` (the run is ` 30`). In Arabic text a digit is
// never followed straight by an Arabic letter (none of the corpus's Arabic texts has one),
// and pdftotext's Arabic text has this some two thousand times, so where a digit meets a
// letter the space goes back between them.

enum NumberRunSpacing {
    /// `في  30حزيران` → `في 30 حزيران`; `المادة 25والمادة` → `المادة 25 والمادة`. A
    /// doubled space before the number is the one that moved, and is taken back from there.
    /// (`كوفيد 19-في` is left: `المرفق 1-ألف` is written so.)
    /// - Complexity: O(n) in the line's scalars; a line with no such number is not written.
    static func restore(_ line: inout Scalars) {
        guard line.count >= 2, hasNumberBeforeLetter(line) else { return }
        var out = Scalars()
        out.reserveCapacity(line.count + 8)
        var i = 0
        while i < line.count {
            // Only a number standing after a space or at the line's start: `’ ‘1تعزيز`, an
            // item number between quotes, is read as a whole by `VisualOrder`.
            guard Chars.isDigit(line[i]), i == 0 || line[i - 1] == " " else { out.append(line[i]); i += 1; continue }
            var end = i
            while end < line.count && Chars.isDigit(line[end]) { end += 1 }
            if end < line.count, Chars.isArabicLetter(line[end]) {
                // A doubled space before the digits: one of the two belongs after them.
                if i >= 2, line[i - 2] == " " { out.removeLast() }
                out.append(contentsOf: line[i..<end])
                out.append(" ")
            } else {
                out.append(contentsOf: line[i..<end])
            }
            i = end
        }
        line = out
    }

    /// - Complexity: O(n).
    static func hasNumberBeforeLetter(_ line: Scalars) -> Bool {
        for i in 0..<(line.count - 1) where Chars.isDigit(line[i]) && Chars.isArabicLetter(line[i + 1]) { return true }
        return false
    }
}

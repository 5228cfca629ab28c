// Arabic vowel marks that PDF extraction tore off their letters.
//
// A harakah (fatha, shadda, tanwin…) is a combining mark: it belongs to the letter before
// it. poppler's default text of justified Arabic pages often prints one apart: alone on a
// line of its own (`ّ`), or at a line's start or end after a space, because the mark was
// placed as its own glyph. Each goes back on the letter it belongs to where the line shows
// which (`dropDetached`); one that belongs to no letter on its line is dropped, and a line
// left empty by that is no line at all (neither text nor a blank line that could mark a
// paragraph end). So is a line of hamzas standing alone (`أ   أ`).

enum ArabicMarks {
    /// The Arabic combining marks (harakat, small high letters, the superscript alef).
    @inline(__always) static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7, 0x06E8, 0x06EA...0x06ED: return true
        default: return false
        }
    }

    /// A line of nothing but alefs with hamza each standing alone (`أ          أ`), each
    /// with its vowel marks if it has any (`أُ`): the hamzas of the page's letters, printed
    /// apart at a page's foot by a producer that placed them as glyphs of their own. No word
    /// is one letter with nothing around it.
    /// - Complexity: O(n) in the line's scalars, O(1) for most lines (the first scalar that
    ///   is not a space decides).
    static func isTornHamzaLine(_ line: Scalars) -> Bool {
        var seen = false
        var previous: Unicode.Scalar = " "
        var onHamza = false  // the scalars since the last space are a hamza and its marks
        for s in line {
            if Chars.isSpace(s) { previous = s; onHamza = false; continue }
            if onHamza, isMark(s) { previous = s; continue }
            guard s == "\u{0623}", Chars.isSpace(previous) else { return false }
            seen = true
            onHamza = true
            previous = s
        }
        return seen
    }

    /// The line ends with a mark set apart by a space (`…في الصومال، وإذ ّ`): poppler cut
    /// the printed line at the word the mark belongs to, which opens the next line
    /// (`يسلّم بأن…`). The line then goes on below, however short it is. Not a tanwin
    /// (`ً`, `ٌ`, `ٍ`) unless `tanwin`: it ends a word, so set apart it is the last word's
    /// (`جسيما ً`), and the line was cut after that word, not inside the next.
    /// - Complexity: O(k) in the marks and spaces at the line's end.
    static func endsWithMarkApart(_ line: Scalars, tanwin: Bool = false) -> Bool {
        var k = line.count - 1
        while k >= 0, Chars.isSpace(line[k]) { k -= 1 }
        guard k >= 0, isMark(line[k]), tanwin || !(0x064B...0x064D).contains(line[k].value) else { return false }
        while k >= 0, isMark(line[k]) { k -= 1 }
        guard k >= 1, Chars.isSpace(line[k]) else { return false }
        while k >= 0, Chars.isSpace(line[k]) { k -= 1 }
        return k >= 0 && Chars.isArabicLetter(line[k])
    }

    /// Puts each mark set apart back where it belongs, or drops it:
    /// - right before a letter (`أن ُيفهم`), it belongs to that letter, which extraction
    ///   printed after it: it goes after the letter (`أن يُفهم`);
    /// - between spaces after a letter, inside the line (`دعما ً لجهود`), it belongs to the
    ///   letter before the space (`دعماً لجهود`);
    /// - at a line's ends, after a space or alone, it belongs to no letter on the line.
    /// - Complexity: O(n) in the line's scalars; a line with no mark is not written.
    static func dropDetached(_ line: inout Scalars) {
        if isTornHamzaLine(line) { line = []; return }
        guard line.contains(where: isMark) else { return }
        var out = Scalars()
        out.reserveCapacity(line.count)
        var onLetter = false  // the last kept scalar is a letter, or a mark on one
        var pending: Scalars = []  // marks waiting for the letter printed after them
        var dropped = false        // a mark was just dropped after a space
        // The last scalar that is neither a space nor a mark: a mark before it is inside
        // the line. Found once, so that a line of many marks costs one pass.
        let lastText = line.lastIndex { !Chars.isSpace($0) && !isMark($0) } ?? -1
        for (i, s) in line.enumerated() {
            if isMark(s) {
                if onLetter { out.append(s); continue }
                dropped = false
                let next = i + 1 < line.count ? line[i + 1] : nil
                if let n = next, Chars.isArabicLetter(n) || isMark(n) {
                    pending.append(s)
                } else if let last = out.last, last == " ", out.count >= 2,
                          Chars.isArabicLetter(out[out.count - 2]) || isMark(out[out.count - 2]),
                          i < lastText {
                    out.removeLast()
                    out.append(s)
                    onLetter = true
                } else {
                    dropped = out.last.map(Chars.isSpace) ?? true
                }
                continue
            }
            // The space that set a dropped mark apart is not doubled; other runs of spaces
            // (`-layout` widens justified lines with them) stay as they are.
            if dropped && Chars.isSpace(s) { dropped = false; continue }
            dropped = false
            out.append(s)
            onLetter = Chars.isArabicLetter(s)
            if onLetter && !pending.isEmpty { out.append(contentsOf: pending) }
            pending.removeAll()
        }
        while let f = out.first, Chars.isSpace(f) { out.removeFirst() }
        while let l = out.last, Chars.isSpace(l) { out.removeLast() }
        line = out
    }
}

// Phase 1c: a justified line that pdftotext's default mode took apart. Where a justified
// line has wide gaps between its words, pdftotext reads each gap as a column boundary and
// prints the words one to a line, often with a blank line between them, sometimes out of
// order (`определяя,` `что` … then the next line, then `Судане` `представляет` `угрозу`).
// Left alone, each run reads as a row of tiny blocks and blank-line paragraph breaks that
// are not there. Mended here: a run of one-word lines becomes one line, flagged `spread`,
// which `BlockBuilder.continues` joins to its paragraph unless it opens one.

enum SpreadWords {
    /// The longest word taken as a piece of a spread line: longer tokens are URLs,
    /// symbols or words of a language without spaces.
    static let longestPiece = 24
    /// Fewer pieces in a row than this are short lines (a one-word heading, a wrapped tail).
    static let shortestRun = 3

    /// Merges each run of one-word lines (one blank line at most between them) into one
    /// line. In CJK text, where a line is one token, the pieces are single characters
    /// (`回` `顾` `其` …), joined without spaces.
    /// Returns whether any run was merged.
    /// - Complexity: O(n) in the lines' scalars (one pass, compacting in place).
    @discardableResult
    static func mend(_ lines: inout [SourceLine], profile: LanguageProfile) -> Bool {
        guard lines.count >= shortestRun else { return false }
        let spaced = profile.spec.joinWithSpace
        let isPiece = spaced ? isWordPiece : isCharacterPiece
        var write = 0
        var read = 0
        while read < lines.count {
            var end = read
            // The length is read in place first: no piece is longer (`isWordPiece`,
            // `isCharacterPiece`), and handing a line to `isPiece` copies it (two retains
            // and two releases), for every line of a text of long lines.
            if lines[read].length <= longestPiece && isPiece(lines[read]) {
                end = read + 1
                while end < lines.count, lines[end].length <= longestPiece,
                      isPiece(lines[end]) || (spaced && isDashBetweenPieces(lines, end, isPiece: isPiece)),
                      lines[end].blankBefore <= 1, !lines[end].pageBreakBefore, !lines[end].afterFootnotes { end += 1 }
            }
            // A finished word right above the run, with no blank line between it and the
            // first piece where blank lines part the rest (`(ДАИШ),` / `приветствуя` /
            // blank / `значительные` …), is the last line of the paragraph before: pdftotext
            // put it in one block with the spread line's first word, printed below it.
            if end - read > shortestRun, lines[read + 1].blankBefore == 0, lines[read + 2].blankBefore == 1,
               endsWithTerminator(lines[read].text) {
                if write != read { lines.withUnsafeMutableBufferPointer { $0.swapAt(write, read) } }
                write += 1
                read += 1
                continue
            }
            if end - read >= shortestRun {
                var merged = lines[read]
                for k in (read + 1)..<end {
                    WorkMeter.add(1 + lines[k].text.count)
                    if spaced { merged.text.append(" ") }
                    merged.text.append(contentsOf: lines[k].text)
                    lines[k].text = []
                }
                merged.width = approxColumns(merged.text)
                merged.spread = true
                lines[write] = merged
                write += 1
                read = end
                continue
            }
            // Swapped through the buffer: the lines are moved, where `Array.swapAt` copied both
            // (two retains and two releases a line, for every line after the first run mended).
            if write != read { lines.withUnsafeMutableBufferPointer { $0.swapAt(write, read) } }
            write += 1
            read += 1
        }
        guard write < lines.count else { return false }
        lines.removeSubrange(write...)
        return true
    }

    /// One word of running text alone on its line: no space, a letter in it, and not a
    /// number, label or marker (those stand alone on purpose).
    static func isWordPiece(_ line: SourceLine) -> Bool {
        guard line.length <= longestPiece else { return false }
        let t = line.text
        guard !line.isSeparator, !t.isEmpty, t.count <= longestPiece, !t.contains(where: Chars.isSpace),
              t.contains(where: Chars.isAlphabetic) else { return false }
        return !BlockBuilder.isNumberOnly(t) && !BlockBuilder.isLabelOnly(t) && BlockBuilder.bareNumber(t) == nil
    }

    /// A dash alone on line `k`, inside a run, with a piece right after it: a dash between two
    /// words of the spread line (`штатам` / `—` / `членам` / `федерации`), a piece like them.
    /// A list's dash alone stands before its item's text, a line of many words.
    /// - Complexity: O(1) (the next line's length is read first, as in `mend`).
    static func isDashBetweenPieces(_ lines: [SourceLine], _ k: Int, isPiece: (SourceLine) -> Bool) -> Bool {
        guard lines[k].length == 1, let dash = lines[k].text.first, dash == "\u{2014}" || dash == "\u{2013}",
              k + 1 < lines.count, lines[k + 1].blankBefore <= 1, !lines[k + 1].pageBreakBefore,
              lines[k + 1].length <= longestPiece else { return false }
        return isPiece(lines[k + 1])
    }

    /// One or two wide characters (a character or its punctuation) alone on a line: a CJK
    /// justified line taken apart.
    static func isCharacterPiece(_ line: SourceLine) -> Bool {
        guard line.length <= 2 else { return false }
        let t = line.text
        return !line.isSeparator && !t.isEmpty && t.count <= 2 && t.allSatisfy(Chars.isWide)
    }
}

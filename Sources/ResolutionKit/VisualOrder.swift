// Right-to-left PDF text: extraction may hand over a number with its bracketed year in
// the order it is painted rather than read. In logical order a closing bracket never
// opens a digit run that an opening bracket closes, so the brackets themselves show it.

enum VisualOrder {
    /// `)2023( 2674` → `2674 (2023)`; a lone `)2023(` → `(2023)`.
    /// - Complexity: O(n) in the line's scalars.
    static func restoreDigitRuns(_ line: inout Scalars) {
        if line.contains("\u{2018}") { restoreQuotedNumbers(&line) }
        guard line.contains(")") else { restoreLineEdges(&line); return }
        var out = Scalars()
        out.reserveCapacity(line.count)
        var i = 0
        var changed = false
        while i < line.count {
            if line[i] == ")", let (inner, afterOpen) = digitsThen("(", in: line, from: i + 1) ?? symbolThen("(", in: line, from: i + 1) {
                // `1)2011( 2014`, `،2)2019( 2488`: a footnote marker painted before the run
                // follows it.
                var marker = Scalars()
                var m = out.count
                while m > 0 && Chars.isDigit(out[m - 1]) && out.count - m < 2 { m -= 1 }
                if m < out.count && (m == 0 || Chars.isSpace(out[m - 1]) || out[m - 1] == "،" || out[m - 1] == "؛") {
                    marker = Array(out[m...]); out.removeLast(out.count - m)
                }
                // `،)S/PRST/2017/16( 2017`: the stop after the run, painted at its left end.
                var stop: Unicode.Scalar? = nil
                if marker.isEmpty, let last = out.last, last == "،" || last == "؛", out.count == 1 || Chars.isSpace(out[out.count - 2]) {
                    stop = out.removeLast()
                }
                defer {
                    if let stop { out.append(stop) }
                    // The marker stands after the run, apart from a word that follows it.
                    out.append(contentsOf: marker)
                    if !marker.isEmpty, i < line.count, Chars.isAlphabetic(line[i]) { out.append(" ") }
                }
                var j = afterOpen
                while j < line.count && line[j] == " " { j += 1 }
                var k = j
                while k < line.count && Chars.isDigit(line[k]) { k += 1 }
                if k > j {
                    out.append(contentsOf: line[j..<k]); out.append(" ")
                    out.append("("); out.append(contentsOf: inner); out.append(")")
                    i = k
                } else {
                    out.append("("); out.append(contentsOf: inner); out.append(")")
                    i = afterOpen
                }
                changed = true
                continue
            }
            // `(،)S/2020/70`, `( ،)2010`, `(، )S/2020/832`: a bracketed symbol or year and the
            // stop after it, painted with the stop (and a space beside it) inside the
            // brackets and the symbol after them.
            let stop = i + 1 < line.count && line[i + 1] == " " ? i + 2 : i + 1
            let close = stop + 1 < line.count && line[stop + 1] == " " && stop == i + 1 ? stop + 2 : stop + 1
            if line[i] == "(", close + 1 < line.count, line[stop] == "،" || line[stop] == "." || line[stop] == "؛",
               line[close] == ")", let end = symbolEnd(in: line, from: close + 1) ?? digitsEnd(in: line, from: close + 1),
               end == line.count || Chars.isSpace(line[end]) {
                out.append("("); out.append(contentsOf: line[(close + 1)..<end]); out.append(")"); out.append(line[stop])
                i = end
                changed = true
                continue
            }
            // `( )S/2019/883وتقريره`, `( )2017وإطار`: the space after a bracketed symbol or
            // year painted inside the brackets, the symbol after them, and the next word
            // glued to it.
            if line[i] == "(", i + 3 < line.count, line[i + 1] == " ", line[i + 2] == ")",
               let end = symbolEnd(in: line, from: i + 3) ?? digitsEnd(in: line, from: i + 3),
               end == line.count || Chars.isArabicLetter(line[end]) {
                out.append("("); out.append(contentsOf: line[(i + 3)..<end]); out.append(")")
                if end < line.count { out.append(" ") }
                i = end
                changed = true
                continue
            }
            out.append(line[i])
            i += 1
        }
        if changed { line = out }
        restoreLineEdges(&line)
    }

    /// A run of numbers and marks that poppler wrapped as left-to-right inside a
    /// right-to-left line, put in reading order. Poppler writes such a run as it stands on
    /// the page, read left to right; but in a right-to-left paragraph only each number or
    /// document symbol is set left to right (with the separators inside it: `2019-2020`,
    /// `S/2020/545`), while the spaces, brackets and commas between them take the
    /// paragraph's direction (the Unicode bidi algorithm's rules W4 and N1). So the run's
    /// pieces are read from its right end: ` )2014( 2175` is `2175 (2014) `, ` ،2020` is
    /// `2020، `, and the halves of a number in brackets broken across two lines, `( 2258`
    /// at one line's end and ` )2015` at the next one's start, are `2258 (` and `2015) `.
    ///
    /// Left as it is: a run with words in it (`Distr.: General`, `30 March 2020`), where
    /// the spaces between Latin words keep their direction, and one that opens with a
    /// symbol followed by more (`S/RES/2521 (2020`), which is set left to right as a whole;
    /// a closing bracket that poppler printed before such a run goes back after it.
    /// - Complexity: O(r) in the run's scalars.
    static func readPaintedRun(_ line: inout Scalars, from start: Int) {
        guard start < line.count - 1 else { return }
        // The pieces, from the run's right end: a number or symbol (ASCII letters and
        // digits, with a single separator between two of them), or any other scalar alone.
        func isWordScalar(_ c: Unicode.Scalar) -> Bool { c.isASCII && (Chars.isDigit(c) || Chars.isAlphabetic(c)) }
        var pieces: [Range<Int>] = []
        var end = line.count
        var hasDigit = false, hasSymbol = false
        while end > start {
            var k = end - 1
            if isWordScalar(line[k]) {
                while k > start {
                    if isWordScalar(line[k - 1]) { k -= 1; continue }
                    if k - 1 > start, isNumberSeparator(line[k - 1]), isWordScalar(line[k - 2]) { k -= 2; continue }
                    break
                }
                var letters = false, slash = false
                for c in line[k..<end] {
                    if Chars.isDigit(c) { hasDigit = true } else if Chars.isAlphabetic(c) { letters = true } else if c == "/" { slash = true }
                }
                // A word that is no symbol: Latin text, which keeps its own order.
                if letters && !slash { return }
                if letters { hasSymbol = true }
            } else if Chars.isAlphabetic(line[k]) {
                return
            }
            pieces.append(k..<end)
            end = k
        }
        guard hasDigit, let first = pieces.last(where: { !Chars.isSpace(line[$0.lowerBound]) }) else { return }
        // `.S/RES/2497 (2019) 3` (a note and its number): a symbol whose year's brackets
        // stand in reading order was set left to right as a whole, the line with it.
        if hasSymbol, let open = line[start...].firstIndex(of: "("), line[open...].contains(")") { return }
        let closedBefore = start > 0 && line[start - 1] == ")" && line[start...].contains("(") && !line[start...].contains(")")
        // A symbol alone with its spaces (`< S/2019/28>و`) reads either way but for them.
        let alone = pieces.count(where: { !Chars.isSpace(line[$0.lowerBound]) }) == 1
        if (Chars.isAlphabetic(line[first.lowerBound]) && !alone) || (hasSymbol && closedBefore) {
            // `)< S/RES/1645 (2005>`, `)<.S/RES/2428 (2018>` (a note): a symbol and its
            // year, set left to right as a whole, whose closing bracket poppler printed
            // before the run: it goes back after it.
            guard closedBefore else { return }
            var body = Scalars(line[first.lowerBound...])
            while let last = body.last, Chars.isSpace(last) { body.removeLast() }
            body.append(")")
            let lead = first.lowerBound - start
            if lead > 0 { body.append(contentsOf: repeatElement(" ", count: lead)) }
            line.replaceSubrange((start - 1)..<line.count, with: body)
            return
        }
        var ordered = Scalars()
        ordered.reserveCapacity(line.count - start)
        for r in pieces { ordered.append(contentsOf: line[r]) }
        // `< . 2>`: a paragraph's number with its stop painted apart from it reads `2. `.
        var k = 0
        while k < ordered.count && Chars.isSpace(ordered[k]) { k += 1 }
        let digits = k
        while k < ordered.count && Chars.isDigit(ordered[k]) { k += 1 }
        if k > digits, k - digits <= 3, k + 1 < ordered.count, Chars.isSpace(ordered[k]) {
            var stop = k
            while stop < ordered.count && Chars.isSpace(ordered[stop]) { stop += 1 }
            if stop < ordered.count, ordered[stop] == ".", stop + 1 == ordered.count || Chars.isSpace(ordered[stop + 1]) {
                ordered.removeSubrange(k..<stop)
            }
        }
        // `(<، )S/2020/832>`: a comma painted a space apart from the bracket it follows
        // ends that bracket's text, as an Arabic comma ends the word before it. Written in
        // one pass: a run of such commas made to order costs no more than its length.
        var tidied = Scalars()
        tidied.reserveCapacity(ordered.count + 1)
        for (m, c) in ordered.enumerated() {
            if ArabicCommas.isComma(c), tidied.count >= 2, Chars.isSpace(tidied[tidied.count - 1]), !Chars.isSpace(tidied[tidied.count - 2]) {
                tidied.removeLast()
                tidied.append(c)
                if m + 1 == ordered.count || !Chars.isSpace(ordered[m + 1]) { tidied.append(" ") }
                continue
            }
            tidied.append(c)
        }
        WorkMeter.add(pieces.count + 2 * tidied.count)
        line.replaceSubrange(start..<line.count, with: tidied)
    }

    /// Separators that stay inside a number or symbol between two of its characters.
    private static func isNumberSeparator(_ c: Unicode.Scalar) -> Bool {
        c == "." || c == "," || c == "/" || c == ":" || c == "-" || c == "+"
    }

    /// An item's number between quotes, as Arabic prints it (`’1‘`), comes out of
    /// extraction as `’ ‘1` before the item's first word, or `’‘10` at the line's end (alone,
    /// or after the item's text in `-layout`): back to `’1‘ ` and `’10‘`.
    /// - Complexity: O(n) in the line's scalars.
    static func restoreQuotedNumbers(_ line: inout Scalars) {
        var out = Scalars()
        out.reserveCapacity(line.count + 1)
        var i = 0
        while i < line.count {
            if line[i] == "\u{2019}" {
                // `’ ‘1` before a word, or `’‘10` alone (the label apart from its text).
                var k = i + 1
                if k < line.count && line[k] == " " { k += 1 }
                if k < line.count, line[k] == "\u{2018}" {
                    var j = k + 1
                    while j < line.count && j - (k + 1) < 2 && Chars.isDigit(line[j]) { j += 1 }
                    let alone = j == line.count
                    if j > k + 1, alone || (j < line.count && !Chars.isDigit(line[j]) && !Chars.isSpace(line[j])) {
                        out.append("\u{2019}")
                        out.append(contentsOf: line[(k + 1)..<j])
                        out.append("\u{2018}")
                        if !alone { out.append(" ") }
                        i = j
                        continue
                    }
                }
            }
            out.append(line[i])
            i += 1
        }
        line = out
    }

    /// The runs of a right-to-left line in reading order. `pdftotext -layout` prints the
    /// runs it found on a printed line from left to right, each in its own embedding; on a
    /// right-to-left line the rightmost run is read first. A justified line whose spaces
    /// were stretched, or a stray mark above it, cuts it into runs, and a paragraph's
    /// opening words then land after the end of the line before it.
    ///
    /// `runStarts` are offsets in the source line where a top-level embedding opened after
    /// text (`from` is where `line` starts in it). Runs are reversed only when each holds
    /// Arabic script, so that a number, a job number or a symbol printed apart keeps its place
    /// for the rules that read a line's edges (`restoreLineEdges`).
    /// - Complexity: O(n) in the line's scalars.
    static func restoreRunOrder(_ line: inout Scalars, runStarts: [Int], from offset: Int) {
        var cuts: [Int] = []
        for r in runStarts {
            let k = r - offset
            // A run that opens straight after the last one, with no space, is the same stretch of text.
            guard k > 0, k < line.count, Chars.isSpace(line[k - 1]), cuts.last.map({ $0 < k }) ?? true else { continue }
            cuts.append(k)
        }
        guard !cuts.isEmpty else { return }
        var runs: [(text: Range<Int>, gap: Range<Int>)] = []
        var start = 0
        for end in cuts + [line.count] {
            // A run's own edge spaces (` .2` in its embedding) belong to the gap.
            var textStart = start
            while textStart < end && Chars.isSpace(line[textStart]) { textStart += 1 }
            var textEnd = end
            while textEnd > textStart && Chars.isSpace(line[textEnd - 1]) { textEnd -= 1 }
            runs.append((textStart..<textEnd, textEnd..<end))
            start = end
        }
        func isArabicScript(_ c: Unicode.Scalar) -> Bool {
            (c.value >= 0x0600 && c.value <= 0x06FF) || (c.value >= 0xFB50 && c.value <= 0xFEFF)
        }
        guard runs.allSatisfy({ run in !run.text.isEmpty && line[run.text].contains(where: isArabicScript) }) else { return }
        var ordered = Scalars()
        ordered.reserveCapacity(line.count)
        for k in runs.indices.reversed() {
            ordered.append(contentsOf: line[runs[k].text])
            if k > 0 { ordered.append(contentsOf: line[runs[k - 1].gap]) }
        }
        line = ordered
    }

    /// The edges of a right-to-left line as extraction paints them: `.12 يقرر` and
    /// `. 12يقرر` are the operative number `12.`; `)S/RES/2505 (2020` is `S/RES/2505 (2020)`; `( أ)` is `(أ)`;
    /// `.S/PRST/2019/3` is `S/PRST/2019/3.`, and `.S/2020/785 2` is the note `2 S/2020/785.`.
    /// - Complexity: O(n) in the line's scalars.
    static func restoreLineEdges(_ line: inout Scalars) {
        // `…text   .12` (pdftotext -layout): the paragraph number printed at the line's right
        // end, which is where a right-to-left line starts.
        // Its run read in order (`readPaintedRun`), it is `…text   12.`, and moves the same way.
        if line.count > 4, let last = line.last, Chars.isDigit(last) {
            var j = line.count
            while j > 0 && Chars.isDigit(line[j - 1]) && line.count - j < 3 { j -= 1 }
            if j >= 2, line[j - 1] == ".", Chars.isSpace(line[j - 2]) {
                var k = j - 2
                while k > 0 && Chars.isSpace(line[k - 1]) { k -= 1 }
                if k > 0 {
                    line = Array(line[j...]) + [".", " "] + Array(line[..<k])
                    return
                }
            }
        } else if line.count > 4, line.last == ".", Chars.isDigit(line[line.count - 2]) {
            var j = line.count - 1
            while j > 0 && Chars.isDigit(line[j - 1]) && line.count - 1 - j < 3 { j -= 1 }
            if j >= 2, Chars.isSpace(line[j - 1]) {
                var k = j - 1
                while k > 0 && Chars.isSpace(line[k - 1]) { k -= 1 }
                if k > 0 {
                    line = Array(line[j...]) + [" "] + Array(line[..<k])
                    return
                }
            }
        }
        // `.S/PRST/2019/3`: a left-to-right line (a note citing a document) whose stop the
        // right-to-left page painted first; `-layout` also paints the note's number last, at
        // the line's right end, where the right-to-left line starts (`.S/2020/785 2`).
        if line.count > 2, line[0] == ".", Chars.isAlphabetic(line[1]), !line.contains(where: Chars.isArabicLetter) {
            var end = line.count
            while end > 1 && Chars.isDigit(line[end - 1]) && line.count - end < 3 { end -= 1 }
            var body = end
            while body > 1 && Chars.isSpace(line[body - 1]) { body -= 1 }
            if end < line.count, body < end, body > 1 {
                line = Array(line[end...]) + [" "] + Array(line[1..<body]) + ["."]
            } else {
                line = Array(line[1...]) + ["."]
            }
            return
        }
        // `…text     ’10‘`: an item's quoted number printed at the line's right end.
        if line.count > 6, line.last == "\u{2018}" {
            var open = line.count - 2
            while open > 0 && line.count - open <= 4 && Chars.isDigit(line[open]) { open -= 1 }
            if line[open] == "\u{2019}", moveToFront(&line, from: open) { return }
        }
        // `…text     (أ)`: an item's label printed at the line's right end, likewise.
        if line.count > 6, line.last == ")" {
            var open = line.count - 2
            while open > 0 && line.count - open <= 5 && line[open] != "(" && !Chars.isSpace(line[open]) { open -= 1 }
            if line[open] == "(", moveToFront(&line, from: open) { return }
        }
        if line.count >= 2, line[0] == "." || line[0] == "．" {
            // `. 2يشدد`: poppler may also print a space between the stop and the digits.
            if line.count > 3, line[1] == " ", Chars.isDigit(line[2]) { line.remove(at: 1) }
            var j = 1
            while j < line.count && Chars.isDigit(line[j]) && j <= 3 { j += 1 }
            // `.12` alone on its line: the number of the paragraph that follows.
            if j > 1, j == line.count { line = Array(line[1...]) + ["."]; return }
            if j > 1, j < line.count, !Chars.isDigit(line[j]), line[j] != "." {
                var fixed = Array(line[1..<j]) + ["."]
                if !Chars.isSpace(line[j]) { fixed.append(" ") }
                fixed.append(contentsOf: line[j...])
                line = fixed
            }
        }
        if line.count > 3, line[0] == ")" {
            var depth = 0
            for c in line.dropFirst() { if c == "(" { depth += 1 } else if c == ")" { depth -= 1 } }
            if depth == 1 {
                var k = 1
                var trailing = Scalars()
                while k < line.count && (line[k] == "." || line[k] == "،") { trailing.append(line[k]); k += 1 }
                line = Array(line[k...]) + [")"] + trailing
            }
        }
        if line.count > 4, line[0] == "(", line[1] == " ", let close = line.firstIndex(of: ")"), close <= 5 {
            line.remove(at: 1)
        }
    }

    /// Moves the label from `open` to the end of the line to its front, when two spaces or
    /// more part it from the text before it (`…text     (أ)` → `(أ) …text`).
    /// - Complexity: O(n) in the line's scalars.
    private static func moveToFront(_ line: inout Scalars, from open: Int) -> Bool {
        guard open < line.count - 2, open >= 3, Chars.isSpace(line[open - 1]), Chars.isSpace(line[open - 2]) else { return false }
        var k = open - 2
        while k > 0 && Chars.isSpace(line[k - 1]) { k -= 1 }
        guard k > 0 else { return false }
        line = Array(line[open...]) + [" "] + Array(line[..<k])
        return true
    }

    /// A document symbol from `start` (`S/PRST/2019/3`: letters, digits, `/`, `.`, `-`,
    /// with a slash) when it is followed by `close`; the index after `close`.
    private static func symbolThen(_ close: Unicode.Scalar, in s: Scalars, from start: Int) -> (ArraySlice<Unicode.Scalar>, Int)? {
        guard let j = symbolEnd(in: s, from: start), j < s.count, s[j] == close else { return nil }
        return (s[start..<j], j + 1)
    }

    /// Where a document symbol that starts at `start` ends (the index after it), or nil.
    /// - Complexity: O(1): a symbol is 40 scalars at most.
    private static func symbolEnd(in s: Scalars, from start: Int) -> Int? {
        var j = start
        var slash = false
        while j < s.count, j - start <= 40, s[j].isASCII,
              Chars.isAlphabetic(s[j]) || Chars.isDigit(s[j]) || s[j] == "/" || s[j] == "." || s[j] == "-" {
            if s[j] == "/" { slash = true }
            j += 1
        }
        guard slash, j > start, Chars.isAlphabetic(s[start]) else { return nil }
        return j
    }

    /// The end of the digits from `start`, when there is one at least.
    private static func digitsEnd(in s: Scalars, from start: Int) -> Int? {
        var j = start
        while j < s.count && Chars.isDigit(s[j]) { j += 1 }
        return j > start ? j : nil
    }

    /// The digits from `start` when they are followed by `close`; the index after `close`.
    private static func digitsThen(_ close: Unicode.Scalar, in s: Scalars, from start: Int) -> (ArraySlice<Unicode.Scalar>, Int)? {
        var j = start
        while j < s.count && Chars.isDigit(s[j]) { j += 1 }
        guard j > start, j - start <= 4, j < s.count, s[j] == close else { return nil }
        return (s[start..<j], j + 1)
    }
}

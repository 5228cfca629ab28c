// Phase 3: lift footnote blocks out of the flow, wherever they sit — at the end, or at a
// page break in the middle of a paragraph. The line after a lifted block is flagged so
// that the block builder can rejoin the two halves of a cut paragraph.

struct RawFootnote {
    var number: Int
    /// Packed: a text that is mostly notes holds them all until the assembler reads each once.
    private var packed: PackedScalars
    var line: Int

    init(number: Int, text: Scalars, line: Int) {
        self.number = number
        packed = PackedScalars(text)
        self.line = line
    }

    /// The note's text, unpacked on each read.
    var text: Scalars {
        get { packed.scalars }
        set { packed = PackedScalars(newValue) }
    }
}

enum FootnoteExtractor {
    static func extract(_ lines: [SourceLine], layout: TextLayout) -> (lines: [SourceLine], notes: [RawFootnote]) {
        var kept = lines
        let notes = extract(taking: &kept, layout: layout)
        return (kept, notes)
    }

    /// Lifts the notes out of `lines` in place: the lines kept are moved down over the ones
    /// lifted, so the phase never holds a second array of every line.
    /// - Complexity: O(n) in the lines.
    static func extract(taking lines: inout [SourceLine], layout: TextLayout) -> [RawFootnote] {
        let hardWrapped = layout.hardWrapped, measure = layout.measure
        // Kept lines are written at `w`, never past the line being read (`w <= i`); the line
        // before `i` is therefore either itself or not yet overwritten when it is read.
        var w = 0
        var notes: [RawFootnote] = []
        var lifted = false
        var i = 0
        func keep(_ i: Int) {
            // Where nothing was lifted yet the line is kept where it is: changed in place, not
            // copied over itself (two retains and two releases a line of a text with no notes).
            if w == i {
                if lifted { lines[i].afterFootnotes = true; lifted = false }
                w += 1
                return
            }
            var l = lines[i]
            if lifted { l.afterFootnotes = true; lifted = false }
            lines[w] = l
            w += 1
        }
        while i < lines.count {
            // A footnote line stands apart: after a blank line or another note. In
            // hard-wrapped text a line that merely starts with a marker continues the text.
            // Without blank lines, a line before it that stopped short also sets it apart.
            // Only a line opening as a note does (`[^`, a superscript digit) is unpacked.
            // Read in place: a copy of every line was a retain and a release each.
            let opensNote = lines[i].firstScalar.map { $0 == "[" || Chars.superscriptValue($0) != nil } ?? false
            let apart = opensNote && (!hardWrapped || lines[i].blankBefore > 0 || i == 0 || lifted || lines[i].pageBreakBefore
                || layout.endsEarly(lines[i - 1], before: lines[i].scalars))
            if apart, let (n, body) = superscriptFootnote(lines[i].text) ?? markdownFootnote(lines[i].text) {
                notes.append(RawFootnote(number: n, text: body, line: lines[i].index))
                // The note's text is a copy: the line's own is released now, not when a kept
                // line is moved over it (notes gathered at the end never are, so a text that is
                // mostly notes held them twice).
                lines[i].text = []
                lifted = true
                i += 1
                continue
            }
            if lines[i].isSeparator {
                // A rule: in PDF text the footnote zone follows it (number line, body lines).
                let (consumed, zone) = pdfZone(lines, from: i + 1, measure: measure)
                if !zone.isEmpty {
                    notes += zone
                    lifted = true
                    i = consumed
                    continue
                }
                if lines[i].length > 0 { keep(i) }  // an underscore rule: furniture, handled later
                i += 1
                continue
            }
            keep(i)
            i += 1
        }
        lines.removeSubrange(w...)
        let trailing = trailingNumberedNotes(&lines, after: notes.map(\.number).max() ?? 0)
        return notes + trailing
    }

    /// Notes printed at the very end with plain numbers (`1 Resolution 70/125.`): a run of
    /// last lines numbered one by one up to the last, starting where the notes found so
    /// far stop (usually at 1).
    static func trailingNumberedNotes(_ lines: inout [SourceLine], after last: Int) -> [RawFootnote] {
        var run: [RawFootnote] = []
        var k = lines.count - 1
        // Collected last to first and reversed once (inserting at the front was O(n²)).
        while k >= 0, let (n, body) = leadingNumber(lines[k].text), !body.isEmpty, body.first.map(Chars.isDigit) == false,
              run.isEmpty || n == run[run.count - 1].number - 1 {
            WorkMeter.add(1 + body.count)
            run.append(RawFootnote(number: n, text: body, line: lines[k].index))
            k -= 1
        }
        run.reverse()
        guard let first = run.first, first.number == last + 1 else { return [] }
        lines.removeLast(run.count)
        return run
    }

    /// `¹ 见 A/C.2/59/3。` — a line that opens with superscript digits. Not one whose text
    /// opens with a clause's punctuation (`¹、2420(2018)和…`): that is a marker the wrap
    /// carried to a line's start, and the sentence goes on after it.
    static func superscriptFootnote(_ s: Scalars) -> (Int, Scalars)? {
        var i = 0, n = 0
        while i < s.count, let v = Chars.superscriptValue(s[i]) { n = n * 10 + v; i += 1 }
        guard i > 0, i < s.count, n > 0 else { return nil }
        let body = trimmed(s[i...])
        if let first = body.first, Chars.isTerminator(first) || Chars.isWidePunctuation(first) || first == ")" || first == "）" {
            return nil
        }
        return (n, body)
    }

    /// `[^3]: text` — a markdown footnote definition.
    static func markdownFootnote(_ s: Scalars) -> (Int, Scalars)? {
        guard s.count > 5, s[0] == "[", s[1] == "^" else { return nil }
        var i = 2, n = 0
        while i < s.count, Chars.isDigit(s[i]) { n = n * 10 + Int(s[i].value - 48); i += 1 }
        guard i > 2, i + 1 < s.count, s[i] == "]", s[i + 1] == ":" else { return nil }
        return (n, trimmed(s[(i + 2)...]))
    }

    /// A number alone on its line (`1`), or a number followed by the note (`1 见 …`).
    static func leadingNumber(_ s: Scalars) -> (Int, Scalars)? {
        var i = 0, n = 0
        while i < s.count && i < 3 && Chars.isDigit(s[i]) { n = n * 10 + Int(s[i].value - 48); i += 1 }
        guard i > 0, n > 0 else { return nil }
        if i == s.count { return (n, []) }
        guard Chars.isSpace(s[i]) else { return nil }
        return (n, trimmed(s[i...]))
    }

    /// Reads the footnotes of a PDF page after its rule. Returns the index of the first
    /// line after the zone and the notes found (empty: not a footnote zone).
    static func pdfZone(_ lines: [SourceLine], from start: Int, measure: Int) -> (Int, [RawFootnote]) {
        var notes: [RawFootnote] = []
        var i = start
        while i < lines.count {
            let line = lines[i].unpacked
            guard !line.isSeparator, let (n, sameLine) = leadingNumber(line.text),
                  notes.isEmpty || (n > notes.last!.number && n <= notes.last!.number + 2) else { break }
            var body = sameLine
            var j = i + 1
            if body.isEmpty {
                guard j < lines.count, !lines[j].isSeparator else { break }
                body = lines[j].text
                j += 1
            }
            // Wrapped note bodies continue at the margin after a full line. The body only
            // grows, so once it fills the measure it stays full: measured once, not per
            // line (measuring the growing body per line was O(n²)).
            WorkMeter.add(body.count)
            let full = approxColumns(body) * 10 >= measure * 8
            while full, j < lines.count, !lines[j].isSeparator, lines[j].indent == 0,
                  leadingNumber(lines[j].text)?.1.isEmpty != true {
                TextJoiner.append(lines[j].text, to: &body, spaced: !Chars.isWide(body.last ?? " "))
                j += 1
            }
            notes.append(RawFootnote(number: n, text: body, line: line.index))
            i = j
        }
        return (notes.isEmpty ? start : i, notes)
    }
}

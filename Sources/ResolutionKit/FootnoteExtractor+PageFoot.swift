// Footnotes at the foot of each page of PDF text, where no rule was extracted: after the
// page's last body line come the notes and then the footer. pdftotext prints them as a
// block of numbers followed by a block of texts (`1` `2` `3`, then three texts), or each
// number followed by its text, on the same line or the next.

extension FootnoteExtractor {
    /// Lines a page's notes may take, counted back from the page's end: bounds the work
    /// per page so that the whole pass stays linear.
    static let footZone = 40

    /// Lifts the notes at the foot of every page (a page ends before a page feed, and at
    /// the end of the text). Notes must be numbered on from the notes before them, or
    /// from 1 where numbering restarts on each page.
    /// Works in place: kept lines move down over lifted ones, and only one page is copied
    /// at a time, so the phase never holds a second array of every line.
    /// - Complexity: O(n · footZone) in the number of lines, i.e. linear.
    static func liftPageFootNotes(_ lines: inout [SourceLine], after previous: [RawFootnote], profile: LanguageProfile,
                                  isFurniture: (SourceLine) -> Bool) -> [RawFootnote] {
        // Kept lines are written at `w`, never past the page being read. Lines that do not
        // move are not written at all. Kept lines are swapped down, not copied: a copy over
        // a line was a retain and a release, for every line after the first page with notes.
        // What a swap leaves behind lies between `w` and the page read, and is never read
        // again (it goes with the tail at the end).
        var w = 0
        func keep(_ range: Range<Int>) {
            if w == range.lowerBound { w = range.upperBound; return }
            lines.withUnsafeMutableBufferPointer { buffer in
                for i in range { buffer.swapAt(w, i); w += 1 }
            }
        }
        var notes: [RawFootnote] = []
        var last = previous.map(\.number).max() ?? 0
        var pageStart = 0
        var k = 0
        while k <= lines.count {
            let pageEnds = k == lines.count || (k > pageStart && lines[k].pageBreakBefore)
            if !pageEnds { k += 1; continue }
            // Notes sit in the page's last `footZone` lines: only those are read, in place
            // (a copy of them, every page, was a tenth of the pass).
            let tailStart = max(pageStart, k - footZone)
            var lifted: (start: Int, notes: [RawFootnote], body: [SourceLine])? = nil
            // A line is asked whether it opens with a note's number in place, unpacked by
            // none (in Chinese text many lines open with a year or a symbol's digits).
            for s in tailStart..<k where lines[s].firstScalar.map(Chars.isDigit) == true
                && opensWithNoteNumber(lines[s].scalars) && !isFurniture(lines[s]) {
                // `3.` right before the notes: its text may come among them.
                let before = s - 1
                let awaiting = before >= pageStart && (BlockBuilder.isNumberOnly(lines[before].scalars) || BlockBuilder.isLabelOnly(lines[before].scalars))
                if let found = parseFoot(lines, s..<k, isFurniture: isFurniture, awaitingText: awaiting),
                   found.notes[0].number == last + 1 || found.notes[0].number == 1 {
                    lifted = (s, found.notes, found.body)
                    break
                }
            }
            if case (let start, var found, var body)? = lifted {
                // Numbering that restarts on each page: the notes are numbered on from the
                // notes before them, as the document's footnotes, and so are the page's markers.
                if found[0].number == 1 && last > 0 {
                    for i in found.indices { found[i].number += last }
                    renumberMarkers(&lines, in: pageStart..<start, upTo: found.count, by: last)
                }
                // The footer lines after the notes stay for the furniture pass: taken before
                // the body's lines are written, which may land on them.
                var footer: [SourceLine] = []
                for i in start..<k where isFurniture(lines[i]) { footer.append(lines[i]) }
                keep(pageStart..<start)
                for line in body { lines[w] = line; w += 1 }
                body = []
                for line in footer { lines[w] = line; w += 1 }
                notes += found
                last = found.last!.number
            } else if let apart = numbersApartFromNotes(lines, page: pageStart..<k, next: last + 1,
                                                        profile: profile, isFurniture: isFurniture) {
                // Numbered from 1 on each page: numbered on, and so are the page's markers.
                if apart.first != last + 1 {
                    renumberMarkers(&lines, in: pageStart..<apart.notes[0], upTo: apart.notes.count, by: last)
                }
                for t in apart.notes {
                    last += 1
                    notes.append(RawFootnote(number: last, text: lines[t].text, line: lines[t].index))
                }
                let taken = Set(apart.numbers + apart.notes)
                for i in pageStart..<k where !taken.contains(i) { lines[w] = lines[i]; w += 1 }
            } else if pageStart > 0 || k < lines.count,  // pages printed, so poppler's mend
                      let mended = numberMendedIntoBody(lines, page: pageStart..<k, next: last + 1,
                                                        profile: profile, isFurniture: isFurniture) {
                if mended.number != last + 1 {
                    renumberMarkers(&lines, in: pageStart..<mended.body, upTo: 1, by: last)
                }
                // The hyphen poppler took out goes back; the join with the next page's
                // first line then reads it as any hyphen at a line's end.
                var text = lines[mended.body].text
                text.removeLast(mended.digits)
                text.append("-")
                lines[mended.body].text = text
                last += 1
                notes.append(RawFootnote(number: last, text: lines[mended.note].text, line: lines[mended.note].index))
                for i in pageStart..<k where i != mended.note { lines[w] = lines[i]; w += 1 }
            } else {
                keep(pageStart..<k)
            }
            pageStart = k
            k += 1
        }
        lines.removeSubrange(w...)
        return notes
    }

    /// A page's notes printed apart from their numbers: the numbers alone somewhere up the
    /// page, one or a column of them in sequence (pdftotext printed the column of note
    /// numbers by the page's number, `1` then `4/6`, or above the organ's formula), and the
    /// notes' texts last on the page, before the footer, with no number
    /// (`S/RES/2441 (2018).`). Each note is a short finished line that opens no paragraph
    /// (no number, no label, no verb or opener); a single note is also set apart by a blank
    /// line or a finished clause before it. The numbers are the only ones alone on the page and go on the document's
    /// sequence, or start again from 1. The numbers' lines, the notes' lines, and the first
    /// number as printed.
    /// - Complexity: O(p) in the page's lines.
    static func numbersApartFromNotes(_ lines: [SourceLine], page: Range<Int>, next: Int, profile: LanguageProfile,
                                      isFurniture: (SourceLine) -> Bool) -> (numbers: [Int], notes: [Int], first: Int)? {
        var numbers: [Int] = []
        var first = 0
        for i in page {
            WorkMeter.add(1)
            // The number first, read in place; only a number alone is asked whether it is
            // furniture (the furniture test copied every line of the page, and most lines
            // of a long text are one page).
            // Its length first: a number alone is three scalars at most (`bareNumber`).
            guard lines[i].length <= 3, let n = BlockBuilder.bareNumber(lines[i].scalars), !isFurniture(lines[i]) else { continue }
            if numbers.isEmpty {
                guard n == next || n == 1 else { return nil }
                first = n
            } else {
                // One column: each number right after the one before, one more.
                guard n == first + numbers.count, let last = numbers.last, i == last + 1 else { return nil }
            }
            numbers.append(i)
        }
        guard !numbers.isEmpty else { return nil }
        var notes: [Int] = []
        var t = page.upperBound - 1
        while notes.count < numbers.count, t > numbers.last! {
            WorkMeter.add(1)
            if isFurniture(lines[t]) || lines[t].isSeparator || lines[t].length == 0 { t -= 1; continue }
            let note = lines[t].text
            guard note.count <= 60, BlockBuilder.endsWithStrongTerminator(note),
                  StructureBuilder.operativeNumber(note) == nil, LabelParser.parse(note, profile: profile) == nil,
                  profile.verbs.longestMatch(note, at: 0) == 0, profile.openers.longestMatch(note, at: 0) == 0 else { return nil }
            notes.append(t)
            t -= 1
        }
        guard notes.count == numbers.count else { return nil }
        notes.reverse()
        // A single note is set apart: by a blank line, or by a finished clause before it.
        if notes.count == 1 && lines[notes[0]].blankBefore == 0 {
            var p = notes[0] - 1
            while p > numbers[0], isFurniture(lines[p]) || lines[p].isSeparator || lines[p].length == 0 { p -= 1 }
            if p <= numbers[0] || !BlockBuilder.endsWithStrongTerminator(lines[p].scalars) { return nil }
        }
        return (numbers, notes, first)
    }

    /// A page's one note whose number poppler glued to the page's last body word. pdftotext
    /// mends a word hyphenated at a line's end by joining it to the next word it prints, and
    /// after the page's last body line that is the note's number: `police-` and `2` come out
    /// as `police2`. The note's text then stands last on the page, before the footer, with
    /// no number. Read so when the body's last line ends with a letter and the next note's
    /// number (or 1, where numbering restarts on each page) and the page's last line reads
    /// as a note (short, finished, opening no paragraph). The body line's index, how many
    /// digits end it, the note's line, and its number as printed.
    /// - Complexity: O(p) in the page's lines.
    static func numberMendedIntoBody(_ lines: [SourceLine], page: Range<Int>, next: Int, profile: LanguageProfile,
                                     isFurniture: (SourceLine) -> Bool) -> (body: Int, digits: Int, note: Int, number: Int)? {
        func previousText(before i: Int) -> Int? {
            var t = i - 1
            while t >= page.lowerBound {
                WorkMeter.add(1)
                if !(isFurniture(lines[t]) || lines[t].isSeparator || lines[t].length == 0) { return t }
                t -= 1
            }
            return nil
        }
        guard let noteLine = previousText(before: page.upperBound), let body = previousText(before: noteLine),
              body > page.lowerBound else { return nil }
        // The body line's end first, read in place: it rarely ends with a letter and a
        // number, and the note's line is then neither unpacked nor parsed.
        let text = lines[body].scalars
        var digits = 0
        while digits < 3, digits < text.count, Chars.isDigit(text[text.count - 1 - digits]) { digits += 1 }
        guard (1...2).contains(digits), text.count > digits, Chars.isAlphabetic(text[text.count - 1 - digits]) else { return nil }
        var number = 0
        for i in (text.count - digits)..<text.count { number = number * 10 + Int(text[i].value - 48) }
        guard number == next || number == 1 else { return nil }
        let note = lines[noteLine].text
        guard note.count <= 60, BlockBuilder.endsWithStrongTerminator(note), bareOrLeadingNumber(note) == nil,
              StructureBuilder.operativeNumber(note) == nil, LabelParser.parse(note, profile: profile) == nil,
              profile.verbs.longestMatch(note, at: 0) == 0, profile.openers.longestMatch(note, at: 0) == 0 else { return nil }
        return (body, digits, noteLine, number)
    }

    /// Whether a line may hold a marker `renumberMarkers` changes: a superscript digit, or
    /// a run of digits glued to a letter or a closing punctuation (the scalars
    /// `InlinePass.gluedMarker` asks for before the run; a run elsewhere is text). A
    /// necessary test, read in the stored values of the packed line (one or two bytes a
    /// scalar) without unpacking it; a line stored four bytes a scalar is always read.
    /// - Complexity: O(n) in the line's scalars.
    static func mayHoldMarker(_ s: PackedScalars) -> Bool {
        // The scalar before a run of digits that may make the run a glued marker.
        func gluable(_ v: UInt32) -> Bool {
            switch v {
            case 0x30...0x39: return false  // inside a longer run
            case 0x2C, 0x3B, 0x3A, 0x2E, 0x29, 0x201D, 0x2019, 0x22: return true  // , ; : . ) ” ’ "
            default:
                let prev = Unicode.Scalar(v) ?? " "
                return !Chars.isWide(prev) && Chars.isAlphabetic(prev)
            }
        }
        // Most scalars are neither a digit nor in the two blocks of superscripts (U+00B2…
        // U+00B9, U+2070…U+2079): one or two comparisons each.
        if let found = s.withLatin1({ b -> Bool in
            for i in b.indices {
                let v = b[i]
                if v &- 0x30 < 10 {
                    if i > 0, gluable(UInt32(b[i - 1])) { return true }
                } else if v &- 0xB2 < 8, v == 0xB2 || v == 0xB3 || v == 0xB9 {
                    return true
                }
            }
            return false
        }) { return found }
        if let found = s.withBMP({ b -> Bool in
            for i in b.indices {
                let v = b[i]
                if v &- 0x30 < 10 {
                    if i > 0, gluable(UInt32(b[i - 1])) { return true }
                } else if v &- 0xB2 < 8 || v &- 0x2070 < 10,
                          v == 0xB2 || v == 0xB3 || v == 0xB9 || v == 0x2070 || v &- 0x2074 < 6 {
                    return true
                }
            }
            return false
        }) { return found }
        return true
    }

    /// Adds `shift` to the footnote markers `1...count` in `lines[range]`: superscript
    /// digits, digits glued to the word before them (`2017)1;`), and a number alone on a
    /// line (pdftotext's raised marker). Other digits are text and stay.
    /// - Complexity: O(n) in the range's scalars.
    static func renumberMarkers(_ lines: inout [SourceLine], in range: Range<Int>, upTo count: Int, by shift: Int) {
        let numbers = Set(1...count)
        for k in range {
            WorkMeter.add(1 + lines[k].length)
            // Read in place first: a number alone, then whether any marker may stand in the
            // line at all. Most lines of a page hold digits (years, symbols) and none a
            // marker; those are neither unpacked nor scanned as scalars.
            if lines[k].length <= 3, let n = BlockBuilder.bareNumber(lines[k].scalars) {
                if numbers.contains(n) { lines[k].text = Array(String(n + shift).unicodeScalars) }
                continue
            }
            guard mayHoldMarker(lines[k].scalars) else { continue }
            let t = lines[k].text
            var out = Scalars()
            out.reserveCapacity(t.count + 4)
            // Most lines with digits have no marker: those are left as they are, not packed again.
            var changed = false
            var i = 0
            while i < t.count {
                if Chars.superscriptValue(t[i]) != nil {
                    var j = i, value = 0
                    while j < t.count, let v = Chars.superscriptValue(t[j]) { value = value * 10 + v; j += 1 }
                    if numbers.contains(value) { out += BlockBuilder.superscript(value + shift); changed = true } else { out += t[i..<j] }
                    i = j
                    continue
                }
                if Chars.isDigit(t[i]), let (n, end) = InlinePass.gluedMarker(t, at: i, after: out.last, footnotes: numbers) {
                    out += String(n + shift).unicodeScalars
                    changed = true
                    i = end
                    continue
                }
                // The digits of a longer number are read as one, never as a marker inside it.
                if Chars.isDigit(t[i]) {
                    var j = i
                    while j < t.count && Chars.isDigit(t[j]) { j += 1 }
                    out += t[i..<j]
                    i = j
                    continue
                }
                out.append(t[i])
                i += 1
            }
            if changed { lines[k].text = out }
        }
    }

    /// Whether `bareOrLeadingNumber(s)` finds a number, asked of a line without unpacking
    /// it: one to three digits (not 0, below 500), then the line's end or a space, and after
    /// the spaces no digit.
    /// - Complexity: O(k) in the scalars up to the first after the number and its spaces.
    static func opensWithNoteNumber<S: RandomAccessCollection<Unicode.Scalar>>(_ s: S) -> Bool where S.Index == Int {
        var i = s.startIndex, n = 0
        while i < s.endIndex && i - s.startIndex < 3 && Chars.isDigit(s[i]) { n = n * 10 + Int(s[i].value - 48); i += 1 }
        guard i > s.startIndex, n > 0, n < 500 else { return false }
        if i == s.endIndex { return true }
        guard Chars.isSpace(s[i]) else { return false }
        while i < s.endIndex && Chars.isSpace(s[i]) { i += 1 }
        return i == s.endIndex || !Chars.isDigit(s[i])
    }

    /// `3` alone, or `3 text`: the number and what follows it.
    static func bareOrLeadingNumber(_ s: Scalars) -> (Int, Scalars)? {
        if let (n, body) = leadingNumber(s), body.first.map(Chars.isDigit) != true, n < 500 { return (n, body) }
        return nil
    }

    /// Reads `lines[range]` (furniture skipped) as notes to its end; nil unless every
    /// line is taken and each note is a few lines at most (body text is not notes).
    /// `awaitingText`: the body line before the notes is a number or label alone (`3.`),
    /// whose text pdftotext may print between the note numbers and the note texts. When
    /// there is a text more than the notes need, its first sentence goes back to the body
    /// (`body`). The range's first line is a note's number (`bareOrLeadingNumber`) and no
    /// furniture: the caller asked.
    /// Lines are read in place, and each is unpacked and read for its number once: the
    /// zone was copied and its lines unpacked afresh for every question, on every page.
    /// - Complexity: O(r) in the range's lines (r <= footZone) and their scalars.
    static func parseFoot(_ lines: [SourceLine], _ range: Range<Int>, isFurniture: (SourceLine) -> Bool,
                          awaitingText: Bool = false) -> (notes: [RawFootnote], body: [SourceLine])? {
        // A paragraph's number in the zone: body text, not notes. Asked first, of the
        // packed lines, so that a zone of body text is turned down before it is read.
        // Both open with a digit (`**` before an operative number's): most lines are told by
        // their first scalar.
        for i in range where lines[i].firstScalar.map({ Chars.digitValue($0) != nil || $0 == "*" }) == true
            && (BlockBuilder.isNumberOnly(lines[i].scalars) || StructureBuilder.operativeNumberValue(lines[i].scalars) != nil) {
            if !isFurniture(lines[i]) { return nil }
        }
        // The zone: each line's place in `lines`, source index, text and number
        // (`bareOrLeadingNumber`, which needs a digit first).
        var zone: [(at: Int, index: Int, text: Scalars, lead: (Int, Scalars)?)] = []
        zone.reserveCapacity(range.count)
        for i in range where !isFurniture(lines[i]) {
            let text = lines[i].text
            zone.append((i, lines[i].index, text, text.first.map(Chars.isDigit) == true ? bareOrLeadingNumber(text) : nil))
        }
        guard let (first, _) = zone[0].lead else { return nil }
        let spaced = { (s: Scalars) in !Chars.isWide(s.last ?? " ") }
        // A block of bare numbers, then a block of texts (pdftotext's default output). The
        // column of numbers may also be cut by the texts (`1`, texts, `2`): bare numbers in
        // sequence anywhere in the zone, every other line a text, read the same way.
        // `texts` holds positions in `zone`.
        var numbers = 0
        while numbers < zone.count, let (n, body) = zone[numbers].lead, body.isEmpty, n == first + numbers {
            numbers += 1
        }
        var texts = ArraySlice(numbers..<zone.count)
        if numbers < zone.count {
            var scattered: [Int] = []
            var count = 0
            var inSequence = true
            for z in zone.indices {
                if let (n, body) = zone[z].lead {
                    if body.isEmpty && n == first + count { count += 1 } else { inSequence = false; break }
                } else {
                    scattered.append(z)
                }
            }
            if inSequence, count > numbers, count >= 2 {
                numbers = count
                texts = ArraySlice(scattered)
            }
        }
        var bodyLines: [SourceLine] = []
        if awaitingText, numbers >= 1, texts.count > numbers {
            while texts.count > numbers, let z = texts.first {
                bodyLines.append(lines[zone[z].at])
                texts = texts.dropFirst()
                if endsWithTerminator(zone[z].text) { break }
            }
        }
        if numbers >= (bodyLines.isEmpty ? 2 : 1), texts.count >= numbers, texts.count <= numbers * 4,
           texts.allSatisfy({ zone[$0].lead == nil }) {
            var notes: [RawFootnote] = []
            var j = texts.startIndex
            for i in 0..<numbers {
                var body = zone[texts[j]].text
                j += 1
                // Each note takes more lines while its text runs on, leaving one line at
                // least for each note still to come; the last takes the rest.
                while j < texts.endIndex && (i == numbers - 1 || (!endsWithTerminator(body) && texts.endIndex - j > numbers - 1 - i)) {
                    TextJoiner.append(zone[texts[j]].text, to: &body, spaced: spaced(body))
                    j += 1
                }
                notes.append(RawFootnote(number: first + i, text: body, line: zone[i].index))
            }
            return notes.allSatisfy(readsAsNote) ? (notes, bodyLines) : nil
        }
        // Each number with its text, on its line or on the lines after it.
        var notes: [RawFootnote] = []
        var linesInNote = 0
        for line in zone {
            if let (n, body) = line.lead {
                if n == first + notes.count {
                    notes.append(RawFootnote(number: n, text: body, line: line.index))
                    linesInNote = 0
                    continue
                }
                // A number alone out of sequence opens notes of its own: a raised marker
                // printed on its own line above the body (`1`, body, then note `1`) is not
                // the page's first note, and the zone starts further down.
                if body.isEmpty { return nil }
            }
            linesInNote += 1
            guard !notes.isEmpty, linesInNote <= 4 else { return nil }
            TextJoiner.append(line.text, to: &notes[notes.count - 1].text, spaced: spaced(notes[notes.count - 1].text))
        }
        return notes.allSatisfy({ !$0.text.isEmpty && readsAsNote($0) }) ? (notes, []) : nil
    }

    /// A note's text does not stop at a comma, nor open with a lowercase word: a body line
    /// that opens with a number (`1 de junio de 2020 y observando…,` at a page's foot) does.
    /// - Complexity: O(1) for most notes (their first letter decides), O(n) at most.
    static func readsAsNote(_ note: RawFootnote) -> Bool {
        if let last = note.text.last, last == "," || last == "،" || last == "，" { return false }
        if let first = note.text.first(where: { !Chars.isSpace($0) }), first.properties.isLowercase { return false }
        return true
    }
}

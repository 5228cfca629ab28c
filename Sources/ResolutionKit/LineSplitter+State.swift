// The state the line splitter carries from line to line, and the steps that make lines.

/// What `LineSplitter.split` carries from line to line, with the steps that make a line of
/// it. A value the splitter holds, its steps methods: as nested functions that captured the
/// splitter's variables, each of their accesses to them was checked for exclusivity at run
/// time (three or four a line, and a retain and release of the boxes).
struct LineSplitState {
    var out: [SourceLine] = []
    /// The line being read, as scalars (one buffer, sized once to the longest line).
    var current: Scalars = []
    var blanks = 0
    var index = 0
    var pageBreak = false
    var arabicInLine = false
    var formsInLine = false  // presentation forms to unfold: Arabic letter shapes, Latin ligatures (text copied from some PDFs)
    var sawArabic = false
    var pendingTatweel = 0
    /// The mark written for kashidas in this text (`ArabicKashida`), if any.
    var kashida: ArabicKashida.StandIn? = nil
    // Where each direction run after the line's first opens (`-layout` prints a
    // right-to-left line's runs left to right), and how deep the embeddings are.
    var runStarts: [Int] = []
    var embedDepth = 0
    /// The line's outermost embedding is right-to-left (poppler's `U+202B` before an
    /// Arabic line), and where the left-to-right run inside it opened (-1: none open).
    var rightToLeftEmbedding = false
    var paintedRunStart = -1

    /// The ASCII letters of the lines made so far and of the line being read: what the
    /// splitter did not count before the text's first right-to-left letter.
    /// - Complexity: O(n) in the scalars read so far (once a text, at its first such letter).
    var asciiLettersSoFar: Int {
        var n = 0
        for k in out.indices { n += out[k].scalars.asciiLetterCount }
        for s in current { n &+= (s.value | 0x20) &- 0x61 < 26 ? 1 : 0 }
        return n
    }

    /// A line of spaces alone: a blank line, or a rule where it is long (a footnote
    /// separator drawn with spaces).
    mutating func addBlank(width: Int) {
        if width >= 10 {
            var sep = SourceLine(text: [], indent: width, index: index, blankBefore: blanks, isSeparator: true)
            sep.pageBreakBefore = pageBreak; pageBreak = false
            out.append(consume sep)
            blanks = 0
        } else {
            blanks += 1
        }
    }
    mutating func flush() {
        defer { runStarts.removeAll(keepingCapacity: true); embedDepth = 0; paintedRunStart = -1; rightToLeftEmbedding = false }
        if pendingTatweel > 0 { current.append(contentsOf: repeatElement("\u{0640}", count: pendingTatweel)); pendingTatweel = 0 }
        WorkMeter.add(1 + current.count)
        var lead = 0
        while lead < current.count && Chars.isSpace(current[lead]) { lead += 1 }
        if lead == current.count {
            addBlank(width: lead)
        } else {
            var end = current.count
            while end > lead && Chars.isSpace(current[end - 1]) { end -= 1 }
            if !formsInLine && !arabicInLine && !((current[lead] == ")" || current[lead] == "." || current[lead] == "\u{2019}") && sawArabic) {
                // Nothing to rewrite: packed straight from the line buffer.
                let body = current[lead..<end]
                let rule = body.count >= 5 && body.allSatisfy { $0 == "_" || $0 == "—" || $0 == "─" || $0 == "-" }
                var line = SourceLine(text: body, indent: lead, index: index, blankBefore: blanks, isSeparator: rule)
                line.pageBreakBefore = pageBreak; pageBreak = false
                out.append(consume line)
                blanks = 0
                // A long line that filled most of the buffer (sized for it) lets the
                // buffer go: it is four bytes a scalar, and the line is held packed now.
                if end - lead >= 1 << 16 && (end - lead) * 2 >= current.capacity { current = [] }
                else { current.removeAll(keepingCapacity: true) }
                arabicInLine = false
                index += 1
                return
            }
            var body = Scalars()
            if end - lead >= 1 << 16 && (end - lead) * 2 >= current.capacity {
                // A long line that fills most of the buffer takes the buffer itself:
                // a one-line file is then held once here, not twice.
                current.removeLast(current.count - end)
                current.removeFirst(lead)
                swap(&body, &current)
            } else {
                // An exact-size copy: `Array(current[...])` could share the scratch
                // buffer and its capacity (sized for the longest line) with every line.
                body.reserveCapacity(end - lead)
                body.append(contentsOf: current[lead..<end])
            }
            if formsInLine { PresentationForms.unfold(&body); formsInLine = false }
            if arabicInLine && !runStarts.isEmpty { VisualOrder.restoreRunOrder(&body, runStarts: runStarts, from: lead) }
            if arabicInLine, let kashida { ArabicKashida.drop(kashida, from: &body) }
            let tornAtMark = arabicInLine && ArabicMarks.endsWithMarkApart(body)
            let markApartAtEnd = tornAtMark || (arabicInLine && ArabicMarks.endsWithMarkApart(body, tanwin: true))
            if arabicInLine {
                ArabicMarks.dropDetached(&body)
                NumberRunSpacing.restore(&body)
                ArabicCommas.reattach(&body)
                if body.isEmpty {
                    // Only torn-off marks: no line, and no blank either.
                    current.removeAll(keepingCapacity: true)
                    arabicInLine = false
                    index += 1
                    return
                }
            }
            if arabicInLine || ((body.first == ")" || body.first == "." || body.first == "\u{2019}") && sawArabic) { VisualOrder.restoreDigitRuns(&body) }
            // The line before may be this printed line's end, torn off at a ligature.
            if arabicInLine, blanks == 0, !pageBreak, let alef = body.last, ArabicLigatures.isAlef(alef),
               let k = out.indices.last, !out[k].isSeparator,
               let joined = ArabicLigatures.tornLine(first: out[k].text, second: body) {
                out[k].text = joined
                out[k].width = approxColumns(joined)
                current.removeAll(keepingCapacity: true)
                arabicInLine = false
                index += 1
                return
            }
            let rule = body.count >= 5 && body.allSatisfy { $0 == "_" || $0 == "—" || $0 == "─" || $0 == "-" }
            var line = SourceLine(text: body, indent: lead, index: index, blankBefore: blanks, isSeparator: rule)
            line.pageBreakBefore = pageBreak; pageBreak = false
            line.tornAtMark = tornAtMark
            line.markApartAtEnd = markApartAtEnd
            out.append(consume line)
            blanks = 0
        }
        current.removeAll(keepingCapacity: true)
        arabicInLine = false
        index += 1
    }
    /// `flush` for a line that the buffer would hold as these bytes, all printable ASCII
    /// (where only U+0020 is a space, and nothing is Arabic), with no tatweel pending.
    mutating func flushASCII(_ bytes: UnsafeBufferPointer<UInt8>) {
        WorkMeter.add(1 + bytes.count)
        var lead = 0
        while lead < bytes.count && bytes[lead] == 0x20 { lead += 1 }
        if lead == bytes.count {
            addBlank(width: lead)
        } else {
            var end = bytes.count
            while end > lead && bytes[end - 1] == 0x20 { end -= 1 }
            let body = UnsafeBufferPointer(rebasing: bytes[lead..<end])
            let rule = body.count >= 5 && body.allSatisfy { $0 == 0x5F || $0 == 0x2D }  // `_`, `-`
            var line = SourceLine(latin1: body, indent: lead, index: index, blankBefore: blanks, isSeparator: rule)
            line.pageBreakBefore = pageBreak; pageBreak = false
            out.append(consume line)
            blanks = 0
        }
        arabicInLine = false
        index += 1
    }
}

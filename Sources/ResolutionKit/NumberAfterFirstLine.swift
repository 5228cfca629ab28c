// Operative numbers that pdftotext printed after their paragraph's first line.
//
// On a right-to-left page the number hangs at the right of the paragraph's first line, and
// pdftotext's default mode may print that line first and the number after it, alone, with
// the rest of the paragraph after the number (`يقرر أن يمدد…`, `1.`, `،)2019( 2476برئاسة…`).
// The block builder gives a number alone the text that follows it, so the paragraph's first
// line is left behind without a number and the rest is numbered. A number shows it plainly
// when the line before it opens a paragraph and is unfinished and the line after goes on
// with it; a number that could go either way (its first line is its whole paragraph) goes
// the way most of the document's plain numbers go, before or after their text.

enum NumberAfterFirstLine {
    /// Moves each number alone that follows its paragraph's first line to the front of that
    /// line: plainly so, or in doubt where the document's numbers plainly come after their
    /// first lines more often than before them. The number's line becomes an empty
    /// separator; nothing is dropped.
    /// - Complexity: O(n) in the lines: each number looks at its neighbours, skipping only
    ///   blank separators and furniture, and each line is skipped at most twice per number
    ///   next to it.
    static func reattach(_ lines: inout [SourceLine], profile: LanguageProfile, isFurniture: (SourceLine) -> Bool) {
        func isText(_ k: Int) -> Bool { !lines[k].isSeparator && lines[k].length > 0 && !isFurniture(lines[k]) }
        /// The nearest text line before `i`, not across a page feed.
        func before(_ i: Int) -> Int? {
            var k = i - 1
            while k >= 0 {
                WorkMeter.add(1)
                if isText(k) { return k }
                if lines[k].pageBreakBefore { return nil }
                k -= 1
            }
            return nil
        }
        /// The nearest text line after `i` on the same page.
        func after(_ i: Int) -> Int? {
            var k = i + 1
            while k < lines.count, !lines[k].pageBreakBefore {
                WorkMeter.add(1)
                if isText(k) { return k }
                k += 1
            }
            return nil
        }
        func opensWithVerb(_ k: Int) -> Bool { profile.verbs.longestMatch(lines[k].text, at: 0) > 0 }
        // Lines are read in place where a test allows (`operativeNumberValue` is
        // `operativeNumber` on the packed text, `endsWithTerminator` reads the end): only
        // the label and verb tests unpack a line.
        func numbered(_ k: Int) -> Bool {
            let t = lines[k].scalars
            return BlockBuilder.isNumberOnly(t) || BlockBuilder.isLabelOnly(t) || BlockBuilder.bareNumber(t) != nil
                || StructureBuilder.operativeNumberValue(t) != nil || LabelParser.parse(lines[k].text, profile: profile) != nil
        }

        // Each number alone, with what its neighbours say: plainly `after` its first line
        // (that line opens a paragraph with a verb and is unfinished, and the text after the
        // number goes on with it), plainly `before` its text (the line before finished, and
        // the line after opens with a verb), or either (`first` set, neither plain).
        var numbers: [(index: Int, first: Int, plain: Bool)] = []
        var plainlyAfter = 0, plainlyBefore = 0
        for i in lines.indices where lines[i].numberAlone != nil {
            let p = before(i), q = after(i)
            if let p, endsWithTerminator(lines[p].scalars), let q, !numbered(q), opensWithVerb(q) {
                plainlyBefore += 1
                continue
            }
            guard let p, !numbered(p), opensWithVerb(p), before(p).map({ endsWithTerminator(lines[$0].scalars) }) ?? true else { continue }
            let plain = !endsWithTerminator(lines[p].scalars) && q.map { !numbered($0) && !opensWithVerb($0) } == true
            if plain { plainlyAfter += 1 }
            numbers.append((i, p, plain))
        }
        // A number that could go either way goes the way of the document's plain ones.
        let afterMostly = plainlyAfter > plainlyBefore
        for (i, p, plain) in numbers where plain || afterMostly {
            let label = lines[i].text
            lines[i].text = []
            lines[i].isSeparator = true
            lines[p].text = label + [" "] + lines[p].text
            lines[p].width += label.count + 1
            // The blank lines were the number's: an unfinished paragraph goes on after it.
            if !endsWithTerminator(lines[p].scalars), let q = after(i) { lines[q].blankBefore = 0 }
        }
    }
}

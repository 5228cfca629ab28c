// Phase 4: lines → blocks. A block is one logical line of the resolution: a paragraph,
// a heading, a subparagraph, a preface line. Hard wraps are joined here, bare-number
// footnote markers of PDF text are attached to the text they follow, and paragraphs cut
// by a page break or a footnote block are put back together.

enum BlockBuilder {
    /// No paragraph of any resolution comes near this many scalars (the longest in the
    /// corpus has a few thousand). A wrapped text with no paragraph breaks at all is cut
    /// into blocks this long, so that one block's regrowth (its text plus a buffer twice
    /// its size) never holds several times a large input at once.
    static let maxBlockScalars = 1 << 20

    /// - Complexity: O(n) in the lines' scalars (each line is appended once, in place).
    static func build(_ lines: [SourceLine], layout: TextLayout, footnoteNumbers: Set<Int>,
                      profile: LanguageProfile, furniture: inout [(line: Int, text: String)]) -> [SourceBlock] {
        var copy = lines
        return build(taking: &copy, layout: layout, footnoteNumbers: footnoteNumbers, profile: profile, furniture: &furniture)
    }

    /// Builds the blocks and empties each line's text once it is read, so that the lines
    /// and the blocks made of them are not both held whole: a line's text is released as
    /// its block grows, which keeps the phase's peak near one copy of the text instead of two.
    /// - Complexity: O(n) in the lines' scalars.
    static func build(taking lines: inout [SourceLine], layout: TextLayout, footnoteNumbers: Set<Int>,
                      profile: LanguageProfile, furniture: inout [(line: Int, text: String)]) -> [SourceBlock] {
        var blocks: [SourceBlock] = []
        // Not reserved for every line: hard-wrapped text has several lines to a block.
        blocks.reserveCapacity(lines.count / 4)
        let spaced = profile.spec.joinWithSpace
        var lastWasMarker = false
        // An operative number printed alone next to a label alone (`3.` then `a)`, or `(i)`
        // then `2.`): pdftotext put the number's column and the label's column side by side,
        // and the number's text comes after the list's items. The number waits here for the
        // first paragraph text after them that is neither a label nor numbered.
        var waitingNumber: Scalars? = nil
        var waitingMarker: Scalars = []  // a note marker printed between a number alone and its text
        var raisedMarker: Scalars = []   // a note marker printed on its own line above its line
        var lastLine: SourceLine? = nil  // the last source line of the last block
        var pageTurned = false           // a page feed or page furniture since `lastLine`
        var previousLabel: SubLabel? = nil  // the label that opened the latest item of a list
        // Paragraphs found here without a blank line between them: this stretch marks
        // paragraphs no other way (pdftotext runs a whole preamble into one block).
        var flatStretch = false
        // The same evidence, looked for ahead over each whole stretch: a preamble whose first
        // paragraphs are cut only by openers after commas (`…осуществления,` / `вновь
        // подтверждая…`) is flat from its first line, not from the first short line found.
        let (flatAhead, openingsAtMargin, inlineLabels, furnitureAhead) = layout.hardWrapped
            ? lookAhead(lines, layout: layout, profile: profile) : ([], [], [], [])
        var stretch = 0
        var stretchIsFlat = flatAhead.contains(0)  // asked once a stretch, not once a line
        var spare: Scalars = []  // storage for unpacking lines, handed on from line to line
        var blockSpare: Scalars = []  // storage for growing blocks, handed on from block to block
        // By index, not `for … in lines`: an iterator would keep every text alive.
        for index in lines.indices {
            if lines[index].blankBefore >= layout.blockGap { stretch = index; stretchIsFlat = flatAhead.contains(stretch) }
            if stretchIsFlat { flatStretch = true }
            // Unpacked once: `continues` and the checks below read the text many times.
            var line = lines[index]
            line.unpack(reusing: &spare)
            lines[index].text = []
            // Known from `lookAhead` in hard-wrapped text, unless a raised marker changed the text.
            var knownFurniture = furnitureAhead.isEmpty ? nil : Optional(furnitureAhead[index])
            if !raisedMarker.isEmpty {
                line.text.append(contentsOf: raisedMarker)
                line = line.unpacked
                raisedMarker = []
                knownFurniture = nil
            }
            // Read once: the checks below ask it many times, and each read of the getter is a
            // retain and a release.
            let lineText = line.text
            WorkMeter.add(1 + lineText.count)
            if line.isSeparator { continue }
            if line.pageBreakBefore { pageTurned = true }
            if knownFurniture ?? (layout.repeatedFurniture.contains(line.index) || Furniture.isFurniture(line.scalars, profile: profile)) {
                furniture.append((line.index, lineText.string))
                pageTurned = true
                continue
            }
            // A number alone on a line: a footnote marker (PDF) when such a footnote
            // exists, else a page number.
            if let n = bareNumber(lineText) {
                // Raised above the line it belongs to (`-layout` prints it on a line of its
                // own, set in where it stands, right above that line, while a blank line
                // comes before it): it goes with that line, and so does the gap before it.
                if footnoteNumbers.contains(n), line.blankBefore >= 1,
                   index + 1 < lines.count, lines[index + 1].blankBefore == 0, !lines[index + 1].isSeparator,
                   !lines[index + 1].pageBreakBefore, bareNumber(lines[index + 1].scalars) == nil {
                    lines[index + 1].blankBefore = line.blankBefore
                    raisedMarker = [Chars.markerSeparator] + superscript(n)
                    continue
                }
                // After a number or label alone, the marker belongs to the text still to
                // come (`4.`, `1`, then the paragraph): it waits for that text.
                if footnoteNumbers.contains(n), let last = blocks.last,
                   isNumberOnly(last.text) || isLabelOnly(last.text) {
                    waitingMarker.append(Chars.markerSeparator)
                    waitingMarker.append(contentsOf: superscript(n))
                    continue
                }
                if footnoteNumbers.contains(n), !blocks.isEmpty {
                    blocks[blocks.count - 1].text.append(Chars.markerSeparator)
                    blocks[blocks.count - 1].text.append(contentsOf: superscript(n))
                    lastWasMarker = true
                    continue
                }
                furniture.append((line.index, lineText.string))
                pageTurned = true
                continue
            }
            // Superscript markers alone on a line belong to the text they follow.
            if !blocks.isEmpty, lineText.allSatisfy({ Chars.superscriptValue($0) != nil }) {
                blocks[blocks.count - 1].text.append(Chars.markerSeparator)
                blocks[blocks.count - 1].text.append(contentsOf: lineText)
                lastWasMarker = true
                continue
            }
            let breakBefore = line.afterFootnotes || line.blankBefore >= 2 || pageTurned
            if line.blankBefore >= layout.blockGap { flatStretch = stretchIsFlat }
            if !blocks.isEmpty, lastLine != nil {
                let k = blocks.count - 1
                // The line asked first: it is a local, while each read of the block's text is a
                // retain and a release, and most lines are neither a label nor a number alone.
                if waitingNumber == nil, isLabelOnly(lineText), isNumberOnly(blocks[k].text) {
                    // `3.` then `a)`: the label opens its item; the number waits.
                    waitingNumber = blocks[k].text
                    blocks.removeLast()
                } else if waitingNumber == nil, isNumberOnly(lineText), isLabelOnly(blocks[k].text) {
                    // `(i)` then `2.`: the label still waits for its text; so does the number.
                    waitingNumber = lineText
                    lastLine?.recycle(into: &spare)
                    lastLine = consume line
                    continue
                }
            }
            if !blocks.isEmpty, lastLine != nil {
                // The last block is grown in place (`blocks[k].text`): holding it in a local
                // would share its buffer, and each append would copy the whole paragraph. So
                // its text is read once for the questions below, in a scope that ends before
                // the block grows. (`lastLine!` is handed on in place, not bound to a local:
                // a copy of the line is retains and releases on every line.)
                let k = blocks.count - 1
                var alone = false, joins = false
                do {
                    let blockText = blocks[k].text
                    // `12.` alone on its line: the paragraph text follows on the next line.
                    alone = isNumberOnly(blockText) || isLabelOnly(blockText)
                    joins = !alone && layout.hardWrapped && blockText.count < maxBlockScalars
                        && continues(blockText, last: lastLine!, with: line, layout: layout, pageTurned: pageTurned,
                                     afterMarker: lastWasMarker, profile: profile, previousLabel: previousLabel,
                                     flatStretch: flatStretch, inlineLabel: !inlineLabels.isEmpty && inlineLabels.contains(index),
                                     // Only asked where `continues` would read it (an unfinished line after a
                                     // finished clause): most lines of wrapped prose are spared the look ahead.
                                     beforeNumbered: !endsWithTerminator(lineText) && blocks[k].endsClause
                                        && headingBeforeNumbered(lines, at: index),
                                     openingsAtMargin: openingsAtMargin)
                }
                if alone {
                    WorkMeter.add(1 + lineText.count)
                    blocks[k].text.append(" ")
                    blocks[k].text.append(contentsOf: lineText)
                    blocks[k].text.append(contentsOf: waitingMarker)
                    waitingMarker = []
                    if let label = LabelParser.parse(blocks[k].text, profile: profile) { previousLabel = label }
                    lastLine?.recycle(into: &spare)
                    lastWasMarker = false; lastLine = consume line; pageTurned = false
                    continue
                }
                if joins {
                    blocks[k].grow(in: &blockSpare)
                    TextJoiner.append(lineText, to: &blocks[k].text, spaced: spaced)
                    if lastWasMarker {
                        // After a marker the text goes on along the same printed line.
                        var merged = line
                        merged.indent = lastLine!.indent
                        merged.width = lastLine!.width + 1 + line.width
                        lastLine?.recycle(into: &spare)
                        lastLine = merged
                    } else {
                        lastLine?.recycle(into: &spare)
                        lastLine = consume line
                    }
                    lastWasMarker = false; pageTurned = false
                    continue
                }
            }
            if layout.hardWrapped, !blocks.isEmpty, line.blankBefore < layout.blockGap, !breakBefore, line.indent <= layout.margin,
               endsWithTerminator(blocks[blocks.count - 1].text), blocks[blocks.count - 1].text.count > 80 {
                flatStretch = true
            }
            if !blocks.isEmpty { blocks[blocks.count - 1].pack(recycling: &blockSpare) }
            blocks.append(SourceBlock(opening: line, afterBreak: breakBefore))
            if !waitingMarker.isEmpty {
                // The text came as a block of its own: the marker goes with it, not lost.
                blocks[blocks.count - 1].text.append(contentsOf: waitingMarker)
                waitingMarker = []
            }
            if let number = waitingNumber, !isLabelOnly(lineText), LabelParser.parse(lineText, profile: profile) == nil {
                if isNumberOnly(lineText) || StructureBuilder.operativeNumber(lineText) != nil {
                    // The next paragraph came with its own number: the waiting one stays as it was printed.
                    var alone = SourceBlock(text: number, indent: line.indent, line: line.index, afterBreak: breakBefore)
                    alone.pack()
                    blocks.insert(alone, at: blocks.count - 1)
                    waitingNumber = nil
                } else if blocks.count >= 2, endsWithTerminator(blocks[blocks.count - 2].text),
                          !hasCase(lineText) || startsUppercase(lineText) || profile.spec.paragraphsStartLowercase {
                    // The first text that opens a paragraph after the items: the item before
                    // it finished, and it opens with a capital where the script has case and
                    // paragraphs open with one (Russian's `призывает` does not).
                    blocks[blocks.count - 1].text = number + [" "] + lineText
                    waitingNumber = nil
                }
            }
            if layout.hardWrapped {
                if let label = LabelParser.parse(lineText, profile: profile) { previousLabel = label }
                else if StructureBuilder.operativeNumberValue(lineText) != nil || isNumberOnly(lineText) { previousLabel = nil }
            }
            lastWasMarker = false
            lastLine?.recycle(into: &spare)
            lastLine = consume line
            pageTurned = false
        }
        if !waitingMarker.isEmpty, !blocks.isEmpty { blocks[blocks.count - 1].text.append(contentsOf: waitingMarker) }
        if let number = waitingNumber { blocks.append(SourceBlock(text: number, indent: 0, line: lines.count, afterBreak: true)) }
        if !blocks.isEmpty { blocks[blocks.count - 1].pack() }
        return blocks
    }

    /// The block opens with a subparagraph label. Only the block's first scalars are read:
    /// asked once per line of a growing block, a parse of the whole text (which copies what
    /// follows the label) would make a long item quadratic. Most blocks are turned away by
    /// `mayOpenWithLabel` before their first scalars are copied.
    /// - Complexity: O(1).
    static func opensWithLabel(_ text: Scalars, profile: LanguageProfile) -> Bool {
        LabelParser.mayOpenWithLabel(text) && LabelParser.parse(Array(text.prefix(24)), profile: profile) != nil
    }

    /// The line's first letter belongs to a script with case (Latin, Cyrillic, Greek).
    static func hasCase<S: Sequence<Unicode.Scalar>>(_ s: S) -> Bool {
        guard let f = firstLetterCase(s) else { return false }
        return f != .uncased
    }

    static func startsUppercase<S: Sequence<Unicode.Scalar>>(_ s: S) -> Bool {
        firstLetterCase(s) == .upper
    }

    enum LetterCase { case upper, lower, uncased }

    /// The case of the first alphabetic scalar (`isUppercase`, else `isLowercase`, else
    /// neither), nil when there is none. ASCII and the CJK ideographs of Unicode 1.1
    /// (U+4E00…U+9FA5: alphabetic, uncased) are answered without the property tables, whose
    /// look-ups cost hundreds of instructions each: a Chinese line was a look-up or three
    /// per question.
    /// - Complexity: O(k) in the scalars up to the first letter.
    static func firstLetterCase<S: Sequence<Unicode.Scalar>>(_ s: S) -> LetterCase? {
        for c in s {
            let v = c.value
            if v < 0x80 {
                if v >= 0x41 && v <= 0x5A { return .upper }
                if v >= 0x61 && v <= 0x7A { return .lower }
                continue  // no other ASCII scalar is alphabetic
            }
            if v >= 0x4E00 && v <= 0x9FA5 { return .uncased }
            let p = c.properties
            guard p.isAlphabetic else { continue }
            return p.isUppercase ? .upper : p.isLowercase ? .lower : .uncased
        }
        return nil
    }

    /// A paragraph-final stop (`；`, `。`, `:`), as opposed to the comma that may end a
    /// clause inside a paragraph.
    static func endsWithStrongTerminator<S: RandomAccessCollection<Unicode.Scalar>>(_ s: S) -> Bool where S.Index == Int {
        guard let c = lastMeaningful(s) else { return false }
        return isStrongTerminator(c)
    }

    /// A terminator (`Chars.isTerminator`) other than a comma: it ends a clause for sure.
    /// - Complexity: O(1).
    static func isStrongTerminator(_ c: Unicode.Scalar) -> Bool {
        Chars.isTerminator(c) && c != "，" && c != "," && c != "،"
    }

    /// The line at `index` may open a heading over a numbered paragraph: the next line
    /// opens that paragraph, or the next is the heading's second line, unfinished and
    /// unlabelled, and the one after it opens the paragraph. Lines are read in place.
    /// The line at `index` itself is not read: the block phase has emptied it by now, and
    /// asks this only of a line that it saw unfinished.
    /// - Complexity: O(1) for most lines.
    static func headingBeforeNumbered(_ lines: [SourceLine], at index: Int) -> Bool {
        guard index + 1 < lines.count else { return false }
        if opensNumbered(lines[index + 1].scalars) { return true }
        // The rarest first: asked of every line, most fail on the numbered line.
        return index + 2 < lines.count && opensNumbered(lines[index + 2].scalars)
            && lines[index + 1].blankBefore == 0 && !lines[index + 1].pageBreakBefore
            && !endsWithTerminator(lines[index + 1].scalars) && !isLabelOnly(lines[index + 1].scalars)
    }

    /// A line whose text is `text` opens a numbered paragraph (`5.` alone, or `5. Requests…`).
    /// Given the text, read in place: asked of every next line, a copy of the whole line was
    /// two retains and two releases.
    /// - Complexity: O(1) for most lines (the first scalars decide).
    static func opensNumbered(_ text: PackedScalars) -> Bool {
        guard let first = text.first, Chars.isDigit(first) else { return false }
        return isNumberOnly(text) || StructureBuilder.opensWithOperativeNumber(text)
    }

    /// A short unpunctuated line after a finished paragraph is a heading, even when the
    /// paragraph's last line filled the measure.
    static func looksLikeHeadingAfter(_ prev: Scalars, _ line: SourceLine, measure: Int) -> Bool {
        endsWithStrongTerminator(prev) && line.width * 2 < measure && !endsWithTerminator(line.scalars)
    }

    /// A finished clause followed by a line that opens like a paragraph (a number, a
    /// label, a known opener or verb) starts a new block even when the text carries no
    /// indentation to say so.
    /// Given the line's text (`lineText`), as `continues` holds it: a read of the line's
    /// text here was one more retain and release a line.
    static func opensParagraphAfter(_ prev: Scalars, _ lineText: Scalars, profile: LanguageProfile, flat: Bool = false,
                                    previousLabel: SubLabel? = nil, endedByWidth: Bool = false) -> Bool {
        // `…, and` before a list's last item: the label that comes next in the running list
        // opens it, though no terminator ends the item before.
        if !endsWithTerminator(prev), let before = previousLabel, endsWithListJoiner(prev, profile: profile),
           let label = LabelParser.parse(lineText, profile: profile) {
            return follows(label, before)
        }
        guard endsWithTerminator(prev) else { return false }
        if StructureBuilder.operativeNumber(lineText) != nil { return true }
        // `…subparagraph (f),` / `(g) of paragraph 3…`: a label after a comma is a citation
        // that the wrap brought to the line start; list items follow `:` or `;`.
        if let label = LabelParser.parse(lineText, profile: profile) {
            if endsWithStrongTerminator(prev) { return true }
            // After a comma, only the label that comes next in the running list opens an item.
            guard endsWithTerminator(prev), let before = previousLabel else { return false }
            return follows(label, before)
        }
        // Clauses inside a paragraph often open with a verb after a comma (`…，确认…`):
        // only a full stop or semicolon before the verb marks a new paragraph.
        // In scripts with case, a capitalised opener after a comma is a new paragraph: a
        // clause inside one goes on in lowercase (`…, and reiterating`).
        guard InlinePass.startsWithLead(lineText, profile: profile) else { return false }
        if endsWithStrongTerminator(prev) { return true }
        if !profile.spec.paragraphsStartLowercase && hasCase(lineText) { return startsUppercase(lineText) }
        // Openers after a comma also open clauses inside a paragraph (`…, вновь подтверждая`,
        // `…، وإذ`): only flat text, which marks paragraphs in no other way, takes them as
        // paragraph starts. Chinese SC texts run such verbs inside one paragraph too often,
        // unless the widths say a paragraph ended there (`endedByWidth`: the line before
        // stopped short of the measure, or this one was set in).
        // Only openers: an operative verb after a comma (`…، ويشدد على`) goes on with the
        // clause, and numbered paragraphs are found by their numbers anyway.
        return flat && (!profile.isCJK || endedByWidth) && InlinePass.startsWithOpener(lineText, profile: profile)
    }

    /// `label` comes right after `before` in some reading of both (`(c)` after `(b)`).
    static func follows(_ label: SubLabel, _ before: SubLabel) -> Bool {
        label.readings.contains { r in before.readings.contains { $0.0 == r.0 && $0.1 + 1 == r.1 } }
    }

    /// The text ends with the language's list joiner as a word of its own (`…, and`, `… et`),
    /// in languages that set words apart with spaces.
    /// - Complexity: O(1): only the last word is read.
    static func endsWithListJoiner(_ s: Scalars, profile: LanguageProfile) -> Bool {
        guard profile.spec.joinWithSpace, !profile.listJoinerFolds.isEmpty else { return false }
        var start = s.count
        while start > 0, !Chars.isSpace(s[start - 1]), s.count - start < 8 { start -= 1 }
        guard start > 0, start < s.count, Chars.isSpace(s[start - 1]) else { return false }
        // Compared scalar by scalar, case-folded, with no string made.
        let n = s.count - start
        joiners: for joiner in profile.listJoinerFolds where joiner.count == n {
            for k in 0..<n where PhraseMatcher.fold(s[start + k], true) != joiner[k] { continue joiners }
            return true
        }
        return false
    }
}

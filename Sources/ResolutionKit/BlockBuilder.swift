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

    /// The stretches (runs of lines between block gaps, named by their first line's
    /// position) that mark paragraphs with no blank line: somewhere in them a clause longer
    /// than a line ends early, at the margin, and the next line opens a block — the evidence
    /// `build` otherwise finds only on reaching it. Also which lines are page furniture
    /// (`furniture[k]`, false for separators): asked here of every line, and handed to
    /// `build`, which would otherwise ask it again.
    /// - Complexity: O(n) in the lines.
    static func flatStretches(_ lines: [SourceLine], layout: TextLayout, profile: LanguageProfile) -> (Set<Int>, furniture: [Bool]) {
        var found = Set<Int>()
        var furniture = [Bool](repeating: false, count: lines.count)
        var stretch = 0
        var previous: Int? = nil  // the previous line's position: read in place, not copied
        var blockLength = 0  // scalars since the last line that ended early
        for k in lines.indices {
            if lines[k].isSeparator { continue }
            // Read in place: every question here is about a few scalars, and a copy of the
            // line (or of the previous one) is two retains and two releases.
            let line = lines[k].scalars
            if lines[k].blankBefore >= layout.blockGap { stretch = k; previous = nil; blockLength = 0 }
            let isFurniture = layout.repeatedFurniture.contains(lines[k].index) || Furniture.isFurniture(line, profile: profile)
            furniture[k] = isFurniture
            if lines[k].pageBreakBefore || lines[k].afterFootnotes || isFurniture || bareNumber(line) != nil {
                previous = nil; blockLength = 0
                continue
            }
            // Asked once: both questions below need it.
            let endedEarly = previous.map { layout.endsEarly(lines[$0], before: line) } ?? false
            // At the margin, or at the indent of the line before: a preamble set in as a
            // whole (`-layout` text, its lines at the operative texts' column) is as flat.
            // (The answers at hand first: most lines of wrapped text go on from the line before.)
            if endedEarly, blockLength > 80, let p = previous, lines[k].blankBefore < min(2, layout.blockGap),
               lines[k].indent <= max(layout.margin, lines[p].indent),
               endsWithTerminator(lines[p].scalars), !isNumberOnly(line), !isLabelOnly(line) {
                found.insert(stretch)
            }
            if endedEarly { blockLength = 0 }
            blockLength += lines[k].length
            previous = k
        }
        return (found, furniture)
    }

    /// Whether `line` goes on with the paragraph whose text is `text` and whose last source
    /// line is `last`, in hard-wrapped text. The evidence, strongest first: a page turn
    /// (the paragraph goes on unless it was finished), a blank gap wider than the text's
    /// usual one, an indented opening, a last line that stopped before the measure, and a
    /// line that opens like a paragraph after a finished clause.
    static func continues(_ text: Scalars, last: SourceLine, with line: SourceLine, layout: TextLayout,
                          pageTurned: Bool, afterMarker: Bool, profile: LanguageProfile, previousLabel: SubLabel? = nil,
                          flatStretch: Bool = false, inlineLabel: Bool = false, beforeNumbered: Bool = false,
                          openingsAtMargin: Set<Int> = []) -> Bool {
        // Each read once: every question below would otherwise retain and release them anew.
        let lineText = line.text, lastText = last.text
        // `12.` alone opens an operative paragraph whose text is on the next line.
        if text.isEmpty || line.afterFootnotes || isNumberOnly(lineText) || isLabelOnly(lineText) { return false }
        // A heading between two paragraphs, with no blank line and no indent to set it apart
        // (pdftotext's default): one unfinished line (or two) after a finished clause, right
        // before a numbered paragraph, opening with a capital. No paragraph ends there
        // unfinished, so even after a comma (the preamble's last) it is no paragraph's end.
        if beforeNumbered, endsWithTerminator(text), !endsWithTerminator(lineText), line.width < layout.measure,
           hasCase(lineText), startsUppercase(lineText),
           StructureBuilder.operativeNumber(lineText) == nil, LabelParser.parse(lineText, profile: profile) == nil {
            return false
        }
        // An opener torn in two by the extraction (`وإذ` on a line, `يسلم كذلك…` on the next):
        // the block is only the opener's first words, and the two lines open a paragraph.
        if tornOpener(text, lineText, profile: profile) { return true }
        // A line alone in its block and centred between the margin and the measure is a
        // heading, though no stop ends it: a number or label after it opens the paragraph
        // it heads. A numbered paragraph's first line, set in as far as it stops short of the
        // measure (`       14. напоминает — …` / `— о том, что…`), heads nothing.
        if text.count == lastText.count, last.indent > layout.margin + 2, !layout.hangingIndents.contains(last.indent),
           abs((last.indent - layout.margin) - (layout.measure - last.reach)) <= 2,
           StructureBuilder.operativeNumber(lineText) != nil || LabelParser.parse(lineText, profile: profile) != nil,
           StructureBuilder.operativeNumber(text) == nil, !opensWithLabel(text, profile: profile) {
            return false
        }
        // A label of an enumeration running inline in the sentence, brought to the line start
        // by the wrap, goes on with its paragraph (the wrap is the only reason it starts a line).
        if inlineLabel && !pageTurned && line.blankBefore < layout.blockGap && !layout.endsEarly(last, before: lineText) {
            return true
        }
        // The organ's formula (`The Security Council,`) stands alone between preface and preamble,
        // after a spread line too (`на его 8712-м`, the adoption line's words set apart).
        if StructureBuilder.isFormula(lineText, profile) || (text.count <= 64 && StructureBuilder.isFormula(text, profile)) { return false }
        // A spread line (`SpreadWords`) and the line after it are pieces of one printed
        // line: they go on with the paragraph whatever the blank lines and widths say,
        // unless they open one (a number, a label, an opener or verb).
        if (line.spread || last.spread) && !pageTurned && line.blankBefore <= 1
            && !(line.spread && endsWithStrongTerminator(text)) {
            return StructureBuilder.operativeNumber(lineText) == nil && LabelParser.parse(lineText, profile: profile) == nil
                && !InlinePass.startsWithLead(lineText, profile: profile)
        }
        if afterMarker && !pageTurned && line.blankBefore < layout.blockGap && !endsWithStrongTerminator(text)
            && line.indent <= layout.margin {
            return !looksLikeHeadingAfter(text, line, measure: layout.measure)
        }
        // The paragraph so far is this one line: it may have been set in.
        let opening = text.count == last.length
        if pageTurned {
            // Across a page the paragraph goes on mid-sentence, at the margin.
            guard line.indent <= layout.margin || line.indent == last.indent else { return false }
            if endsWithStrongTerminator(text) || layout.endsEarly(last, before: lineText, opening: opening) { return false }
            if opensParagraphAfter(text, lineText, profile: profile, flat: layout.flat || flatStretch, previousLabel: previousLabel) { return false }
            // A clause ended at the foot of the page and the new page opens like a paragraph.
            // Where paragraphs open with a capital, the capital says it; elsewhere an opener.
            if endsWithTerminator(text) {
                let cased = !profile.spec.paragraphsStartLowercase && hasCase(lineText)
                if cased ? startsUppercase(lineText) : InlinePass.startsWithLead(lineText, profile: profile) { return false }
            }
            return true
        }
        // Text extracted without its indentation (pdftotext's default) loses the indent of
        // hanging subparagraphs, so their wrapped lines stop short of the page's measure: a
        // line that stops mid-sentence (no terminator) near the measure was still wrapped.
        let cutMidSentence = !endsWithTerminator(lastText) && last.reach * 100 >= layout.measure * 85
        // pdftotext also sets a labelled item's first line, which starts apart (after the
        // label's tab), off by a blank line from the rest of the item (and a paragraph's
        // first line after its number printed alone): after such a line cut
        // mid-sentence, one blank line does not end the item unless a number or label opens
        // the next. (A sentence cut mid-way goes on whatever word comes next, a verb included;
        // the first line is short for the label's indent.)
        if line.blankBefore >= layout.blockGap {
            // A CJK line breaks between any two characters, so a comma at the end of one
            // that reached its item's measure is where the wrap fell, not a clause's end.
            let cutAtComma = profile.isCJK && !endsWithStrongTerminator(lastText) && last.reach * 100 >= layout.measure * 85
            // The same for a paragraph's first line after its number alone on a line (`1.`).
            let firstLine = LabelParser.parse(lastText, profile: profile) != nil
                || (text.count <= lastText.count + 8 && StructureBuilder.operativeNumber(text) != nil)
            guard firstLine, !endsWithTerminator(lastText) || cutAtComma,
                  last.reach * 100 >= layout.measure * 60,
                  !looksLikeHeadingAfter(text, last, measure: layout.measure), line.blankBefore == layout.blockGap, line.indent <= layout.margin,
                  StructureBuilder.operativeNumber(lineText) == nil, LabelParser.parse(lineText, profile: profile) == nil
            else { return false }
            return true
        }
        // A line set back from a line that filled the measure carries on its text: a
        // labelled item's first line starts deep (after its label) and its wrapped lines come
        // back to the item's own margin, which elsewhere may be where numbered paragraphs
        // open, so that indentation alone is no paragraph mark there. A finished clause
        // followed by an opener is still a paragraph's end (`-layout` text shifts first lines).
        if line.indent > layout.margin && line.indent < last.indent && !layout.endsEarly(last, before: lineText)
            && StructureBuilder.operativeNumber(lineText) == nil && LabelParser.parse(lineText, profile: profile) == nil
            && !(endsWithTerminator(lastText) && InlinePass.startsWithLead(lineText, profile: profile)) {
            return true
        }
        // A block already running on at one indentation (an item's text under its label,
        // where `-layout` puts it) goes on at that indentation: there it is the block's own
        // margin, not a paragraph mark. A number, a label, an opener after a finished clause
        // or a line that ended early still opens.
        if line.indent > layout.margin && line.indent == last.indent && text.count > lastText.count + 1
            && !layout.endsEarly(last, before: lineText)
            && StructureBuilder.operativeNumber(lineText) == nil && LabelParser.parse(lineText, profile: profile) == nil
            && !(endsWithTerminator(lastText) && InlinePass.startsWithLead(lineText, profile: profile)) {
            return true
        }
        // An indented line opens a paragraph, unless text runs on at its indentation.
        if line.indent > layout.margin && !layout.hangingIndents.contains(line.indent) {
            return false
        }
        // Where items hang their lines at the indent where paragraphs open, a line there
        // after a finished clause at the margin opens: an item's lines hang under its own
        // first line, not under text at the margin.
        if line.indent > layout.margin && last.indent <= layout.margin && endsWithTerminator(lastText)
            && LabelParser.parse(text, profile: profile) == nil && !isLabelOnly(text) {
            return false
        }
        // Where numbered paragraphs hang their lines at the indent where unnumbered ones open
        // (`     重申…，` / `     强调…`), a line there after an unnumbered paragraph's one
        // finished first line opens the next, where such paragraphs go on at the margin.
        if opening, line.indent > layout.margin, line.indent == last.indent, endsWithTerminator(lastText),
           openingsAtMargin.contains(line.indent),
           StructureBuilder.operativeNumber(text) == nil, LabelParser.parse(text, profile: profile) == nil,
           !isNumberOnly(text), !isLabelOnly(text) {
            return false
        }
        // Where paragraphs open set in, a line at the margin carries on the text, even one
        // that starts with an opener after a comma (`…в Сомали, и` / `подчеркивая важность…`).
        // Not a line after one that stood alone at the margin: that was no paragraph's
        // opening (a title, `Resolution 2526 (2020)` / `Adopted by…`).
        if layout.indentsMarkOpenings && line.indent <= layout.margin && !(opening && last.indent <= layout.margin)
            && StructureBuilder.operativeNumber(lineText) == nil && LabelParser.parse(lineText, profile: profile) == nil {
            return true
        }
        // pdftotext's default text drops an item's indentation, so the item's wrapped lines
        // stop short of the page's measure by that indent. In CJK, where the wrap falls after
        // a comma as readily as anywhere, a comma-ended line of an item near the measure goes
        // on; items end on a stop (`；`, `。`) or give way to the next label.
        if profile.isCJK && !endsWithStrongTerminator(lastText) && last.reach * 100 >= layout.measure * 80
            && line.blankBefore < layout.blockGap && line.indent <= layout.margin
            && StructureBuilder.operativeNumber(lineText) == nil && LabelParser.parse(lineText, profile: profile) == nil
            && opensWithLabel(text, profile: profile) {
            return true
        }
        // Where blank lines mark the ends, a short finished clause with no gap after it ends
        // nothing by its length; a short line with no terminator (a heading) still does.
        if layout.endsEarly(last, before: lineText, opening: opening) && !cutMidSentence
            && !(layout.gapsMarkEnds && endsWithTerminator(lastText)) { return false }
        if looksLikeHeadingAfter(text, line, measure: layout.measure) { return false }
        // CJK justifies every wrapped line to the measure, so a last line a character short
        // of it stopped by choice: there an opener after a comma opens, in flat text.
        // So does a line that runs on to the next yet stops short of the measure by the
        // set-in of first lines (`wideOpeningIndent`): pdftotext dropped the indent, not the
        // room it took, so the line opened its paragraph even where the line before filled
        // its measure (`…主席声明，` / `回顾…`). Wrapped lines inside a paragraph are justified
        // to the full measure.
        let endedByWidth = profile.isCJK
            && (layout.wideReach(last) + 2 <= layout.wideMeasure - (opening ? layout.wideOpeningIndent : 0)
                || (layout.wideOpeningIndent >= 2 && !endsWithTerminator(lineText)
                    && abs(layout.wideMeasure - layout.wideOpeningIndent - layout.wideReach(line)) <= 1))
        return !opensParagraphAfter(text, lineText, profile: profile, flat: (layout.flat || flatStretch) && !layout.gapsMarkEnds, previousLabel: previousLabel,
                                    endedByWidth: endedByWidth)
    }

    /// `text` is the first word or two of a preambular opener whose rest opens `next`: joined
    /// to `next`, it makes an opener that runs past it (`وإذ` + `يسلم كذلك` is `وإذ يسلم`).
    /// - Complexity: O(1): at most 16 scalars of `text` and 48 of `next` are read.
    static func tornOpener(_ text: Scalars, _ next: Scalars, profile: LanguageProfile) -> Bool {
        guard text.count <= 16, !endsWithTerminator(text) else { return false }
        let joined = text + [" "] + next.prefix(48)
        return profile.openers.longestMatch(joined, at: 0) > text.count
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

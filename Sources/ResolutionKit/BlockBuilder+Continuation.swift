// Phase 4, the one question the block phase asks of every line of hard-wrapped text: does
// this line go on with the paragraph before it? The evidence, from the page turn and the
// blank lines down to the words at the junction, is weighed in `continues`.

extension BlockBuilder {
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
        // A printed line that poppler cut at a mark set apart from its word (`…، وإذ ّ` /
        // `يسلّم بأن…`) goes on below, unless a number or a label opens the next line.
        if last.tornAtMark && !pageTurned && line.blankBefore < layout.blockGap
            && StructureBuilder.operativeNumber(lineText) == nil && LabelParser.parse(lineText, profile: profile) == nil {
            return true
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
        // In the other scripts the lengths are no grid, but a line that reaches further than
        // any first line does here (`openingReach`) was not set in: it carries the clause on.
        let setInOpening = profile.isCJK || layout.openingReach == 0 || line.startReach <= layout.openingReach
        return !opensParagraphAfter(text, lineText, profile: profile,
                                    flat: (layout.flat || flatStretch) && !layout.gapsMarkEnds && setInOpening,
                                    previousLabel: previousLabel, endedByWidth: endedByWidth)
    }

    /// `text` is the first word or two of a preambular opener whose rest opens `next`: joined
    /// to `next`, it makes an opener that runs past it (`وإذ` + `يسلم كذلك` is `وإذ يسلم`).
    /// - Complexity: O(1): at most 16 scalars of `text` and 48 of `next` are read.
    static func tornOpener(_ text: Scalars, _ next: Scalars, profile: LanguageProfile) -> Bool {
        guard text.count <= 16, !endsWithTerminator(text) else { return false }
        let joined = text + [" "] + next.prefix(48)
        return profile.openers.longestMatch(joined, at: 0) > text.count
    }
}

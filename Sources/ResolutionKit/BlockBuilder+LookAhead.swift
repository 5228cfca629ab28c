// The passes the block phase makes over all lines before its own: each reads the lines and
// nothing else.

extension BlockBuilder {
    /// What `build` knows ahead of its loop in hard-wrapped text: the stretches that mark
    /// paragraphs with no blank line (`flatStretches`), the indents where openings run on at
    /// the margin (`openingIndentsRunningAtMargin`) and the lines that open with a label of an
    /// inline enumeration (`inlineEnumerations`), and which lines are page furniture (found by
    /// the first pass, which asks it of every line anyway: `build` then need not ask again).
    ///
    /// One pass after the other, on this thread. They ran on both cores once, but the passes
    /// read the same lines, and on the 2-core machine this is measured on the pair took
    /// longer side by side (each line's storage retained and released from both cores) than
    /// one after the other: 33 ms against 20 on 16 MB of hard-wrapped English.
    /// - Complexity: O(n) in the lines, as the three passes.
    static func lookAhead(_ lines: [SourceLine], layout: TextLayout, profile: LanguageProfile)
        -> (flat: Set<Int>, openingsAtMargin: Set<Int>, inlineLabels: Set<Int>, furniture: [Bool]) {
        let (flat, furniture) = flatStretches(lines, layout: layout, profile: profile)
        return (flat,
                openingIndentsRunningAtMargin(lines, layout: layout, profile: profile),
                inlineEnumerations(lines, layout: layout, profile: profile),
                furniture)
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
}

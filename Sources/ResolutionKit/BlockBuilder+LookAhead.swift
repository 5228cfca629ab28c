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
}

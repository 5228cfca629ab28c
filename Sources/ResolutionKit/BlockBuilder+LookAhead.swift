// The passes the block phase makes over all lines before its own: each reads the lines and
// nothing else, so that on a long text they run on both cores while the block loop waits.

import Dispatch

extension BlockBuilder {
    /// What `build` knows ahead of its loop in hard-wrapped text: the stretches that mark
    /// paragraphs with no blank line (`flatStretches`), the indents where openings run on at
    /// the margin (`openingIndentsRunningAtMargin`) and the lines that open with a label of an
    /// inline enumeration (`inlineEnumerations`), and which lines are page furniture (found by
    /// the first pass, which asks it of every line anyway: `build` then need not ask again).
    /// The first pass runs on this thread and the other two on the other core: they read
    /// `lines` only, and each writes its own slot.
    /// A short text (a resolution of a few pages) makes them here, one after the other.
    /// - Complexity: O(n) in the lines, as the three passes.
    static func lookAhead(_ lines: [SourceLine], layout: TextLayout, profile: LanguageProfile)
        -> (flat: Set<Int>, openingsAtMargin: Set<Int>, inlineLabels: Set<Int>, furniture: [Bool]) {
        guard lines.count >= 1 << 14 else {
            let (flat, furniture) = flatStretches(lines, layout: layout, profile: profile)
            return (flat,
                    openingIndentsRunningAtMargin(lines, layout: layout, profile: profile),
                    inlineEnumerations(lines, layout: layout, profile: profile),
                    furniture)
        }
        // Three slots, each initialised by one iteration and read after all have returned;
        // the furniture flags are written by the first iteration alone.
        let found = UnsafeMutableBufferPointer<Set<Int>>.allocate(capacity: 3)
        nonisolated(unsafe) let slots = found
        nonisolated(unsafe) var furniture: [Bool] = []
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            if k == 0 {
                let (flat, flags) = flatStretches(lines, layout: layout, profile: profile)
                (slots.baseAddress!).initialize(to: flat)
                furniture = flags
            } else {
                (slots.baseAddress! + 1).initialize(to: openingIndentsRunningAtMargin(lines, layout: layout, profile: profile))
                (slots.baseAddress! + 2).initialize(to: inlineEnumerations(lines, layout: layout, profile: profile))
            }
        }
        defer { found.deinitialize(); found.deallocate() }
        return (found[0], found[1], found[2], furniture)
    }
}

// How two pieces of one paragraph join: the block phase joins hard-wrapped lines with it,
// and the later phases join pieces that extraction printed apart.

enum TextJoiner {
    /// Joins two pieces of one paragraph. CJK joins with nothing; other scripts with one
    /// space, undoing end-of-line hyphenation between lowercase letters.
    /// - Complexity: O(a + b): it copies `a`. Paragraphs built line by line use `append`.
    static func join(_ a: Scalars, _ b: Scalars, spaced: Bool) -> Scalars {
        WorkMeter.add(a.count)
        var joined = a
        append(b, to: &joined, spaced: spaced)
        return joined
    }

    /// Appends `b` to `a` in place, as `join` joins them.
    /// - Complexity: O(b) amortised: `a` is grown, never copied (a paragraph of n lines is
    ///   built in O(total), where rebuilding it per line was O(n²)).
    static func append(_ b: Scalars, to a: inout Scalars, spaced: Bool) {
        WorkMeter.add(1 + b.count)
        // A buffer that moves was copied whole: counted, so that a caller holding a second
        // reference (which makes every append a copy-on-write copy) shows up as O(n²) work.
        // Growth also moves it, but geometrically: O(n) in all.
        let before = WorkMeter.enabled ? a.withUnsafeBufferPointer { $0.baseAddress } : nil
        defer {
            if WorkMeter.enabled, a.withUnsafeBufferPointer({ $0.baseAddress }) != before { WorkMeter.add(a.count) }
        }
        guard let last = a.last, let first = b.first else { a.append(contentsOf: b); return }
        if Chars.isWide(last) || Chars.isWide(first) || !spaced { a.append(contentsOf: b); return }
        if last == "-", a.count >= 2, a[a.count - 2].properties.isLowercase, first.properties.isLowercase {
            a.removeLast()
        } else {
            a.append(" ")
        }
        a.append(contentsOf: b)
    }
}

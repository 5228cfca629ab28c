// How two pieces of one paragraph join: the block phase joins hard-wrapped lines with it,
// and the later phases join pieces that extraction printed apart.

enum TextJoiner {
    /// Joins two pieces of one paragraph. CJK joins with nothing; other scripts with one
    /// space, undoing end-of-line hyphenation between lowercase letters, and with nothing
    /// after an opening bracket or before a closing one.
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
        // No line breaks after an opening bracket or before a closing one, but where a
        // number in brackets at the end of a right-to-left line was broken by the bidi
        // order (`2258 (` / `2015) و`), as `PDFLayout.join` knows.
        if last == "(" || first == ")" { a.append(contentsOf: b); return }
        // The same bidi order breaks a year in brackets inside its digits (`2165 (2` /
        // `014) و`): digits after an open bracket go on with digits that close it.
        if Chars.isDigit(last), Chars.isDigit(first), opensBracketedDigits(a), closesBracketedDigits(b) {
            a.append(contentsOf: b); return
        }
        if last == "-", a.count >= 2, a[a.count - 2].properties.isLowercase, first.properties.isLowercase {
            a.removeLast()
        } else {
            a.append(" ")
        }
        a.append(contentsOf: b)
    }

    /// `a` ends with `(` and one to three digits.
    /// - Complexity: O(1).
    private static func opensBracketedDigits(_ a: Scalars) -> Bool {
        var k = a.count
        while k > 0, a.count - k < 4, Chars.isDigit(a[k - 1]) { k -= 1 }
        return k > 0 && k < a.count && a.count - k <= 3 && a[k - 1] == "("
    }

    /// `b` opens with one to three digits and `)`.
    /// - Complexity: O(1).
    private static func closesBracketedDigits(_ b: Scalars) -> Bool {
        var k = 0
        while k < b.count, k < 4, Chars.isDigit(b[k]) { k += 1 }
        return k > 0 && k <= 3 && k < b.count && b[k] == ")"
    }
}

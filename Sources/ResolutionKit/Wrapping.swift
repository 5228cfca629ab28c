// Display widths and line wrapping by terminal columns, with the CJK line-breaking rules
// (kinsoku) that Chinese typesetting expects. Pure and scalar-based so that `show --format
// text`, the reader and the tests all lay text out the same way without a terminal.

/// How many terminal columns a scalar takes.
///
/// East Asian Wide/Fullwidth = 2, combining marks and format characters = 0, everything else
/// (including control characters, which callers must show as a 1-column placeholder) = 1.
/// Ambiguous-width punctuation (“ ” … ·) counts as 1, matching glibc `wcwidth` and tmux,
/// unless the caller asks for `ambiguousWide` (a CJK terminal or font that draws them wide).
public enum DisplayWidth {
    @inline(__always)
    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        // Fast paths: ASCII, then the CJK Unified Ideographs block that makes up most of the text.
        if v < 0x7F { return 1 }
        if v >= 0x4E00 && v <= 0x9FFF { return 2 }
        if v < 0xA0 { return 1 }  // DEL and C1 controls: shown as a placeholder
        if v == 0xAD { return 1 }  // soft hyphen is printed by terminals
        if v >= 0x1160 && v <= 0x11FF { return 0 }  // Hangul medial/final jamo join the syllable
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        return isWide(v) ? 2 : 1
    }

    public static func of(_ s: String) -> Int {
        var w = 0
        for u in s.unicodeScalars { w += of(u) }
        return w
    }

    /// As `of(_:)`, with East Asian Ambiguous scalars (`§ ° ± “ ”`, Greek, Cyrillic…) counted
    /// as two columns when `ambiguousWide` is set.
    /// - Complexity: O(1) for ASCII, O(log r) in the width tables otherwise.
    @inline(__always)
    public static func of(_ s: Unicode.Scalar, ambiguousWide: Bool) -> Int {
        let w = of(s)
        if ambiguousWide && w == 1 && s.value > 0xA0 && EastAsianWidth.isAmbiguous(s.value) { return 2 }
        return w
    }

    public static func of(_ s: String, ambiguousWide: Bool) -> Int {
        var w = 0
        for u in s.unicodeScalars { w += of(u, ambiguousWide: ambiguousWide) }
        return w
    }

    /// Two columns: the generated East Asian Width table (EastAsianWidth.swift), shared
    /// with the parser's line measure.
    static func isWide(_ v: UInt32) -> Bool { EastAsianWidth.isWide(v) }
}

/// Greedy line wrapping by display columns.
///
/// - Latin text breaks at spaces; a word longer than the line is split hard.
/// - A break is allowed between any two wide (CJK) characters.
/// - Kinsoku: a line never starts with closing punctuation (`，。；：、）》」’”!?,.;:`…) and never
///   ends with an opening bracket (`（《「‘“`…). A terminal cannot hang punctuation into the
///   margin, so the previous character is carried down with it instead.
/// - `\n` forces a break; spaces at a break are dropped.
public enum LineWrapper {
    public static func wrap(_ text: String, width: Int, ambiguousWide: Bool = false) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return lineRanges(scalars, firstWidth: width, width: width, ambiguousWide: ambiguousWide).map { r in
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[r])
            return String(s)
        }
    }

    /// The wrapped lines as ranges into `scalars` (trailing spaces excluded). Always returns at
    /// least one (possibly empty) range so that an empty paragraph still takes a line.
    public static func lineRanges(_ scalars: [Unicode.Scalar], width: Int, ambiguousWide: Bool = false) -> [Range<Int>] {
        lineRanges(scalars, firstWidth: width, width: width, ambiguousWide: ambiguousWide)
    }

    /// As `lineRanges(_:width:)`, with a different width for the first line (hanging labels).
    /// `ambiguousWide` changes only the measure, not where breaks may fall: a Cyrillic word
    /// drawn wide is still a word.
    /// - Complexity: O(n) in the scalars.
    public static func lineRanges(_ scalars: [Unicode.Scalar], firstWidth: Int, width: Int,
                                  ambiguousWide: Bool = false) -> [Range<Int>] {
        var out: [Range<Int>] = []
        let n = scalars.count
        var i = 0
        var limit = max(1, firstWidth)
        while i <= n {
            // Skip spaces at the start of a continuation line.
            if !out.isEmpty { while i < n && scalars[i] == " " { i += 1 } }
            let start = i
            var cols = 0
            var lastBreak = -1  // index before which the line may end
            var end = n
            var forced = false
            var j = i
            while j < n {
                let s = scalars[j]
                if s == "\n" { end = j; forced = true; break }
                if j > start && canBreak(scalars, before: j) { lastBreak = j }
                let w = DisplayWidth.of(s, ambiguousWide: ambiguousWide)
                if s != " " && cols + w > limit && j > start {
                    end = lastBreak > start ? lastBreak : j
                    if lastBreak <= start && end > start + 1 && noStart.contains(scalars[end].value) { end -= 1 }
                    // A hard split must not separate a base character from its combining marks.
                    while end > start + 1 && end < n && DisplayWidth.of(scalars[end]) == 0 { end -= 1 }
                    break
                }
                cols += w
                j += 1
            }
            if j == n { end = n }
            var trimmed = end
            while trimmed > start && scalars[trimmed - 1] == " " { trimmed -= 1 }
            out.append(start..<trimmed)
            if end >= n && !forced { break }
            i = forced ? end + 1 : end
            limit = max(1, width)
            if forced && i == n { out.append(n..<n); break }
        }
        return out
    }

    // Superscript digits are footnote markers: they stay with the word they follow.
    static let noStart: Set<UInt32> = Set("，。；：、？！）》」』〉】〕｝］’”…‥·%!?,.;:)]}⁰¹²³⁴⁵⁶⁷⁸⁹".unicodeScalars.map(\.value))
    static let noEnd: Set<UInt32> = Set("（《「『〈【〔｛［‘“([{".unicodeScalars.map(\.value))

    @inline(__always)
    static func canBreak(_ s: [Unicode.Scalar], before j: Int) -> Bool {
        let a = s[j - 1], b = s[j]
        if noStart.contains(b.value) || noEnd.contains(a.value) { return false }
        if DisplayWidth.of(b) == 0 { return false }
        if a == " " { return b != " " }
        return DisplayWidth.of(a) == 2 || DisplayWidth.of(b) == 2
    }
}

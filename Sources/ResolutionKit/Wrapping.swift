// Display widths and line wrapping by terminal columns, with the CJK line-breaking rules
// (kinsoku) that Chinese typesetting expects. Pure and scalar-based so that `show --format
// text`, the reader and the tests all lay text out the same way without a terminal.

/// How many terminal columns a scalar takes.
///
/// East Asian Wide/Fullwidth = 2, combining marks and format characters = 0, everything else
/// (including control characters, which callers must show as a 1-column placeholder) = 1.
/// Ambiguous-width punctuation (“ ” … ·) counts as 1, matching glibc `wcwidth` and tmux.
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

    /// Sorted, non-overlapping East Asian Wide/Fullwidth ranges (Unicode 15, emoji included).
    static let wideRanges: [(UInt32, UInt32)] = [
        (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC), (0x23F0, 0x23F0),
        (0x23F3, 0x23F3), (0x25FD, 0x25FE), (0x2614, 0x2615), (0x2648, 0x2653), (0x267F, 0x267F),
        (0x2693, 0x2693), (0x26A1, 0x26A1), (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5),
        (0x26CE, 0x26CE), (0x26D4, 0x26D4), (0x26EA, 0x26EA), (0x26F2, 0x26F3), (0x26F5, 0x26F5),
        (0x26FA, 0x26FA), (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270B), (0x2728, 0x2728),
        (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797),
        (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55),
        (0x2E80, 0x303E), (0x3041, 0x33FF), (0x3400, 0x4DBF), (0x4DC0, 0x4DFF), (0x4E00, 0x9FFF),
        (0xA000, 0xA4CF), (0xA960, 0xA97F), (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFE10, 0xFE19),
        (0xFE30, 0xFE6F), (0xFF00, 0xFF60), (0xFFE0, 0xFFE6), (0x16FE0, 0x16FE4), (0x17000, 0x18CFF),
        (0x1B000, 0x1B2FF), (0x1F004, 0x1F004), (0x1F0CF, 0x1F0CF), (0x1F18E, 0x1F18E),
        (0x1F191, 0x1F19A), (0x1F200, 0x1F202), (0x1F210, 0x1F23B), (0x1F240, 0x1F248),
        (0x1F250, 0x1F251), (0x1F260, 0x1F265), (0x1F300, 0x1F320), (0x1F32D, 0x1F335),
        (0x1F337, 0x1F37C), (0x1F37E, 0x1F393), (0x1F3A0, 0x1F3CA), (0x1F3CF, 0x1F3D3),
        (0x1F3E0, 0x1F3F0), (0x1F3F4, 0x1F3F4), (0x1F3F8, 0x1F43E), (0x1F440, 0x1F440),
        (0x1F442, 0x1F4FC), (0x1F4FF, 0x1F53D), (0x1F54B, 0x1F54E), (0x1F550, 0x1F567),
        (0x1F57A, 0x1F57A), (0x1F595, 0x1F596), (0x1F5A4, 0x1F5A4), (0x1F5FB, 0x1F64F),
        (0x1F680, 0x1F6C5), (0x1F6CC, 0x1F6CC), (0x1F6D0, 0x1F6D2), (0x1F6D5, 0x1F6D7),
        (0x1F6DC, 0x1F6DF), (0x1F6EB, 0x1F6EC), (0x1F6F4, 0x1F6FC), (0x1F7E0, 0x1F7EB),
        (0x1F7F0, 0x1F7F0), (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945), (0x1F947, 0x1F9FF),
        (0x1FA70, 0x1FAFF), (0x20000, 0x2FFFD), (0x30000, 0x3FFFD),
    ]

    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        var lo = 0, hi = wideRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = wideRanges[mid]
            if v < r.0 { hi = mid - 1 } else if v > r.1 { lo = mid + 1 } else { return true }
        }
        return false
    }
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
    public static func wrap(_ text: String, width: Int) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return lineRanges(scalars, width: width).map { r in
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[r])
            return String(s)
        }
    }

    /// The wrapped lines as ranges into `scalars` (trailing spaces excluded). Always returns at
    /// least one (possibly empty) range so that an empty paragraph still takes a line.
    public static func lineRanges(_ scalars: [Unicode.Scalar], width: Int) -> [Range<Int>] {
        lineRanges(scalars, firstWidth: width, width: width)
    }

    /// As `lineRanges(_:width:)`, with a different width for the first line (hanging labels).
    public static func lineRanges(_ scalars: [Unicode.Scalar], firstWidth: Int, width: Int) -> [Range<Int>] {
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
                let w = DisplayWidth.of(s)
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

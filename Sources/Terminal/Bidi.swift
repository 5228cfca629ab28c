// Right-to-left display: the Unicode bidi algorithm (UAX #9) through GNU FriBidi. Text is
// wrapped in logical order (the order it is stored and searched in); each wrapped line is
// then turned into the left-to-right order a terminal paints cells in. Terminals do not run
// the bidi algorithm themselves (tmux and most emulators paint cells as given), so no bidi
// control characters are sent: in a paragraph they are resolved here and dropped (document
// text reaches the reader with them already removed by the parser); in interface strings
// they are shown as placeholders and not obeyed (`visualIfNeeded`).
import CFriBidi

/// The base direction of a paragraph.
public enum BidiDirection: Sendable, Hashable {
    case leftToRight, rightToLeft
    /// From the first strong character (rules P2–P3), left to right when there is none.
    case auto
}

/// One line in visual order.
public struct BidiLine: Sendable, Hashable {
    /// The line's scalars, left to right as painted; mirrored where drawn right to left
    /// (`(` shows as `)`), bidi controls removed.
    public var scalars: [Unicode.Scalar]
    /// For each visual scalar, its index in the logical paragraph (so a highlight or a cursor
    /// kept in logical offsets lands on the right cell).
    public var logical: [Int]
    public var text: String { var s = String.UnicodeScalarView(); s.append(contentsOf: scalars); return String(s) }
}

/// A paragraph whose embedding levels are resolved once; its wrapped lines are then
/// reordered one by one.
public struct BidiParagraph: Sendable {
    public let scalars: [Unicode.Scalar]
    /// The resolved base direction.
    public let isRightToLeft: Bool
    /// False when the paragraph has no right-to-left character and an LTR base: every line
    /// is then already in visual order and FriBidi is not called.
    public let needsReordering: Bool
    private let levels: [Int8]
    /// The scalars' values, as FriBidi reads them.
    private let values: [UInt32]

    /// - Complexity: O(n) in the paragraph's scalars.
    public init(_ scalars: [Unicode.Scalar], direction: BidiDirection) {
        self.scalars = scalars
        let hasRTL = scalars.contains(where: Bidi.isStrongRightToLeftBlock)
        if direction == .leftToRight && !hasRTL || direction == .auto && !hasRTL {
            isRightToLeft = false; needsReordering = false; levels = []; values = []
            return
        }
        let v = scalars.map(\.value)
        values = v
        var lv = [Int8](repeating: 0, count: scalars.count)
        let base: Int32 = direction == .rightToLeft ? 2 : direction == .leftToRight ? 1 : 0
        let r = v.withUnsafeBufferPointer { t in
            lv.withUnsafeMutableBufferPointer { l in
                reso_bidi_levels(t.baseAddress, Int32(t.count), base, l.baseAddress)
            }
        }
        if r < 0 {  // allocation failure: logical order is still readable
            isRightToLeft = direction == .rightToLeft; needsReordering = false; levels = []
            return
        }
        isRightToLeft = r == 1
        needsReordering = true
        levels = lv
    }

    /// The logical range `range` (one wrapped line) in visual order.
    /// - Complexity: O(k) in the line's scalars.
    public func visualLine(_ range: Range<Int>) -> BidiLine {
        let r = range.clamped(to: 0..<scalars.count)
        guard needsReordering, !r.isEmpty else {
            let kept = r.filter { !Bidi.isControl(scalars[$0]) }
            return BidiLine(scalars: kept.map { scalars[$0] }, logical: kept)
        }
        // Only the line's own levels are copied and handed over (with the text from the line's
        // start): reordering a line costs O(line), whatever its place in the paragraph.
        var lv = Array(levels[r])
        var map = [Int32](repeating: 0, count: r.count)
        let ok = values.withUnsafeBufferPointer { t in
            lv.withUnsafeMutableBufferPointer { l in
                map.withUnsafeMutableBufferPointer { m in
                    reso_bidi_reorder_line(t.baseAddress! + r.lowerBound, 0, Int32(r.count),
                                           isRightToLeft ? 1 : 0, l.baseAddress, m.baseAddress)
                }
            }
        }
        let order = ok != 0 ? map.map(Int.init) : Array(0..<r.count)
        var out = BidiLine(scalars: [], logical: [])
        out.scalars.reserveCapacity(order.count); out.logical.reserveCapacity(order.count)
        for j in order {
            let i = r.lowerBound + j
            let s = scalars[i]
            if Bidi.isControl(s) { continue }
            let odd = lv[j] & 1 == 1
            out.scalars.append(odd ? Unicode.Scalar(reso_bidi_mirror(s.value)) ?? s : s)
            out.logical.append(i)
        }
        return out
    }
}

public enum Bidi {
    /// One line on its own, in visual order: `BidiParagraph(line).visualLine(all)`.
    /// - Complexity: O(n).
    public static func visual(_ line: String, direction: BidiDirection) -> String {
        let s = Array(line.unicodeScalars)
        return BidiParagraph(s, direction: direction).visualLine(0..<s.count).text
    }

    /// A piece of the left-to-right interface (a title, an outline label, a note, a file name,
    /// padded with spaces) in visual order: right-to-left runs inside it are reversed in place,
    /// and the padding stays where it was put. Bidi controls in it are not obeyed: they become
    /// visible U+FFFD first, so a name like `a\u{202E}exe.txt` cannot pass for `atxt.exe`
    /// ("Trojan Source"). `s` itself (no copy, no FriBidi call) without a right-to-left letter;
    /// the grid then shows any control as its placeholder.
    /// - Complexity: O(n).
    public static func visualIfNeeded(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isRightToLeftLetter) else { return s }
        var neutral = String.UnicodeScalarView()
        for u in s.unicodeScalars { neutral.append(isControl(u) ? "\u{FFFD}" : u) }
        return visual(String(neutral), direction: .leftToRight)
    }

    /// Explicit bidi formatting characters (LRM, RLM, ALM, embeddings, overrides, isolates):
    /// they steer the algorithm and are never painted.
    @inline(__always)
    public static func isControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Scripts written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko… and their
    /// presentation forms), plus RLM/RLE/RLO/RLI that make a run right to left: the cheap
    /// test that decides whether a paragraph needs the bidi algorithm at all.
    @inline(__always)
    static func isStrongRightToLeftBlock(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x200F, 0x061C, 0x202B, 0x202E, 0x2067: return true
        default: return isRightToLeftLetter(s)
        }
    }

    /// The blocks of the right-to-left scripts (no controls).
    @inline(__always)
    static func isRightToLeftLetter(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: return true
        default: return false
        }
    }
}

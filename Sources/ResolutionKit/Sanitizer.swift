// What may reach a terminal. A document, a note or a file name can hold escape sequences
// (an OSC 52 sequence writes to the clipboard, `ESC[2J` clears the screen) and bidi controls
// (U+202E makes a terminal that implements bidi show text in another order than it is stored).
// Every printing path shows them as visible placeholders instead: `show`, `reso`'s output
// layer (Sources/reso/ConsoleOutput.swift) and the reader's cell grid, whose table in
// Terminal/CellGrid.swift mirrors `placeholder(for:)` because Terminal cannot import this module.

public enum Sanitizer {
    /// The visible stand-in for a scalar a terminal would act on instead of print, or nil when
    /// it prints as itself: C0 controls become their control pictures (ESC → ␛, LF → ␊), DEL
    /// becomes ␡, C1 controls and bidi formatting characters become U+FFFD.
    /// - Complexity: O(1).
    @inline(__always)
    public static func placeholder(for u: Unicode.Scalar) -> Unicode.Scalar? {
        let v = u.value
        if v < 0x20 { return Unicode.Scalar(0x2400 + v) }
        if v < 0x7F { return nil }
        if v == 0x7F { return "\u{2421}" }
        if v < 0xA0 || isBidiControl(v) { return "\u{FFFD}" }
        return nil
    }

    /// Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the marks
    /// U+200E, U+200F, U+061C: the characters of "Trojan Source" (CVE-2021-42574).
    @inline(__always)
    public static func isBidiControl(_ v: UInt32) -> Bool {
        (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069) || v == 0x200E || v == 0x200F || v == 0x061C
    }

    public static func isControl(_ u: Unicode.Scalar) -> Bool { placeholder(for: u) != nil }

    /// Every control shown as its placeholder, line breaks included (one line of text stays one).
    /// - Complexity: O(n); returns `s` itself when there is nothing to replace.
    public static func visible(_ s: String) -> String { replacing(s, keepLayout: false) }

    /// Like `visible`, but LF and TAB stay (they lay out text, they do not drive the terminal),
    /// and so does a CR right before an LF (CSV's line ends). A lone CR, which would let a later
    /// part of a line overwrite an earlier one, is shown as ␍.
    /// - Complexity: O(n).
    public static func visibleKeepingLayout(_ s: String) -> String { replacing(s, keepLayout: true) }

    /// JSON text with every such scalar written as a `\uXXXX` escape. Valid JSON stays valid and
    /// decodes to the same value: outside strings JSON allows only structure and the whitespace
    /// kept here (LF, TAB, CR), so every scalar replaced sits inside a string.
    /// - Complexity: O(n).
    public static func jsonEscaped(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { placeholder(for: $0) != nil && !isLayout($0) }) else { return s }
        var out = String.UnicodeScalarView()
        let hex = Array("0123456789abcdef".unicodeScalars)
        for u in s.unicodeScalars {
            if placeholder(for: u) == nil || isLayout(u) { out.append(u); continue }
            out.append(contentsOf: "\\u".unicodeScalars)
            for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int(u.value >> UInt32(shift)) & 0xF]) }
        }
        return String(out)
    }

    /// True when UTF-8 `bytes` hold no scalar with a placeholder other than LF, TAB and CR: the
    /// same test as `placeholder(for:)`, on bytes, so that a large output (a 40 MB document JSON)
    /// is checked without being decoded or copied.
    /// - Complexity: O(n).
    public static func isSafe(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            // Eight bytes of printable ASCII at a time: most of any JSON or text output.
            if i + 8 <= n && ByteWords.allPrintableASCII(ByteWords.load(bytes, i)) { i += 8; continue }
            // Eight bytes of other text (Chinese, Cyrillic, Arabic) at a time: each byte is
            // asked on its own below, and only a control, DEL or the lead bytes 0xC2, 0xD8 and
            // 0xE2 can be turned away; a word with none of them passes whole (no continuation
            // byte is one). 0xD8 (half of Arabic's letters) only before 0x9C (U+061C): a word
            // with no 0x9C whose last byte is not 0xD8 holds every 0xD8's next byte, and passes.
            if i + 8 <= n {
                let w = ByteWords.load(bytes, i)
                if !ByteWords.hasBelow(w, 0x20) && !ByteWords.has(w, 0x7F) && noControlLead(w, last: bytes[i + 7]) { i += 8; continue }
            }
            let b = bytes[i]
            if b < 0x80 {
                if (b < 0x20 && b != 0x0A && b != 0x09 && b != 0x0D) || b == 0x7F { return false }
                i += 1
                continue
            }
            if terminalControl(bytes, at: i) != nil { return false }
            i += 1
        }
        return true
    }

    /// True when the UTF-8 word `w` (eight bytes, the last of them `last`) holds no lead byte
    /// of a C1 or bidi control: none of 0xC2, 0xE2, and 0xD8 only where its next byte is in
    /// the word and none is 0x9C (U+061C). No continuation byte is such a lead, so a word that
    /// passes needs no look at its bytes one by one.
    /// - Complexity: O(1).
    @inline(__always)
    static func noControlLead(_ w: UInt64, last: UInt8) -> Bool {
        !ByteWords.has(w, 0xC2) && !ByteWords.has(w, 0xE2)
            && (!ByteWords.has(w, 0xD8) || (!ByteWords.has(w, 0x9C) && last != 0xD8))
    }

    /// The C1 or bidi control whose UTF-8 starts at `i`, with its length in bytes; nil for
    /// any other byte there (an ASCII byte included: C0 and DEL are the caller's to test).
    /// - Complexity: O(1).
    @inline(__always)
    static func terminalControl(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int)? {
        let n = bytes.count
        let next = i + 1 < n ? bytes[i + 1] : 0
        switch bytes[i] {
        case 0xC2 where next < 0xA0: return (UInt32(next), 2)   // U+0080–U+009F (valid UTF-8: next ≥ 0x80)
        case 0xD8 where next == 0x9C: return (0x061C, 2)
        case 0xE2 where i + 2 < n:
            let last = bytes[i + 2]
            let v = 0x2000 | UInt32(next & 0x3F) << 6 | UInt32(last & 0x3F)
            if next == 0x80 && (last == 0x8E || last == 0x8F || (last >= 0xAA && last <= 0xAE)) { return (v, 3) }
            if next == 0x81 && last >= 0xA6 && last <= 0xA9 { return (v, 3) }
            return nil
        default: return nil
        }
    }

    @inline(__always)
    private static func isLayout(_ u: Unicode.Scalar) -> Bool { u == "\n" || u == "\t" || u == "\r" }

    private static func replacing(_ s: String, keepLayout: Bool) -> String {
        if keepLayout {
            // Layout kept: a byte scan clears most text (every line break has a placeholder, so
            // the scalar test below would rewrite any text of more than one line).
            var s = s
            let clean = s.withUTF8 { bytes in isSafe(utf8: bytes) && !bytes.contains(0x0D) }
            if clean { return s }
        }
        guard s.unicodeScalars.contains(where: { placeholder(for: $0) != nil }) else { return s }
        var out = String.UnicodeScalarView()
        var it = s.unicodeScalars.makeIterator()
        var next = it.next()
        while let u = next {
            next = it.next()
            if keepLayout && (u == "\n" || u == "\t" || (u == "\r" && next == "\n")) { out.append(u); continue }
            out.append(placeholder(for: u) ?? u)
        }
        return String(out)
    }
}

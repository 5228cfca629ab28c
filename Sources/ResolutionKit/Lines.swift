// Phase 1: text → lines, with the layout facts later phases need (indent, blank lines
// before, display width) and the page furniture taken out.

typealias Scalars = [Unicode.Scalar]

struct SourceLine {
    var text: Scalars          // without leading/trailing whitespace
    var indent: Int            // leading whitespace, in scalars
    var index: Int             // 0-based line number in the source
    var blankBefore: Int       // blank lines directly before this one
    var isSeparator = false    // a footnote rule: a long run of spaces or underscores
    var afterFootnotes = false // a footnote block was lifted out just before this line
    var width = 0              // display columns of `text`, measured once

    init(text: Scalars, indent: Int, index: Int, blankBefore: Int, isSeparator: Bool = false) {
        self.text = text; self.indent = indent; self.index = index; self.blankBefore = blankBefore
        self.isSeparator = isSeparator
        self.width = approxColumns(text)
    }
}

enum Chars {
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0B, 0x0C, 0xA0, 0x3000, 0x2000...0x200A, 0x202F, 0x205F, 0xFEFF: return true
        default: return false
        }
    }
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
    static func digitValue(_ s: Unicode.Scalar) -> Int? {
        if s.value >= 48 && s.value <= 57 { return Int(s.value - 48) }
        if s.value >= 0x0660 && s.value <= 0x0669 { return Int(s.value - 0x0660) }  // Arabic-Indic
        return nil
    }
    static func superscriptValue(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 0x2070: return 0
        case 0x00B9: return 1
        case 0x00B2: return 2
        case 0x00B3: return 3
        case 0x2074...0x2079: return Int(s.value - 0x2070)
        default: return nil
        }
    }
    static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF: return true
        default: return false
        }
    }
    static func isWide(_ s: Unicode.Scalar) -> Bool { EastAsianWidth.isWide(s.value) }
    /// Punctuation that may end a paragraph or a list item.
    static func isTerminator(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "，", ",", "；", ";", "。", ".", "：", ":", "!", "?", "！", "？", "،", "؛": return true
        default: return false
        }
    }
    /// Internal marker separator: a footnote marker lifted from its own line in PDF text.
    static let markerSeparator: Unicode.Scalar = "\u{E000}"
}

func approxColumns(_ s: Scalars) -> Int {
    var w = 0
    for c in s { w += Chars.isWide(c) ? 2 : 1 }
    return w
}

/// The last scalar that carries meaning for paragraph ends: skips markers, markdown
/// emphasis and trailing closing quotes.
func lastMeaningful(_ s: Scalars) -> Unicode.Scalar? {
    var i = s.count - 1
    while i >= 0 {
        let c = s[i]
        if Chars.isSpace(c) || Chars.superscriptValue(c) != nil || c == Chars.markerSeparator || c == "*" { i -= 1; continue }
        return c
    }
    return nil
}

func endsWithTerminator(_ s: Scalars) -> Bool {
    guard let c = lastMeaningful(s) else { return false }
    return Chars.isTerminator(c)
}

func trimmed(_ s: ArraySlice<Unicode.Scalar>) -> Scalars {
    var lo = s.startIndex, hi = s.endIndex
    while lo < hi && Chars.isSpace(s[lo]) { lo += 1 }
    while hi > lo && Chars.isSpace(s[hi - 1]) { hi -= 1 }
    return Array(s[lo..<hi])
}

func trimmed(_ s: Scalars) -> Scalars { trimmed(s[...]) }

extension Array where Element == Unicode.Scalar {
    var string: String { self[...].string }
    func hasPrefix(_ p: Scalars, at i: Int = 0) -> Bool {
        guard i + p.count <= count else { return false }
        for k in 0..<p.count where self[i + k] != p[k] { return false }
        return true
    }
    func contains(_ p: Scalars) -> Bool { firstIndex(of: p) != nil }
    func firstIndex(of p: Scalars, from start: Int = 0) -> Int? {
        guard !p.isEmpty, p.count <= count else { return nil }
        var i = start
        while i + p.count <= count {
            if self[i] == p[0] && hasPrefix(p, at: i) { return i }
            i += 1
        }
        return nil
    }
}

extension String {
    var scalars: Scalars { Array(unicodeScalars) }
}

enum LineSplitter {
    /// Splits on LF, CRLF or CR. Blank lines are not returned; they are counted in
    /// `blankBefore`. Whitespace-only lines of 10+ scalars are kept as separators.
    static func split(_ text: String) -> [SourceLine] {
        var out: [SourceLine] = []
        var current: Scalars = []
        current.reserveCapacity(256)
        var blanks = 0
        var index = 0
        func flush() {
            WorkMeter.add(1 + current.count)
            var lead = 0
            while lead < current.count && Chars.isSpace(current[lead]) { lead += 1 }
            if lead == current.count {
                if current.count >= 10 {
                    out.append(SourceLine(text: [], indent: lead, index: index, blankBefore: blanks, isSeparator: true))
                    blanks = 0
                } else {
                    blanks += 1
                }
            } else {
                var end = current.count
                while end > lead && Chars.isSpace(current[end - 1]) { end -= 1 }
                // An exact-size copy: `Array(current[...])` could share the scratch buffer
                // and its capacity (sized for the longest line so far) with every line.
                var body = Scalars()
                body.reserveCapacity(end - lead)
                body.append(contentsOf: current[lead..<end])
                let rule = body.count >= 5 && body.allSatisfy { $0 == "_" || $0 == "—" || $0 == "─" || $0 == "-" }
                out.append(SourceLine(text: body, indent: lead, index: index, blankBefore: blanks, isSeparator: rule))
                blanks = 0
            }
            current.removeAll(keepingCapacity: true)
            index += 1
        }
        var previousCR = false
        for s in text.unicodeScalars {
            if s == "\n" {
                if previousCR { previousCR = false; continue }
                flush()
            } else if s == "\r" {
                flush(); previousCR = true; continue
            } else if s == "\u{2028}" || s == "\u{2029}" {
                flush()
            } else {
                current.append(s)
            }
            previousCR = false
        }
        if !current.isEmpty { flush() }
        return out
    }

    /// Hard-wrapped (PDF-extracted) text has many lines that fill the measure and stop
    /// mid-sentence; markdown-like text has one paragraph per line.
    static func isHardWrapped(_ lines: [SourceLine], measure: Int) -> Bool {
        let count = lines.reduce(0) { $0 + ($1.isSeparator ? 0 : 1) }
        guard count >= 8, measure >= 30 && measure <= 220 else { return false }
        var full = 0
        for line in lines where !line.isSeparator && line.width * 10 >= measure * 8 && !endsWithTerminator(line.text) {
            full += 1
        }
        return full * 4 >= count
    }

    /// The measure of a hard-wrapped text: the width that most full lines reach.
    static func measure(_ lines: [SourceLine]) -> Int {
        let widths = lines.filter { !$0.isSeparator }.map(\.width).sorted()
        return widths.isEmpty ? 0 : widths[widths.count * 9 / 10]
    }
}

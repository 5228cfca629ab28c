// Subparagraph labels: `(a)`, `a)`, `（a）`, `(ii)`, `ii)`, `(أ)`, `㈠`, `’1‘`, `1)`, `•`,
// and how a label's degree follows from the labels before it.

struct SubLabel {
    enum Style: Equatable { case letter, roman, digit, bullet }
    /// The label as printed, without brackets (`a`, `ii`, `أ`, `㈠`, `•`).
    var printed: String
    /// Every reading of the label: a letter index, a roman index, a digit, a bullet.
    var readings: [(Style, Int)]
    var rest: Scalars
}

enum LabelParser {
    /// Whether `s` may open with a label, by its first 12 scalars alone: every label `parse`
    /// accepts either opens with one of a few marks (`㈠`, `•`, `’`…), after an optional
    /// `**`, or has its closing bracket within its first 10 scalars after that (an opening
    /// bracket, a space, six scalars, a space). Most lines of text have neither, and are
    /// turned away without a copy.
    /// - Complexity: O(1).
    static func mayOpenWithLabel<S: RandomAccessCollection<Unicode.Scalar>>(_ s: S) -> Bool where S.Index == Int {
        let n = s.count
        var k = 0
        if n >= 2 && s[0] == "*" && s[1] == "*" { k = 2 }
        guard k < n else { return false }
        let first = s[k]
        if first.value >= 0x3220 && first.value <= 0x3229 { return true }
        if first == "•" || first == "–" || first == "—" || first == "▪" || first == "●" || first == "’" || first == "‘" { return true }
        var i = k
        while i < n && i < k + 10 {
            if s[i] == ")" || s[i] == "）" { return true }
            i += 1
        }
        return false
    }

    static func parse(_ s: Scalars, profile: LanguageProfile) -> SubLabel? {
        // Most lines open with no label: asked first, before anything is copied.
        guard mayOpenWithLabel(s) else { return nil }
        var t = s
        // Compared in place: `hasPrefix(["*", "*"])` built a two-scalar array on every call,
        // and every line of hard-wrapped text is asked this several times.
        if t.count >= 2 && t[0] == "*" && t[1] == "*" { t = Array(t.dropFirst(2)) }
        guard let first = t.first else { return nil }
        // ㈠ ㈡ … ㈩ (Chinese second degree)
        if first.value >= 0x3220 && first.value <= 0x3229 {
            return label(String(first), [(.roman, Int(first.value - 0x3220))], after: t, at: 1, needSpace: false)
        }
        if first == "•" || first == "–" || first == "—" || first == "▪" || first == "●" {
            return label("•", [(.bullet, 0)], after: t, at: 1, needSpace: true)
        }
        // ’1‘ (Arabic second degree)
        if first == "’" || first == "‘" {
            var i = 1, n = 0
            while i < t.count && Chars.isDigit(t[i]) && i < 4 { n = n * 10 + Int(t[i].value - 48); i += 1 }
            if i > 1, i < t.count, t[i] == "‘" || t[i] == "’", n >= 1 {
                return label(Array(t[0...i]).string, [(.roman, n - 1)], after: t, at: i + 1, needSpace: true)
            }
            return nil
        }
        let open = first == "(" || first == "（"
        var i = open ? 1 : 0
        // Text taken from a PDF page may put a space inside the brackets (`( أ)`, `(ب )`):
        // the label's glyphs are set apart from its brackets in right-to-left lines.
        if open && i + 1 < t.count && t[i] == " " { i += 1 }
        let start = i
        while i < t.count && i - start < 6 && t[i] != ")" && t[i] != "）" && !Chars.isSpace(t[i]) { i += 1 }
        let end = i
        if open && i + 1 < t.count && t[i] == " " && (t[i + 1] == ")" || t[i + 1] == "）") { i += 1 }
        guard end > start, i < t.count, t[i] == ")" || t[i] == "）" else { return nil }
        let core = Array(t[start..<end])
        let coreString = core.string
        var readings: [(SubLabel.Style, Int)] = []
        if core.count == 1, core[0].value >= 97 && core[0].value <= 122 { readings.append((.letter, Int(core[0].value - 97))) }
        if let r = romanValue(coreString) { readings.append((.roman, r - 1)) }
        if core.allSatisfy(Chars.isDigit), core.count <= 2, let v = Int(coreString), v >= 1 { readings.append((.digit, v - 1)) }
        if let idx = profile.letterIndex[coreString] { readings.append((.letter, idx)) }
        if open, let idx = profile.numeralIndex[coreString] { readings.append((.roman, idx)) }
        guard !readings.isEmpty else { return nil }
        // Without an opening bracket only latin letters, romans and small digits are labels.
        if !open && profile.letterIndex[coreString] != nil && readings.count == 1 && !core.allSatisfy({ $0.value < 128 }) { return nil }
        return label(coreString, readings, after: t, at: i + 1, needSpace: !open)
    }

    private static func label(_ printed: String, _ readings: [(SubLabel.Style, Int)], after t: Scalars, at i: Int,
                              needSpace: Bool) -> SubLabel? {
        guard i < t.count else { return nil }
        var j = i
        if t[j] == "*" && j + 1 < t.count && t[j + 1] == "*" { j += 2 }
        if needSpace && !Chars.isSpace(t[j]) && !Chars.isWide(t[j]) { return nil }
        let rest = trimmed(t[j...])
        guard !rest.isEmpty else { return nil }
        return SubLabel(printed: printed, readings: readings, rest: rest)
    }

    static func romanValue(_ s: String) -> Int? {
        guard !s.isEmpty, s.count <= 6, s.allSatisfy({ "ivxlc".contains($0) }) else { return nil }
        let values: [Character: Int] = ["i": 1, "v": 5, "x": 10, "l": 50, "c": 100]
        var total = 0, prev = 0
        for ch in s.reversed() {
            let v = values[ch]!
            total += v < prev ? -v : v
            prev = max(prev, v)
        }
        return roman(total) == s ? total : nil
    }

    static func roman(_ n: Int) -> String {
        let table: [(Int, String)] = [(100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var n = n, out = ""
        for (v, s) in table { while n >= v { out += s; n -= v } }
        return out
    }

    /// The id part for a label read in a given style (`a`, `ii`, `3`).
    static func key(_ style: SubLabel.Style, _ index: Int) -> String {
        switch style {
        case .letter: return index < 26 ? String(UnicodeScalar(97 + index)!) : "l\(index + 1)"
        case .roman: return roman(index + 1)
        case .digit, .bullet: return String(index + 1)
        }
    }
}

/// Tracks the open list of one paragraph and decides each new label's degree.
struct ListState {
    var level1: (SubLabel.Style, Int)? = nil
    var level2: (SubLabel.Style, Int)? = nil

    /// Returns (degree 1 or 2, style, index) for the label, and advances the state.
    mutating func place(_ label: SubLabel) -> (Int, SubLabel.Style, Int) {
        func reading(_ style: SubLabel.Style) -> Int? { label.readings.first { $0.0 == style }?.1 }
        if let (style, last) = level1 {
            let next = style == .bullet ? 0 : last + 1
            if let idx = reading(style), style == .bullet || idx == next {
                level1 = (style, style == .bullet ? last + 1 : idx); level2 = nil
                return (1, style, style == .bullet ? last + 1 : idx)
            }
            if let (s2, last2) = level2, let idx = reading(s2), s2 == .bullet || idx == last2 + 1 {
                let i2 = s2 == .bullet ? last2 + 1 : idx
                level2 = (s2, i2)
                return (2, s2, i2)
            }
            // A new list under the current item starts at its first label.
            for (s, idx) in label.readings where idx == 0 && s != style {
                level2 = (s, 0)
                return (2, s, 0)
            }
            // Out of sequence: keep it at the first degree, in its own style.
            let (s, idx) = label.readings.first { $0.0 == style } ?? label.readings[0]
            level1 = (s, idx); level2 = nil
            return (1, s, idx)
        }
        // First label of the list: prefer the reading that starts a list (`i` is roman).
        let (s, idx) = label.readings.first { $0.1 == 0 } ?? label.readings[0]
        level1 = (s, idx)
        return (1, s, idx)
    }
}

// Phase 6 (inline): markdown residue out, footnote markers out (kept as offsets into the
// clean text), and the leading operative verb or preambular opener.

struct CleanText {
    var text: Scalars
    var markers: [FootnoteRef]
    /// Ranges of the clean text that were bold in the source.
    var bold: [Range<Int>]
}

/// The output of a pass that mostly copies its input: while what is written equals the
/// input's start, nothing is copied; the first difference copies that start once.
struct PrefixCopy {
    let source: Scalars
    /// Scalars written so far.
    private(set) var count = 0
    private var copy: Scalars? = nil

    init(_ source: Scalars) { self.source = source }

    /// - Complexity: O(1) amortised; O(count) once, at the first scalar that differs.
    mutating func append(_ s: Unicode.Scalar) {
        if copy == nil {
            if count < source.count && source[count] == s { count += 1; return }
            var c = Scalars()
            c.reserveCapacity(source.count)
            c.append(contentsOf: source[0..<count])
            copy = c
        }
        copy!.append(s)
        count += 1
    }

    mutating func append(contentsOf scalars: ArraySlice<Unicode.Scalar>) {
        for s in scalars { append(s) }
    }

    /// Appends `source[range]`, as `append` would one by one: while the written scalars are
    /// the source's first `range.lowerBound`, they stay a prefix with no scalar compared.
    /// - Complexity: O(1) while nothing differs; else O(range.count) amortised.
    mutating func append(sourceRange range: Range<Int>) {
        if copy == nil {
            if count == range.lowerBound { count = range.upperBound; return }
            for k in range { append(source[k]) }
            return
        }
        copy!.append(contentsOf: source[range])
        count += range.count
    }

    /// While nothing differs the written scalars are a prefix of the source, and stay one
    /// when the last is taken back.
    mutating func removeLast() {
        if copy != nil { copy!.removeLast() }
        count -= 1
    }

    subscript(k: Int) -> Unicode.Scalar { copy?[k] ?? source[k] }
    var last: Unicode.Scalar? { count == 0 ? nil : self[count - 1] }

    /// The written scalars in `range`: the source itself when they are all of it.
    func result(_ range: Range<Int>) -> Scalars {
        if let copy { return range == 0..<copy.count ? copy : Array(copy[range]) }
        return range == 0..<source.count ? source : Array(source[range])
    }
}

enum InlinePass {
    /// `plainMarkers`: footnote markers may also be plain digits glued to the word or
    /// punctuation before them (`meeting,1 in which`), as some extractions of Latin-script
    /// texts print them. Only numbers of existing footnotes count.
    static func clean(_ raw: Scalars, footnotes: Set<Int>, plainMarkers: Bool = false, bracketMarkersOnly: Bool = false) -> CleanText {
        // Most paragraphs have nothing to clean: their text is the raw text itself, not a
        // copy (a one-paragraph file was held three times over here).
        var out = PrefixCopy(raw)
        WorkMeter.add(raw.count)
        var markers: [FootnoteRef] = []
        var bold: [Range<Int>] = []
        var boldStart: Int? = nil
        // Link markup is found as the pass meets it: an open bracket that starts a link
        // sets where its text closes and where the target ends. Found all at once into a
        // table, the links of a large file held a dictionary several times its size.
        var link: (close: Int, end: Int)? = nil
        var i = 0
        let n = raw.count
        // Where markup was last removed: a space that only separated markup from CJK text
        // (`日 [第 69/313 号决议](#)`) must not end up between two CJK characters.
        var removedAt = -1
        while i < n {
            // A run of scalars that none of the cases below touches is copied in one step
            // (most of a paragraph): it starts past any link and after the first scalar
            // following removed markup, where the cases depend on more than the scalar.
            if link == nil && removedAt != out.count {
                let j = ScalarScan.values(raw) { ScalarScan.nextNotPlain($0, from: i, digits: plainMarkers) }
                if j > i {
                    out.append(sourceRange: i..<j)
                    i = j
                    continue
                }
            }
            var skipTo: Int? = nil
            if let l = link, i >= l.close {
                if i == l.close { skipTo = l.end }
                link = nil
            }
            if skipTo == nil, link == nil, raw[i] == "[", i == 0 || raw[i - 1] != "\\", let l = linkMarkup(raw, at: i) {
                skipTo = i + 1
                link = l
            }
            if let end = skipTo {
                i = end
                removedAt = out.count
                if out.count >= 2, Chars.isSpace(out[out.count - 1]), Chars.isWide(out[out.count - 2]),
                   i < n, Chars.isWide(raw[i]) { out.removeLast(); removedAt = out.count }
                continue
            }
            if removedAt == out.count, Chars.isSpace(raw[i]), let prev = out.last, Chars.isWide(prev),
               i + 1 < n, Chars.isWide(raw[i + 1]) {
                i += 1
                continue
            }
            let c = raw[i]
            if c == "*" && i + 1 < n && raw[i + 1] == "*" {
                if let s = boldStart { if out.count > s { bold.append(s..<out.count) }; boldStart = nil }
                else { boldStart = out.count }
                i += 2
                if out.count >= 2, Chars.isSpace(out[out.count - 1]), Chars.isWide(out[out.count - 2]),
                   i < n, Chars.isWide(raw[i]) { out.removeLast() }
                removedAt = out.count
                continue
            }
            if c == "\\" && i + 1 < n, "()[]*_#`".unicodeScalars.contains(raw[i + 1]) {
                out.append(raw[i + 1]); i += 2; continue
            }
            if c == Chars.markerSeparator { i += 1; continue }
            if Chars.superscriptValue(c) != nil {
                var j = i, value = 0
                var digits: [Int] = []
                while j < n, let v = Chars.superscriptValue(raw[j]) { value = value * 10 + v; digits.append(v); j += 1 }
                let offset = out.count
                if footnotes.contains(value) {
                    markers.append(FootnoteRef(number: value, offset: offset))
                } else if digits.count > 1, digits.allSatisfy({ footnotes.contains($0) }) {
                    for d in digits { markers.append(FootnoteRef(number: d, offset: offset)) }
                } else {
                    // Digits that mark no footnote are text (`346 km²`, `E=mc³`): kept.
                    out.append(contentsOf: raw[i..<j])
                    i = j
                    continue
                }
                // `通过¹ 并经` — the space only made room for the marker between CJK text.
                if let prev = out.last, Chars.isWide(prev), j + 1 < n, Chars.isSpace(raw[j]), Chars.isWide(raw[j + 1]) { j += 1 }
                i = j
                continue
            }
            // `[^3]`: a Markdown footnote reference, when footnote 3 exists.
            if c == "[", let (number, end) = bracketMarker(raw, at: i), footnotes.contains(number) {
                markers.append(FootnoteRef(number: number, offset: out.count))
                i = end
                continue
            }
            if plainMarkers, Chars.isDigit(c), !bracketMarkersOnly || out.last == ")",
               let (number, end) = gluedMarker(raw, at: i, after: out.last, footnotes: footnotes),
               !bracketMarkersOnly || end == raw.count || Chars.isWidePunctuation(raw[end]) {
                markers.append(FootnoteRef(number: number, offset: out.count))
                i = end
                continue
            }
            out.append(c)
            i += 1
            // The digits after a digit copied as text are text too: a digit after a digit is
            // never a glued marker (`gluedMarker` wants a letter or punctuation before it),
            // and outside a link no other case takes one. Copied as a run, where each went
            // round this loop alone (every number of every paragraph).
            if plainMarkers && link == nil && Chars.isDigit(c) {
                var j = i
                while j < n && Chars.isDigit(raw[j]) { j += 1 }
                out.append(sourceRange: i..<j)
                i = j
            }
        }
        if let s = boldStart, out.count > s { bold.append(s..<out.count) }
        // Trim, shifting offsets.
        var lead = 0
        while lead < out.count && Chars.isSpace(out[lead]) { lead += 1 }
        var end = out.count
        while end > lead && Chars.isSpace(out[end - 1]) { end -= 1 }
        let text = out.result(lead..<end)
        if lead > 0 || end < out.count {
            markers = markers.map { FootnoteRef(number: $0.number, offset: min(max(0, $0.offset - lead), text.count)) }
            bold = bold.compactMap { r in
                let lo = max(0, r.lowerBound - lead), hi = min(text.count, r.upperBound - lead)
                return lo < hi ? lo..<hi : nil
            }
        }
        return CleanText(text: text, markers: markers, bold: bold)
    }

    /// A scalar that `clean` copies as it is wherever it stands (outside a link, and not
    /// right after removed markup): not `[`, `*`, `\\`, the marker separator, a superscript
    /// digit, nor (with plain markers) a digit.
    /// - Complexity: O(1).
    @inline(__always) static func isPlain(_ c: Unicode.Scalar, plainMarkers: Bool) -> Bool {
        let v = c.value
        if v < 0x80 {
            if v == 0x5B || v == 0x2A || v == 0x5C { return false }
            return !(plainMarkers && v >= 0x30 && v <= 0x39)
        }
        return c != Chars.markerSeparator && Chars.superscriptValue(c) == nil
    }

    /// `[^12]` at `i`: the number and the index after the `]`. A definition (`[^12]:`)
    /// is not a reference.
    static func bracketMarker(_ raw: Scalars, at i: Int) -> (Int, Int)? {
        guard i + 3 < raw.count, raw[i + 1] == "^" else { return nil }
        var j = i + 2, n = 0
        while j < raw.count, j - i < 6, Chars.isDigit(raw[j]) { n = n * 10 + Int(raw[j].value - 48); j += 1 }
        guard j > i + 2, j < raw.count, raw[j] == "]", n > 0 else { return nil }
        if j + 1 < raw.count, raw[j + 1] == ":" { return nil }
        return (n, j + 1)
    }

    /// A footnote number glued to a letter or closing punctuation and followed by a
    /// space, punctuation or the end: `peace,1 and`, `meeting.2`, `Council3;`.
    static func gluedMarker(_ raw: Scalars, at i: Int, after prev: Unicode.Scalar?, footnotes: Set<Int>) -> (Int, Int)? {
        guard let prev, !footnotes.isEmpty else { return nil }
        // Width first, and the property asked through `Chars.isAlphabetic` (ASCII and Arabic
        // without the table): every digit after a CJK character asked the table here.
        let letter = !Chars.isWide(prev) && Chars.isAlphabetic(prev)
        let punct = ",;:.)”’\"".unicodeScalars.contains(prev)
        guard letter || punct else { return nil }
        // `2.5`, `S-10`, `A/60`: digits that belong to a number or a symbol.
        if prev == "." || prev == ",", i >= 2, Chars.isDigit(raw[i - 2]) { return nil }
        var j = i, n = 0
        while j < raw.count && Chars.isDigit(raw[j]) && j - i < 3 { n = n * 10 + Int(raw[j].value - 48); j += 1 }
        if j < raw.count && (Chars.isDigit(raw[j]) || Chars.isAlphabetic(raw[j]) || raw[j] == "/" || raw[j] == "-") { return nil }
        if j + 1 < raw.count && (raw[j] == "." || raw[j] == ",") && Chars.isDigit(raw[j + 1]) { return nil }
        return footnotes.contains(n) ? (n, j) : nil
    }

    /// A Markdown link `[text](target)` opening at `i` (an open bracket): where its text
    /// closes (the `]`) and the index after the target's `)`. The brackets and the target
    /// are markup, the text is kept.
    /// - Complexity: O(1): the text and the target are looked for within a bounded span.
    static func linkMarkup(_ s: Scalars, at i: Int) -> (close: Int, end: Int)? {
        var j = i + 1, depth = 0
        while j < s.count && j - i < 400 {
            if s[j] == "\\" { j += 2; continue }
            if s[j] == "[" { depth += 1 } else if s[j] == "]" { if depth == 0 { break }; depth -= 1 }
            j += 1
        }
        guard j + 1 < s.count && s[j] == "]" && s[j + 1] == "(" else { return nil }
        // A target is markup only when it looks like one: no spaces or brackets,
        // parentheses balanced (`a_(b)`). Anything odder is not a link, and every
        // character of it stays in the text.
        var k = j + 2, parens = 0
        while k < s.count && k - j < 300 {
            let t = s[k]
            if t == ")" { if parens == 0 { break }; parens -= 1 }
            else if t == "(" { parens += 1 }
            else if Chars.isSpace(t) || t == "[" || t == "]" || t == "\n" { break }
            k += 1
        }
        guard k < s.count && s[k] == ")" else { return nil }
        return (j, k + 1)
    }

    /// The leading operative verb or preambular opener: the bold span when the text opens
    /// with one (after a lead-in such as `在这方面`), else the longest known phrase.
    static func lead(_ clean: CleanText, operative: Bool, profile: LanguageProfile) -> String? {
        let t = clean.text
        var pos = 0
        for leadIn in profile.leadIns where t.hasPrefix(leadIn) { pos = leadIn.count; break }
        while pos < t.count && (Chars.isSpace(t[pos]) || t[pos] == "，" || t[pos] == ",") { pos += 1 }
        if let first = clean.bold.first, first.lowerBound <= pos + 1, first.upperBound > pos {
            var phrase = Array(t[max(first.lowerBound, pos)..<first.upperBound])
            while let l = phrase.last, Chars.isSpace(l) || Chars.isTerminator(l) { phrase.removeLast() }
            if !phrase.isEmpty { return phrase.string }
        }
        let primary = operative ? profile.verbs : profile.openers
        let secondary = operative ? profile.openers : profile.verbs
        var len = primary.longestMatch(t, at: pos)
        if len == 0 { len = secondary.longestMatch(t, at: pos) }
        return len > 0 ? t[pos..<pos + len].string : nil
    }

    /// True when the text opens with a known opener or verb (after any lead-in).
    static func startsWithLead(_ raw: Scalars, profile: LanguageProfile) -> Bool {
        startsWithLead(raw, profile: profile, openersOnly: false)
    }

    /// Whether `raw` opens with a preambular opener (`Recalling`, `وإذ يؤكد`), operative verbs
    /// left out: after a comma a verb opens a clause inside the paragraph (`…، ويشدد على`).
    static func startsWithOpener(_ raw: Scalars, profile: LanguageProfile) -> Bool {
        startsWithLead(raw, profile: profile, openersOnly: true)
    }

    private static func startsWithLead(_ raw: Scalars, profile: LanguageProfile, openersOnly: Bool) -> Bool {
        var t = raw
        // Compared in place: `hasPrefix(["*", "*"])` built a two-scalar array on every call,
        // and this is asked of every line of hard-wrapped text.
        if t.count >= 2 && t[0] == "*" && t[1] == "*" { t = Array(t.dropFirst(2)) }
        var pos = 0
        for leadIn in profile.leadIns where t.hasPrefix(leadIn) { pos = leadIn.count; break }
        while pos < t.count && (Chars.isSpace(t[pos]) || t[pos] == "*") { pos += 1 }
        if profile.openers.longestMatch(t, at: pos) > 0 { return true }
        return !openersOnly && profile.verbs.longestMatch(t, at: pos) > 0
    }
}

// Visual mode: `v` selects words inside the current paragraph, as in vim. Motions go by word
// in spaced scripts and by character in CJK (where every character is a word boundary); a
// search match in the paragraph starts as the selection. With a selection, the tag keys, the
// note key and `a` act on it: the selected words become SPEC §5's `quote` (with prefix and
// suffix, stored by the backend through QuoteSelector), with the occurrence that was selected.
// Pure: state in, state and effects out.
import ResolutionKit
import Terminal

/// A selection inside one block: scalar offsets into the block's displayed text, both ends
/// inclusive (the cursor is on a scalar, as in vim).
struct Selection: Hashable, Sendable {
    var doc: Int
    var block: Int
    var anchor: Int
    var cursor: Int
    var range: Range<Int> { Swift.min(anchor, cursor)..<(Swift.max(anchor, cursor) + 1) }
}

/// Keys of visual mode (shown in `?` help and on the status line): fixed vim motions, then
/// the actions on the selection.
enum VisualKeys {
    static let rows: [(keys: String, action: String)] = [
        ("w b e", "next word / previous word / end of word (CJK: by character)"),
        ("h l ← →", "one character left / right"),
        ("0 $", "start / end of the paragraph"),
        ("1–9 t", "tag the selection (its words are stored as the quote)"),
        ("n", "note on the selection"),
        ("a", "amend the selection (old => new, -old, old +> new)"),
        ("v Esc", "leave visual mode"),
    ]
    static let hint = "w b e h l 0 $ move · 1–9 t tag · n note · a amend · Esc cancel"
}

extension ReaderState {
    /// Superscript digits are footnote markers the display adds; a quote never contains them.
    static func isFootnoteMarker(_ s: Unicode.Scalar) -> Bool {
        switch s.value { case 0xB2, 0xB3, 0xB9, 0x2070, 0x2074...0x2079: return true; default: return false }
    }

    /// Where the paragraph's own words start: after the number or label prefix (`1. `, `(a) `).
    func textStart(_ block: DisplayBlock) -> Int {
        var i = block.marks.first { $0.mark == .label && $0.range.lowerBound == 0 }?.range.upperBound ?? 0
        while i < block.scalars.count && block.scalars[i] == " " { i += 1 }
        return i < block.scalars.count ? i : 0
    }

    /// `v`: starts a selection on the current paragraph, on the current search match when it
    /// lies there, else on its first word.
    mutating func startVisual(_ v: DocumentView) {
        let block = models[v.doc].blocks[v.current]
        guard block.id != nil, !block.scalars.isEmpty else { flash("Only paragraphs and headings can be selected"); return }
        if let s = search, s.index < s.hits.count, s.hits[s.index].block == v.current,
           s.hits[s.index].range.upperBound <= block.scalars.count, !s.hits[s.index].range.isEmpty {
            let r = s.hits[s.index].range
            visual = Selection(doc: v.doc, block: v.current, anchor: r.lowerBound, cursor: r.upperBound - 1)
        } else {
            let start = textStart(block)
            visual = Selection(doc: v.doc, block: v.current, anchor: start, cursor: start)
        }
    }

    /// The selected words as a quote: footnote markers removed, spaces trimmed; with which
    /// occurrence of those words in the paragraph was selected (1-based), counted with the
    /// backend's matcher (SearchPattern: the one folding `/` uses) over the paragraph's own
    /// text, so the stored selector points at these words and not at an earlier repeat.
    /// - Complexity: O(n·m) for a paragraph of n scalars and a quote of m.
    func selectionQuote(_ sel: Selection) -> (text: String, occurrence: Int)? {
        let block = models[sel.doc].blocks[sel.block]
        let scalars = block.scalars
        let r = sel.range.clamped(to: 0..<scalars.count)
        var words = scalars[r].filter { !Self.isFootnoteMarker($0) }
        while words.first == " " { words.removeFirst() }
        while words.last == " " { words.removeLast() }
        guard !words.isEmpty else { return nil }
        let quote = String(String.UnicodeScalarView(words))
        // The paragraph as the backend sees it: no label prefix, no footnote markers.
        var plain: [Unicode.Scalar] = []
        var selectedAt = 0
        for i in textStart(block)..<scalars.count where !Self.isFootnoteMarker(scalars[i]) {
            if i <= r.lowerBound { selectedAt = plain.count }
            plain.append(scalars[i])
        }
        guard let pattern = SearchPattern(quote) else { return (quote, 1) }
        let hits = pattern.ranges(in: plain)
        let before = hits.filter { $0.lowerBound < selectedAt }.count
        return (quote, Swift.max(1, Swift.min(hits.count, before + 1)))
    }

    /// Keys while a selection is active. Motions move its free end; anything that acts ends it.
    mutating func handleVisualKey(_ key: Key) -> [Effect] {
        guard var sel = visual, let v = view, v.doc == sel.doc else { visual = nil; return [] }
        let block = models[sel.doc].blocks[sel.block]
        let s = block.scalars
        let first = textStart(block), last = Swift.max(first, s.count - 1)
        switch key {
        case .escape, .char("v"), .ctrl("c"):
            visual = nil
            return []
        case .char("l"), .right: sel.cursor = Self.nextCharacter(s, after: sel.cursor, limit: last)
        case .char("h"), .left: sel.cursor = Self.previousCharacter(s, before: sel.cursor, floor: first)
        case .char("w"): sel.cursor = Self.nextWordStart(s, from: sel.cursor, limit: last)
        case .char("b"): sel.cursor = Swift.max(first, Self.previousWordStart(s, from: sel.cursor))
        case .char("e"): sel.cursor = Self.wordEnd(s, from: sel.cursor, limit: last)
        case .char("0"), .home: sel.cursor = first
        case .char("$"), .end:
            var e = last
            while e > first && s[e] == " " { e -= 1 }
            sel.cursor = e
        case .char("1"), .char("2"), .char("3"), .char("4"), .char("5"), .char("6"), .char("7"), .char("8"), .char("9"),
             .char("t"), .char("n"), .char("a"):
            return actOnSelection(key, sel)
        default:
            // Other keys (rebound actions) act on the selection through their default key.
            if let k = keyBindings.translate(key), k != key, [.char("t"), .char("e"), .char("a")].contains(k) {
                return actOnSelection(k == .char("e") ? .char("n") : k, sel)
            }
            return []
        }
        visual = sel
        return []
    }

    mutating func actOnSelection(_ key: Key, _ sel: Selection) -> [Effect] {
        visual = nil
        guard let id = models[sel.doc].blocks[sel.block].id else { return [] }
        guard let (quote, occurrence) = selectionQuote(sel) else { flash("The selection is only spaces", error: true); return [] }
        let doc = sel.doc
        switch key {
        case .char("t"):
            overlay = .prompt(Prompt(kind: .tag, editor: LineEditor(), paragraph: id, quote: quote, occurrence: occurrence))
        case .char("n"):
            let current = notes[doc].byParagraph[id]?.note ?? ""
            if current.contains("\n") { flash("This note has several lines: E edits it in $EDITOR"); return [] }
            overlay = .prompt(Prompt(kind: .note, editor: LineEditor(current), paragraph: id, quote: quote, occurrence: occurrence))
        case .char("a"):
            guard id.hasPrefix("pp") || id.hasPrefix("op") else {
                flash("Amendments apply to preambular and operative paragraphs"); return []
            }
            overlay = .prompt(Prompt(kind: .amend, editor: LineEditor(quote + " => "), paragraph: id, quote: quote,
                                     occurrence: occurrence))
        case .char(let c):
            let i = Int(c.value) - 0x31
            let choices = tagChoices
            guard i >= 0, i < choices.count else { flash("No tag on key \(i + 1)"); return [] }
            let has = notes[doc].byParagraph[id]?.tags.contains(choices[i]) ?? false
            var effects: [Effect] = [.toggleTag(choices[i], paragraph: id, doc: doc)]
            // Adding a tag to a selection records the words; removing one leaves the quote.
            if !has { effects.append(.setQuote(quote, occurrence: occurrence, paragraph: id, doc: doc)) }
            return effects
        default: break
        }
        return []
    }

    // MARK: motions (scalar offsets; zero-width marks stay with their base)

    /// CJK characters are each a word: `w` and `b` step one at a time through them.
    static func isWordCharacter(_ s: Unicode.Scalar) -> Bool {
        s != " " && DisplayWidth.of(s) == 1 && (s.properties.isAlphabetic || s.properties.numericType != nil
            || s == "-" || s == "'" || s == "’" || s == "/" || s.properties.generalCategory == .nonspacingMark)
    }

    static func kind(_ s: Unicode.Scalar) -> Int {
        if s == " " { return 0 }
        if DisplayWidth.of(s) == 2 { return 3 }
        return isWordCharacter(s) ? 1 : 2
    }

    static func nextCharacter(_ s: [Unicode.Scalar], after i: Int, limit: Int) -> Int {
        var j = i + 1
        while j <= limit && DisplayWidth.of(s[j]) == 0 { j += 1 }
        return Swift.min(j, limit)
    }

    static func previousCharacter(_ s: [Unicode.Scalar], before i: Int, floor: Int) -> Int {
        var j = i - 1
        while j > floor && DisplayWidth.of(s[j]) == 0 { j -= 1 }
        return Swift.max(j, floor)
    }

    /// vim's `w`: the start of the next word (a CJK character counts as one word).
    /// - Complexity: O(k) in the scalars passed over.
    static func nextWordStart(_ s: [Unicode.Scalar], from i: Int, limit: Int) -> Int {
        guard i < limit else { return limit }
        var j = i
        let k = kind(s[j])
        if k == 3 { j += 1 } else if k != 0 { while j <= limit && kind(s[j]) == k { j += 1 } }
        while j <= limit && kind(s[j]) == 0 { j += 1 }
        while j <= limit && j > 0 && DisplayWidth.of(s[j]) == 0 { j += 1 }
        return Swift.min(j, limit)
    }

    /// vim's `b`: the start of this word, or of the previous one when already at a start.
    static func previousWordStart(_ s: [Unicode.Scalar], from i: Int) -> Int {
        var j = i - 1
        while j > 0 && kind(s[j]) == 0 { j -= 1 }
        guard j > 0 else { return 0 }
        let k = kind(s[j])
        if k == 3 { return j }
        while j > 0 && kind(s[j - 1]) == k { j -= 1 }
        return j
    }

    /// vim's `e`: the end of this word, or of the next one when already at an end.
    static func wordEnd(_ s: [Unicode.Scalar], from i: Int, limit: Int) -> Int {
        var j = i + 1
        while j <= limit && kind(s[j]) == 0 { j += 1 }
        guard j <= limit else { return limit }
        let k = kind(s[j])
        if k == 3 { return j }
        while j + 1 <= limit && (kind(s[j + 1]) == k || DisplayWidth.of(s[j + 1]) == 0) { j += 1 }
        return j
    }
}

// MARK: highlighting (read by the text pane)

extension ReaderState {
    /// Where the words of `quote` lie in block `b`'s displayed text: its `occurrence`-th exact
    /// match after the label prefix, footnote markers skipped (the display adds them, the
    /// paragraph's text has none).
    /// - Complexity: O(n·m) for a block of n scalars and a quote of m.
    func displayedRange(of quote: QuotedWords, in block: DisplayBlock) -> Range<Int>? {
        let needle = Array(quote.exact.unicodeScalars)
        guard !needle.isEmpty else { return nil }
        var plain: [Unicode.Scalar] = [], at: [Int] = []
        for i in textStart(block)..<block.scalars.count where !Self.isFootnoteMarker(block.scalars[i]) {
            plain.append(block.scalars[i]); at.append(i)
        }
        var seen = 0, i = 0
        while i + needle.count <= plain.count {
            if plain[i] == needle[0] && Array(plain[i..<i + needle.count]) == needle {
                seen += 1
                if seen == quote.occurrence { return at[i]..<(at[i + needle.count - 1] + 1) }
                i += needle.count
            } else { i += 1 }
        }
        return nil
    }

    /// The quoted words of annotations on block `b`, and the visual selection when it is there.
    func quoteHighlights(_ v: DocumentView, _ b: Int, selectionStyle: Bool) -> [(range: Range<Int>, style: Style)] {
        let block = models[v.doc].blocks[b]
        var out: [(range: Range<Int>, style: Style)] = []
        if let id = block.id, let quotes = notes[v.doc].byParagraph[id]?.quotes {
            for q in quotes { if let r = displayedRange(of: q, in: block) { out.append((r, theme.quote)) } }
        }
        if selectionStyle, let sel = visual, sel.doc == v.doc, sel.block == b { out.append((sel.range, theme.selection)) }
        return out
    }
}

// Phase 5: blocks → structure. Finds the organ line that opens the resolution, then reads
// the body in order: preambular paragraphs, headings, numbered operative paragraphs (whose
// numbers must rise by one — a wrapped line that merely starts with a number is text),
// subparagraphs, and the closing lines at the end. Anything it cannot place is kept as
// `other`, never dropped.
import Foundation

struct DraftSub {
    var printed: String
    var key: String
    /// Packed once the item is finished (`pack()`), as every draft is held until the
    /// inline pass reads it.
    private var content: PackableText
    var children: [DraftSub] = []

    init(printed: String, key: String, raw: Scalars) {
        self.printed = printed
        self.key = key
        content = PackableText(raw)
    }

    /// The item's text; changed in place, it stays unpacked until `pack()`.
    var raw: Scalars {
        get { content.scalars }
        _modify { yield &content.scalars }
        set { content.scalars = newValue }
    }

    /// Packs the item's text and its children's.
    mutating func pack() {
        content.pack()
        for i in children.indices { children[i].pack() }
    }
}

struct DraftParagraph {
    var operative: Bool
    var number: Int?
    private var content: PackableText
    var subs: [DraftSub] = []
    var list = ListState()

    init(operative: Bool, number: Int?, raw: Scalars) {
        self.operative = operative
        self.number = number
        content = PackableText(raw)
    }

    /// A paragraph whose text comes packed (cut out of a packed block), held as `pack()`
    /// leaves it: a numbered paragraph that nothing joins is never unpacked here.
    init(operative: Bool, number: Int?, packed: PackedScalars) {
        self.operative = operative
        self.number = number
        content = PackableText(packed: packed)
    }

    /// The paragraph's own text (before its items); changed in place, it stays unpacked
    /// until `pack()`.
    var raw: Scalars {
        get { content.scalars }
        _modify { yield &content.scalars }
        set { content.scalars = newValue }
    }

    /// Moves the paragraph's own text into `scratch` and empties it (`PackableText.take`).
    mutating func takeRaw(into scratch: inout Scalars) { content.take(into: &scratch) }

    /// Packs the paragraph's text and its items', once the structure phase is done with it.
    mutating func pack() {
        content.pack()
        for i in subs.indices { subs[i].pack() }
    }
}

enum BodyItem {
    case heading(Scalars)
    case paragraph(DraftParagraphBox)
    case other(Scalars)
}

/// A draft paragraph in a body item. Boxed: a draft paragraph is 60-odd bytes, and a text of
/// many short unplaced blocks holds one item per block; unboxed, every `other` item took the
/// paragraph's size. A class rather than an indirect case, so that the inline pass can move
/// the text and the items out of it: bound from an indirect case, they stayed referenced by
/// the box until it went, and a paragraph of many items was held twice.
/// `@unchecked Sendable`: the inline pass reads each box on one thread only.
final class DraftParagraphBox: @unchecked Sendable {
    var value: DraftParagraph
    init(_ value: DraftParagraph) { self.value = value }
}

struct DraftStructure {
    var preface: [Scalars] = []
    var formula: Scalars? = nil
    var items: [BodyItem] = []
    var closing: [Scalars] = []
    /// Blocks before the formula when there is no formula at all: nothing recognised.
    var unrecognised = false
}

enum StructureBuilder {
    static func build(_ blocks: [SourceBlock], profile: LanguageProfile, hardWrapped: Bool) -> DraftStructure {
        var copy = blocks
        return build(taking: &copy, profile: profile, hardWrapped: hardWrapped)
    }

    /// Builds the structure and empties `blocks` as it goes: each block's text is released
    /// once read, so a paragraph copied here (an operative paragraph without its number) is
    /// never held twice for the whole document — the peak memory of the phase.
    /// - Complexity: O(n) in the blocks' total length.
    static func build(taking blocks: inout [SourceBlock], profile: LanguageProfile, hardWrapped: Bool) -> DraftStructure {
        var result = DraftStructure()
        guard let formulaIndex = blocks.firstIndex(where: { isFormula($0.text, profile) }) else {
            result.unrecognised = true
            result.items = blocks.map { .other($0.text) }
            return result
        }
        result.preface = blocks[..<formulaIndex].map(\.text)
        result.formula = blocks[formulaIndex].text
        var body = Array(blocks[(formulaIndex + 1)...])
        blocks = []
        // The closing lines (date, meeting) sit at the very end.
        var closing: [Scalars] = []
        while let last = body.last, closing.count < 4, isClosingLine(last.text, profile) {
            closing.insert(last.text, at: 0)
            body.removeLast()
        }
        result.closing = closing

        var expected = 1
        var current: DraftParagraph? = nil
        var items: [BodyItem] = []
        func close() {
            guard var c = current else { return }
            current = nil
            c.pack()
            items.append(.paragraph(DraftParagraphBox(c)))
        }
        let spaced = profile.spec.joinWithSpace

        // A block already read as the end of the heading before it.
        var taken = -1
        // The number a block opens with, when the numbering goes on from it: the one
        // expected, or one or two past it where a number went missing (extraction printed it
        // elsewhere, or ran it into the paragraph before) and the next numbered block,
        // among the next few, goes on from this one. Without it, every paragraph after a lost
        // number was left in `other`: the rest of the document read as text of no paragraph.
        func accepted(_ n: Int, at i: Int) -> Bool {
            if n == expected { return true }
            guard n > expected, n <= expected + 2 else { return false }
            for k in (i + 1)..<min(body.count, i + 64) {
                WorkMeter.add(1)
                let next: Int?
                if let packed = body[k].packedText { next = operativeNumberValue(packed) } else { next = operativeNumberValue(body[k].text) }
                guard let next else { continue }
                return next == n + 1
            }
            return false
        }
        // By index, not `for … in body`: an iterator would keep every text alive.
        for i in body.indices {
            if i == taken { continue }
            let block = body[i]
            body[i].text = []
            // A numbered paragraph is cut out of the packed block as it is stored: unpacked,
            // its rest copied and packed again, it took three passes over its text.
            // (Latin-1 text only: see `packedSlice`.)
            if let packed = block.packedText, packed.isLatin1, let (n, rest) = operativeNumberBounds(packed), accepted(n, at: i),
               let cut = packedSlice(packed, rest) {
                WorkMeter.add(1 + packed.count)
                close()
                current = DraftParagraph(operative: true, number: n, packed: cut)
                expected = n + 1
                continue
            }
            var raw = block.text
            WorkMeter.add(1 + raw.count)
            if let (n, rest) = operativeNumberBounds(raw), accepted(n, at: i) {
                close()
                // The rest cut out of this copy in place (`operativeNumber` would copy it).
                raw.removeSubrange(rest.upperBound...)
                raw.removeSubrange(..<rest.lowerBound)
                current = DraftParagraph(operative: true, number: n, raw: raw)
                expected = n + 1
                continue
            }
            // A label that goes on with the list of the paragraph before, after a few blocks
            // that could not be placed (pieces of its last item that extraction moved): the
            // paragraph takes them back as the end of that item, and its list goes on.
            if current == nil, hardWrapped, let label = LabelParser.parse(raw, profile: profile),
               let reopened = reopenList(&items, for: label, spaced: spaced) {
                current = reopened
            }
            if current != nil, let label = LabelParser.parse(raw, profile: profile) {
                let (degree, style, index) = current!.list.place(label)
                let sub = DraftSub(printed: label.printed, key: LabelParser.key(style, index), raw: label.rest)
                if degree == 2, !current!.subs.isEmpty {
                    current!.subs[current!.subs.count - 1].children.append(sub)
                } else {
                    // The item before is finished: packed now, not when the paragraph closes,
                    // so that a paragraph of many items is not held unpacked.
                    if !current!.subs.isEmpty { current!.subs[current!.subs.count - 1].pack() }
                    current!.subs.append(sub)
                }
                continue
            }
            if let c = current, lastText(c).count + raw.count > BlockBuilder.maxBlockScalars {
                // Longer than any real paragraph (the block phase cut it at this length):
                // the rest stays in place as other text, instead of one paragraph regrowing
                // its buffer to the size of the whole input (twice it, while it doubles).
                close()
                items.append(.other(raw))
                continue
            }
            let startsParagraph = InlinePass.startsWithLead(raw, profile: profile)
            if hardWrapped, current != nil, !startsParagraph, isFragment(raw, profile: profile) {
                appendText(&current!, raw, spaced: spaced)
                continue
            }
            // A lowercase block without a number or label goes on with the paragraph even
            // after a comma: in the operative part paragraphs open with their numbers and
            // items with their labels, and where preambular paragraphs open capitalised a
            // lowercase line cannot open one, not even with an opener (`…resolutions;` /
            // `stressing the importance…`: the UN's text runs such clauses on after a stop). pdftotext breaks blocks after a label line
            // (`(a)<tab>provide support …,`) whose tab makes it look short.
            if hardWrapped, current != nil, BlockBuilder.hasCase(raw), !BlockBuilder.startsUppercase(raw),
               expected > 1 || !profile.spec.paragraphsStartLowercase {
                appendText(&current!, raw, spaced: spaced)
                continue
            }
            if current != nil, !startsParagraph, !endsWithTerminator(lastText(current!)),
               block.afterBreak || hardWrapped || profile.isCJK
                || (!profile.spec.paragraphsStartLowercase && startsLowercase(raw)) {
                appendText(&current!, raw, spaced: spaced)
                continue
            }
            // No paragraph opens with a bracket or a digit that is neither a label nor its
            // number (`(S/PRST/2012/6), …`, `2015 (S/PRST/2015/10)`): such a block is a piece
            // of the paragraph before it that extraction printed apart (a justified line
            // whose wide gaps pdftotext read as columns).
            if hardWrapped, current != nil, !startsParagraph, let first = raw.first, first == "(" || first == "（" || Chars.isDigit(first) {
                appendText(&current!, raw, spaced: spaced)
                continue
            }
            // A comma ends no operative paragraph and no item of one (they end with a
            // semicolon or a stop), and nor does a word: an unnumbered, unlabelled block after
            // one goes on with it, whatever the format (a PDF line whose wide gaps made two
            // lines of it, `…согласованного` / `соответствующими…`, ends a block mid-sentence).
            // A colon opens what follows: a list, or text that is not one (a piece of the
            // line before that extraction printed after it, a quoted amendment).
            // After a comma the block goes on with the paragraph though it opens with a verb
            // (`…كوفيد-19،` / `ويدعو طرفي اتفاق الحديدة…`, set apart by a blank line): an
            // operative paragraph opens with its number, and no paragraph ends with a comma.
            // (Asked in a closure that holds no copy of the paragraph: a copy alive while the
            // text is appended would make each append copy the whole paragraph.)
            if current?.operative == true, { let last = lastText(current!)
                return endsWithComma(last) || (!startsParagraph && (endsWithColon(last) || !endsWithTerminator(last))) }() {
                appendText(&current!, raw, spaced: spaced)
                continue
            }
            // The next block is unpacked only for a heading candidate.
            if isHeading(raw, profile: profile, startsParagraph: startsParagraph), i + 1 < body.count {
                let next = body[i + 1].text
                // The preamble has no headings (they divide the operative part): a short line
                // between preambular paragraphs is a piece of text that extraction moved out
                // of its line, and stays with the paragraph before it.
                if expected == 1, current != nil, operativeNumber(next) == nil, InlinePass.startsWithOpener(next, profile: profile) {
                    appendText(&current!, raw, spaced: spaced)
                    continue
                }
                if operativeNumber(next)?.0 == expected || InlinePass.startsWithLead(next, profile: profile) {
                    close()
                    items.append(.heading(stripHeadingMarkup(raw)))
                    continue
                }
                // A heading of two lines that the wrap set apart as two blocks (`Prevención de
                // las exportaciones…` / `crudo y productos…`), right before the paragraph it
                // heads: where paragraphs open with a capital, the lowercase second line
                // opens nothing, and the two are the heading.
                if hardWrapped, i + 2 < body.count, !profile.spec.paragraphsStartLowercase,
                   BlockBuilder.hasCase(next), !BlockBuilder.startsUppercase(next), !endsWithTerminator(next),
                   LabelParser.parse(next, profile: profile) == nil, operativeNumber(body[i + 2].text)?.0 == expected {
                    var heading = raw
                    TextJoiner.append(next, to: &heading, spaced: spaced)
                    if isHeading(heading, profile: profile, startsParagraph: false) {
                        close()
                        items.append(.heading(stripHeadingMarkup(heading)))
                        body[i + 1].text = []
                        taken = i + 1
                        continue
                    }
                }
                // A heading over a heading (a part title above a section title): the
                // section title is the one that heads the paragraphs; the part title is
                // kept in place as other text.
                if LabelParser.parse(next, profile: profile) == nil,
                   isHeading(next, profile: profile, startsParagraph: InlinePass.startsWithLead(next, profile: profile)) {
                    close()
                    items.append(.other(stripHeadingMarkup(raw)))
                    continue
                }
            }
            if expected == 1 {
                close()
                current = DraftParagraph(operative: false, number: nil, raw: raw)
                continue
            }
            // Operative paragraphs open with their numbers: a whole clause with neither number
            // nor label, opening with a verb and ending with a stop, goes on with the paragraph
            // before it. It is the paragraph's next sentence, which a line end set apart where
            // the text shows no set-in (`…maintien de la paix.` / `Encourage les partenariats…
            // paix ;`, `…问题；` / `请秘书长…方面；`); left in `other`, it was text of no
            // paragraph. A piece that extraction moved out of its line (`وآلية تنفيذها،`, a
            // clause cut short) opens no sentence and stays where it is, in `other`.
            if current?.operative == true, startsParagraph, endsWithTerminator(raw), !endsWithComma(raw),
               !isHeading(raw, profile: profile, startsParagraph: startsParagraph) {
                appendText(&current!, raw, spaced: spaced)
                continue
            }
            close()
            items.append(.other(raw))
        }
        close()
        result.items = items
        return result
    }

    static func isFormula(_ raw: Scalars, _ profile: LanguageProfile) -> Bool {
        // Counted before anything is copied: this is asked of every line of hard-wrapped text.
        // A footnote marker may follow it (`إن مجلس الأمن،¹`): bold marks and markers aside.
        func isText(_ c: Unicode.Scalar) -> Bool {
            c != "*" && c != Chars.markerSeparator && Chars.superscriptValue(c) == nil
        }
        // Every formula opens with one of a few letters (`The`, `Le`, `El`, `Совет`, `إن`…):
        // asked first, since it turns away most lines after a scalar or two, where counting
        // the text read up to 61 scalars of every line.
        guard let first = raw.first(where: { $0 != "*" && !Chars.isSpace($0) }), profile.formulaInitials.contains(first) else { return false }
        // Then its first text scalars, which open one of the formulas' (`formulaOpenings`):
        // in English many lines open with a formula's `T`, few with `The Secu`.
        func opens(_ opening: [Unicode.Scalar]) -> Bool {
            var m = 0
            for c in raw where isText(c) && (m > 0 || !Chars.isSpace(c)) {
                if m == opening.count { return true }
                if c != opening[m] { return false }
                m += 1
            }
            return m == opening.count
        }
        guard profile.formulaOpenings.contains(where: opens) else { return false }
        var length = 0
        for c in raw where isText(c) { length += 1; if length > 60 { return false } }
        let t = raw.filter(isText)
        let compact = trimmed(t)
        for f in profile.formulas where compact == f { return true }
        // `The Security Council ,` / spaces before the comma
        if let last = compact.last, Chars.isTerminator(last) {
            let head = trimmed(Array(compact.dropLast()))
            for f in profile.formulas where head == trimmed(Array(f.dropLast())) { return true }
        }
        return false
    }

    static func isClosingLine(_ raw: Scalars, _ profile: LanguageProfile) -> Bool {
        guard raw.count <= 80, !endsWithTerminator(raw) || raw.last == "." else { return false }
        let s = raw.string
        let range = NSRangeShim.whole(s)
        for r in profile.meetingRegexes where r.firstMatch(in: s, range: range) != nil { return true }
        for r in profile.dateRegexes {
            if let m = r.firstMatch(in: s, range: range), m.range.location == 0,
               m.range.length >= (s as NSString).length - 1 { return true }
        }
        for w in profile.spec.closingWords where s.hasSuffix(w) && s.count <= 20 { return true }
        return false
    }

    /// Whether `operativeNumber` finds a number at the start of `t`, which opens with a digit
    /// (no `**`): the same reading, asked in place with nothing copied, for the block phase's
    /// question about every next line.
    /// - Complexity: O(k) in the scalars up to the first after the number's stop.
    static func opensWithOperativeNumber<C: RandomAccessCollection<Unicode.Scalar>>(_ t: C) -> Bool where C.Index == Int {
        var bold = false
        guard var j = numberAndStop(t, bold: &bold)?.restStart else { return false }
        // Some text after the number (`operativeNumber`'s rest, trimmed, is not empty).
        while j < t.endIndex {
            if !Chars.isSpace(t[j]) { return true }
            j += 1
        }
        return false
    }

    /// `12. text`, `12.text`, `12．text`, Arabic `12 - text`. Returns the number and the rest.
    static func operativeNumber(_ raw: Scalars) -> (Int, Scalars)? {
        var t = raw[...]
        var bold = false
        if t.starts(with: ["*", "*"]) { t = t.dropFirst(2); bold = true }
        guard let (n, j) = numberAndStop(t, bold: &bold) else { return nil }
        var rest = trimmed(t[j...])
        if bold, rest.starts(with: ["*", "*"]) { rest = Array(rest.dropFirst(2)) }
        guard !rest.isEmpty else { return nil }
        return (n, rest)
    }

    /// The number at the start of `t` and where the text after its stop begins: `12. `,
    /// `3.**` (the bold closed after the stop, when `bold`), `4 - `, `4- `. Nil for a number
    /// run into more digits (`2.5`, `2015/26.`), with no stop, or followed by a letter.
    /// - Complexity: O(k) in the scalars up to the stop.
    static func numberAndStop<C: RandomAccessCollection<Unicode.Scalar>>(_ t: C, bold: inout Bool)
        -> (value: Int, restStart: Int)? where C.Index == Int {
        var i = t.startIndex, n = 0, digits = 0
        while i < t.endIndex, let d = Chars.digitValue(t[i]), digits < 5 { n = n * 10 + d; digits += 1; i += 1 }
        guard digits > 0, i < t.endIndex, n > 0, Chars.digitValue(t[i]) == nil else { return nil }
        var j = i
        if t[j] == "." || t[j] == "．" {
            j += 1
            if bold && j + 1 < t.endIndex && t[j] == "*" && t[j + 1] == "*" { j += 2; bold = false }
            guard j < t.endIndex, !Chars.isDigit(t[j]) else { return nil }
            if !Chars.isSpace(t[j]) && !Chars.isWide(t[j]) && t[j] != "*" { return nil }
        } else {
            // `1 - text` / `1- text`
            while j < t.endIndex && Chars.isSpace(t[j]) { j += 1 }
            guard j < t.endIndex, t[j] == "-" || t[j] == "–" else { return nil }
            j += 1
            guard j < t.endIndex, Chars.isSpace(t[j]) else { return nil }
        }
        return (n, j)
    }

    static func isHeading(_ raw: Scalars, profile: LanguageProfile, startsParagraph: Bool) -> Bool {
        guard !startsParagraph else { return false }
        // Read in place (`headingBounds`): asked of most unnumbered blocks, the stripped copy
        // (two arrays of the whole block) cost more than all the questions.
        let t = raw[headingBounds(raw)]
        guard !t.isEmpty, t.count <= profile.spec.headingMaxLength, !endsWithTerminator(t) else { return false }
        if t.contains(where: { Chars.superscriptValue($0) != nil }) { return false }
        // Headings are capitalised wherever the script has case: a short lowercase line is a
        // piece of a paragraph (`и`, a word that pdftotext lifted out of a justified line).
        if BlockBuilder.hasCase(t) && !BlockBuilder.startsUppercase(t) { return false }
        // Nor is a letter alone, or a mark alone (`ل`, `ً`, lifted out the same way).
        if letterCount(t, atMost: 2) < 2 { return false }
        return true
    }

    /// Letters in `s` (marks and digits not counted), counting stops at `atMost`. ASCII and
    /// the CJK ideographs of Unicode 1.1 (U+4E00…U+9FA5, all `otherLetter`) are told apart
    /// without the property tables.
    static func letterCount<S: Sequence<Unicode.Scalar>>(_ s: S, atMost: Int) -> Int {
        var n = 0
        for c in s {
            let v = c.value
            if v < 0x80 || (v >= 0x4E00 && v <= 0x9FA5) {
                if v >= 0x4E00 || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) {
                    n += 1
                    if n >= atMost { return n }
                }
                continue
            }
            switch c.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .modifierLetter:
                n += 1
                if n >= atMost { return n }
            default: break
            }
        }
        return n
    }

    /// A piece of a paragraph that extraction set apart: in a script with case, a short
    /// lowercase block that cannot stand as a paragraph, being one word or unpunctuated
    /// (pdftotext prints the words of a widely justified line as blocks of their own).
    static func isFragment(_ raw: Scalars, profile: LanguageProfile) -> Bool {
        guard raw.count <= 40, BlockBuilder.hasCase(raw), !BlockBuilder.startsUppercase(raw) else { return false }
        return !raw.contains(" ") || !endsWithTerminator(raw)
    }

    /// Where the text `stripHeadingMarkup` keeps lies in `raw`, found without a copy.
    /// - Complexity: O(k) in the scalars stripped.
    static func headingBounds(_ raw: Scalars) -> Range<Int> {
        var lo = 0, hi = raw.count
        while lo < hi && raw[lo] == "#" { lo += 1 }
        while lo < hi && Chars.isSpace(raw[lo]) { lo += 1 }
        while hi > lo && Chars.isSpace(raw[hi - 1]) { hi -= 1 }
        if hi - lo > 4 && raw[lo] == "*" && raw[lo + 1] == "*" && raw[hi - 1] == "*" && raw[hi - 2] == "*" {
            lo += 2; hi -= 2
            while lo < hi && Chars.isSpace(raw[lo]) { lo += 1 }
            while hi > lo && Chars.isSpace(raw[hi - 1]) { hi -= 1 }
        }
        return lo..<hi
    }

    static func stripHeadingMarkup(_ raw: Scalars) -> Scalars {
        var t = raw
        while let f = t.first, f == "#" { t.removeFirst() }
        t = trimmed(t)
        if t.count > 4 && t.hasPrefix(["*", "*"]) && t.last == "*" && t[t.count - 2] == "*" {
            t = Array(t[2..<(t.count - 2)])
        }
        return trimmed(t)
    }

    /// The last operative paragraph, taken back out of `items` with the unplaced text after
    /// it appended to its last item, when at most three unplaced blocks follow it and
    /// `label` is the next label of its list at the first degree.
    /// - Complexity: O(1) items looked at; O(n) in the text taken back.
    static func reopenList(_ items: inout [BodyItem], for label: SubLabel, spaced: Bool) -> DraftParagraph? {
        var k = items.count - 1
        while k >= 0, items.count - k <= 3, case .other = items[k] { k -= 1 }
        guard k >= 0, k < items.count - 1, case .paragraph(let box) = items[k], box.value.operative,
              !box.value.subs.isEmpty, let (style, last) = box.value.list.level1, style != .bullet,
              label.readings.contains(where: { $0.0 == style && $0.1 == last + 1 }) else { return nil }
        var paragraph = box.value
        for item in items[(k + 1)...] {
            if case .other(let text) = item { appendText(&paragraph, text, spaced: spaced) }
        }
        items.removeSubrange(k...)
        return paragraph
    }

    static func endsWithComma(_ s: Scalars) -> Bool {
        guard let c = lastMeaningful(s) else { return false }
        return c == "," || c == "，" || c == "،"
    }

    static func endsWithColon(_ s: Scalars) -> Bool {
        guard let c = lastMeaningful(s) else { return false }
        return c == ":" || c == "："
    }

    static func lastText(_ p: DraftParagraph) -> Scalars {
        if let s = p.subs.last { return s.children.last?.raw ?? s.raw }
        return p.raw
    }

    static func appendText(_ p: inout DraftParagraph, _ more: Scalars, spaced: Bool) {
        if !p.subs.isEmpty {
            let k = p.subs.count - 1
            if !p.subs[k].children.isEmpty {
                let c = p.subs[k].children.count - 1
                TextJoiner.append(more, to: &p.subs[k].children[c].raw, spaced: spaced)
            } else {
                TextJoiner.append(more, to: &p.subs[k].raw, spaced: spaced)
            }
        } else {
            TextJoiner.append(more, to: &p.raw, spaced: spaced)
        }
    }

    static func startsLowercase(_ raw: Scalars) -> Bool {
        guard let f = raw.first(where: { $0.properties.isAlphabetic }) else { return false }
        return f.properties.isLowercase
    }
}

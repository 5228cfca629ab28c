// Word documents (.docx): the paragraphs come from the file itself, so the line phases
// are skipped and each `w:p` becomes one block in the shared conventions of `LaidOutText`:
// automatic numbers printed as Word shows them, emphasised runs as `**…**`, footnote
// markers as U+E000 + superscript digits where the reference stands. Tracked changes go
// into the text as Word shows it with changes applied (insertions in, deletions out) and
// every change is recorded, so nothing is silently accepted or dropped.
import Foundation

enum DOCXReader: FormatReader {
    /// - Complexity: O(size of the XML parts), each capped by `DOCXArchive`.
    static func read(_ bytes: [UInt8], path: String) throws -> FormatReading {
        var zip = try DOCXArchive(bytes, path: path)
        let styles = try zip.read("word/styles.xml").map { try WordStyles.parse($0, path: path) } ?? WordStyles()
        var numbering = try zip.read("word/numbering.xml").map { try WordNumbering.parse($0, path: path) } ?? WordNumbering()
        var (paragraphs, changes) = try body(&zip, path: path, styles: styles)
        let notes = try zip.read("word/footnotes.xml").map {
            try WordPartReader.read($0, part: "word/footnotes.xml", path: path, styles: styles)
        }
        var builder = DOCXBlockBuilder()
        // Each paragraph is released once its blocks are made (popped from the end of the
        // reversed list): the paragraphs and the blocks are not both held whole.
        paragraphs.reverse()
        var index = 0
        while let p = paragraphs.popLast() {
            builder.add(p, index: index, styles: styles, numbering: &numbering, revisions: changes)
            index += 1
        }
        if !builder.blocks.isEmpty { builder.blocks[builder.blocks.count - 1].pack() }
        let endnotes = try zip.read("word/endnotes.xml").map {
            try WordPartReader.read($0, part: "word/endnotes.xml", path: path, styles: styles)
        }
        let footnotes = builder.footnotes(from: [notes, endnotes].compactMap { $0 })
        var furniture: [String] = []
        for part in zip.partNames(prefix: "word/header") + zip.partNames(prefix: "word/footer") {
            guard let data = try zip.read(part) else { continue }
            let reader = try WordPartReader.read(data, part: part, path: path, styles: styles)
            for p in reader.paragraphs {
                let t = DOCXBlockBuilder.plainText(p)
                if !t.isEmpty { furniture.append(t) }
            }
        }
        // The language sample: the first 200,000 scalars (counted here: a view's count is O(n)).
        var sample = String.UnicodeScalarView()
        var sampled = 0
        for b in builder.blocks {
            if sampled >= 200_000 { break }
            sample.append(contentsOf: b.text)
            sample.append("\n")
            sampled += b.text.count + 1
        }
        let laidOut = LaidOutText(blocks: builder.blocks, footnotes: footnotes, furniture: furniture,
                                  encoding: "docx", languageSample: String(sample), revisions: builder.revisions)
        return .blocks(laidOut)
    }
}

extension DOCXReader {
    /// The body's paragraphs, with paragraphs whose mark was deleted joined to the next.
    /// In a function of its own so that the part's XML and its first reading are released
    /// on return: a large document held both next to its blocks.
    static func body(_ zip: inout DOCXArchive, path: String, styles: WordStyles) throws -> ([WordParagraph], [WordRevision]) {
        guard let xml = try zip.read("word/document.xml") else {
            throw DocumentError.notADocument(path: path, reason: "the ZIP archive has no word/document.xml")
        }
        return try WordPartReader.read(xml, part: "word/document.xml", path: path, styles: styles).joiningDeletedMarks()
    }
}

/// Turns Word paragraphs into blocks.
struct DOCXBlockBuilder {
    var blocks: [SourceBlock] = []
    var revisions: [PendingRevision] = []
    /// Footnote id → the number Word prints, in order of first reference.
    var noteNumbers: [Int: Int] = [:]
    private var nextNote = 1
    /// The last paragraph ended a section (a page break in Word): the next block comes after a break.
    private var breakPending = false

    /// Bidi controls: they shape the display, not the text (logical order is what Word stores).
    static func isInvisibleShaping(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF, 0x00AD: return true
        default: return false
        }
    }

    /// Tatweel (U+0640) between two Arabic letters stretches a word for justification and
    /// goes; after a letter that ends a word it is spelling (the label `هـ`) and stays.
    /// - Complexity: O(n).
    static func withoutJustificationTatweel(_ s: String) -> String {
        guard s.unicodeScalars.contains("\u{0640}") else { return s }
        let u = Array(s.unicodeScalars)
        func isArabicLetter(_ c: Unicode.Scalar) -> Bool { (0x0620...0x064A).contains(c.value) && c.value != 0x0640 }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < u.count {
            guard u[i] == "\u{0640}" else { out.append(u[i]); i += 1; continue }
            var j = i
            while j < u.count, u[j] == "\u{0640}" { j += 1 }
            let before = i > 0 && isArabicLetter(u[i - 1])
            let after = j < u.count && isArabicLetter(u[j])
            if !(before && after) { out.append("\u{0640}") }
            i = j
        }
        return String(out)
    }

    /// - Complexity: O(pieces of the paragraph).
    mutating func add(_ p: WordParagraph, index: Int, styles: WordStyles, numbering: inout WordNumbering,
                      revisions source: [WordRevision]) {
        var text = TextAssembly()
        // Automatic numbering: the paragraph's own, else its style's.
        var label: String?
        if let numID = p.numID {
            label = numbering.next(numID: numID, level: p.level ?? styles.numbering(paragraphStyle: p.style)?.level ?? 0)
        } else if let byStyle = styles.numbering(paragraphStyle: p.style) {
            label = numbering.next(numID: byStyle.numID, level: p.level ?? byStyle.level ?? 0)
        }
        if let label { text.append(label, emphasis: false); text.space() }
        var pending: [(Int, Int)] = []   // (revision, plain offset)
        var seen = Set<Int>()
        var customNote: Int?              // a custom-mark note whose mark is the next text
        var afterBreak = breakPending || p.pageBreakBefore
        breakPending = p.endsSection
        func assign(_ id: Int, printed: Int? = nil) -> Int {
            if let n = noteNumbers[id] { return n }
            let n = printed ?? nextNote
            noteNumbers[id] = n
            nextNote = max(nextNote, n) + 1
            return n
        }
        // A line break ends a block, as a line of text does: the preface's `Resolution 2532
        // (2020)` + break + `Adopted by…` are two lines. The structure phase rejoins the
        // halves of a paragraph (the second comes after a break, the first is unfinished).
        func flush() {
            let scalars = text.finish()
            let block = scalars.isEmpty ? max(blocks.count - 1, 0) : blocks.count
            for (r, offset) in pending {
                let w = source[r]
                guard !w.text.isEmpty else { continue }
                revisions.append(PendingRevision(place: .block(block), offset: scalars.isEmpty ? Int.max : offset,
                                                 inserted: w.inserted, text: Self.clean(w.text), author: w.author, date: w.date))
            }
            pending.removeAll()
            if !scalars.isEmpty {
                // The block before is finished: held packed, as the text phases hold theirs.
                if !blocks.isEmpty { blocks[blocks.count - 1].pack() }
                blocks.append(SourceBlock(text: scalars, indent: 0, line: index, afterBreak: afterBreak))
                afterBreak = true
            }
            text = TextAssembly()
        }
        for piece in p.pieces {
            if let id = customNote {
                // The custom mark (`*`, `a`) stands for the note; a number is kept as the note's number.
                customNote = nil
                if case let .text(s, _, _) = piece, s.unicodeScalars.count <= 4 {
                    let n = Int(s.trimmingCharacters(in: .whitespaces)).flatMap { $0 > 0 ? $0 : nil }
                    text.marker(assign(id, printed: n))
                    continue
                }
                text.marker(assign(id))
            }
            switch piece {
            case let .text(s, emphasis, revision):
                if let r = revision, seen.insert(r).inserted { pending.append((r, text.plainCount)) }
                text.append(s, emphasis: emphasis)
            case let .deletion(r):
                if seen.insert(r).inserted { pending.append((r, text.plainCount)) }
            case .tab:
                // After a number or label (`1.`, `(a)`) a tab is the gap before the text; after
                // words it separates columns (`United Nations<tab>S/RES/2505 (2020)`): two lines.
                if text.holdsOnlyALabel { text.space() } else { flush() }
            case .lineBreak:
                flush()
            case let .noteRef(id, custom):
                if custom { customNote = id; continue }
                text.marker(assign(id))
            }
        }
        if let id = customNote { text.marker(assign(id)) }
        flush()
    }

    /// The footnotes that are referenced, numbered as Word numbers them. Notes never
    /// referenced (separators, orphans) are not notes.
    mutating func footnotes(from parts: [WordPartReader]) -> [RawFootnote] {
        var texts: [Int: TextAssembly] = [:]
        for part in parts {
            for p in part.paragraphs {
                guard let id = p.noteID, let number = noteNumbers[id] else { continue }
                var t = texts[id] ?? TextAssembly()
                if t.plainCount > 0 { t.space() }
                for piece in p.pieces {
                    switch piece {
                    case let .text(s, _, revision):
                        if let r = revision, !part.revisions[r].text.isEmpty, t.noteRevisionsSeen.insert(r).inserted {
                            let w = part.revisions[r]
                            revisions.append(PendingRevision(place: .footnote(number), offset: t.plainCount, inserted: true,
                                                             text: Self.clean(w.text), author: w.author, date: w.date))
                        }
                        t.append(s, emphasis: false)
                    case let .deletion(r):
                        if t.noteRevisionsSeen.insert(r).inserted, !part.revisions[r].text.isEmpty {
                            let w = part.revisions[r]
                            revisions.append(PendingRevision(place: .footnote(number), offset: t.plainCount, inserted: false,
                                                             text: Self.clean(w.text), author: w.author, date: w.date))
                        }
                    case .tab, .lineBreak: t.space()
                    case .noteRef: break
                    }
                }
                texts[id] = t
            }
        }
        return noteNumbers.sorted { $0.value < $1.value }.map { id, number in
            var t = texts[id] ?? TextAssembly()
            return RawFootnote(number: number, text: t.finish(), line: 0)
        }
    }

    /// A paragraph's text without markup (headers and footers).
    static func plainText(_ p: WordParagraph) -> String {
        var t = TextAssembly()
        for piece in p.pieces {
            switch piece {
            case let .text(s, _, _): t.append(s, emphasis: false)
            case .tab, .lineBreak: t.space()
            default: break
            }
        }
        return t.finish().string
    }

    static func clean(_ s: String) -> String {
        String(String.UnicodeScalarView(withoutJustificationTatweel(s).unicodeScalars.filter { !isInvisibleShaping($0) }))
    }
}

/// Builds one block's text: spaces collapsed, emphasis as `**…**` around the words only,
/// markers in the shared convention, and a count of the visible scalars so far (the
/// offsets tracked changes are recorded at).
struct TextAssembly {
    private var out: Scalars = []
    private var emphasisOpen: Int?   // index of the opening `**`
    private var spans: [(open: Int, close: Int)] = []
    private(set) var plainCount = 0
    var noteRevisionsSeen = Set<Int>()

    mutating func append(_ s: String, emphasis: Bool) {
        for u in DOCXBlockBuilder.withoutJustificationTatweel(s).unicodeScalars {
            if DOCXBlockBuilder.isInvisibleShaping(u) { continue }
            if Chars.isSpace(u) {
                if out.isEmpty || out.last.map(Chars.isSpace) == true { continue }
                out.append(" ")
                plainCount += 1
                continue
            }
            if emphasis, emphasisOpen == nil { emphasisOpen = out.count; out += ["*", "*"] }
            if !emphasis, emphasisOpen != nil { closeEmphasis() }
            out.append(u)
            plainCount += 1
        }
    }

    /// `1.`, `(a)`, `a)`, `iv.`, `1 -`, `㈠`, `一、`: what a tab follows inside a paragraph.
    var holdsOnlyALabel: Bool {
        guard plainCount <= 8 else { return false }
        if plainCount <= 2 { return true }   // a bullet or a lone letter
        return out.contains { u in
            Chars.isDigit(u) || "().-–、．)）(（•◦▪·".unicodeScalars.contains(u) || (0x3220...0x3243).contains(u.value)
        }
    }

    mutating func space() {
        if out.isEmpty || out.last.map(Chars.isSpace) == true { return }
        out.append(" ")
        plainCount += 1
    }

    mutating func marker(_ n: Int) {
        closeEmphasis()
        // The marker follows the word, not the space after it.
        var trailing = 0
        while let l = out.last, Chars.isSpace(l) { out.removeLast(); trailing += 1 }
        out.append(Chars.markerSeparator)
        out += BlockBuilder.superscript(n)
        out += Array(repeating: " ", count: trailing)
    }

    private mutating func closeEmphasis() {
        guard let start = emphasisOpen else { return }
        emphasisOpen = nil
        var trailing = 0
        while let l = out.last, Chars.isSpace(l) { out.removeLast(); trailing += 1 }
        if out.count == start + 2 { out.removeLast(2) } else { spans.append((start, out.count)); out += ["*", "*"] }
        out += Array(repeating: " ", count: trailing)
    }

    mutating func finish() -> Scalars {
        closeEmphasis()
        while let l = out.last, Chars.isSpace(l) { out.removeLast() }
        // A paragraph in italics from its label to its end has no distinguished opener:
        // marking it all would make the whole text the lead. The word lists find the opener.
        if spans.count == 1, let s = spans.first, s.open <= 8,
           !out[(s.close + 2)...].contains(where: { $0.properties.isAlphabetic }) {
            out.removeSubrange(s.close..<(s.close + 2))
            out.removeSubrange(s.open..<(s.open + 2))
        }
        spans.removeAll()
        return out
    }
}

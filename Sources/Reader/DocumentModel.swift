// A document prepared for reading: its text flow as blocks (preface, headings, paragraphs,
// subparagraphs, closing, unplaced text), its outline, and a per-width cache of wrapped lines.
// Built once per document; wrapping happens lazily, block by block, only for what is shown,
// so a 16 MB resolution costs one pass to build blocks and nothing per keystroke.
import ResolutionKit
import Terminal

enum BlockKind: Hashable, Sendable { case preface, heading, paragraph, subparagraph, closing, other }

/// What a styled range of a block's text is.
enum Mark: Hashable, Sendable { case verb, marker, label }

struct DisplayBlock: Sendable {
    var kind: BlockKind
    /// The addressable id (`pp1`, `op3.a`, `h2`) when the block can carry annotations.
    var id: String?
    /// The text as displayed: number/label prefix and superscript footnote markers included.
    var scalars: [Unicode.Scalar]
    var marks: [(range: Range<Int>, mark: Mark)]
    /// Extra indentation in columns (subparagraph depth).
    var indent: Int
    var footnotes: [Int]
    var references: [String]
    /// Short outline label (`1. 欢迎并敦促`, `(a)`, heading text).
    var outlineLabel: String?
    var depth: Int
}

struct OutlineEntry: Hashable, Sendable {
    var label: String
    var block: Int
    var depth: Int
    var isHeading: Bool
}

public final class DocumentModel {
    public let path: String
    public let document: ResolutionDocument
    let blocks: [DisplayBlock]
    let outline: [OutlineEntry]
    let blockByID: [String: Int]
    let footnotesByNumber: [Int: [Footnote]]
    /// Block indices of headings, ascending, for `[` and `]`.
    let headingBlocks: [Int]
    private var cacheWidth = -1
    private var cache: [Int: [Range<Int>]] = [:]
    /// Bidi levels per block, resolved once (blocks without right-to-left text get none).
    private var bidiCache: [Int: BidiParagraph] = [:]
    private var bidiNotNeeded: Set<Int> = []
    /// East Asian Ambiguous scalars take two columns (`--ambiguous-wide`); wrapping and painting read it.
    public var ambiguousWide = false { didSet { if ambiguousWide != oldValue { cache.removeAll(); cacheWidth = -1 } } }

    public init(path: String, document: ResolutionDocument) {
        self.path = path
        self.document = document
        let (blocks, outline) = DocumentModel.build(document)
        self.blocks = blocks
        self.outline = outline
        var ids: [String: Int] = [:]
        for (i, b) in blocks.enumerated() { if let id = b.id, ids[id] == nil { ids[id] = i } }
        blockByID = ids
        footnotesByNumber = Dictionary(grouping: document.footnotes, by: \.number)
        headingBlocks = blocks.indices.filter { blocks[$0].kind == .heading }
    }

    /// Wrapped line ranges of block `i` for a content width; cached until the width changes.
    func lines(_ i: Int, width: Int) -> [Range<Int>] {
        if width != cacheWidth { cache.removeAll(keepingCapacity: true); cacheWidth = width }
        if let l = cache[i] { return l }
        let b = blocks[i]
        let l = LineWrapper.lineRanges(b.scalars, width: max(4, width - b.indent), ambiguousWide: ambiguousWide)
        cache[i] = l
        return l
    }

    var labels: Labels { Labels(language: document.language) }

    /// Arabic (and any right-to-left) documents lay paragraphs out right to left.
    var isRightToLeft: Bool { ["ar", "he", "fa", "ur"].contains(document.language) }

    /// Block `i` ready to have its wrapped lines put in visual order, or nil when it has
    /// nothing to reorder (a left-to-right block in a left-to-right document).
    /// - Complexity: O(n) in the block's scalars the first time, O(1) after.
    func bidi(_ i: Int) -> BidiParagraph? {
        if let p = bidiCache[i] { return p }
        if bidiNotNeeded.contains(i) { return nil }
        let p = BidiParagraph(blocks[i].scalars, direction: isRightToLeft ? .rightToLeft : .auto)
        guard p.needsReordering else { bidiNotNeeded.insert(i); return nil }
        bidiCache[i] = p
        return p
    }

    /// The footnote a marker number in block `i` points to (numbers may repeat per page).
    func footnote(number: Int, citedFrom id: String?) -> Footnote? {
        let all = footnotesByNumber[number] ?? []
        if let id, let f = all.first(where: { $0.citedBy.contains(id) }) { return f }
        return all.first
    }

    var firstPreambular: Int? { blocks.firstIndex { $0.id?.hasPrefix("pp") == true && $0.kind == .paragraph } }
    var firstOperative: Int? { blocks.firstIndex { $0.id?.hasPrefix("op") == true && $0.kind == .paragraph } }

    // MARK: building

    static let superscripts: [Unicode.Scalar] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]

    static func superscript(_ n: Int) -> [Unicode.Scalar] { String(n).unicodeScalars.map { superscripts[Int($0.value) - 48] } }

    /// Text with superscript markers inserted at their offsets, the lead styled, and a prefix.
    static func styledText(prefix: String, text: String, lead: String?, refs: [FootnoteRef])
        -> ([Unicode.Scalar], [(range: Range<Int>, mark: Mark)]) {
        var out = Array(prefix.unicodeScalars)
        var marks: [(range: Range<Int>, mark: Mark)] = []
        if !out.isEmpty { marks.append((0..<out.count - 1, .label)) }
        let body = Array(text.unicodeScalars)
        if let lead, !lead.isEmpty, text.hasPrefix(lead) {
            marks.append((out.count..<out.count + lead.unicodeScalars.count, .verb))
        }
        var next = 0
        for r in refs.sorted(by: { $0.offset < $1.offset }) {
            let at = min(max(r.offset, next), body.count)
            out += body[next..<at]
            next = at
            let sup = superscript(r.number)
            marks.append((out.count..<out.count + sup.count, .marker))
            out += sup
        }
        out += body[next...]
        return (out, marks)
    }

    static func build(_ doc: ResolutionDocument) -> ([DisplayBlock], [OutlineEntry]) {
        var blocks: [DisplayBlock] = []
        var outline: [OutlineEntry] = []
        let labels = Labels(language: doc.language)
        var otherAfter: [String: [String]] = [:]
        for o in doc.other { otherAfter[o.after ?? "", default: []].append(o.text) }
        func addOther(after id: String) {
            for t in otherAfter.removeValue(forKey: id) ?? [] {
                blocks.append(DisplayBlock(kind: .other, id: nil, scalars: Array(t.unicodeScalars), marks: [], indent: 0,
                                    footnotes: [], references: [], outlineLabel: nil, depth: 0))
            }
        }
        addOther(after: "")
        if !doc.preface.isEmpty {
            outline.append(OutlineEntry(label: labels.preface, block: blocks.count, depth: 0, isHeading: true))
            blocks.append(DisplayBlock(kind: .preface, id: nil, scalars: Array(doc.preface.joined(separator: "\n").unicodeScalars),
                                marks: [], indent: 0, footnotes: [], references: [], outlineLabel: nil, depth: 0))
        }
        addOther(after: "preface")
        func addHeading(_ h: Heading) {
            outline.append(OutlineEntry(label: h.text, block: blocks.count, depth: 0, isHeading: true))
            blocks.append(DisplayBlock(kind: .heading, id: h.id, scalars: Array(h.text.unicodeScalars), marks: [], indent: 0,
                                footnotes: [], references: [], outlineLabel: h.text, depth: 0))
            addOther(after: h.id)
        }
        // Subparagraphs appear in the outline under operative paragraphs only.
        var inOperativePart = false
        doc.walkReadingOrder(footnotes: false) { item in
            switch item {
            case .heading(let h):
                addHeading(h)
            case .partStart(let kind, let count):
                outline.append(OutlineEntry(label: "\(kind == .operative ? labels.operative : labels.preamble) (\(count))",
                                            block: blocks.count, depth: 0, isHeading: true))
            case .paragraph(let p):
                inOperativePart = p.kind == .operative
                let prefix = p.kind == .operative ? "\(p.number.map(String.init) ?? "•"). " : ""
                let (sc, marks) = styledText(prefix: prefix, text: p.text, lead: p.lead, refs: p.footnoteRefs)
                let lead = p.lead ?? String(String(p.text.prefix(8)))
                let label = p.kind == .operative ? "\(p.number.map(String.init) ?? "•"). \(lead)" : lead
                if p.kind == .operative {
                    outline.append(OutlineEntry(label: label, block: blocks.count, depth: 1, isHeading: false))
                }
                blocks.append(DisplayBlock(kind: .paragraph, id: p.id, scalars: sc, marks: marks, indent: 0,
                                    footnotes: p.footnoteRefs.map(\.number), references: p.references,
                                    outlineLabel: label, depth: 0))
                addOther(after: p.id)
            case .subparagraph(let s, let depth):
                let (sc, marks) = styledText(prefix: "(\(s.label)) ", text: s.text, lead: nil, refs: s.footnoteRefs)
                if inOperativePart {
                    outline.append(OutlineEntry(label: "(\(s.label))", block: blocks.count, depth: depth + 1, isHeading: false))
                }
                blocks.append(DisplayBlock(kind: .subparagraph, id: s.id, scalars: sc, marks: marks, indent: 4 * depth,
                                    footnotes: s.footnoteRefs.map(\.number), references: s.references,
                                    outlineLabel: "(\(s.label))", depth: depth))
                addOther(after: s.id)
            case .footnote:
                break
            }
        }
        if !doc.closing.lines.isEmpty {
            outline.append(OutlineEntry(label: labels.closing, block: blocks.count, depth: 0, isHeading: true))
            blocks.append(DisplayBlock(kind: .closing, id: nil, scalars: Array(doc.closing.lines.joined(separator: "\n").unicodeScalars),
                                marks: [], indent: 0, footnotes: [], references: [], outlineLabel: nil, depth: 0))
        }
        // Whatever is left (positions the parser gave that match no block) goes at the end.
        for key in otherAfter.keys.sorted() { addOther(after: key) }
        if blocks.isEmpty {
            blocks.append(DisplayBlock(kind: .other, id: nil, scalars: Array(labels.empty.unicodeScalars), marks: [], indent: 0,
                                footnotes: [], references: [], outlineLabel: nil, depth: 0))
        }
        return (blocks, outline)
    }
}

/// The few words of interface chrome that follow the document's language (its language
/// file's `phrases.reader`; English for a language without them).
typealias Labels = ReaderPhrases

extension ReaderPhrases {
    init(language: String) {
        self = LanguagePhrases.forLanguage(language).reader ?? .english
    }
}

// One WordprocessingML part (document.xml, footnotes.xml, a header) → paragraphs of
// pieces: text with its emphasis, tabs, breaks, footnote references, and the places of
// tracked insertions and deletions. Deleted text is kept on its revision, never in the text.
import Foundation

/// A tracked change as Word stores it (`w:ins`, `w:del`, `w:moveTo`, `w:moveFrom`).
struct WordRevision {
    var inserted: Bool
    var author: String?
    var date: String?
    var text = ""
}

enum WordPiece {
    case text(String, emphasis: Bool, revision: Int?)
    /// Where deleted text stood.
    case deletion(revision: Int)
    case tab
    case lineBreak
    /// `w:footnoteReference` (or `w:endnoteReference`, id from `endnoteKey`); `custom`: a custom mark follows as text.
    case noteRef(id: Int, custom: Bool)
}

struct WordParagraph {
    var pieces: [WordPiece] = []
    var style: String?
    var numID: Int?
    var level: Int?
    var rightToLeft = false
    /// `w:sectPr` in the paragraph's properties: a section (and page) ends after it.
    var endsSection = false
    var pageBreakBefore = false
    /// The paragraph mark itself is a tracked deletion: Word shows this paragraph joined to the next.
    var markDeletion: WordRevision?
    /// The footnote this paragraph belongs to (footnotes.xml only).
    var noteID: Int?
}

final class WordPartReader: WordXMLHandler {
    private let styles: WordStyles
    private(set) var paragraphs: [WordParagraph] = []
    private(set) var revisions: [WordRevision] = []

    /// Paragraphs as Word shows them with changes applied: one whose mark was deleted is
    /// joined to the next (keeping its own properties), the deleted mark recorded as a change.
    /// A paragraph that ends a section in the middle of a line (its text ends in a space, as
    /// when a writer splits a paragraph where the page style changes) is joined too.
    /// - Complexity: O(pieces).
    func joiningDeletedMarks() -> (paragraphs: [WordParagraph], revisions: [WordRevision]) {
        var out: [WordParagraph] = []
        var changes = revisions
        var carry: WordParagraph?
        for p in paragraphs {
            var current = p
            if var head = carry {
                head.pieces += current.pieces
                head.markDeletion = current.markDeletion
                head.endsSection = current.endsSection
                current = head
                carry = nil
            }
            if let mark = current.markDeletion {
                changes.append(mark)
                current.pieces.append(.deletion(revision: changes.count - 1))
                current.markDeletion = nil
                carry = current
                continue
            }
            if current.endsSection, case let .text(s, _, _)? = current.pieces.last,
               let last = s.unicodeScalars.last, Chars.isSpace(last) {
                current.endsSection = false
                carry = current
                continue
            }
            out.append(current)
        }
        if let last = carry { out.append(last) }
        return (out, changes)
    }

    private var open: [WordParagraph] = []
    private var run = WordRunProperties()
    private var inPPr = false
    private var inRPr = false
    /// Inside the paragraph mark's run properties (`w:pPr/w:rPr`).
    private var inMarkProperties = false
    private var skip = 0
    private var collecting: (deleted: Bool, active: Bool) = (false, false)
    /// Open `w:ins`/`w:del` elements, innermost last (indices into `revisions`).
    private var changes: [Int] = []
    private var noteID: Int?

    init(styles: WordStyles) { self.styles = styles }

    /// Endnotes share the notes' numbering with footnotes (Word numbers them apart, as i, ii…,
    /// but a resolution rarely has both); their ids get a key of their own.
    static func endnoteKey(_ id: Int) -> Int { (1 << 40) + id }

    /// - Complexity: O(size of the part).
    static func read(_ data: Data, part: String, path: String, styles: WordStyles) throws -> WordPartReader {
        let reader = WordPartReader(styles: styles)
        try WordXML.parse(data, part: part, path: path, handler: reader)
        return reader
    }

    func start(_ name: String, _ a: [String: String]) {
        if skip > 0 { skip += 1; return }
        switch name {
        // Old formatting of tracked format changes, field codes, and the fallback copy of
        // drawings (its text boxes repeat the preferred copy's).
        case "w:rPrChange", "w:pPrChange", "w:instrText", "w:delInstrText", "mc:Fallback", "w:tblPrChange":
            skip = 1
        case "w:footnote", "w:endnote":
            let type = a["w:type"] ?? "normal"
            if type != "normal" { skip = 1; return }
            noteID = a["w:id"].flatMap { Int($0) }.map { name == "w:endnote" ? WordPartReader.endnoteKey($0) : $0 }
        case "w:p":
            open.append(WordParagraph(noteID: noteID))
        case "w:pPr": inPPr = true
        case "w:rPr":
            // The paragraph mark's properties say nothing about the text, except whether
            // the mark itself was deleted (two paragraphs joined).
            if inPPr { inMarkProperties = true } else { inRPr = true }
        case "w:pStyle": if inPPr, !open.isEmpty { open[open.count - 1].style = a["w:val"] }
        case "w:numId": if inPPr, !open.isEmpty { open[open.count - 1].numID = a["w:val"].flatMap { Int($0) } }
        case "w:ilvl": if inPPr, !open.isEmpty { open[open.count - 1].level = a["w:val"].flatMap { Int($0) } }
        case "w:bidi": if inPPr, !open.isEmpty { open[open.count - 1].rightToLeft = WordXML.toggle(a) }
        case "w:sectPr": if inPPr, !open.isEmpty { open[open.count - 1].endsSection = true }
        case "w:pageBreakBefore": if inPPr, !open.isEmpty { open[open.count - 1].pageBreakBefore = WordXML.toggle(a) }
        case "w:r": run = WordRunProperties()
        case "w:i", "w:iCs": if inRPr { let was = run.italic == true; run.italic = was || WordXML.toggle(a) }
        case "w:b", "w:bCs": if inRPr { let was = run.bold == true; run.bold = was || WordXML.toggle(a) }
        case "w:rStyle": if inRPr { run.style = a["w:val"] }
        case "w:vanish": if inRPr { run.hidden = WordXML.toggle(a) }
        case "w:del" where inMarkProperties, "w:moveFrom" where inMarkProperties:
            if !open.isEmpty {
                open[open.count - 1].markDeletion = WordRevision(inserted: false, author: a["w:author"], date: a["w:date"], text: "¶")
            }
        case "w:ins" where inMarkProperties, "w:moveTo" where inMarkProperties:
            break
        case "w:ins", "w:moveTo", "w:del", "w:moveFrom":
            let inserted = name == "w:ins" || name == "w:moveTo"
            revisions.append(WordRevision(inserted: inserted, author: a["w:author"], date: a["w:date"]))
            changes.append(revisions.count - 1)
        case "w:t": collecting = (false, true)
        case "w:delText": collecting = (true, true)
        case "w:tab": if !inPPr, !inRPr, !inDeletion { add(.tab) }
        case "w:br", "w:cr": if !inDeletion { add(.lineBreak) }
        case "w:noBreakHyphen": addText("\u{2011}")   // what Word shows: a hyphen that does not break
        case "w:footnoteReference", "w:endnoteReference":
            // A deleted reference deletes its note.
            if !inDeletion, var id = a["w:id"].flatMap({ Int($0) }) {
                if name == "w:endnoteReference" { id = WordPartReader.endnoteKey(id) }
                add(.noteRef(id: id, custom: WordXML.toggle(["w:val": a["w:customMarkFollows"] ?? "0"])))
            }
        default: break
        }
    }

    func end(_ name: String) {
        if skip > 0 { skip -= 1; return }
        switch name {
        case "w:p":
            if let p = open.popLast() { paragraphs.append(p) }
        case "w:pPr": inPPr = false
        case "w:rPr": if inMarkProperties { inMarkProperties = false } else { inRPr = false }
        case "w:t", "w:delText": collecting = (false, false)
        case "w:ins", "w:moveTo", "w:del", "w:moveFrom": if !inMarkProperties { _ = changes.popLast() }
        case "w:footnote", "w:endnote": noteID = nil
        default: break
        }
    }

    func text(_ s: String) {
        guard collecting.active, skip == 0 else { return }
        addText(s, deleted: collecting.deleted)
    }

    private var inDeletion: Bool {
        guard let c = changes.last else { return false }
        return !revisions[c].inserted
    }

    private func add(_ piece: WordPiece) {
        guard !open.isEmpty else { return }
        open[open.count - 1].pieces.append(piece)
    }

    private func addText(_ s: String, deleted: Bool = false) {
        guard !open.isEmpty, !run.hidden else { return }
        if deleted || inDeletion {
            guard let c = changes.last else { return }   // delText outside w:del: nothing shown
            revisions[c].text += s
            if case .deletion(c)? = open[open.count - 1].pieces.last { return }
            add(.deletion(revision: c))
            return
        }
        let revision = changes.last
        if let r = revision { revisions[r].text += s }
        let emphasis = styles.emphasis(run: run, paragraphStyle: open[open.count - 1].style)
        add(.text(s, emphasis: emphasis, revision: revision))
    }
}

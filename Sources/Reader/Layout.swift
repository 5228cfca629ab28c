// Screen geometry and the row model of the text pane: which rows each block takes at the
// current width, and the scrolling arithmetic over them. Only blocks near the viewport are
// ever wrapped, which keeps a key press on a 16 MB document within a frame.
import ResolutionKit

struct Geometry {
    static let minWidth = 40, minHeight = 10
    /// Columns of the text pane's margin: current-paragraph bar, id, annotation mark, space.
    static let margin = 9
    var tooSmall = false
    var outline: Rect?
    var text = Rect(x: 0, y: 1, width: 0, height: 0)
    var footnotes: Rect?
    /// Compare view: the two text panes (left and right, or top and bottom when narrow).
    var panes: [Rect] = []
    var contentWidth: Int { Geometry.contentWidth(of: text) }
    static func contentWidth(of r: Rect) -> Int { max(4, r.width - margin) }
}

extension ReaderState {
    var geometry: Geometry {
        var g = Geometry()
        if width < Geometry.minWidth || height < Geometry.minHeight { g.tooSmall = true; return g }
        if compare != nil { return compareGeometry }
        let bodyHeight = height - 2
        var textX = 0
        if width >= 70 {
            let ow = min(30, width / 4)
            g.outline = Rect(x: 0, y: 1, width: ow, height: bodyHeight)
            textX = ow + 1
        }
        g.text = Rect(x: textX, y: 1, width: width - textX, height: bodyHeight)
        if let v = view {
            let rows = footnoteRows(v, width: g.text.width).count
            if rows > 0 {
                let cap = v.focus == .footnotes ? bodyHeight / 2 : max(3, bodyHeight / 3)
                let h = min(rows, cap) + 1  // + title rule
                g.footnotes = Rect(x: textX, y: 1 + bodyHeight - h, width: g.text.width, height: h)
                g.text.height = bodyHeight - h
            }
        }
        return g
    }

    /// The layouter of the pane that shows `v` (the focused pane: the text area's width).
    func layouter(_ v: DocumentView) -> Layouter {
        Layouter(model: models[v.doc], notes: notes[v.doc].byParagraph, contentWidth: geometry.contentWidth)
    }

    /// The layouter of a pane drawn into `r`: wrapping follows the rectangle's width.
    func layouter(_ v: DocumentView, in r: Rect) -> Layouter {
        Layouter(model: models[v.doc], notes: notes[v.doc].byParagraph, contentWidth: Geometry.contentWidth(of: r))
    }
}

enum RowKind: Hashable {
    case text(Range<Int>, first: Bool)
    case tags
    case note(Range<Int>, first: Bool)
    case blank
}

struct RowPosition: Comparable, Hashable {
    var block: Int
    var row: Int
    static func < (a: RowPosition, b: RowPosition) -> Bool { (a.block, a.row) < (b.block, b.row) }
}

struct Layouter {
    let model: DocumentModel
    let notes: [String: ParagraphNote]
    let contentWidth: Int

    var blockCount: Int { model.blocks.count }

    func annotation(_ b: Int) -> ParagraphNote? {
        guard let id = model.blocks[b].id, let n = notes[id], !n.isEmpty else { return nil }
        return n
    }

    func noteScalars(_ n: ParagraphNote) -> [Unicode.Scalar] { Array((n.note ?? "").unicodeScalars) }

    func rows(_ b: Int) -> [RowKind] {
        let lines = model.lines(b, width: contentWidth)
        var out: [RowKind] = lines.enumerated().map { .text($0.element, first: $0.offset == 0) }
        if let n = annotation(b) {
            if !n.tags.isEmpty { out.append(.tags) }
            if let note = n.note, !note.isEmpty {
                let ranges = LineWrapper.lineRanges(noteScalars(n), width: max(4, contentWidth - 2))
                out += ranges.enumerated().map { .note($0.element, first: $0.offset == 0) }
            }
        }
        out.append(.blank)
        return out
    }

    func height(_ b: Int) -> Int { rows(b).count }

    var end: RowPosition { RowPosition(block: blockCount - 1, row: height(blockCount - 1) - 1) }

    /// Moves a position by `n` rows (negative: up), stopping at the document's ends.
    func advance(_ p: RowPosition, by n: Int) -> RowPosition {
        var p = p
        var n = n
        while n > 0 {
            let h = height(p.block)
            let room = h - 1 - p.row
            if n <= room { p.row += n; return p }
            if p.block == blockCount - 1 { p.row = h - 1; return p }
            n -= room + 1
            p = RowPosition(block: p.block + 1, row: 0)
        }
        while n < 0 {
            if -n <= p.row { p.row += n; return p }
            if p.block == 0 { p.row = 0; return p }
            n += p.row + 1
            p = RowPosition(block: p.block - 1, row: height(p.block - 1) - 1)
        }
        return p
    }

    /// The highest top that still fills the pane (the last row at the bottom).
    func maxTop(height h: Int) -> RowPosition {
        let first = advance(end, by: -(h - 1))
        return first
    }

    /// Rows from `p` to the end, counting at most `limit`.
    func rowsToEnd(from p: RowPosition, limit: Int) -> Int {
        var count = height(p.block) - p.row
        var b = p.block + 1
        while count < limit && b < blockCount { count += height(b); b += 1 }
        return count
    }

    /// The rows visible from `top`, at most `h` of them.
    func visible(from top: RowPosition, height h: Int) -> [(pos: RowPosition, kind: RowKind)] {
        var out: [(pos: RowPosition, kind: RowKind)] = []
        var b = top.block, r = top.row
        while out.count < h && b < blockCount {
            let rows = self.rows(b)
            while r < rows.count && out.count < h { out.append((RowPosition(block: b, row: r), rows[r])); r += 1 }
            b += 1; r = 0
        }
        return out
    }
}

extension DocumentView {
    var topPosition: RowPosition {
        get { RowPosition(block: top, row: topRow) }
        set { top = newValue.block; topRow = newValue.row }
    }

    /// Keeps the top within the document: never scrolled past the point where the end shows.
    mutating func clamp(_ l: Layouter, height h: Int) {
        if l.rowsToEnd(from: topPosition, limit: h) < h { topPosition = min(topPosition, l.maxTop(height: h)) }
        topPosition = max(topPosition, RowPosition(block: 0, row: 0))
    }

    /// Scrolls as little as possible so the current block shows (its start, if it is taller than the pane).
    mutating func reveal(_ l: Layouter, height h: Int) {
        if current < top || (current == top && topRow > 0) { topPosition = RowPosition(block: current, row: 0); return }
        var rowsBefore = l.height(top) - topRow
        var b = top + 1
        while b < current && rowsBefore < h { rowsBefore += l.height(b); b += 1 }
        let ch = l.height(current)
        if current == top { rowsBefore = 0 }
        if rowsBefore + ch <= h { return }
        if ch >= h { topPosition = RowPosition(block: current, row: 0); return }
        topPosition = l.advance(RowPosition(block: current, row: ch - 1), by: -(h - 1))
    }

    /// Puts block `b` at the top of the pane (as far as the end allows) and makes it current.
    mutating func jump(to b: Int, _ l: Layouter, height h: Int) {
        current = b
        topPosition = RowPosition(block: b, row: 0)
        clamp(l, height: h)
    }

    /// After scrolling: the current block becomes the first one that starts in view.
    mutating func followScroll(_ l: Layouter, height h: Int) {
        let rows = l.visible(from: topPosition, height: h)
        if rows.contains(where: { $0.pos.block == current && $0.pos.row == 0 }) { return }
        if let first = rows.first(where: { $0.pos.row == 0 }) { current = first.pos.block } else { current = top }
    }
}

// A text pane: one document's reading position (a DocumentView) drawn into the rectangle it
// is given, like a ratatui widget rendering into a `Rect`. The single-document view is one
// pane filling the text area; `reso compare` draws two. A pane draws in its own coordinates
// into a grid the size of its rectangle, which is then copied into place, so nothing it draws
// can land outside the rectangle, however narrow.
import ResolutionKit
import Terminal

/// How a compare view marks a pane's text (ComparePane.swift fills it).
struct PaneChanges {
    /// Changed ranges of each block's displayed scalars (versions: words removed on the old
    /// side, inserted on the new one).
    var ranges: [Int: [Range<Int>]] = [:]
    /// Blocks with no counterpart on the other side (removed, added, unpaired).
    var unpaired: Set<Int> = []
    /// The style of changed text and of unpaired blocks on this side.
    var changeStyle: Style
    var unpairedStyle: Style
}

struct TextPane {
    /// The document and its position (current block, first visible row).
    var view: DocumentView
    var rect: Rect
    /// The pane keys act on: its current-paragraph bar is bright, the other's dim.
    var focused: Bool
    /// Search hits in this pane's document, in block order, and which one is current.
    var hits: [(block: Int, range: Range<Int>)] = []
    var currentHit: Int?
    var changes: PaneChanges?
}

extension ReaderState {
    /// Draws `pane` into its rectangle of `grid`.
    /// - Complexity: O(rows × columns of the rectangle), plus wrapping the visible blocks.
    func draw(_ pane: TextPane, into grid: inout CellGrid) {
        let r = pane.rect
        guard r.width > 0, r.height > 0 else { return }
        var local = CellGrid(width: r.width, height: r.height)
        drawPaneContent(pane, into: &local)
        grid.paste(local, at: r)
    }

    /// The pane's rows in its own coordinates (0, 0 at its rectangle's corner).
    private func drawPaneContent(_ pane: TextPane, into grid: inout CellGrid) {
        let v = pane.view
        let r = Rect(x: 0, y: 0, width: pane.rect.width, height: pane.rect.height)
        let l = layouter(v, in: pane.rect)
        let model = models[v.doc]
        let contentX = Geometry.margin
        let visible = l.visible(from: v.topPosition, height: r.height)
        // Only the hits of visible blocks (hits are in block order: two binary searches).
        var hitsByBlock: [Int: [(range: Range<Int>, current: Bool)]] = [:]
        if let first = visible.first?.pos.block, let last = visible.last?.pos.block {
            var i = pane.hits.partitionPoint { $0.block < first }
            while i < pane.hits.count && pane.hits[i].block <= last {
                hitsByBlock[pane.hits[i].block, default: []].append((pane.hits[i].range, i == pane.currentHit))
                i += 1
            }
        }
        for (i, item) in visible.enumerated() {
            let y = r.y + i
            let b = model.blocks[item.pos.block]
            let isCurrent = item.pos.block == v.current
            if isCurrent, item.kind != .blank {
                grid.text("▌", row: y, column: r.x, style: pane.focused && v.focus == .text ? theme.currentBar : theme.dim)
            }
            let x = contentX + b.indent
            switch item.kind {
            case .blank: break
            case .text(let range, let first):
                if first, let id = b.id {
                    grid.text(truncate(id, to: 6), row: y, column: r.x + 1, style: isCurrent ? theme.marginCurrent : theme.margin)
                    if let n = l.annotation(item.pos.block) {
                        if !n.tags.isEmpty || !(n.note ?? "").isEmpty {
                            grid.text((n.note ?? "").isEmpty ? "●" : "✎", row: y, column: r.x + 7, style: theme.tag)
                        }
                        // Carried onto a reworded paragraph: to be looked at (`R` clears it).
                        if n.review { grid.text("?", row: y, column: r.x + 8, style: theme.review) }
                    }
                }
                var extra: [(range: Range<Int>, style: Style)] = []
                if let c = pane.changes {
                    if c.unpaired.contains(item.pos.block) { extra.append((0..<b.scalars.count, c.unpairedStyle)) }
                    for cr in c.ranges[item.pos.block] ?? [] { extra.append((cr, c.changeStyle)) }
                }
                extra += quoteHighlights(v, item.pos.block, selectionStyle: pane.focused)
                drawRun(b, range, hits: hitsByBlock[item.pos.block] ?? [], extra: extra, row: y, column: x,
                        limit: r.x + r.width, bidi: model.bidi(item.pos.block), ambiguousWide: model.ambiguousWide,
                        into: &grid)
            case .tags:
                let tags = l.annotation(item.pos.block)?.tags ?? []
                grid.text(tags.map { "[\($0)]" }.joined(separator: " "), row: y, column: x, style: theme.tag, limit: r.x + r.width)
            case .note(let range, let first):
                guard let n = l.annotation(item.pos.block) else { break }
                let sc = l.noteScalars(n)
                let c = grid.text(first ? "✎ " : "  ", row: y, column: x, style: theme.note, limit: r.x + r.width)
                grid.text(String(String.UnicodeScalarView(sc[range])), row: y, column: c, style: theme.note, limit: r.x + r.width)
            }
        }
    }

    /// One wrapped line of a block, with verb, footnote markers, compare changes and search
    /// hits styled (hits win: they are what the user is looking for now).
    /// A right-to-left block (`bidi`) has each line put in visual order and right-aligned
    /// against `limit`; styles follow the logical offsets, so highlights land on their words.
    func drawRun(_ b: DisplayBlock, _ range: Range<Int>, hits: [(range: Range<Int>, current: Bool)],
                 extra: [(range: Range<Int>, style: Style)] = [], row: Int, column: Int, limit: Int,
                 bidi: BidiParagraph? = nil, ambiguousWide: Bool = false, into grid: inout CellGrid) {
        let base: Style
        switch b.kind {
        case .heading: base = theme.heading
        case .preface: base = theme.preface
        case .closing: base = theme.dim
        default: base = .plain
        }
        let marks = b.marks.filter { $0.range.overlaps(range) }
        let hitRanges = hits.filter { $0.range.overlaps(range) }
        let extraRanges = extra.filter { $0.range.overlaps(range) }
        var c = column
        let order: [(scalar: Unicode.Scalar, logical: Int)]
        if let bidi {
            let line = bidi.visualLine(range)
            order = Array(zip(line.scalars, line.logical))
            if bidi.isRightToLeft {
                let w = order.reduce(0) { $0 + DisplayWidth.of($1.scalar, ambiguousWide: ambiguousWide) }
                c = Swift.max(column, limit - w)
            }
        } else {
            order = range.map { (b.scalars[$0], $0) }
        }
        for (u, i) in order {
            var style = base
            for mk in marks where mk.range.contains(i) {
                switch mk.mark {
                case .verb: style = theme.verb
                case .marker: style = theme.marker
                case .label: style = theme.label
                }
            }
            for e in extraRanges where e.range.contains(i) { style = e.style }
            for h in hitRanges where h.range.contains(i) { style = h.current ? theme.hitCurrent : theme.hit }
            c = grid.put(u, width: DisplayWidth.of(u, ambiguousWide: ambiguousWide), row: row, column: c, style: style, limit: limit)
        }
    }
}

extension CellGrid {
    /// Copies `other` (a pane's own grid) into the rectangle `r`, clipped to this grid. Cells
    /// the pane left blank are not copied, so a pane never erases what lies under it unasked.
    /// - Complexity: O(r.width × r.height).
    mutating func paste(_ other: CellGrid, at r: Rect) {
        for row in 0..<min(other.height, r.height) {
            var col = 0
            while col < min(other.width, r.width) {
                let cell = other[row, col]
                if cell.isContinuation || cell == .blank { col += 1; continue }
                var scalars = cell.text.unicodeScalars.makeIterator()
                guard let first = scalars.next() else { col += 1; continue }
                let end = put(first, width: Int(cell.width), row: r.y + row, column: r.x + col, style: cell.style,
                              limit: r.x + r.width)
                while let more = scalars.next() { put(more, width: 0, row: r.y + row, column: end, style: cell.style) }
                col += max(1, Int(cell.width))
            }
        }
    }
}

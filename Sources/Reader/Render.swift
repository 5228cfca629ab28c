// `render(state) -> CellGrid`: the view. Pure; the terminal layer only copies the grid out.
import ResolutionKit
import Terminal

public func render(_ s: ReaderState) -> CellGrid {
    var grid = CellGrid(width: s.width, height: s.height)
    let g = s.geometry
    if g.tooSmall {
        let lines = ["Terminal too small", "\(s.width)×\(s.height): need \(Geometry.minWidth)×\(Geometry.minHeight)", "q quits"]
        for (i, l) in lines.enumerated() {
            let row = s.height / 2 - 1 + i
            let t = truncate(l, to: s.width)
            grid.text(t, row: row, column: max(0, (s.width - DisplayWidth.of(t)) / 2), style: s.theme.prompt)
        }
        return grid
    }
    if let v = s.view {
        if s.compare != nil { s.drawCompare(v, g, into: &grid) } else { s.drawDocument(v, g, into: &grid) }
    } else { s.drawLibrary(into: &grid) }
    s.drawStatus(into: &grid)
    s.drawOverlay(into: &grid)
    return grid
}

extension ReaderState {
    func drawHeader(_ left: String, _ right: String, into grid: inout CellGrid) {
        grid.fill(row: 0, style: theme.header)
        let r = truncate(right, to: width / 2)
        grid.text(" " + truncate(left, to: width - DisplayWidth.of(r) - 3), row: 0, column: 0, style: theme.header)
        grid.textRight(r + " ", row: 0, end: width, style: theme.header)
    }

    // MARK: library

    func drawLibrary(into grid: inout CellGrid) {
        if let c = catalog { drawCatalog(c, into: &grid); return }
        let total = models.count
        drawHeader("Reso · library", "\(total) documents", into: &grid)
        let wide = width >= 100
        let labelW = 14, bodyW = wide ? 16 : 0, dateW = wide ? 12 : 0, countW = 10, barW = 12
        let titleW = max(8, width - labelW - bodyW - dateW - countW - barW - 2)
        func columns(_ cols: [(String, Int)], row: Int, style: Style) {
            var x = 1
            for (t, w) in cols where w > 0 { grid.text(pad(t, to: w - 1), row: row, column: x, style: style); x += w }
        }
        columns([("number", labelW), ("organ", bodyW), ("date", dateW), ("title", titleW), ("pp+op", countW),
                 ("annotated", barW)], row: 1, style: theme.dim)
        for row in 0..<libraryListHeight {
            let i = libraryTop + row
            guard i < rows.count else { break }
            let r = rows[i]
            let annotated = notes[i].byParagraph.values.filter { !$0.isEmpty }.count
            let bar = progressBar(annotated, of: max(r.units, 1), cells: 5) + " \(annotated)/\(r.units)"
            var title = r.title
            if let hits = search?.perDocument[i] { title = "[\(hits)] " + title }
            let y = row + 2
            let selected = i == librarySelection
            if selected { grid.fill(row: y, style: theme.selection) }
            columns([(r.label, labelW), (r.body, bodyW), (r.date, dateW), (title, titleW),
                     ("\(r.preamble)+\(r.operative)", countW), (bar, barW)], row: y, style: selected ? theme.selection : .plain)
        }
    }

    func progressBar(_ n: Int, of total: Int, cells: Int) -> String {
        let filled = min(cells, (n * cells + total - 1) / total)
        return String(repeating: "█", count: filled) + String(repeating: "░", count: cells - filled)
    }

    // MARK: document

    func drawDocument(_ v: DocumentView, _ g: Geometry, into grid: inout CellGrid) {
        let m = models[v.doc]
        let meta = m.document.meta
        let label = meta.symbol ?? meta.number ?? rows[v.doc].label
        let pos = "\(m.blocks[v.current].id ?? "·") \(v.current + 1)/\(m.blocks.count)"
        drawHeader("\(label) · \(meta.title ?? rows[v.doc].title)", pos, into: &grid)
        if let o = g.outline { drawOutline(v, o, into: &grid) }
        drawText(v, g, into: &grid)
        if let f = g.footnotes { drawFootnotes(v, f, into: &grid) }
    }

    func drawOutline(_ v: DocumentView, _ r: Rect, into grid: inout CellGrid) {
        let entries = models[v.doc].outline
        let top = outlineTop(v, height: r.height)
        let sel = outlineIndex(v)
        for row in 0..<r.height {
            grid.text("│", row: r.y + row, column: r.x + r.width, style: theme.border)
            let i = top + row
            guard i < entries.count else { continue }
            let e = entries[i]
            let style: Style = i == sel ? (v.focus == .outline ? theme.focusTitle : theme.selection)
                : (e.isHeading ? theme.heading : .plain)
            if i == sel { grid.fill(row: r.y + row, from: r.x, to: r.x + r.width, style: style) }
            // Paragraphs that carry tags or a note are marked at the pane's right edge.
            let id = models[v.doc].blocks[e.block].id
            let note = id.flatMap { notes[v.doc].byParagraph[$0] }
            let annotated = note.map { !$0.isEmpty } ?? false
            grid.text(truncate(String(repeating: " ", count: 1 + e.depth * 2) + e.label, to: r.width - (annotated ? 3 : 1)),
                      row: r.y + row, column: r.x, style: style, limit: r.x + r.width)
            if annotated {
                grid.text("●", row: r.y + row, column: r.x + r.width - 2, style: i == sel ? style : theme.tag,
                          limit: r.x + r.width)
                if note?.review == true {
                    grid.text("?", row: r.y + row, column: r.x + r.width - 3, style: i == sel ? style : theme.review,
                              limit: r.x + r.width)
                }
            }
        }
    }

    /// The document's text: one pane filling the text area.
    func drawText(_ v: DocumentView, _ g: Geometry, into grid: inout CellGrid) {
        var pane = TextPane(view: v, rect: g.text, focused: true)
        if let s = search { pane.hits = s.hits; pane.currentHit = s.index }
        draw(pane, into: &grid)
    }

    func drawFootnotes(_ v: DocumentView, _ r: Rect, into grid: inout CellGrid) {
        let labels = models[v.doc].labels
        let focused = v.focus == .footnotes
        let titleStyle = focused ? theme.focusTitle : theme.border
        grid.fill(row: r.y, from: r.x, to: r.x + r.width, style: theme.border)
        grid.text(String(repeating: "─", count: r.width), row: r.y, column: r.x, style: theme.border)
        let title = currentFootnotes(v).isEmpty ? labels.references : labels.footnotes
        grid.text(" \(title) · \(models[v.doc].blocks[v.current].id ?? "") ", row: r.y, column: r.x + 2, style: titleStyle)
        if focused { grid.textRight(" Enter jumps · Backspace back ", row: r.y, end: r.x + r.width, style: theme.border) }
        let rows = visibleFootnoteRows(v, r)
        for (i, row) in rows.enumerated() {
            let y = r.y + 1 + i
            switch row {
            case .text(let t, let first):
                grid.text((first ? " " : "   ") + t, row: y, column: r.x, style: .plain, limit: r.x + r.width)
            case .citedBy(let ids, let firstTarget):
                var c = grid.text(citedByPrefix(labels), row: y, column: r.x, style: theme.dim)
                for (k, id) in ids.enumerated() {
                    let sel = focused && firstTarget + k == v.footnoteTarget
                    c = grid.text(id, row: y, column: c, style: sel ? theme.focusTitle : theme.label, limit: r.x + r.width)
                    c = grid.text(" ", row: y, column: c, style: .plain, limit: r.x + r.width)
                }
            case .references(let refs):
                var c = grid.text(" \(labels.references) (r): ", row: y, column: r.x, style: theme.dim)
                for ref in refs {
                    // Those in the open library can be opened: make them stand out.
                    let style = libraryDocument(for: ref) != nil ? theme.label : .plain
                    c = grid.text(ref, row: y, column: c, style: style, limit: r.x + r.width)
                    c = grid.text("  ", row: y, column: c, style: .plain, limit: r.x + r.width)
                }
            }
        }
    }
}

extension Array {
    /// The first index whose element does not satisfy `before` (which must hold for a prefix).
    func partitionPoint(_ before: (Element) -> Bool) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if before(self[mid]) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

// `reso compare A B`: the reader with two text panes. The focused pane is the ordinary
// `view` (so every document key, tagging and notes included, acts on the focused document
// through the same code), and `compare.other` is the second pane, which follows it by the
// pairing: after each key its current paragraph becomes the counterpart of the focused one,
// shown on the same row. Side by side from 80 columns; below that the panes are stacked.
import ResolutionDiff
import ResolutionKit
import Terminal

struct CompareState {
    var comparison: Comparison
    /// The pane without focus (document 0 is the left or upper pane, 1 the other).
    var other: DocumentView
    /// Search hits in the other pane's document (the focused pane's are `search.hits`).
    var otherHits: [(block: Int, range: Range<Int>)] = []
    /// After `]` or `[`: both panes before that key, so that a following `c` (the change key)
    /// jumps by change from there instead of by heading.
    var pendingBracket: (forward: Bool, focused: DocumentView, other: DocumentView)?
}

extension Geometry {
    /// Narrower than this, the compare view stacks its panes instead of splitting the width.
    static let compareSideBySideWidth = 80
}

extension ReaderState {
    /// Two documents in the compare view: `left` is the older text (or the first language).
    public init(comparing left: DocumentModel, _ right: DocumentModel, comparison: Comparison,
                notes: [DocumentNotes], width: Int, height: Int, color: Bool, defaultTags: [String],
                exportFormats: [String] = ["md", "csv", "json", "w3c"]) {
        self.init(documents: [left, right], notes: notes, width: width, height: height, color: color,
                  defaultTags: defaultTags, exportFormats: exportFormats)
        compare = CompareState(comparison: comparison, other: DocumentView(doc: 1))
        view = DocumentView(doc: 0)
        alignComparePanes()
    }

    /// Each pane is a title row over its text; `text` is the focused pane's text.
    var compareGeometry: Geometry {
        var g = Geometry()
        let body = Rect(x: 0, y: 1, width: width, height: height - 2)
        let (a, b) = width >= Geometry.compareSideBySideWidth ? body.splitColumns() : body.splitRows(gap: 0)
        g.panes = [a.droppingTop(1), b.droppingTop(1)]
        g.text = g.panes[view?.doc ?? 0]
        return g
    }

    // MARK: keys

    mutating func handleCompareKey(_ key: Key) -> [Effect] {
        guard var c = compare, let v = view else { return [] }
        if let pending = c.pendingBracket {
            c.pendingBracket = nil
            compare = c
            if key == .char("c") {
                view = pending.focused
                compare?.other = pending.other
                jumpToChange(forward: pending.forward)
                return []
            }
        }
        switch key {
        case .tab, .backTab:
            swapFocus()
            return []
        case .char("f"), .char("r"), .enter:
            flash("Footnotes and references are in the single view: reso \(models[v.doc].path)")
            return []
        case .char("c"):
            flash("]c / [c: next / previous change")
            return []
        default: break
        }
        let effects = handleDocumentKey(key)
        if key == .char("]") || key == .char("[") {
            compare?.pendingBracket = (key == .char("]"), v, c.other)
        }
        followFocusedPane()
        return effects
    }

    mutating func handleCompareMouse(_ m: MouseEvent) -> [Effect] {
        let g = geometry
        if m.kind == .click, let v = view, g.panes.count == 2, g.panes[1 - v.doc].contains(row: m.row, column: m.column) {
            swapFocus()
        }
        let effects = handleMouse(m)
        followFocusedPane()
        return effects
    }

    /// Tab: the other document gets the keys (and the search hits follow it).
    mutating func swapFocus() {
        guard var c = compare, let v = view else { return }
        view = c.other
        c.other = v
        if var s = search {
            let mine = s.hits
            s.hits = c.otherHits
            c.otherHits = mine
            s.index = s.hits.firstIndex { $0.block >= c.other.current } ?? 0
            search = s
        }
        compare = c
        flash("Focus: \(paneLabel(view!.doc))")
    }

    /// The other pane's current paragraph becomes the focused one's counterpart, on the same row.
    mutating func followFocusedPane() {
        guard let v = view, compare != nil else { return }
        compare!.other.current = compare!.comparison.counterpart[v.doc][v.current]
        alignComparePanes()
    }

    /// Scrolls the other pane so its current paragraph starts on the row where the focused
    /// pane's current paragraph starts (or at its top when that one starts above the pane).
    /// - Complexity: O(rows of one pane) wrapped blocks.
    mutating func alignComparePanes() {
        guard var c = compare, let v = view else { return }
        let g = geometry
        guard g.panes.count == 2, !g.tooSmall else { return }
        let mine = g.panes[v.doc], theirs = g.panes[c.other.doc]
        let rows = layouter(v, in: mine).visible(from: v.topPosition, height: mine.height)
        let offset = rows.firstIndex { $0.pos.block == v.current && $0.pos.row == 0 } ?? 0
        let lo = layouter(c.other, in: theirs)
        c.other.topPosition = lo.advance(RowPosition(block: c.other.current, row: 0), by: -min(offset, theirs.height - 1))
        c.other.clamp(lo, height: theirs.height)
        compare = c
    }

    /// `]c` / `[c`: both panes to the next or previous change from the focused paragraph.
    /// - Complexity: O(log n) in the changes, plus revealing the paragraph.
    mutating func jumpToChange(forward: Bool) {
        guard var c = compare, var v = view else { return }
        let side = v.doc
        let list = c.comparison.stopsBySide[side]
        // Binary searches: the list is sorted by block.
        let found: (block: Int, stop: Int)?
        if forward {
            let i = list.partitionPoint { $0.block <= v.current }
            found = i < list.count ? list[i] : nil
        } else {
            let i = list.partitionPoint { $0.block < v.current }
            found = i > 0 ? list[i - 1] : nil
        }
        guard let found else {
            flash(c.comparison.stops.isEmpty ? "No changes: the texts pair unit for unit"
                  : forward ? "No next change" : "No previous change")
            return
        }
        let stop = c.comparison.stops[found.stop]
        let g = geometry
        v.jump(to: side == 0 ? stop.left : stop.right, layouter(v, in: g.panes[side]), height: g.panes[side].height)
        v.reveal(layouter(v, in: g.panes[side]), height: g.panes[side].height)
        c.other.current = side == 0 ? stop.right : stop.left
        view = v
        compare = c
        alignComparePanes()
        flash("Change \(found.stop + 1)/\(c.comparison.stops.count)")
    }

    // MARK: drawing

    func paneLabel(_ doc: Int) -> String {
        let meta = models[doc].document.meta
        return "\(meta.symbol ?? meta.number ?? rows[doc].label) (\(models[doc].document.language))"
    }

    func drawCompare(_ v: DocumentView, _ g: Geometry, into grid: inout CellGrid) {
        guard let c = compare, g.panes.count == 2 else { return }
        let cmp = c.comparison
        let summary: String
        switch cmp.mode {
        case .versions:
            summary = "versions · \(cmp.counts[.changed] ?? 0) changed · \(cmp.counts[.added] ?? 0) added · \(cmp.counts[.removed] ?? 0) removed"
        case .languages:
            summary = "languages · \(cmp.counts[.aligned] ?? 0) aligned · \(cmp.counts[.unpaired] ?? 0) unpaired"
        }
        let views = v.doc == 0 ? [v, c.other] : [c.other, v]
        let ids = views.map { models[$0.doc].blocks[$0.current].id ?? "·" }
        drawHeader("\(paneLabel(0)) ⇄ \(paneLabel(1)) · \(summary)", "\(ids[0]) ⇄ \(ids[1])", into: &grid)
        let sideBySide = g.panes[1].y == g.panes[0].y
        for side in 0..<2 {
            let r = g.panes[side]
            let focused = side == v.doc
            let titleStyle = focused ? theme.focusTitle : theme.border
            grid.fill(row: r.y - 1, from: r.x, to: r.x + r.width, style: titleStyle)
            let mark = focused ? "▶ " : "  "
            grid.text(" \(mark)\(paneLabel(side)) · \(models[side].document.meta.title ?? rows[side].title)",
                      row: r.y - 1, column: r.x, style: titleStyle, limit: r.x + r.width)
            var pane = TextPane(view: views[side], rect: r, focused: focused)
            if let s = search {
                if focused { pane.hits = s.hits; pane.currentHit = s.index } else { pane.hits = c.otherHits }
            }
            let changeStyle = cmp.mode == .languages ? theme.unpaired : (side == 0 ? theme.removed : theme.added)
            pane.changes = PaneChanges(ranges: cmp.ranges[side], unpaired: cmp.unpaired[side], changeStyle: changeStyle,
                                       unpairedStyle: changeStyle)
            draw(pane, into: &grid)
        }
        if sideBySide {
            let x = g.panes[0].x + g.panes[0].width
            for y in (g.panes[0].y - 1)..<(g.panes[0].y + g.panes[0].height) {
                grid.text("│", row: y, column: x, style: theme.border)
            }
        }
    }

    /// The hint line of the compare view, with the keys in effect.
    var compareHint: String {
        let k = keyBindings
        let change = "\(k.key(for: "next-heading"))\(k.key(for: "change"))"
        return "Tab other pane · \(change) next change · \(k.key(for: "clear-review")) clear review · \(k.key(for: "help")) help · \(k.key(for: "back")) quit"
    }
}

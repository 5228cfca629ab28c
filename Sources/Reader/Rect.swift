// A rectangle of the screen in cells: what a pane is given to draw into (the ratatui model).
// Splitting is pure arithmetic, so layouts of two panes are checked without a terminal.

struct Rect: Hashable, Sendable {
    var x, y, width, height: Int

    func contains(row: Int, column: Int) -> Bool {
        row >= y && row < y + height && column >= x && column < x + width
    }

    /// Two rectangles side by side with a one-column gap between them (for a rule); the left
    /// one takes the odd column. Widths never go below zero.
    func splitColumns(gap: Int = 1) -> (Rect, Rect) {
        let w = max(0, width - gap)
        let left = (w + 1) / 2
        return (Rect(x: x, y: y, width: left, height: height),
                Rect(x: x + left + gap, y: y, width: max(0, w - left), height: height))
    }

    /// Two rectangles one above the other with a `gap`-row rule between them.
    func splitRows(gap: Int = 1) -> (Rect, Rect) {
        let h = max(0, height - gap)
        let top = (h + 1) / 2
        return (Rect(x: x, y: y, width: width, height: top),
                Rect(x: x, y: y + top + gap, width: width, height: max(0, h - top)))
    }

    /// The rectangle without its first `rows` rows (a title line).
    func droppingTop(_ rows: Int) -> Rect {
        let n = min(max(0, rows), height)
        return Rect(x: x, y: y + n, width: width, height: height - n)
    }
}

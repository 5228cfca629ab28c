// A frame as a grid of cells that knows display widths (like ratatui's Buffer). The reader
// renders into it; the ncurses backend and the text snapshot backend read it.
//
// Invariants the grid keeps whatever callers do:
// - a 2-column glyph is followed by a continuation cell and is never split at the right edge;
// - overwriting half of a wide glyph blanks the other half;
// - no control character ever lands in a cell: C0/C1 controls and DEL become visible
//   placeholders (␛ for ESC), so document text can never emit escape sequences.

public struct Cell: Hashable, Sendable {
    /// One grapheme: a base scalar plus any zero-width marks. Empty for a continuation cell.
    public var text: String
    /// 1 or 2 for a glyph, 0 for the right half of a wide glyph.
    public var width: UInt8
    public var style: Style

    public init(text: String, width: UInt8, style: Style) { self.text = text; self.width = width; self.style = style }
    public static let blank = Cell(text: " ", width: 1, style: .plain)
    public var isContinuation: Bool { width == 0 }
}

public struct Position: Hashable, Sendable {
    public var row: Int
    public var column: Int
    public init(row: Int, column: Int) { self.row = row; self.column = column }
}

public struct CellGrid: Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where to show the terminal cursor (a text prompt); nil hides it.
    public var cursor: Position?

    public init(width: Int, height: Int) {
        self.width = max(0, width); self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell { cells[row * width + column] }

    /// A visible stand-in for scalars a terminal would interpret instead of print: controls, and
    /// bidi embeddings, overrides, isolates and marks (which reorder what a bidi-capable terminal
    /// shows). The same table as ResolutionKit's `Sanitizer.placeholder(for:)`, which this module
    /// cannot import.
    @inline(__always)
    public static func placeholder(for s: Unicode.Scalar) -> Unicode.Scalar? {
        let v = s.value
        if v < 0x20 { return Unicode.Scalar(0x2400 + v) }  // ␀…␟, ESC → ␛
        if v < 0x7F { return nil }
        if v == 0x7F { return "\u{2421}" }  // ␡
        if v < 0xA0 { return "\u{FFFD}" }
        if (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069) || v == 0x200E || v == 0x200F || v == 0x061C {
            return "\u{FFFD}"
        }
        return nil
    }

    /// Writes one scalar whose display width the caller measured (0, 1 or 2) at `column`,
    /// not past `limit` (exclusive). Returns the column after it. A wide glyph that would
    /// cross `limit` is replaced by a space so that nothing is split.
    @discardableResult
    public mutating func put(_ scalar: Unicode.Scalar, width w: Int, row: Int, column: Int, style: Style,
                             limit: Int? = nil) -> Int {
        let end = min(limit ?? width, width)
        guard row >= 0, row < height, column >= 0 else { return column }
        if let p = CellGrid.placeholder(for: scalar) { return put(p, width: 1, row: row, column: column, style: style, limit: limit) }
        if w == 0 {
            // Combining mark: joins the glyph to its left.
            var c = column - 1
            guard c >= 0, c < end else { return column }
            if cells[row * width + c].isContinuation { c -= 1 }
            guard c >= 0 else { return column }
            cells[row * width + c].text.unicodeScalars.append(scalar)
            return column
        }
        guard column < end else { return column }
        if w == 2 && column + 1 >= end {
            setCell(row, column, Cell(text: " ", width: 1, style: style))
            return column + 1
        }
        setCell(row, column, Cell(text: String(Character(scalar)), width: UInt8(w), style: style))
        if w == 2 { setCell(row, column + 1, Cell(text: "", width: 0, style: style)) }
        return column + w
    }

    /// Fills columns `from..<to` of a row with spaces in `style`.
    public mutating func fill(row: Int, from: Int = 0, to: Int? = nil, style: Style) {
        guard row >= 0, row < height else { return }
        let e = min(to ?? width, width)
        var c = max(0, from)
        while c < e { setCell(row, c, Cell(text: " ", width: 1, style: style)); c += 1 }
    }

    /// Sets a cell, repairing any wide glyph it cuts in half.
    private mutating func setCell(_ row: Int, _ column: Int, _ cell: Cell) {
        let i = row * width + column
        let old = cells[i]
        if old.isContinuation && column > 0 && cell.width != 0 {
            cells[i - 1] = Cell(text: " ", width: 1, style: cells[i - 1].style)
        }
        if old.width == 2 && cell.width != 2 && column + 1 < width {
            cells[i + 1] = Cell(text: " ", width: 1, style: old.style)
        }
        cells[i] = cell
    }

    /// The row as text (continuation cells skipped, trailing spaces trimmed): the snapshot backend.
    public func line(_ row: Int) -> String {
        var s = ""
        for c in 0..<width {
            let cell = cells[row * width + c]
            if !cell.isContinuation { s += cell.text }
        }
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }

    /// The whole frame as text, one line per row.
    public var text: String { (0..<height).map(line).joined(separator: "\n") }
}

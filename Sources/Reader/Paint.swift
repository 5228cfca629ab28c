// Writing measured text into a CellGrid. Widths come from ResolutionKit's DisplayWidth so
// that layout (wrapping) and drawing agree on every column.
import ResolutionKit
import Terminal

extension CellGrid {
    /// Draws `s` from `column`, clipped at `limit` (exclusive); returns the next column.
    @discardableResult
    /// Right-to-left runs (an Arabic title, outline label or note) are put in visual order
    /// first (Terminal/Bidi.swift): the terminal paints cells as given.
    mutating func text(_ s: String, row: Int, column: Int, style: Style, limit: Int? = nil) -> Int {
        let end = Swift.min(limit ?? width, width)
        var c = column
        for u in Bidi.visualIfNeeded(s).unicodeScalars {
            if c >= end { break }
            c = put(u, width: DisplayWidth.of(u), row: row, column: c, style: style, limit: end)
        }
        return c
    }

    /// Draws `s` right-aligned so that it ends just before `end`.
    mutating func textRight(_ s: String, row: Int, end: Int, style: Style) {
        text(s, row: row, column: Swift.max(0, end - DisplayWidth.of(s)), style: style, limit: end)
    }
}

/// `s` cut to at most `width` columns, with an ellipsis when something was cut.
func truncate(_ s: String, to width: Int) -> String {
    guard width > 0 else { return "" }
    if DisplayWidth.of(s) <= width { return s }
    var out = String.UnicodeScalarView()
    var w = 0
    for u in s.unicodeScalars {
        let uw = DisplayWidth.of(u)
        if w + uw > width - 1 { break }
        out.append(u); w += uw
    }
    return String(out) + "…"
}

/// `s` padded with spaces to exactly `width` columns (truncated if longer).
func pad(_ s: String, to width: Int) -> String {
    let t = truncate(s, to: width)
    return t + String(repeating: " ", count: Swift.max(0, width - DisplayWidth.of(t)))
}

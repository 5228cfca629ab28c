// The status line, prompts (search, tag with completion, note editor, export) and the
// help and references boxes drawn over the screen.
import ResolutionKit
import Terminal

extension ReaderState {
    func drawStatus(into grid: inout CellGrid) {
        let y = height - 1
        grid.fill(row: y, style: theme.status)
        if case .prompt(let p) = overlay { drawPrompt(p, into: &grid); return }
        var right = ""
        if let s = search {
            right = view == nil ? "«\(s.query)» \(s.perDocument.values.reduce(0, +)) matches"
                : "«\(s.query)» \(s.hits.isEmpty ? 0 : s.index + 1)/\(s.hits.count)"
        }
        let left: String
        let narrow = width < 76
        // The search status has its place on the right: a message repeating it is not shown twice.
        let message = self.message == right ? nil : self.message
        if let m = message { left = m } else if compare != nil {
            left = compareHint
        } else if view == nil {
            left = narrow ? "Enter open · / search · ? help · q quit" : "Enter open · / search · x export · ? help · q quit"
        } else {
            left = KeyHelp.hint(bindings: keyBindings, backWord: isLibrary ? (narrow ? "back" : "library") : "quit", width: width)
        }
        let r = truncate(right, to: width / 3)
        grid.text(" " + truncate(left, to: width - DisplayWidth.of(r) - 3), row: y, column: 0,
                  style: message != nil && messageIsError ? theme.error.merged(onto: theme.status) : theme.status)
        grid.textRight(r + " ", row: y, end: width, style: theme.status)
    }

    func drawPrompt(_ p: Prompt, into grid: inout CellGrid) {
        let y = height - 1
        let label: String
        switch p.kind {
        case .search: label = view == nil ? "Search all documents: " : "Search: "
        case .tag: label = "Tag \(p.paragraph ?? "")\(p.quote.map { " on «\($0)»" } ?? ""): "
        case .note: label = "Note \(p.paragraph ?? "")\(p.quote.map { " on «\($0)»" } ?? ""): "
        case .export: label = "Export (\(exportFormats.joined(separator: " "))) to file: "
        case .goTo: label = "Go to (25, op25, pp3, op84.a): "
        case .amend: label = "Amend \(p.paragraph ?? "") (old => new · -old · old +> new · + new paragraph): "
        }
        let x = grid.text(" " + label, row: y, column: 0, style: theme.status.with(bold: true))
        // Scroll the line horizontally by display columns so the cursor stays in view.
        let room = max(4, width - x - 1)
        var start = 0
        while DisplayWidth.of(String(p.editor.chars[start..<p.editor.cursor])) >= room { start += 1 }
        let visible = String(p.editor.chars[start...])
        grid.text(visible, row: y, column: x, style: theme.status, limit: width - 1)
        grid.cursor = Position(row: y, column: x + DisplayWidth.of(String(p.editor.chars[start..<p.editor.cursor])))
        if p.kind == .tag {
            let choices = tagChoices
            let matching = Set(completions(for: p))
            let current = view.flatMap { v in currentID.flatMap { notes[v.doc].byParagraph[$0]?.tags } } ?? []
            var items: [String] = []
            for (i, t) in choices.enumerated() where matching.contains(t) {
                let key = i < 9 ? "\(i + 1) " : "  "
                items.append(key + t + (current.contains(t) ? " ✓" : ""))
            }
            drawList(items, title: " Tags (Tab completes, -tag removes) ", bottom: y - 1, into: &grid)
        } else if p.kind == .export {
            drawList(exportFormats, title: " Formats (Tab cycles) ", bottom: y - 1, into: &grid)
        }
    }

    /// A small box of lines just above the status line.
    func drawList(_ items: [String], title: String, bottom: Int, into grid: inout CellGrid) {
        let shown = Array(items.prefix(max(1, min(12, height / 2))))
        let w = min(width - 2, max(DisplayWidth.of(title) + 2, (shown.map { DisplayWidth.of($0) }.max() ?? 0) + 4))
        let top = bottom - shown.count - 1
        grid.fill(row: top, from: 0, to: w, style: theme.focusTitle)
        grid.text(title, row: top, column: 1, style: theme.focusTitle, limit: w)
        for (i, s) in shown.enumerated() {
            grid.fill(row: top + 1 + i, from: 0, to: w, style: theme.selection)
            grid.text(" " + s, row: top + 1 + i, column: 1, style: theme.selection, limit: w)
        }
    }

    func drawBox(title: String, lines: [(String, Style)], selected: Int?, scroll: Int, into grid: inout CellGrid) {
        let w = min(width - 4, max(40, min(90, (lines.map { DisplayWidth.of($0.0) }.max() ?? 0) + 4)))
        let h = min(height - 4, lines.count + 2)
        let x = (width - w) / 2, y = max(1, (height - h) / 2)
        for r in 0..<h { grid.fill(row: y + r, from: x, to: x + w, style: .plain) }
        grid.text("┌" + String(repeating: "─", count: w - 2) + "┐", row: y, column: x, style: theme.border)
        grid.text(" \(title) ", row: y, column: x + 2, style: theme.focusTitle)
        for r in 1..<(h - 1) {
            grid.text("│", row: y + r, column: x, style: theme.border)
            grid.text("│", row: y + r, column: x + w - 1, style: theme.border)
            let i = scroll + r - 1
            guard i < lines.count else { continue }
            let style = i == selected ? theme.selection : lines[i].1
            if i == selected { grid.fill(row: y + r, from: x + 1, to: x + w - 1, style: style) }
            grid.text(" " + lines[i].0, row: y + r, column: x + 1, style: style, limit: x + w - 1)
        }
        grid.text("└" + String(repeating: "─", count: w - 2) + "┘", row: y + h - 1, column: x, style: theme.border)
    }

    func drawOverlay(into grid: inout CellGrid) {
        switch overlay {
        case .none, .prompt: return
        case .help(let scroll):
            let rows = KeyHelp.rows(exportFormats: exportFormats, bindings: keyBindings)
            let keyW = rows.map { DisplayWidth.of($0.keys) }.max() ?? 10
            let lines = rows.map { (pad($0.keys, to: keyW) + "  " + $0.action, Style.plain) }
            let visible = max(1, min(height - 6, lines.count))
            drawBox(title: "Keys (j/k scroll, any other key closes)", lines: lines, selected: nil,
                    scroll: min(scroll, max(0, lines.count - visible)), into: &grid)
        case .references(let sel):
            guard let v = view else { return }
            let refs = models[v.doc].blocks[v.current].references
            let lines: [(String, Style)] = refs.map { r in
                if let d = libraryDocument(for: r) { return ("\(r)  → \(rows[d].title)", theme.label) }
                if let url = undocsLink(for: r, in: v.doc) { return ("\(r)  → \(url)", theme.dim) }
                return ("\(r)  (not in the open library)", theme.dim)
            }
            drawBox(title: "\(models[v.doc].labels.references) · Enter opens", lines: lines, selected: sel,
                    scroll: max(0, sel - (height - 7)), into: &grid)
        }
    }
}

extension Style {
    func with(bold: Bool) -> Style { var s = self; s.bold = bold; return s }
    /// `self`'s emphasis and foreground over `base`'s background.
    func merged(onto base: Style) -> Style {
        var s = base
        s.bold = bold || base.bold
        if foreground != .standard { s.foreground = foreground }
        return s
    }
}

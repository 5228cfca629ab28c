// A text pane renders into whatever rectangle it is given: nothing outside it, wrapping at
// its width (CJK two columns a character), whether it fills the screen or shares it.
@testable import Reader
import ResolutionKit
import Terminal
import Testing

@Suite struct TextPaneTests {
    /// Every non-blank cell of `grid`, as (row, column).
    func inked(_ grid: CellGrid) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        for r in 0..<grid.height { for c in 0..<grid.width where grid[r, c] != .blank { out.append((r, c)) } }
        return out
    }

    func pane(_ s: ReaderState, doc: Int, _ rect: Rect, current: Int = 0) -> TextPane {
        var v = DocumentView(doc: doc)
        v.current = current
        return TextPane(view: v, rect: rect, focused: true)
    }

    @Test(arguments: [Rect(x: 0, y: 0, width: 20, height: 6), Rect(x: 7, y: 3, width: 13, height: 9),
                      Rect(x: 30, y: 1, width: 41, height: 20), Rect(x: 79, y: 0, width: 1, height: 24),
                      Rect(x: 2, y: 22, width: 60, height: 2), Rect(x: 10, y: 5, width: 9, height: 4)])
    func drawsOnlyInsideItsRectangle(_ rect: Rect) {
        for doc in [Fixtures.chinese, Fixtures.english] {
            let s = Fixtures.state([doc], width: 80, height: 24, notes: [DocumentNotes(byParagraph: [
                "pp1": ParagraphNote(tags: ["priority", "support"], note: "一个很长的笔记，用来检查笔记行也在矩形之内换行。")])])
            var grid = CellGrid(width: 80, height: 24)
            s.draw(pane(s, doc: 0, rect, current: 2), into: &grid)
            let cells = inked(grid)
            #expect(!cells.isEmpty || rect.width <= Geometry.margin)
            for (r, c) in cells { #expect(rect.contains(row: r, column: c), "drawn at \(r),\(c) outside \(rect)") }
        }
    }

    @Test func twoPanesSideBySideStayApart() {
        let s = Fixtures.state([Fixtures.chinese, Fixtures.english], width: 81, height: 24)
        let (left, right) = Rect(x: 0, y: 1, width: 81, height: 22).splitColumns()
        #expect(left.width + right.width + 1 == 81 && right.x == left.x + left.width + 1)
        var onlyLeft = CellGrid(width: 81, height: 24), onlyRight = CellGrid(width: 81, height: 24)
        s.draw(pane(s, doc: 0, left), into: &onlyLeft)
        s.draw(pane(s, doc: 1, right), into: &onlyRight)
        for (r, c) in inked(onlyLeft) { #expect(left.contains(row: r, column: c)) }
        for (r, c) in inked(onlyRight) { #expect(right.contains(row: r, column: c)) }
        // Drawn together, each pane's cells are exactly what it drew alone.
        var both = CellGrid(width: 81, height: 24)
        s.draw(pane(s, doc: 0, left), into: &both)
        s.draw(pane(s, doc: 1, right), into: &both)
        for r in 0..<24 {
            for c in 0..<81 {
                let expected = left.contains(row: r, column: c) ? onlyLeft[r, c] : onlyRight[r, c]
                #expect(both[r, c] == expected, "cell \(r),\(c)")
            }
        }
    }

    @Test func aCJKParagraphWrapsAtThePaneWidth() {
        let s = Fixtures.state([Fixtures.chinese], width: 80, height: 30)
        let rect = Rect(x: 33, y: 2, width: 20, height: 26)
        let model = s.models[0]
        // The longest preambular paragraph, as displayed.
        let b = model.blockByID["pp2"]!
        let text = String(String.UnicodeScalarView(model.blocks[b].scalars))
        var grid = CellGrid(width: 80, height: 30)
        var p = pane(s, doc: 0, rect, current: b)
        p.view.top = b
        s.draw(p, into: &grid)
        let content = Geometry.contentWidth(of: rect)
        var rows: [String] = []
        for r in rect.y..<(rect.y + rect.height) {
            let line = grid.line(r)
            let start = line.index(line.startIndex, offsetBy: min(line.count, rect.x + Geometry.margin))
            rows.append(String(line[start...]))
        }
        // The paragraph's rows are its text in order, each within the content width, and the
        // wrap is tight: no row but the last leaves room for the next character.
        var joined = ""
        var used: [Int] = []
        for row in rows.prefix(model.lines(b, width: content).count) {
            #expect(DisplayWidth.of(row) <= content, "row wider than \(content): \(row)")
            joined += row
            used.append(DisplayWidth.of(row))
        }
        #expect(joined.replacingOccurrences(of: " ", with: "") == text.replacingOccurrences(of: " ", with: ""))
        #expect(used.count > 3)
        for w in used.dropLast() { #expect(w >= content - 2, "a row of \(w) columns in a \(content)-column pane") }
    }
}

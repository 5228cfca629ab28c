// The compare view driven purely (state + update + render): panes follow each other by the
// pairing, changes are marked and reachable with ]c / [c, tagging goes to the focused
// document, and review marks show and clear.
@testable import Reader
import ResolutionDiff
import ResolutionKit
import Terminal
import Testing

@Suite struct CompareViewTests {
    /// The Chinese fixture revised: its second operative paragraph deleted (everything after
    /// it renumbered), one paragraph reworded, one appended.
    static let revised: ResolutionDocument = {
        var d = Fixtures.chinese
        var ops = d.operative
        ops.remove(at: 1)
        ops[3].text = ops[3].text.replacingOccurrences(of: "加强国际合作", with: "大力加强南南合作")
        ops.append(Paragraph(id: "", kind: .operative, index: 0, lead: "决定", text: "决定继续审议这一问题。"))
        for i in ops.indices {
            let n = i + 1
            ops[i].id = "op\(n)"; ops[i].index = n; ops[i].number = n
            ops[i].subparagraphs = ops[i].subparagraphs.map { var s = $0; s.id = "op\(n).\(s.label)"; return s }
        }
        d.operative = ops
        d.headings = [Heading(id: "h1", text: "前进的道路", before: "op3")]
        return d
    }()

    func state(_ a: ResolutionDocument, _ b: ResolutionDocument, width: Int = 120, height: Int = 30,
               notes: [DocumentNotes]? = nil, mode: DiffMode? = nil) -> ReaderState {
        let l = DocumentModel(path: "/lib/a.txt", document: a), r = DocumentModel(path: "/lib/b.txt", document: b)
        return ReaderState(comparing: l, r, comparison: Comparison(left: l, right: r, mode: mode),
                           notes: notes ?? [DocumentNotes(), DocumentNotes()], width: width, height: height, color: true,
                           defaultTags: ["support", "oppose", "priority"])
    }

    func ids(_ s: ReaderState) -> (focused: String?, other: String?) {
        let o = s.compare!.other
        return (s.currentID, s.models[o.doc].blocks[o.current].id)
    }

    @Test func panesFollowEachOtherByPairingNotById() {
        var s = state(Fixtures.chinese, Self.revised)
        #expect(s.compare?.comparison.mode == .versions)
        s.press(.char("o"))
        #expect(ids(s) == ("op1", "op1"))
        s.press(.char("j"))  // old op2 was deleted: the new text has no counterpart
        #expect(s.currentID == "op2")
        s.press(.char("j"))  // old op3 is new op2
        #expect(ids(s) == ("op3", "op2"))
        s.press(.char("j"))  // its subparagraphs follow
        #expect(ids(s) == ("op3.a", "op2.a"))
        // The counterpart starts on the same screen row as the focused paragraph.
        let g = s.geometry
        let rows = { (v: DocumentView, r: Rect) in s.layouter(v, in: r).visible(from: v.topPosition, height: r.height) }
        let mine = rows(s.view!, g.panes[0]).firstIndex { $0.pos.block == s.view!.current && $0.pos.row == 0 }
        let theirs = rows(s.compare!.other, g.panes[1]).firstIndex { $0.pos.block == s.compare!.other.current && $0.pos.row == 0 }
        #expect(mine != nil && mine == theirs)
        // Tab: the right pane gets the keys, the left follows it.
        s.press(.tab)
        #expect(s.view?.doc == 1)
        s.press(.char("j"))
        #expect(ids(s) == ("op2.b", "op3.b"))
        #expect(s.press(.char("q")) == [.quit])
    }

    @Test func changesAreMarkedAndBracketCJumpsToThem() {
        var s = state(Fixtures.chinese, Self.revised)
        let cmp = s.compare!.comparison
        #expect(cmp.counts[.removed] == 1 && cmp.counts[.added] == 1 && cmp.counts[.changed] == 1)
        s.press(.char("g"), .char("]"), .char("c"))
        #expect(s.currentID == "op2")  // the deleted paragraph (left side)
        s.press(.char("]"), .char("c"))
        #expect(ids(s) == ("op5", "op4"))  // the reworded one
        // Its inserted words are highlighted on the right, its removed ones on the left.
        let grid = render(s)
        let right = s.geometry.panes[1], left = s.geometry.panes[0]
        var added = "", removed = ""
        for r in 0..<grid.height {
            for c in 0..<grid.width where !grid[r, c].isContinuation {
                if grid[r, c].style == s.theme.added && right.contains(row: r, column: c) { added += grid[r, c].text }
                if grid[r, c].style == s.theme.removed && left.contains(row: r, column: c) { removed += grid[r, c].text }
            }
        }
        #expect(added.contains("大力") && added.contains("南南"))
        #expect(removed.contains("国际"))
        s.press(.char("]"), .char("c"))
        let o = s.compare!.other
        #expect(s.models[1].blocks[o.current].id == "op12", "at \(o.current): \(s.models[1].blocks.map { $0.id ?? "-" })")
        s.press(.char("]"), .char("c"))
        #expect(s.message == "No next change")
        s.press(.char("["), .char("c"))
        #expect(ids(s) == ("op5", "op4"))
        // `]` alone still goes to the next heading.
        s.press(.char("g"), .char("]"), .char("j"))
        #expect(s.currentID == "op4")  // the heading stands before op4 in the old text
    }

    @Test func tagsAndNotesGoToTheFocusedDocument() {
        var s = state(Fixtures.chinese, Self.revised)
        s.press(.char("o"), .char("j"), .char("j"))
        #expect(s.press(.char("1")) == [.toggleTag("support", paragraph: "op3", doc: 0)])
        s.press(.tab)
        #expect(s.press(.char("1")) == [.toggleTag("support", paragraph: "op2", doc: 1)])
        s.press(.char("e")); s.type("南南合作"); 
        #expect(s.press(.enter) == [.setNote("南南合作", paragraph: "op2", doc: 1)])
    }

    @Test func reviewMarkShowsAndRClearsIt() {
        let notes = [DocumentNotes(), DocumentNotes(byParagraph: ["op4": ParagraphNote(tags: ["priority"], review: true)])]
        var s = state(Fixtures.chinese, Self.revised, notes: notes)
        s.press(.tab, .char(":")); s.type("op4"); s.press(.enter)
        #expect(s.currentID == "op4")
        let line = s.screenText.split(separator: "\n").first { $0.contains("op4") && $0.contains("●?") }
        #expect(line != nil, "no review mark:\n\(s.screenText)")
        #expect(s.press(.char("R")) == [.clearReview(paragraph: "op4", doc: 1)])
        _ = update(&s, .notesChanged(doc: 1, DocumentNotes(byParagraph: ["op4": ParagraphNote(tags: ["priority"])])))
        #expect(!s.screenText.contains("●?"))
        s.press(.char("R"))
        #expect(s.message == "Nothing to review on op4")
    }

    @Test func languagesLineUpAndEachPaneWrapsItsScript() {
        var s = state(Fixtures.chinese, Fixtures.english, width: 100, height: 30)
        #expect(s.compare?.comparison.mode == .languages)
        s.press(.char("o"), .char("j"))
        #expect(ids(s) == ("op2", "op2"))
        let grid = render(s)
        let g = s.geometry
        // Nothing of either pane crosses the rule between them.
        let rule = g.panes[0].x + g.panes[0].width
        for r in g.panes[0].y..<(g.panes[0].y + g.panes[0].height) { #expect(grid[r, rule].text == "│") }
        // Forced versions mode across languages pairs nothing unchanged.
        let forced = state(Fixtures.chinese, Fixtures.english, mode: .versions)
        #expect(forced.compare?.comparison.mode == .versions)
        #expect((forced.compare?.comparison.counts[.unchanged] ?? 0) == 0)
    }

    @Test func snapshots() {
        var versions = state(Fixtures.chinese, Self.revised, width: 120, height: 30)
        versions.press(.char("o"), .char("]"), .char("c"))
        #expect(snapshotMatches(versions.screenText, "compare-versions-120x30"))
        var languages = state(Fixtures.chinese, Fixtures.english, width: 100, height: 24)
        languages.press(.char("o"), .tab)
        #expect(snapshotMatches(languages.screenText, "compare-languages-100x24"))
        var stacked = state(Fixtures.chinese, Self.revised, width: 60, height: 24)
        stacked.press(.char("o"), .char("j"))
        #expect(snapshotMatches(stacked.screenText, "compare-stacked-60x24"))
    }

    @Test func narrowTerminalStacksThePanes() {
        var s = state(Fixtures.chinese, Self.revised, width: 60, height: 30)
        let g = s.geometry
        #expect(g.panes[0].width == 60 && g.panes[1].width == 60 && g.panes[1].y > g.panes[0].y + g.panes[0].height - 1)
        s.press(.char("o"))
        let grid = render(s)
        for r in 0..<grid.height { #expect(DisplayWidth.of(grid.line(r)) <= 60) }
        #expect(grid.text.components(separatedBy: "op1").count - 1 >= 2)
    }
}

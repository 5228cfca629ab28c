// Keys and mouse through update(); effects are checked, not performed.
@testable import Reader
import ResolutionKit
import Terminal
import Testing

@Suite struct NavigationTests {
    @Test func operativePreambleHeadingsAndEnds() {
        var s = Fixtures.state([Fixtures.chinese])
        s.press(.char("o"))
        #expect(s.currentID == "op1")
        #expect(s.screenText.contains("1. 欢迎并敦促"))
        s.press(.char("p"))
        #expect(s.currentID == "pp1")
        s.press(.char("]"))
        #expect(s.currentID == "h1")
        s.press(.char("["))
        #expect(s.currentID == "h1" || s.currentID == nil)
        s.press(.char("G"))
        #expect(s.screenText.contains("第 14 次全体会议"))
        #expect(s.screenText.contains("(第 12 段)") || s.screenText.contains("（第 12 段）"))
        s.press(.char("g"))
        #expect(s.view?.current == 0)
        s.press(.char("j"), .down)
        #expect(s.view?.current == 2)
        s.press(.char("k"))
        #expect(s.view?.current == 1)
    }

    @Test func pagingMovesTheViewAndTheCurrentParagraph() {
        var s = Fixtures.state([Fixtures.chinese], width: 60, height: 20)
        s.press(.char(" "))
        #expect(s.view!.current > 1)
        #expect(s.view!.top > 0)
        s.press(.char(" "), .char(" "), .char(" "), .char(" "), .char(" "), .char(" "))
        #expect(s.screenText.contains("第 14 次全体会议"))  // stops at the end
        s.press(.pageUp, .pageUp, .pageUp, .pageUp, .pageUp, .pageUp, .pageUp, .pageUp)
        #expect(s.view!.top == 0 && s.view!.topRow == 0)
    }

    @Test func footnotePaneJumpsToCitingParagraphAndBack() {
        var s = Fixtures.state([Fixtures.chinese])
        s.press(.char("p"))
        #expect(s.screenText.contains("见 A/C.2/59/3 和 A/60/687。"))
        #expect(s.screenText.contains("pp1 op2"))
        s.press(.char("f"))
        #expect(s.view?.focus == .footnotes)
        s.press(.char("j"), .enter)
        #expect(s.currentID == "op2")
        s.press(.backspace)
        #expect(s.currentID == "pp1")
    }

    @Test func clickingACitingIdInTheFootnotePaneFollowsIt() {
        var s = Fixtures.state([Fixtures.chinese])
        s.press(.char("p"))
        let grid = render(s)
        let fr = s.geometry.footnotes!
        let row = (fr.y..<fr.y + fr.height).first { grid.line($0).contains("op2") }!
        let line = grid.line(row)
        let col = DisplayWidth.of(String(line[..<line.range(of: "op2")!.lowerBound])) + 1
        _ = update(&s, .input(.mouse(MouseEvent(kind: .click, row: row, column: col))))
        #expect(s.currentID == "op2")
        s.press(.backspace)
        #expect(s.currentID == "pp1")
    }

    @Test func resizeRelaysOutAndKeepsTheParagraph() {
        var s = Fixtures.state([Fixtures.chinese], width: 120, height: 40)
        s.press(.char("o"), .char("j"), .char("j"))
        _ = update(&s, .input(.resize(width: 60, height: 20)))
        #expect(s.currentID == "op3")
        let grid = render(s)
        for r in 0..<grid.height { #expect(DisplayWidth.of(grid.line(r)) <= 60) }
        #expect(grid.text.contains("op3"))
    }

    @Test func mouseClickSelectsAndWheelScrolls() {
        var s = Fixtures.state([Fixtures.chinese])
        let g = s.geometry
        let rows = s.layouter(s.view!).visible(from: s.view!.topPosition, height: g.text.height)
        let target = rows.firstIndex { s.models[0].blocks[$0.pos.block].id == "pp2" }!
        _ = update(&s, .input(.mouse(MouseEvent(kind: .click, row: g.text.y + target, column: g.text.x + 12))))
        #expect(s.currentID == "pp2")
        _ = update(&s, .input(.mouse(MouseEvent(kind: .wheelDown, row: 5, column: 40))))
        #expect(s.view!.top > 0 || s.view!.topRow > 0)
        // A click in the outline jumps there.
        let o = g.outline!
        let opIndex = s.models[0].outline.firstIndex { $0.label.hasPrefix("3.") }!
        _ = update(&s, .input(.mouse(MouseEvent(kind: .click, row: o.y + opIndex, column: 2))))
        #expect(s.currentID == "op3")
    }

    @Test func searchFindsCJKWithoutSpacesAndCountsHits() {
        var s = Fixtures.state([Fixtures.chinese])
        s.press(.char("/"))
        s.type("70/125号决议")
        s.press(.enter)
        #expect(s.search?.hits.count == 2)
        #expect(s.screenText.contains("«70/125号决议» 1/2"))
        s.press(.char("n"))
        #expect(s.search?.index == 1)
        s.press(.char("N"), .char("N"))
        #expect(s.search?.index == 1)
    }

    @Test func referencesOpenTheCitedResolutionAtItsParagraph() {
        var s = Fixtures.state([Fixtures.chinese, Fixtures.cited])
        s.press(.enter, .char("o"))
        #expect(s.screenText.contains("引用 (r): 70/125"))
        s.press(.char("r"))
        #expect(s.screenText.contains("70/125  → 信息社会世界峰会成果文件执行情况全面审查"))
        s.press(.enter)
        #expect(s.view?.doc == 1)
        #expect(s.currentID == "op5")
        s.press(.backspace)
        #expect(s.view?.doc == 0)
        #expect(s.currentID == "op1")
    }

    @Test func libraryOpensAndQGoesBackThenQuits() {
        var s = Fixtures.state([Fixtures.chinese, Fixtures.english])
        #expect(s.view == nil)
        s.press(.char("j"), .enter)
        #expect(s.view?.doc == 1)
        #expect(s.press(.char("q")).isEmpty)
        #expect(s.view == nil)
        #expect(s.press(.char("q")) == [.quit])
        var single = Fixtures.state([Fixtures.chinese])
        #expect(single.press(.char("q")) == [.quit])
    }

    @Test func librarySearchCountsPerDocumentAndOpensAtTheHit() {
        var s = Fixtures.state([Fixtures.english, Fixtures.chinese])
        s.press(.char("/")); s.type("数字鸿沟"); s.press(.enter)
        #expect(s.librarySelection == 1)
        #expect(s.search?.perDocument[1] == 18)
        s.press(.enter)
        #expect(s.view?.doc == 1)
        #expect(s.currentID == "op4")
    }

    @Test func signalAndNoColor() {
        var s = Fixtures.state([Fixtures.chinese], color: false)
        #expect(s.theme.verb.foreground == .standard)
        #expect(update(&s, .input(.signal(15))) == [.quit])
    }
}

@Suite struct AnnotatingTests {
    @Test func tagPromptCompletesAndAddsOrRemoves() {
        var s = Fixtures.state([Fixtures.chinese])
        s.press(.char("o"), .char("t"))
        #expect(s.screenText.contains("4 priority"))
        s.type("pri")
        s.press(.tab)
        #expect(s.screenText.contains("Tag op1: priority"))
        #expect(s.press(.enter) == [.addTags(["priority"], paragraph: "op1", doc: 0)])
        s.press(.char("t")); s.type("-support mine")
        #expect(s.press(.enter) == [.addTags(["mine"], paragraph: "op1", doc: 0), .removeTags(["support"], paragraph: "op1", doc: 0)])
    }

    @Test func numberKeysToggleTheFirstNineTags() {
        var s = Fixtures.state([Fixtures.chinese], notes: [DocumentNotes(byParagraph: ["op9": ParagraphNote(tags: ["zeta"])])])
        s.press(.char("o"))
        #expect(s.press(.char("1")) == [.toggleTag("support", paragraph: "op1", doc: 0)])
        #expect(s.press(.char("7")) == [.toggleTag("zeta", paragraph: "op1", doc: 0)])
        #expect(s.press(.char("9")).isEmpty)
    }

    @Test func noteEditorTakesCJKAndMovesByColumns() {
        var s = Fixtures.state([Fixtures.chinese], width: 60, height: 20)
        s.press(.char("o"), .char("e"))
        s.type("在开幕发言中引用")
        s.press(.left, .left, .backspace)
        s.type("时")
        let grid = render(s)
        #expect(grid.text.contains("Note op1: 在开幕发言时引用"))
        // Cursor after 时: 6 ideographs = 12 columns past the prompt label.
        #expect(grid.cursor?.column == DisplayWidth.of(" Note op1: ") + 12)
        #expect(s.press(.enter) == [.setNote("在开幕发言时引用", paragraph: "op1", doc: 0)])
        s.press(.char("E"))
        #expect(s.press(.char("E")) == [.editNote(paragraph: "op1", doc: 0, current: "")])
    }

    @Test func annotationsShowInTheMarginAndText() {
        var s = Fixtures.state([Fixtures.chinese])
        s.press(.char("o"))
        _ = update(&s, .notesChanged(doc: 0, DocumentNotes(byParagraph: ["op1": ParagraphNote(tags: ["priority"], note: "中文笔记")])))
        let text = s.screenText
        #expect(text.contains("[priority]"))
        #expect(text.contains("✎ 中文笔记"))
    }

    @Test func exportAsksForAFormat() {
        var s = Fixtures.state([Fixtures.chinese, Fixtures.english])
        s.press(.char("x"), .tab, .tab)
        #expect(s.press(.enter) == [.export(format: "csv", docs: [0, 1])])
        s.press(.char("x")); s.type("pdf")
        #expect(s.press(.enter).isEmpty)
        #expect(s.message?.contains("Unknown format") == true)
    }
}

@Suite struct DraftedAmendmentTests {
    @Test func theFourForms() {
        #expect(DraftedAmendment.parse("takes note of => welcomes") == DraftedAmendment(action: .replace, target: "takes note of", text: "welcomes"))
        #expect(DraftedAmendment.parse("-also") == DraftedAmendment(action: .delete, target: "also", text: nil))
        #expect(DraftedAmendment.parse("States +> and regional organizations") ==
                DraftedAmendment(action: .insertAfter, target: "States", text: "and regional organizations"))
        #expect(DraftedAmendment.parse("+ Noting the report,") == DraftedAmendment(action: .newParagraph, target: nil, text: "Noting the report,"))
        for bad in ["", "=>", "a =>", "=> b", "-", "+", "just words"] { #expect(DraftedAmendment.parse(bad) == nil, "\(bad)") }
    }
}

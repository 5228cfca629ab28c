// Visual mode (UpdateVisual.swift) driven purely: keys in, selection, effects and screen out.
@testable import Reader
import ResolutionKit
import Terminal
import Testing

@Suite struct VisualModeTests {
    func selected(_ s: ReaderState) -> String? {
        guard let sel = s.visual else { return nil }
        let b = s.models[sel.doc].blocks[sel.block].scalars
        return String(String.UnicodeScalarView(b[sel.range]))
    }

    @Test func wordMotionsInEnglish() {
        var s = Fixtures.state([Fixtures.english], width: 100, height: 30)
        s.press(.char("o"), .char("v"))
        #expect(selected(s) == "U")  // the first letter of the paragraph's words, after "1. "
        s.press(.char("e"))
        #expect(selected(s) == "Urges")
        s.press(.char("w"), .char("w"))
        #expect(selected(s) == "Urges all s")
        s.press(.char("e"))
        #expect(selected(s) == "Urges all stakeholders")
        s.press(.char("b"))
        #expect(selected(s) == "Urges all s")
        s.press(.char("h"), .char("h"))
        #expect(selected(s) == "Urges all")
        s.press(.char("$"))
        #expect(selected(s)?.hasSuffix("supercalifragilisticexpialidociousnesses;") == true)
        s.press(.char("0"))
        #expect(selected(s) == "U")
        // Motions do not leave the paragraph, and j is not a motion: the paragraph stays.
        s.press(.char("j"))
        #expect(s.view?.current == s.visual?.block)
        s.press(.escape)
        #expect(s.visual == nil)
        let before = s.view?.current
        s.press(.char("j"))
        #expect(s.view?.current == (before ?? 0) + 1)
    }

    @Test func cjkMovesByCharacter() {
        var s = Fixtures.state([Fixtures.chinese], width: 100, height: 30)
        s.press(.char("o"), .char("v"))
        #expect(selected(s) == "欢")
        s.press(.char("w"), .char("w"), .char("w"))
        #expect(selected(s) == "欢迎并敦")
        s.press(.char("l"))
        #expect(selected(s) == "欢迎并敦促")
        s.press(.char("b"))
        #expect(selected(s) == "欢迎并敦")
    }

    @Test func numberKeyTagsTheSelectionAndStoresItsWords() {
        var s = Fixtures.state([Fixtures.english], width: 100, height: 30)
        s.press(.char("o"), .char("v"), .char("w"), .char("e"))
        #expect(s.press(.char("1")) == [.toggleTag("support", paragraph: "op1", doc: 0),
                                        .setQuote("Urges all", occurrence: 1, paragraph: "op1", doc: 0)])
        #expect(s.visual == nil)
        // Removing a tag leaves the quote alone.
        s.notes[0].byParagraph["op1"] = ParagraphNote(tags: ["support"])
        s.press(.char("v"), .char("e"))
        #expect(s.press(.char("1")) == [.toggleTag("support", paragraph: "op1", doc: 0)])
    }

    @Test func aSearchMatchIsTheSelectionAndItsOccurrenceIsKept() {
        // 第 occurs twice in op1 (大会第 70/125 号决议第 5 段); the second match is selected.
        var s = Fixtures.state([Fixtures.chinese], width: 100, height: 30)
        s.press(.char("o"), .char("/"))
        s.type("第")
        s.press(.enter)
        s.press(.char("n"))
        #expect(s.view?.current == s.models[0].blockByID["op1"])
        s.press(.char("v"))
        #expect(selected(s) == "第")
        s.press(.char("n"))
        guard case .prompt(let p) = s.overlay else { Issue.record("no note prompt"); return }
        #expect(p.kind == .note && p.quote == "第" && p.occurrence == 2)
        s.type("重点")
        #expect(s.press(.enter) == [.setNote("重点", paragraph: "op1", doc: 0),
                                    .setQuote("第", occurrence: 2, paragraph: "op1", doc: 0)])
    }

    @Test func tagPromptAndAmendmentOnTheSelection() {
        var s = Fixtures.state([Fixtures.english], width: 100, height: 30)
        s.press(.char("o"), .char("v"), .char("w"), .char("w"), .char("e"), .char("t"))
        guard case .prompt(let p) = s.overlay else { Issue.record("no tag prompt"); return }
        #expect(p.kind == .tag && p.quote == "Urges all stakeholders")
        s.type("priority")
        #expect(s.press(.enter) == [.addTags(["priority"], paragraph: "op1", doc: 0),
                                    .setQuote("Urges all stakeholders", occurrence: 1, paragraph: "op1", doc: 0)])
        s.press(.char("v"), .char("e"), .char("a"))
        guard case .prompt(let a) = s.overlay else { Issue.record("no amendment prompt"); return }
        #expect(a.kind == .amend && a.editor.text == "Urges => ")
        s.type("Calls upon")
        let effects = s.press(.enter)
        #expect(effects == [.amend(DraftedAmendment(action: .replace, target: "Urges", text: "Calls upon"), paragraph: "op1", doc: 0)])
    }

    @Test func selectionAndQuotesAreDrawnHighlighted() {
        let notes = DocumentNotes(byParagraph: ["op2": ParagraphNote(tags: ["support"], quotes: [QuotedWords(exact: "利益攸关方")])])
        var s = Fixtures.state([Fixtures.chinese], width: 80, height: 24, notes: [notes])
        s.press(.char("o"), .char("v"), .char("w"), .char("w"))
        let grid = render(s)
        func styles(of text: String) -> [Style] {
            for r in 0..<grid.height {
                let line = grid.line(r)
                guard let at = line.range(of: text) else { continue }
                let startCol = DisplayWidth.of(String(line[..<at.lowerBound]))
                return (0..<DisplayWidth.of(text)).map { grid[r, startCol + $0].style }.enumerated()
                    .filter { $0.offset % 2 == 0 }.map(\.element)
            }
            return []
        }
        #expect(styles(of: "欢迎并") == Array(repeating: s.theme.selection, count: 3))
        #expect(styles(of: "敦促").allSatisfy { $0 != s.theme.selection })
        #expect(styles(of: "利益攸关方") == Array(repeating: s.theme.quote, count: 5))
        #expect(grid.line(grid.height - 1).contains("VISUAL"))
    }
}

// Whole screens rendered without a terminal, compared with reviewed text files in Snapshots/.
@testable import Reader
import ResolutionKit
import Terminal
import Testing

@Suite struct SnapshotTests {
    static let sizes = [(80, 24), (120, 40), (60, 20)]

    func checkFits(_ grid: CellGrid) {
        for r in 0..<grid.height {
            #expect(DisplayWidth.of(grid.line(r)) <= grid.width, "row \(r) wider than \(grid.width)")
        }
    }

    @Test(arguments: sizes)
    func chineseDocument(width: Int, height: Int) {
        var s = Fixtures.state([Fixtures.chinese], width: width, height: height,
                               notes: [DocumentNotes(byParagraph: ["op2": ParagraphNote(tags: ["priority", "support"], note: "在开幕发言中引用。")])])
        s.press(.char("p"))  // pp1, which cites footnote 1
        let grid = render(s)
        checkFits(grid)
        #expect(grid.text.contains("回顾信息社会世界峰会成果文件，¹"))
        #expect(grid.text.contains("见 A/C.2/59/3 和 A/60/687。"))
        #expect(snapshotMatches(grid.text, "zh-document-\(width)x\(height)"))
        s.press(.char("o"), .char("j"))
        #expect(snapshotMatches(render(s).text, "zh-operative-\(width)x\(height)"))
    }

    @Test(arguments: sizes)
    func englishDocument(width: Int, height: Int) {
        var s = Fixtures.state([Fixtures.english], width: width, height: height, color: false)
        s.press(.char("o"))
        let grid = render(s)
        checkFits(grid)
        #expect(grid.text.contains("1. Urges"))
        #expect(snapshotMatches(grid.text, "en-operative-\(width)x\(height)"))
    }

    @Test(arguments: sizes)
    func library(width: Int, height: Int) {
        let s = Fixtures.state([Fixtures.chinese, Fixtures.english, Fixtures.cited], width: width, height: height,
                               notes: [DocumentNotes(byParagraph: ["op1": ParagraphNote(tags: ["support"])]), DocumentNotes(), DocumentNotes()])
        let grid = render(s)
        checkFits(grid)
        #expect(grid.text.contains("70/125"))
        #expect(snapshotMatches(grid.text, "library-\(width)x\(height)"))
    }

    @Test func helpListsEveryKeyOfTheSpec() {
        var s = Fixtures.state([Fixtures.chinese], width: 120, height: 40)
        s.press(.char("?"))
        let text = s.screenText
        for key in ["j k", "Space", "PgDn", "b PgUp", "g G", "Tab", "Enter", "p ", "o ", "[ ]", "f ", "r ", "/ ", "n N",
                    "t ", "1–9", "e ", "E ", "x ", "? ", "q ", "mouse"] {
            #expect(text.contains(key), "help lacks \(key)")
        }
        #expect(snapshotMatches(text, "help-120x40"))
    }

    @Test func unparsedTextOpensAndControlCharactersAreShownAsPlaceholders() {
        let doc = ResolutionDocument(source: SourceInfo(path: "x.txt", sha256: "", encoding: "utf-8"), language: "en",
                                     other: [OtherText(text: "Not a resolution \u{1B}[2J\u{1B}]0;pwned\u{7} at all", after: nil)])
        var s = Fixtures.state([doc])
        s.press(.char("j"), .char("o"), .char("G"), .char("t"), .char("f"))
        let grid = render(s)
        #expect(grid.text.contains("Not a resolution ␛[2J␛]0;pwned␇ at all"))
        #expect(!grid.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test func tooSmallTerminalShowsAMessage() {
        let s = Fixtures.state([Fixtures.chinese], width: 30, height: 8)
        #expect(s.screenText.contains("Terminal too small"))
        var t = s
        _ = update(&t, .input(.resize(width: 80, height: 24)))
        #expect(!t.screenText.contains("too small"))
    }
}

import Foundation
import ResolutionKit
import Testing
@testable import Annotations

@Suite struct SearchTests {
    let zh = Fixture.document(
        path: "/docs/zh.txt",
        preamble: ["回顾大会关于弥合数字鸿沟的第 70/125 号决议，"],
        operative: ["关切地注意到巨大的数字鸿沟仍然存在，诸如国与国之间和国家内部的数字鸿沟；", "欢迎 2005 年以来的进展；", "决定继续审议这一问题。"],
        footnotes: ["见 A/C.2/59/3 关于数字鸿沟的报告。"], language: "zh")

    @Test func chineseNeedsNoWordBoundaries() {
        let hits = TextSearch.search("数字鸿沟", in: [(zh, nil)])
        #expect(hits.map(\.paragraph) == ["pp1", "op1", "fn1"])
        #expect(hits.map(\.kind) == ["preambular", "operative", "footnote"])
        let op1 = hits[1]
        #expect(op1.count == 2 && op1.file == "/docs/zh.txt")
        #expect(op1.snippet == "关切地注意到巨大的«数字鸿沟»仍然存在，诸如国与国之间和国家内部的«数字鸿沟»；")
        #expect(op1.offset == 9)
    }

    @Test func spacesAroundNumbersDoNotMatterInCJK() {
        #expect(TextSearch.search("2005年", in: [(zh, nil)]).map(\.paragraph) == ["op2"])
        #expect(TextSearch.search("70/125号", in: [(zh, nil)]).map(\.paragraph) == ["pp1"])
    }

    @Test func latinIsCaseInsensitiveAndRespectsSpaces() {
        let en = Fixture.sample(in: "/docs")
        #expect(TextSearch.search("DIGITAL divide", in: [(en, nil)]).map(\.paragraph) == ["pp2", "op1"])
        #expect(TextSearch.search("digitaldivide", in: [(en, nil)]).isEmpty)
        #expect(TextSearch.search("national statistics", in: [(en, nil)]).map(\.kind) == ["subparagraph"])
        #expect(TextSearch.search("   ", in: [(en, nil)]).isEmpty)
        let long = TextSearch.search("high-level", in: [(en, nil)])[0].snippet
        #expect(long.contains("«high-level»"))
    }

    @Test func notesAndOrphanedNotesAreSearchedAcrossDocuments() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let en = Fixture.sample(in: dir)
        let snapshot = SidecarSnapshot(
            annotations: [Annotation(paragraph: "op2", anchor: Anchor(exact: Fixture.operative[1]), note: "关于数字鸿沟的立场")],
            orphans: [Annotation(paragraph: "op9", anchor: Anchor(exact: "gone"), note: "Old digital divide note")])
        let hits = TextSearch.search("数字鸿沟", in: [(en, snapshot), (zh, nil)])
        #expect(hits.map { "\($0.file)#\($0.paragraph):\($0.kind)" } == [
            dir + "/res.txt#op2:note", "/docs/zh.txt#pp1:preambular", "/docs/zh.txt#op1:operative", "/docs/zh.txt#fn1:footnote",
        ])
        let orphan = TextSearch.search("digital divide note", in: [(en, snapshot)])
        #expect(orphan.map(\.kind) == ["orphan-note"])
        // Hits encode for --json.
        let data = try JSONEncoder().encode(hits)
        #expect(try JSONDecoder().decode([SearchHit].self, from: data) == hits)
    }
}

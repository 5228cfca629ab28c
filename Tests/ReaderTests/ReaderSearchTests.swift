// The reader's `/` uses the same matcher as `reso search` (ResolutionKit's SearchPattern):
// Unicode case and width folding, CJK without word breaks, and every block searched, the
// preface, the closing lines and the text the parser could not place included.
@testable import Reader
import ResolutionKit
import Testing

@Suite struct ReaderSearchTests {
    static let russian = ResolutionDocument(
        source: SourceInfo(path: "ru.txt", sha256: "", encoding: "utf-8"), language: "ru",
        meta: DocumentMeta(symbol: "S/RES/2532 (2020)", status: .adopted),
        preface: ["Резолюция 2532 (2020)", "принятая Советом Безопасности на его 8747-м заседании"],
        preamble: [Paragraph(id: "pp1", kind: .preambular, index: 1, lead: "Ссылаясь", text: "Ссылаясь на доклад ＡＢＣ１ Генерального секретаря,")],
        operative: [Paragraph(id: "op1", kind: .operative, index: 1, number: 1, lead: "требует",
                              text: "требует, чтобы все стороны немедленно прекратили боевые действия;"),
                    Paragraph(id: "op2", kind: .operative, index: 2, number: 2, lead: "постановляет",
                              text: "постановляет продолжать активно заниматься этим вопросом; СОВЕТ")],
        closing: Closing(lines: ["1 июля 2020 года"]),
        other: [OtherText(text: "Приложение: совет экспертов", after: "op1")])

    func matched(_ s: ReaderState, _ query: String) -> [String] {
        s.hits(of: query, in: 0).map { hit in
            String(String.UnicodeScalarView(s.models[0].blocks[hit.block].scalars[hit.range]))
        }
    }

    @Test func caseAndWidthFoldInEveryBlockKind() {
        let s = Fixtures.state([Self.russian])
        // Preface, unplaced text and the operative part, in reading order.
        #expect(matched(s, "совет") == ["Совет", "совет", "СОВЕТ"])
        #expect(s.hits(of: "совет", in: 0).map { s.models[0].blocks[$0.block].kind } == [.preface, .other, .paragraph])
        #expect(matched(s, "abc1") == ["ＡＢＣ１"])
        #expect(matched(s, "ИЮЛЯ 2020") == ["июля 2020"])              // the closing lines
        #expect(matched(s, "боевыедействия").isEmpty)                  // Cyrillic keeps its spaces
    }

    @Test func chineseStillNeedsNoSpaces() {
        let s = Fixtures.state([Fixtures.chinese])
        #expect(matched(s, "2020年7月22日") == ["2020 年 7 月 22 日"])   // the closing line
        #expect(matched(s, "第14次全体会议") == ["第 14 次全体会议"])
    }
}

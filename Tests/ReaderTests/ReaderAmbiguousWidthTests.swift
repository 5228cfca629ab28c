// `--ambiguous-wide` in the reader: wrapping and painting count East Asian Ambiguous
// characters as two columns, so no row overflows a terminal that draws them wide.
@testable import Reader
import ResolutionKit
import Terminal
import Testing

@Suite struct ReaderAmbiguousWidthTests {
    static let russian: ResolutionDocument = {
        let ops = (1...3).map { n in
            Paragraph(id: "op\(n)", kind: .operative, index: n, number: n, lead: "постановляет",
                      text: "постановляет, что Смешанная операция Африканского союза — Организации Объединенных Наций в Дарфуре сохраняет нынешнюю предельную численность до 31 мая 2020 года (§ \(n));")
        }
        return ResolutionDocument(source: SourceInfo(path: "ru.txt", sha256: "", encoding: "utf-8"), language: "ru",
                                  meta: DocumentMeta(body: "Совет Безопасности", symbol: "S/RES/2517 (2020)", title: "Резолюция 2517 (2020)"),
                                  operative: ops)
    }()

    @Test func rowsWrapShorterAndFitWhenAmbiguousIsWide() {
        let narrow = Fixtures.state([Self.russian], width: 60, height: 30)
        let wide = Fixtures.state([Self.russian], width: 60, height: 30)
        wide.models[0].ambiguousWide = true
        let a = render(narrow), b = render(wide)
        let op1 = narrow.models[0].blockByID["op1"]!
        let contentWidth = narrow.geometry.contentWidth
        #expect(wide.models[0].lines(op1, width: contentWidth).count > narrow.models[0].lines(op1, width: contentWidth).count)
        // Drawn with wide cells, every row still fits the screen.
        for r in 0..<b.height {
            var cols = 0
            for c in 0..<b.width { cols += Int(b[r, c].width) }
            #expect(cols <= b.width)
        }
        #expect(a.text != b.text)
        // Cyrillic letters take two cells each when wide.
        let row = (1..<b.height - 1).first { b.line($0).contains("op1") }!
        #expect((0..<b.width).contains { b[row, $0].text == "п" && b[row, $0].width == 2 })
    }
}

import Foundation
import Testing
@testable import ResolutionKit

/// Chinese pages where the typesetter set room between Chinese characters and Latin letters
/// or digits (Word's and LibreOffice's autospace). The UN's Chinese text writes them
/// together (`延长至2021年`), and so does the Word file of the same resolution; poppler read
/// the room as spaces (`延长至 2021 年`): 338 of the 999 paragraphs of the typeset Chinese PDFs
/// differed from the Word file's by those spaces alone.
@Suite struct PDFLatinAutospaceTests {
    typealias Line = PDFGeometryTests.Line
    /// A fragment at `left`, `width` pixels wide, in a 20-pixel face.
    static func piece(_ left: Int, _ width: Int, _ text: String) -> (left: Int, width: Int, text: String, size: Int, height: Int) {
        PDFGeometryTests.piece(left, width, text)
    }

    static let opening = "安全理事会，"

    /// The room between fragments, a quarter of an em (5 of 20 pixels), is no space; half an
    /// em or more is one typed besides.
    @Test func aQuarterEmBetweenFragmentsIsNoSpace() throws {
        let lines = [
            Line(top: 100, pieces: [Self.piece(100, 120, Self.opening)]),
            Line(top: 140, pieces: [Self.piece(100, 60, "决定延长至"), Self.piece(165, 40, "2021"), Self.piece(210, 20, "年"),
                                    Self.piece(235, 20, "3"), Self.piece(260, 60, "月底；")]),
            Line(top: 180, pieces: [Self.piece(100, 60, "请秘书长于"), Self.piece(172, 40, "2021"), Self.piece(224, 60, "年报告；")]),
        ]
        let blocks = try PDFGeometryTests.blocks(lines, language: "zh")
        #expect(blocks.contains { $0.contains("决定延长至2021年3月底；") }, "\(blocks)")
        #expect(blocks.contains { $0.contains("请秘书长于 2021 年报告；") }, "\(blocks)")
    }

    /// Spaces poppler wrote inside its fragments: where a fifth of the document's pairs or
    /// more stand apart, the producer set the room, and none of them is a space.
    @Test func aDocumentWhosePairsStandApartLosesTheSpaces() throws {
        var lines = [Line(top: 100, pieces: [Self.piece(100, 120, Self.opening)])]
        for k in 0..<6 {
            lines.append(Line(top: 140 + 40 * k, pieces: [Self.piece(100, 400, "\(k + 1). 决定将任务期限延长至 202\(k) 年 3 月 31 日；")]))
        }
        let blocks = try PDFGeometryTests.blocks(lines, language: "zh")
        #expect(blocks.contains { $0.contains("决定将任务期限延长至2023年3月31日；") }, "\(blocks)")
        #expect(!blocks.contains { $0.contains(" 年") }, "\(blocks)")
    }

    /// A document whose pairs stand together keeps the one space typed between a Chinese
    /// character and a number.
    @Test func aDocumentWhosePairsStandTogetherKeepsItsSpace() throws {
        var lines = [Line(top: 100, pieces: [Self.piece(100, 120, Self.opening)])]
        for k in 0..<6 {
            lines.append(Line(top: 140 + 40 * k, pieces: [Self.piece(100, 400, "\(k + 1). 决定将任务期限延长至202\(k)年3月31日；")]))
        }
        lines.append(Line(top: 400, pieces: [Self.piece(100, 400, "7. 回顾2020年1月13日 8701 次会议；")]))
        let blocks = try PDFGeometryTests.blocks(lines, language: "zh")
        #expect(blocks.contains { $0.contains("1月13日 8701 次会议") }, "\(blocks)")
        #expect(blocks.contains { $0.contains("延长至2023年3月31日") }, "\(blocks)")
    }

    /// The typeset Chinese PDFs (LibreOffice, with the room) read as their Word files do.
    @Test func typesetChinesePDFsReadAsTheirWordFiles() throws {
        let dir = Fixtures.root.appendingPathComponent("Tests/Fixtures/typeset/zh").path
        let names = try #require(try? FileManager.default.contentsOfDirectory(atPath: dir)).filter { $0.hasSuffix(".pdf") }.sorted()
        try #require(names.count >= 5)
        var same = 0, all = 0, spaced = 0
        for name in names {
            let pdf = try ResolutionDocument.load(path: dir + "/" + name)
            let word = try ResolutionDocument.load(path: dir + "/" + name.replacingOccurrences(of: ".pdf", with: ".docx"))
            let a = (pdf.preamble + pdf.operative).map(\.text), b = (word.preamble + word.operative).map(\.text)
            guard a.count == b.count else { continue }
            for (x, y) in zip(a, b) {
                all += 1
                if x == y { same += 1 } else if x.replacingOccurrences(of: " ", with: "") == y.replacingOccurrences(of: " ", with: "") { spaced += 1 }
            }
        }
        // Before: 47 of these 113 differed from the Word file's by spaces only.
        #expect(all > 100)
        #expect(Double(same) >= 0.95 * Double(all), "\(same) of \(all) paragraphs as the Word file's; \(spaced) differ by spaces only")
    }
}

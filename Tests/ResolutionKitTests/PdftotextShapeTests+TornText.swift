import Testing
@testable import ResolutionKit

/// Ways pdftotext's default text misstates a page: lines whose columns do not say how full
/// they were (Chinese), and marks and words torn from their places (Arabic).
extension PdftotextShapeTests {
    /// Chinese text with no indentation left: a digit run (`2020 年 8 月`) counts for more
    /// columns than it took on the page, so the widest lines are those with digits, and a
    /// paragraph's first line, justified to the measure less the lost indent, looked short.
    /// Its paragraph goes on (`…解决办法，` / `以期毫不拖延…`), where a short line ends one.
    @Test func aChineseFirstLineFullLessItsLostIndentGoesOn() throws {
        let doc = try Fixtures.pdftotextShape("first-lines-set-in-digits-widen-lines.zh.txt")
        let urging = try #require(doc.preamble.first { $0.text.hasPrefix("促请相关各方加紧努力") })
        #expect(urging.text.hasSuffix("以期毫不拖延地全面执行第 1701(2006)号决议所有规定，"), "\(urging.text)")
        #expect(!doc.preamble.contains { $0.text.hasPrefix("以期") || $0.text.hasPrefix("回顾黎巴嫩政府对黎巴嫩所有领土") })
        // The truth of this resolution: 35 preambular paragraphs, operative 1 to 31.
        #expect(doc.preamble.count == 35)
        #expect(doc.operative.map(\.number) == Array(1...31))
    }
}

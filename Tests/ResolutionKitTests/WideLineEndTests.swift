import Foundation
import Testing
@testable import ResolutionKit

/// Justified CJK lines hold the same number of characters; a line one character short
/// either ended its paragraph or had a character carried down by kinsoku (a line may not
/// open with `，` or close with `（`).
@Suite struct WideLineEndTests {
    static let full = "安全理事会决定延长联合国部队的任务期限并请秘书长提交报"

    static func layout(_ lines: [String]) -> (TextLayout, [SourceLine]) {
        var pieces = [lines.joined(separator: "\n") + "\n"]
        let split = LineSplitter.split(taking: &pieces)
        return (TextLayout.of(split), split)
    }

    @Test func aClauseEndingACharacterShortBeforeAnIdeographEndsItsParagraph() {
        let short = String(Self.full.dropLast(2)) + "，"
        let (layout, lines) = Self.layout([Self.full, Self.full, short, "回顾其以往关于塞浦路斯的各项决议，", Self.full, Self.full])
        #expect(layout.endsEarly(lines[2], before: lines[3].text))
        // The character after the next line's first is `，`: kinsoku carried the first one
        // down, and the paragraph goes on.
        #expect(!layout.endsEarly(lines[2], before: "告，请秘书长".unicodeScalars))
        // A line a character short that stops mid-clause was carried down too.
        let open = String(Self.full.dropLast(1))
        #expect(!layout.endsEarly(Self.layout([Self.full, Self.full, open, Self.full]).1[2], before: "回顾".unicodeScalars))
    }

    /// A pdftotext text whose paragraph ends one character short of the measure with a
    /// comma (`…以确保效率和成效，`), the next opening on the next line (`呼应秘书长…`).
    @Test func theParagraphAfterALineACharacterShortIsFound() throws {
        let doc = try Fixtures.pdftotextShape("clause-ends-a-character-short.zh.txt")
        let echo = try #require(doc.preamble.firstIndex { $0.text.hasPrefix("呼应秘书长") })
        #expect(echo > 0 && doc.preamble[echo - 1].text.hasSuffix("以确保效率和成效，"))
    }

    /// A pdftotext text whose paragraph fills its line to a comma, the next paragraph's
    /// opener on the next line: that line runs on yet stops short of the measure by the
    /// set-in of first lines, and opens. An opener after a full line's comma whose line
    /// fills the measure goes on inside its paragraph.
    @Test func aSetInLineAfterAFullLineOpensItsParagraph() throws {
        let doc = try Fixtures.pdftotextShape("first-line-set-in-after-a-full-line.zh.txt")
        let welcome = try #require(doc.preamble.firstIndex { $0.text.hasPrefix("欢迎利比亚和区域内正在进行的经济对话") })
        #expect(welcome > 0 && doc.preamble[welcome - 1].text.hasSuffix("需继续由国家石油公司独家控制，"))
        #expect(!doc.preamble.contains { $0.text.hasPrefix("着重指出协调一致强化努力") })
        #expect(doc.preamble.contains { $0.text.contains("欧洲联盟的重要作用，着重指出协调一致强化努力的重要性") })
    }
}

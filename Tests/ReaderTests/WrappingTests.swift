import ResolutionKit
import Testing

@Suite struct DisplayWidthTests {
    @Test func widths() {
        #expect(DisplayWidth.of("a" as Unicode.Scalar) == 1)
        #expect(DisplayWidth.of("中" as Unicode.Scalar) == 2)
        #expect(DisplayWidth.of("，" as Unicode.Scalar) == 2)
        #expect(DisplayWidth.of("Ａ" as Unicode.Scalar) == 2)  // fullwidth
        #expect(DisplayWidth.of("\u{301}" as Unicode.Scalar) == 0)  // combining acute
        #expect(DisplayWidth.of("\u{200B}" as Unicode.Scalar) == 0)  // zero width space
        #expect(DisplayWidth.of("“" as Unicode.Scalar) == 1)  // ambiguous: narrow like glibc
        #expect(DisplayWidth.of("\u{1B}" as Unicode.Scalar) == 1)  // control: placeholder
        #expect(DisplayWidth.of("한" as Unicode.Scalar) == 2)
        #expect(DisplayWidth.of("𠀀" as Unicode.Scalar) == 2)  // ext B
        #expect(DisplayWidth.of("中文 ok") == 7)
        #expect(DisplayWidth.of("e\u{301}") == 1)
    }
}

@Suite struct LineWrapperTests {
    let closers = Set("，。；：、）》」’”!?,.;:".unicodeScalars)
    let openers = Set("（《「‘“".unicodeScalars)

    func check(_ lines: [String], width: Int) {
        for (i, l) in lines.enumerated() {
            #expect(DisplayWidth.of(l) <= width, "line too wide: \(l)")
            if i > 0, let f = l.unicodeScalars.first { #expect(!closers.contains(f), "line starts with closer: \(l)") }
            if i < lines.count - 1, let e = l.unicodeScalars.last { #expect(!openers.contains(e), "line ends with opener: \(l)") }
        }
    }

    @Test func chineseBreaksBetweenIdeographsWithKinsoku() {
        let text = "回顾大会 2015 年 9 月 25 日题为“变革我们的世界：2030 年可持续发展议程”的第 70/1 号决议，又回顾《联合国宪章》的宗旨和原则，（包括最不发达国家）。"
        for w in [6, 7, 10, 11, 20, 21, 39, 40] {
            let lines = LineWrapper.wrap(text, width: w)
            check(lines, width: w)
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
        }
    }

    @Test func closerIsCarriedWithPreviousCharacter() {
        // 5 ideographs fill 10 columns; the comma must not start the next line.
        #expect(LineWrapper.wrap("一二三四五，六七", width: 10) == ["一二三四", "五，六七"])
        // An opening bracket moves down with what it opens.
        #expect(LineWrapper.wrap("一二三四《五六》", width: 10) == ["一二三四", "《五六》"])
    }

    @Test func latinWrapsAtSpacesAndSplitsLongWords() {
        #expect(LineWrapper.wrap("Recalling its resolution 70/125 of 16 December", width: 16)
            == ["Recalling its", "resolution", "70/125 of 16", "December"])
        #expect(LineWrapper.wrap("abcdefghijklmnop", width: 6) == ["abcdef", "ghijkl", "mnop"])
        #expect(LineWrapper.wrap("", width: 10) == [""])
        #expect(LineWrapper.wrap("a\nb", width: 10) == ["a", "b"])
    }

    @Test func combiningMarksStayWithTheirBase() {
        let lines = LineWrapper.wrap("e\u{301}e\u{301}e\u{301}e\u{301}", width: 3)
        #expect(lines == ["e\u{301}e\u{301}e\u{301}", "e\u{301}"])
    }
}

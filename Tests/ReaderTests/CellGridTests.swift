@testable import Reader
import ResolutionKit
import Terminal
import Testing

@Suite struct CellGridTests {
    @Test func wideGlyphIsNeverSplitAtTheRightEdge() {
        var g = CellGrid(width: 5, height: 1)
        g.text("ab中文", row: 0, column: 0, style: .plain)
        #expect(g.line(0) == "ab中")  // 文 would need columns 4–5
        #expect(g[0, 3].isContinuation)
        #expect(!g[0, 4].isContinuation)
    }

    @Test func overwritingHalfAWideGlyphBlanksTheOtherHalf() {
        var g = CellGrid(width: 6, height: 1)
        g.text("中文", row: 0, column: 0, style: .plain)
        g.text("x", row: 0, column: 1, style: .plain)
        #expect(g.line(0) == " x文")
    }

    @Test func controlCharactersBecomePlaceholders() {
        var g = CellGrid(width: 20, height: 1)
        g.text("a\u{1B}[31mb\u{7}\u{7F}\u{85}", row: 0, column: 0, style: .plain)
        #expect(g.line(0) == "a␛[31mb␇␡\u{FFFD}")
        #expect(!g.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) } })
    }

    /// U+202E would show "txt.exe" as "exe.txt" on a terminal that implements bidi.
    @Test func bidiControlsBecomePlaceholders() {
        var g = CellGrid(width: 30, height: 1)
        g.text("a\u{202E}exe.txt\u{202C} \u{2067}b\u{2069}\u{200F}c", row: 0, column: 0, style: .plain)
        #expect(g.line(0) == "a\u{FFFD}exe.txt\u{FFFD} \u{FFFD}b\u{FFFD}\u{FFFD}c")
        let bidi: ClosedRange<UInt32> = 0x202A...0x202E
        #expect(!g.cells.contains { $0.text.unicodeScalars.contains { bidi.contains($0.value) || $0.value == 0x2067 } })
    }

    /// The grid's table and ResolutionKit's (which every reso command prints through) are two
    /// copies only because Terminal cannot import ResolutionKit: they must agree on every scalar,
    /// and so must the byte-level check used for large outputs.
    @Test func theThreePlaceholderChecksAgreeOnEveryScalar() {
        var disagreements: [UInt32] = []
        for v in UInt32(0)...0x10FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            let sanitizer = Sanitizer.placeholder(for: s)
            if CellGrid.placeholder(for: s) != sanitizer { disagreements.append(v) }
            let layout = s == "\n" || s == "\t" || s == "\r"
            let bytes = Array(String(s).utf8)
            let safe = bytes.withUnsafeBufferPointer(Sanitizer.isSafe(utf8:))
            if safe != (sanitizer == nil || layout) { disagreements.append(v) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10).map { String($0, radix: 16) })")
        #expect(Sanitizer.placeholder(for: "\u{202E}") != nil && Sanitizer.placeholder(for: "\u{1B}") == "␛")
    }

    @Test func combiningMarkJoinsPreviousCell() {
        var g = CellGrid(width: 4, height: 1)
        g.text("e\u{301}x", row: 0, column: 0, style: .plain)
        #expect(g[0, 0].text == "e\u{301}")
        #expect(g[0, 1].text == "x")
    }
}

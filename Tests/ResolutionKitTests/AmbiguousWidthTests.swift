// East Asian Ambiguous characters (§ ° ± “ ”, Greek, Cyrillic): one column by default, two
// with `--ambiguous-wide` / `ambiguous_wide = true`, in measuring and in wrapping.
import Foundation
import ResolutionKit
import Testing

@Suite struct AmbiguousWidthTests {
    @Test func ambiguousScalarsCountTwoOnlyWhenAsked() {
        for s in ["§", "°", "±", "×", "“", "”", "α", "Ж", "ё", "€"] as [Unicode.Scalar] {
            #expect(DisplayWidth.of(s) == 1, "\(s)")
            #expect(DisplayWidth.of(s, ambiguousWide: true) == 2, "\(s)")
        }
        // Narrow and wide scalars are not ambiguous: the setting leaves them alone.
        for s in ["a", "7", " ", "ب", "ك"] as [Unicode.Scalar] { #expect(DisplayWidth.of(s, ambiguousWide: true) == 1, "\(s)") }
        #expect(DisplayWidth.of("中" as Unicode.Scalar, ambiguousWide: true) == 2)
        #expect(DisplayWidth.of("\u{301}" as Unicode.Scalar, ambiguousWide: true) == 0)  // a combining mark stays 0
        #expect(DisplayWidth.of("§ 3", ambiguousWide: true) == 4)
    }

    @Test func aLineWithAmbiguousCharactersWrapsDifferently() {
        // A Russian paragraph of the corpus style: every Cyrillic letter is ambiguous.
        let text = "ссылаясь на пункт 3 § 2 своей резолюции 2517 (2020) от 30 марта 2020 года, подтверждает свою приверженность"
        let narrow = LineWrapper.wrap(text, width: 40)
        let wide = LineWrapper.wrap(text, width: 40, ambiguousWide: true)
        #expect(narrow != wide)
        #expect(wide.count > narrow.count)
        for l in narrow { #expect(DisplayWidth.of(l) <= 40) }
        for l in wide { #expect(DisplayWidth.of(l, ambiguousWide: true) <= 40, "\(l)") }
        // Some narrow line would overflow a terminal that draws these characters wide.
        #expect(narrow.contains { DisplayWidth.of($0, ambiguousWide: true) > 40 })
        // Breaks still fall between words: a Cyrillic word drawn wide is not split.
        let words = Set(text.split(separator: " ").map(String.init))
        for l in wide { for w in l.split(separator: " ") { #expect(words.contains(String(w)), "split word \(w)") } }
        // Text without ambiguous characters is wrapped the same either way.
        let ascii = String(repeating: "Decides to remain seized of the matter. ", count: 5)
        #expect(LineWrapper.wrap(ascii, width: 40) == LineWrapper.wrap(ascii, width: 40, ambiguousWide: true))
    }

    @Test func textRendererFollowsTheSetting() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../seeds").standardizedFileURL
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
        // Every seed: Chinese text with “ ” quotes, which CJK terminals draw wide.
        var differing = 0
        for name in names {
            let doc = try ResolutionDocument.load(path: dir.appendingPathComponent(name).path)
            let a = TextRenderer(width: 60).render(doc), b = TextRenderer(width: 60, ambiguousWide: true).render(doc)
            for l in b.split(separator: "\n") { #expect(DisplayWidth.of(String(l), ambiguousWide: true) <= 60) }
            if a != b { differing += 1 }
        }
        #expect(differing > 0)
    }
}

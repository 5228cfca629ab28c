import Foundation
import Testing
@testable import ResolutionKit

/// `pdftotext -layout` text of justified pages in a proportional font, modelled: the
/// typeset fixtures' paragraphs set in glyphs of varied widths, justified to one physical
/// measure, and printed on a column grid the way poppler prints them. A gap that
/// justification stretched is printed where its word stands on the page, so the line keeps
/// its physical width on the grid (with runs of spaces); a gap near the natural one is
/// printed as one space, so a line as full on the page may stop well short of that width.
/// The first kind set the text's measure; the second, judged against it, read as ended
/// early, and an opener after such a line opened a paragraph (`…суверенитету,
/// независимости,` / `единству и…`). The preamble is set flat, as `-layout` prints a
/// hanging-indent setting whose paragraph spacing it drops, so the line ends are the only
/// evidence of where paragraphs end.
@Suite struct ProportionalLayoutTests {
    /// A glyph's advance in ems: letters vary from 0.38 to 0.67 by a hash of the scalar
    /// (stable across runs), digits 0.5, spaces 0.25, other marks 0.3.
    static func advance(_ c: Unicode.Scalar) -> Double {
        if c == " " { return 0.25 }
        if Chars.isDigit(c) { return 0.5 }
        guard c.properties.isAlphabetic else { return 0.3 }
        var h: UInt32 = 2_166_136_261
        for shift in stride(from: 0, to: 32, by: 8) { h = (h ^ ((c.value >> UInt32(shift)) & 0xFF)) &* 16_777_619 }
        return 0.38 + Double(h % 30) / 100
    }

    static func advance(_ word: Substring) -> Double { word.unicodeScalars.reduce(0) { $0 + advance($1) } }

    /// The printed lines of one paragraph: set on `measure` ems, justified but for its last
    /// line, each word at column `x / column` when the gap before it is a stretched one
    /// (over twice the natural space), else one space after the word before.
    static func printed(_ paragraph: String, measure: Double, column: Double, indent: Int) -> [String] {
        var lines: [[Substring]] = [], current: [Substring] = []
        for word in paragraph.split(separator: " ") {
            let width = current.reduce(0) { $0 + advance($1) + 0.25 } + advance(word)
            if !current.isEmpty && width > measure { lines.append(current); current = [word] } else { current.append(word) }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.enumerated().map { i, words in
            let natural = words.reduce(0) { $0 + advance($1) }
            let gap = i == lines.count - 1 || words.count == 1 ? 0.25 : (measure - natural) / Double(words.count - 1)
            var line = "", x = 0.0
            for word in words {
                if !line.isEmpty {
                    let at = gap > 0.5 ? max(Int((x / column).rounded()), line.count + 1) : line.count + 1
                    line += String(repeating: " ", count: at - line.count)
                }
                line += word
                x += advance(word) + gap
            }
            return String(repeating: " ", count: indent) + line
        }
    }

    /// The fixture's hard-wrapped text (blank line between paragraphs) printed as above: the
    /// masthead as it is, then from the organ's formula on every paragraph flat at one
    /// column, operative numbers hanging at the margin.
    static func layoutText(ofWrapped wrapped: String, profile: LanguageProfile) -> String {
        let blocks = wrapped.components(separatedBy: "\n\n")
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .filter { !$0.isEmpty }
        let scalars = blocks.reduce(0) { $0 + $1.unicodeScalars.count }
        let mean = blocks.reduce(0) { $0 + advance(Substring($1)) } / Double(max(1, scalars))
        var out: [String] = [], body = false
        for block in blocks {
            guard body else {
                out += [block, ""]
                body = StructureBuilder.isFormula(Array(block.unicodeScalars), profile)
                continue
            }
            let printedLines: [String]
            if let space = block.firstIndex(of: " "), block[..<space].last == ".", Int(block[..<block.index(before: space)]) != nil {
                var lines = printed(String(block[block.index(after: space)...]), measure: 38, column: mean * 0.8, indent: 10)
                lines[0] = block[..<space].padding(toLength: 10, withPad: " ", startingAt: 0) + lines[0].dropFirst(10)
                printedLines = lines
            } else {
                printedLines = printed(block, measure: 38, column: mean * 0.8, indent: 10)
            }
            out += printedLines
        }
        return out.joined(separator: "\n") + "\n"
    }

    static let languages = ["en", "es", "fr", "ru"]

    @Test(.enabled(if: FileManager.default.fileExists(atPath: FormatCorpusTests.fixtures)))
    func singleSpacedFullLinesAreNotParagraphEnds() throws {
        let fm = FileManager.default
        var exact = 0, total = 0, widened = 0, lines = 0
        var failures: [String] = []
        for language in Self.languages {
            let dir = FormatCorpusTests.fixtures + "/" + language
            let profile = try #require(LanguageCatalog.profile(language))
            for name in try fm.contentsOfDirectory(atPath: dir).filter({ $0.hasSuffix(".truth.json") }).sorted() {
                let base = dir + "/" + name.dropLast(".truth.json".count)
                let truth = try JSONDecoder().decode(CorpusTests.Truth.self, from: try #require(fm.contents(atPath: dir + "/" + name)))
                let text = Self.layoutText(ofWrapped: try String(contentsOfFile: base + ".wrapped.txt", encoding: .utf8), profile: profile)
                for line in text.split(separator: "\n") where line.hasPrefix("          ") {
                    lines += 1
                    if line.trimmingCharacters(in: .whitespaces).contains("  ") { widened += 1 }
                }
                let doc = ResolutionParser.parse(text: text, source: SourceInfo(path: base + ".layout.txt", sha256: "", encoding: "utf-8"))
                let found = CorpusTests.problems(doc, truth)
                total += 1
                if found.isEmpty { exact += 1 } else { failures.append("\(base): \(found.joined(separator: "; "))") }
            }
        }
        // The model prints both kinds of line: a text with no widened lines tests nothing.
        #expect(widened * 5 >= lines && widened * 2 <= lines, "\(widened) of \(lines) lines widened")
        // 36 of 40 (32 when every line is judged against the widened lines' measure). The
        // four left hold a comma-ended full line before an opener, or before a capitalised
        // name (`S/2019/485`, `Al-Salif`), that the truth runs on: the flat ambiguity (docs/measurements.md),
        // which no line length tells apart.
        #expect(exact * 10 >= total * 9, "\(exact)/\(total) exact:\n\(failures.joined(separator: "\n"))")
    }
}

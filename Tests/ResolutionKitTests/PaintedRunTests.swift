import Foundation
import Testing
@testable import ResolutionKit

/// pdftotext wraps the numbers of a right-to-left line in left-to-right embeddings
/// (`U+202A` … `U+202C`) and writes each such run as it stands on the page, left to right.
/// Read from its right end, a run gives its numbers, brackets and commas in reading order,
/// wherever the line breaks.
@Suite struct PaintedRunTests {
    static let rle = "\u{202B}", lre = "\u{202A}", pdf = "\u{202C}"

    /// pdftotext's shape of a right-to-left line: `{…}` marks a left-to-right run.
    static func painted(_ s: String) -> String {
        rle + s.replacingOccurrences(of: "{", with: lre).replacingOccurrences(of: "}", with: pdf) + pdf
    }

    /// The lines as the splitter makes them, joined as one paragraph's lines are.
    static func read(_ lines: [String]) -> String {
        let split = LineSplitter.split(lines.map(painted).joined(separator: "\n") + "\n")
        var text = Scalars()
        for line in split { TextJoiner.append(line.text, to: &text, spaced: true) }
        return text.string
    }

    @Test func numbersInBracketsReadInOrder() {
        #expect(Self.read(["إذ يشير إلى قراراته { )2012( 2042}و { )2013( 2118}و"])
                == "إذ يشير إلى قراراته 2042 (2012) و 2118 (2013) و")
        // A comma after the year, and the word glued to the run.
        #expect(Self.read(["حتى { 10}تموز{/}يوليه { ،2020}باستثناء معبري"]) == "حتى 10 تموز/يوليه 2020، باستثناء معبري")
        #expect(Self.read(["بالقرار { ،)2019( 2454}ويشير"]) == "بالقرار 2454 (2019)، ويشير")
        // A paragraph cited with its item: the bracket's close is outside the run.
        #expect(Self.read(["عملا بالفقرة {( 1}ب) أدناه"]) == "عملا بالفقرة 1 (ب) أدناه")
        // Separators inside a number keep it whole.
        #expect(Self.read(["خلال الفترة {2019-2020} وصيغة {2+5}"]) == "خلال الفترة 2019-2020 وصيغة 2+5")
    }

    @Test func aNumberInBracketsBrokenAcrossLinesReadsWhole() {
        #expect(Self.read(["و { )2015( 2254}و {( 2258}", "{ )2015}و { )2016( 2268}و"])
                == "و 2254 (2015) و 2258 (2015) و 2268 (2016) و")
        // Broken inside the year's digits.
        #expect(Self.read(["و { )2014( 2139}و {2( 2165}", "{ )014}و { )2014( 2175}و"])
                == "و 2139 (2014) و 2165 (2014) و 2175 (2014) و")
        // A comma after the bracket, on the next line.
        #expect(Self.read(["المنصوص عليها في الفقرة { 52}من القرار {( 2499}", "{ ،)2019}فضلا عن قوات"])
                == "المنصوص عليها في الفقرة 52 من القرار 2499 (2019)، فضلا عن قوات")
        // A document symbol in the brackets.
        #expect(Self.read(["المؤرخ { 24}نيسان{/}أبريل {( 2015}", "{ )S/PRST/2015/10}و { 17}آب"])
                == "المؤرخ 24 نيسان/أبريل 2015 (S/PRST/2015/10) و 17 آب")
    }

    @Test func aSymbolAndItsYearReadInOrder() {
        #expect(Self.read(["المؤرخ { 16}حزيران{/}يونيه { ،)S/2020/545( 2020}المقدم عملا"])
                == "المؤرخ 16 حزيران/يونيه 2020 (S/2020/545)، المقدم عملا")
        // A comma painted a space apart from the bracket it follows.
        #expect(Self.read(["للدعم في ليبيا ({، )S/2020/832}"]) == "للدعم في ليبيا (S/2020/832)،")
    }

    @Test func aParagraphNumberWithItsStopApartOpensTheLine() {
        #expect(Self.read(["{ . 2}يشدد على الالتزام"]) == "2. يشدد على الالتزام")
        #expect(Self.read(["{ .1}يهيب بالأطراف"]) == "1. يهيب بالأطراف")
        // `-layout` prints it at the line's right end, in a run of its own.
        let layout = Self.rle + "يهيب بجميع الأطراف أن تكفل" + Self.pdf + "        " + Self.rle + Self.lre + ".1" + Self.pdf + Self.pdf + "\n"
        #expect(LineSplitter.split(layout).first?.text.string == "1. يهيب بجميع الأطراف أن تكفل")
    }

    /// Latin words keep their order, and so does a heading's symbol that opens its run.
    @Test func wordsAndALeadingSymbolAreLeftAsPainted() {
        #expect(Self.read(["{Distr.: General}"]) == "Distr.: General")
        #expect(Self.read(["{30 March 2020}"]) == "30 March 2020")
        // A symbol alone: only its spaces move.
        #expect(Self.read(["في الوثائق { S/2019/28}و { S/2019/485}المقدمة"]) == "في الوثائق S/2019/28 و S/2019/485 المقدمة")
        // A symbol and its year whose closing bracket poppler printed before the run.
        #expect(Self.read(["قراراتهما { A/RES/60/180}و ){ S/RES/1645 (2005}المؤرخين"])
                == "قراراتهما A/RES/60/180 و S/RES/1645 (2005) المؤرخين")
        // A note's line, after Arabic text: its stop, painted first, goes last.
        #expect(Self.read(["وإذ يشير", "){.S/RES/2428 (2018}"]) == "وإذ يشير S/RES/2428 (2018).")
        #expect(Self.read(["){S/RES/2521 (2020}"]) == "S/RES/2521 (2020)")
        #expect(Self.read(["وإذ يشير", "{.S/RES/2497 (2019) 3}"]) == "وإذ يشير 3 S/RES/2497 (2019).")
        // Outside a right-to-left line, a left-to-right run is not read backwards.
        #expect(LineSplitter.split("see \(Self.lre) )2014( 2175\(Self.pdf)\n").first?.text.string == "see  )2014( 2175")
    }

    /// The typeset Arabic fixtures read through pdftotext cite resolutions as the PDF
    /// read directly does: `2258 (2015)`, never `( 2258`, `)2015` or `2015و`.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: FormatCorpusTests.fixtures + "/ar")),
          arguments: [FormatCorpusTests.Format.pdftotext, .layout])
    func typesetTextCitesAsThePDF(_ format: FormatCorpusTests.Format) throws {
        let dir = FormatCorpusTests.fixtures + "/ar"
        let citation = try NSRegularExpression(pattern: "[0-9]{3,4} \\([0-9]{4}\\)")
        let scrambled = try NSRegularExpression(pattern: "\\( [0-9]|\\)[0-9]|[0-9]{4}[\\x{0621}-\\x{064A}]")
        func count(_ re: NSRegularExpression, _ doc: ResolutionDocument) -> Int {
            (doc.preamble + doc.operative).reduce(0) { n, p in
                n + re.numberOfMatches(in: p.text, range: NSRange(p.text.startIndex..., in: p.text))
            }
        }
        var read = 0, pdfs = 0, scrambledCount = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: dir).filter({ $0.hasSuffix(".pdf") }).sorted() {
            let base = dir + "/" + name.dropLast(".pdf".count)
            let text = try FormatCorpusTests.read(format, base: base)
            let pdf = try FormatCorpusTests.read(.pdf, base: base)
            read += count(citation, text); pdfs += count(citation, pdf)
            scrambledCount += count(scrambled, text)
        }
        #expect(pdfs >= 20)
        #expect(read >= pdfs, "\(read) citations read from the text, \(pdfs) from the PDFs")
        #expect(scrambledCount == 0)
    }
}

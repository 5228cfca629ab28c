import Foundation
import Testing
@testable import ResolutionKit

/// pdftotext's default text drops the set-in of paragraphs' first lines, not the room it
/// took: a full first line still stops short of the measure. Where the lengths show it, a line
/// too long to have been set in carries its paragraph on, though it opens with an opener after
/// a comma that filled the line before (`TextLayout.openingReach`).
@Suite struct PdftotextFirstLineTests {
    /// A whole Russian resolution, paragraphs set in and no blank line between them:
    /// `…указанную в изложении оснований,` / `подчеркивая при этом, что…` lies inside one
    /// paragraph, its second line longer than any of the text's first lines.
    @Test func anOpenerOnALineTooLongToHaveBeenSetInCarriesItsParagraphOn() throws {
        let doc = try Fixtures.pdftotextShape("opener-on-a-line-too-long-to-open.ru.txt")
        let noting = try #require(doc.preamble.first { $0.text.hasPrefix("принимая к сведению решения Комитета") })
        #expect(noting.text.hasSuffix("подчеркивая при этом, что Совет Безопасности еще не видит достаточного прогресса, который оправдывал бы такое рассмотрение,"),
                "\(noting.text.suffix(90))")
        #expect(doc.preamble.contains { $0.text.hasPrefix("вновь заявляя, что физические и юридические лица") })
        #expect(doc.preamble.count == 14)
    }

    /// A whole Arabic resolution, paragraphs set in and no blank line between them:
    /// `…في جميع أنحاء أراضيها،` / `وإذ يقر بأوجه التحسن…` lies inside one paragraph, its
    /// second line as long as most lines that carry a paragraph on, though shorter than the
    /// longest first line seen (Arabic letters join and stretch, and the lengths scatter).
    @Test func anOpenerOnALineAsLongAsMostCarriedLinesGoesOnInArabic() throws {
        let doc = try Fixtures.pdftotextShape("line-end-first-after-a-torn-mark.ar.txt")
        let primary = try #require(doc.preamble.first { $0.text.hasPrefix("وإذ يعيد تأكيد المسؤولية الرئيسية لحكومة السودان") })
        #expect(primary.text.contains("أراضيها، وإذ يقر بأوجه"), "\(primary.text.suffix(200))")
        #expect(primary.text.hasSuffix("واستمرار النزوح،"))
        #expect(doc.preamble.count == 9)
        #expect(doc.operative.map(\.number) == Array(1...12))
    }

    /// The same paragraphs hard-wrapped with no blank line between them, once with their
    /// first lines set in by six columns and once not: the set-in is found only where it
    /// is, and then bounds the first lines' reach, short of the full lines'.
    @Test func theFirstLinesReachIsFoundOnlyWhereTheyWereSetIn() throws {
        let dir = Fixtures.root.appendingPathComponent("Tests/Fixtures/typeset/ru").path
        var blocks: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() where name.hasSuffix(".wrapped.txt") && blocks.count < 60 {
            blocks += try String(contentsOfFile: dir + "/" + name, encoding: .utf8).components(separatedBy: "\n\n")
                .map { $0.split(separator: "\n").joined(separator: " ") }
                .filter { $0.count > 200 }
        }
        #expect(blocks.count >= 40)
        let measure = 80
        for indent in [0, 6] {
            let layout = TextLayout.of(LineSplitter.split(Self.flat(blocks, measure: measure, setIn: indent)), measuringOpenings: true)
            #expect(layout.measure <= measure && layout.measure >= measure - 4)
            if indent == 0 {
                #expect(layout.openingReach == 0)
            } else {
                #expect(layout.openingReach > measure - indent - 8 && layout.openingReach <= measure - indent / 2,
                        "\(layout.openingReach)")
            }
        }
    }

    /// Hard-wraps `paragraphs` at `measure` columns with no blank line between them, each
    /// first line `setIn` columns shorter, its indent dropped as pdftotext drops it.
    static func flat(_ paragraphs: [String], measure: Int, setIn: Int) -> String {
        var out: [String] = []
        for p in paragraphs {
            var line = "", room = measure - setIn
            for word in p.split(separator: " ") {
                if !line.isEmpty && line.count + 1 + word.count > room { out.append(line); line = ""; room = measure }
                line += (line.isEmpty ? "" : " ") + word
            }
            out.append(line)
        }
        return out.joined(separator: "\n") + "\n"
    }
}

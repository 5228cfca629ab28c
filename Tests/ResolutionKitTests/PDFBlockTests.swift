import Foundation
import Testing
@testable import ResolutionKit

/// Blocks read from the typeset PDFs (Tests/Fixtures/typeset) in the shapes that used to split
/// or lose them.
@Suite struct PDFBlockTests {
    /// A heading too long for a line wraps, ragged, in its own emphasis at the body's pitch,
    /// and must come back whole, not as a heading of its last line with its first line lost
    /// to `other`.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: FormatCorpusTests.fixtures)))
    func longHeadingsComeBackWhole() throws {
        let fm = FileManager.default
        var checked = 0
        for language in try fm.contentsOfDirectory(atPath: FormatCorpusTests.fixtures).sorted() {
            let dir = FormatCorpusTests.fixtures + "/" + language
            guard let names = try? fm.contentsOfDirectory(atPath: dir) else { continue }
            for truthName in names.filter({ $0.hasSuffix(".truth.json") }).sorted() {
                let truth = try JSONDecoder().decode(CorpusTests.Truth.self, from: try #require(fm.contents(atPath: dir + "/" + truthName)))
                // Long enough to wrap at the typeset measure in any of the six scripts.
                let long = truth.headings.filter { $0.text.count > 60 }
                guard !long.isEmpty else { continue }
                let base = dir + "/" + truthName.dropLast(".truth.json".count)
                guard fm.fileExists(atPath: base + ".pdf") else { continue }
                let doc = try ResolutionDocument.load(path: base + ".pdf")
                for heading in long {
                    #expect(doc.headings.contains { $0.text == heading.text }, "\(base).pdf: «\(heading.text)» not whole in \(doc.headings.map(\.text))")
                    checked += 1
                }
            }
        }
        #expect(checked >= 2, "the fixtures hold no wrapped heading to check")
    }

    /// A paragraph number whose text did not fit beside it stands alone on its line (`5.`);
    /// the text on the next line is that paragraph's, in every fixture.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: FormatCorpusTests.fixtures)))
    func aNumberAloneOnItsLineTakesTheNextLine() throws {
        let fm = FileManager.default
        var pdfs = 0
        for language in try fm.contentsOfDirectory(atPath: FormatCorpusTests.fixtures).sorted() {
            let dir = FormatCorpusTests.fixtures + "/" + language
            guard let names = try? fm.contentsOfDirectory(atPath: dir) else { continue }
            for name in names.filter({ $0.hasSuffix(".pdf") }).sorted() {
                let doc = try ResolutionDocument.load(path: dir + "/" + name)
                pdfs += 1
                let alone = doc.other.filter { BlockBuilder.isNumberOnly(Array($0.text.unicodeScalars)) }
                #expect(alone.isEmpty, "\(name): numbers left alone: \(alone.map(\.text))")
                #expect(doc.operative.allSatisfy { !$0.text.isEmpty }, "\(name): an operative paragraph without text")
            }
        }
        #expect(pdfs >= 50)
    }
}

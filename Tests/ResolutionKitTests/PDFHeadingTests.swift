import Foundation
import Testing
@testable import ResolutionKit

/// Headings read from the typeset PDFs: one too long for a line wraps, ragged, in its own
/// emphasis at the body's pitch, and must come back whole, not as a heading of its last line
/// with its first line lost to `other`.
@Suite struct PDFHeadingTests {
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
}

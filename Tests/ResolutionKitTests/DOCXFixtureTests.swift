import Foundation
import Testing
@testable import ResolutionKit

/// The committed Word fixtures (Tests/Fixtures/docx/<lang>/NAME.docx, all saved by LibreOffice:
/// some re-saved from WordprocessingML built from the corpus with automatic numbering and real
/// footnotes, some typeset UN-style with masthead, running headers, footers and typed numbers):
/// each must read with the true structure, and with the same units, texts and markers as the
/// same resolution read from the corpus's .md text (one structure, whatever the format).
@Suite struct DOCXFixtureTests {
    static let dir = Fixtures.root.appendingPathComponent("Tests/Fixtures/docx").path

    static func fixtures() -> [(language: String, name: String)] {
        let fm = FileManager.default
        let languages = ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted()
        return languages.flatMap { lang in
            ((try? fm.contentsOfDirectory(atPath: dir + "/" + lang)) ?? []).filter { $0.hasSuffix(".docx") }.sorted()
                .map { (lang, String($0.dropLast(5))) }
        }
    }

    /// Bidi marks and tatweel are display shaping: the DOCX reader drops them, text input keeps them.
    static func withoutShaping(_ shape: [String]) -> [String] {
        shape.map { String(String.UnicodeScalarView($0.unicodeScalars.filter {
            !DOCXBlockBuilder.isInvisibleShaping($0) && $0 != "\u{0640}"
        })) }
    }

    @Test func everyLanguageHasAFixture() {
        #expect(Set(Self.fixtures().map(\.language)) == ["ar", "en", "es", "fr", "ru", "zh"])
    }

    @Test(arguments: fixtures().map { "\($0.language)/\($0.name)" })
    func fixtureReadsWithTheTrueStructure(_ fixture: String) throws {
        let path = Self.dir + "/" + fixture
        let bytes = [UInt8](try #require(FileManager.default.contents(atPath: path + ".docx")))
        let doc = try ResolutionParser.parse(bytes: bytes, path: path + ".docx")
        #expect(doc.source.format == .docx)
        #expect(doc.language == String(fixture.prefix(2)))
        let truth = try JSONDecoder().decode(CorpusTests.Truth.self,
                                             from: try #require(FileManager.default.contents(atPath: path + ".truth.json")))
        #expect(CorpusTests.problems(doc, truth) == [])
    }

    @Test(arguments: fixtures().map { "\($0.language)/\($0.name)" })
    func fixtureGivesTheSameUnitsAsTheMarkdownText(_ fixture: String) throws {
        let md = CorpusTests.corpus + "/" + fixture + ".md.txt"
        guard FileManager.default.fileExists(atPath: md) else { return }   // the corpus travels beside the repo
        let fromText = try ResolutionDocument.load(path: md)
        let bytes = [UInt8](try #require(FileManager.default.contents(atPath: Self.dir + "/" + fixture + ".docx")))
        let fromWord = try ResolutionParser.parse(bytes: bytes, path: fixture + ".docx")
        let a = Self.withoutShaping(Fixtures.shape(fromText)), b = Self.withoutShaping(Fixtures.shape(fromWord))
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) where x != y { Issue.record("\(fixture): \(x) ≠ \(y)"); break }
        #expect(fromWord.footnotes.map(\.text) == fromText.footnotes.map(\.text))
    }
}

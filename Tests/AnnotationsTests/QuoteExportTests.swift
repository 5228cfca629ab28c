// A phrase tagged, noted or amended in the reader is stored as SPEC §5's quote (with prefix
// and suffix) and comes out in every export, in Chinese and Arabic as in English.
import Foundation
import ResolutionKit
import Testing
@testable import Annotations

@Suite struct QuoteExportTests {
    /// A real Arabic resolution (corpus copy) and the first seed (Chinese), each with a
    /// quoted tag and a quoted amendment.
    func annotated(_ dir: String) throws -> [(document: ResolutionDocument, snapshot: SidecarSnapshot, quotes: [String])] {
        var out: [(document: ResolutionDocument, snapshot: SidecarSnapshot, quotes: [String])] = []
        let arabic = dir + "/ar.txt"
        try FileManager.default.copyItem(atPath: Fixture.repositoryRoot + "/Tests/Fixtures/rtl/S_RES_2517_2020-ar.txt", toPath: arabic)
        for path in [arabic, try Fixture.seedCopy(in: dir)] {
            let doc = try ResolutionDocument.load(path: path)
            let op = try #require(doc.operative.first { $0.text.unicodeScalars.count > 40 })
            let words = Array(op.text.unicodeScalars)
            // A phrase from the middle of the paragraph, and a later one for the amendment.
            let tagged = String(String.UnicodeScalarView(words[10..<22])).trimmingCharacters(in: .whitespaces)
            let amended = String(String.UnicodeScalarView(words[26..<36])).trimmingCharacters(in: .whitespaces)
            let store = SidecarStore(documentPath: path)
            _ = try store.addTags(["support"], paragraph: op.id, document: doc)
            _ = try store.setQuote(tagged, paragraph: op.id, document: doc)
            let sel = try #require(QuoteSelector.find(amended, in: op.text))
            _ = try store.addAmendment(Amendment(action: .replace, text: "NEW"), quote: sel, paragraph: op.id, document: doc)
            out.append((doc, try store.load(for: doc), [tagged, amended]))
        }
        return out
    }

    @Test func everyExportCarriesTheQuotes() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let items = try annotated(dir)
        for (doc, snap, quotes) in items {
            // The stored selector has context on both sides, as a TextQuoteSelector should.
            let stored = snap.annotations.compactMap(\.anchor.selector)
            #expect(stored.map(\.exact).sorted() == quotes.sorted())
            #expect(stored.allSatisfy { !$0.prefix.isEmpty && !$0.suffix.isEmpty }, "\(doc.language)")
        }
        for format in ExportFormat.allCases {
            let text = Exporter.export(items.map { ($0.document, $0.snapshot) }, format: format)
            for (doc, _, quotes) in items {
                // The amendments export lists amendments only; every other export lists both.
                let expected = format == .amendments ? [quotes[1]] : quotes
                for q in expected {
                    let escaped = format == .html ? q.replacingOccurrences(of: "&", with: "&amp;") : q
                    #expect(text.contains(escaped), "\(format) lacks the \(doc.language) quote «\(q)»")
                }
            }
        }
    }
}

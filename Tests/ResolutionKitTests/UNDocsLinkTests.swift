import Testing
import ResolutionKit

@Suite struct UNDocsLinkTests {
    @Test(arguments: [
        ("70/125", "resolution", "https://undocs.org/A/RES/70/125"),
        ("57/270 B", "resolution", "https://undocs.org/A/RES/57/270B"),
        ("2006/46", "resolution", "https://undocs.org/E/RES/2006/46"),
        ("2165 (2014)", "resolution", "https://undocs.org/S/RES/2165(2014)"),
        ("217 A (III)", "resolution", "https://undocs.org/A/RES/217(III)"),
        ("70/555", "decision", "https://undocs.org/A/DEC/70/555"),
        ("A/60/687", "document", "https://undocs.org/A/60/687"),
        ("A/75/62-E/2020/11", "document", "https://undocs.org/A/75/62"),
    ])
    func symbolsFromCitations(_ c: (String, String, String)) {
        #expect(UNDocsLink.url(for: c.0, kind: c.1) == c.2)
    }

    @Test func nothingIsGuessed() {
        #expect(UNDocsLink.url(for: "the Charter", kind: "resolution") == nil)
        #expect(UNDocsLink.url(for: "", kind: "document") == nil)
        #expect(UNDocsLink.url(for: "12345/1", kind: "resolution") == nil)
    }

    /// Every reference of every seed is either given a link or left alone, never a crash, and
    /// most resolution citations in the seeds get one.
    @Test func seedsReferencesMostlyLink() throws {
        var linked = 0, total = 0
        for path in Fixtures.seedPaths {
            let doc = try ResolutionDocument.load(path: path)
            for r in doc.references where r.kind == "resolution" {
                total += 1
                if let u = UNDocsLink.url(for: r.symbol, kind: r.kind) { linked += 1; #expect(u.hasPrefix("https://undocs.org/")) }
            }
        }
        #expect(total > 20 && linked * 10 >= total * 9, "\(linked) of \(total)")
    }
}

// The fixtures pick seed documents exactly (issue 8, item 7): after a user tags a seed, the
// folder also holds `….txt.reso.json` (and, mid-save, a hidden temporary file); none of them
// may be taken for a document, whatever order the folder lists them in.

import Foundation
import Testing
@testable import ResolutionKit

@Suite struct FixtureTests {
    @Test func onlyTxtDocumentsArePickedInSortedOrder() throws {
        let dir = NSTemporaryDirectory() + "reso-fixture-\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Names sharing a document's prefix, some sorting before it.
        for name in ["000_b.txt.reso.json", "000_b.txt", ".000_b.txt.reso.json.tmp-x1y2z3w4", "000_a.md",
                     "000_b.txt.export.csv", "001_c.txt", "000.txt.reso.json"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/" + name))
        }
        #expect(Fixtures.documents(in: dir) == [dir + "/000_b.txt", dir + "/001_c.txt"])
    }

    @Test func everySeedIsADocumentThatParses() throws {
        try #require(!Fixtures.seedPaths.isEmpty, "seeds/ holds .txt documents")
        for path in Fixtures.seedPaths {
            #expect(path.hasSuffix(".txt"))
            let doc = try ResolutionDocument.load(path: path)
            #expect(!doc.operative.isEmpty, "\(path) has operative paragraphs")
        }
    }
}

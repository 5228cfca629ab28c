import Testing
@testable import ResolutionKit

/// `reso show --format json` streams the JSON in pieces instead of holding it whole next to
/// the document: the pieces must add up to exactly the encoded document, and each must be
/// whole UTF-8 (the console layer checks and escapes piece by piece).
@Suite struct DocumentJSONStreamTests {
    @Test(arguments: ["000", "003"])
    func piecesAddUpToTheDocument(_ seed: String) throws {
        let doc = try Fixtures.seed(seed)
        let whole = DocumentJSON.encode(doc)
        var pieces: [[UInt8]] = []
        var w = JSONWriter(streamingTo: { pieces.append($0) }, chunk: 256)
        DocumentJSON.write(doc, to: &w)
        w.flush()
        #expect(pieces.count > 10, "the seed should need many 256-byte pieces")
        #expect(pieces.flatMap { $0 } == whole)
        for p in pieces {
            #expect(String(validating: p, as: UTF8.self) != nil, "a piece cut a character in two")
        }
    }
}

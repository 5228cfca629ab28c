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

    /// A terminal-safe writer escapes C1 and bidi controls as it writes, so `reso show` prints
    /// its pieces without scanning them: what it writes must be exactly what the console
    /// layer's own escaping makes of a plain writer's output, and safe for a terminal. Strings
    /// mix ASCII, Latin-1, Arabic, CJK, quotes and every such control, placed at every offset
    /// of the writer's eight-byte steps.
    @Test func terminalSafeWriterEscapesAsTheConsoleWould() {
        let pool: [Unicode.Scalar] = ["a", "Z", " ", "\"", "\\", "\n", "\t", "\u{1B}", "\u{7F}", "é", "\u{A0}", "«",
                                      "\u{80}", "\u{85}", "\u{9B}", "\u{9F}", "ب", "\u{061C}", "\u{0640}", "中", "“", "—",
                                      "\u{200E}", "\u{200F}", "\u{2028}", "\u{202A}", "\u{202E}", "\u{202F}", "\u{2066}",
                                      "\u{2069}", "\u{206A}", "\u{2060}", "😀"]
        var rng = PropertyTests.SplitMix(state: 20261206)
        var strings: [String] = []
        for length in 0..<40 {
            for _ in 0..<6 {
                var s = String.UnicodeScalarView()
                // Mostly plain letters, so that whole eight-byte steps pass and controls sit
                // at every offset within and between them.
                for _ in 0..<length { s.append(Int.random(in: 0..<4, using: &rng) == 0 ? pool.randomElement(using: &rng)! : "x") }
                strings.append(String(s))
            }
        }
        var plain = JSONWriter()
        plain.strings(strings)
        var pieces: [[UInt8]] = []
        var safe = JSONWriter(streamingTo: { pieces.append($0) }, chunk: 64, escapingTerminalControls: true)
        safe.strings(strings)
        safe.flush()
        let expected = Sanitizer.jsonEscaped(String(decoding: plain.bytes, as: UTF8.self))
        #expect(String(decoding: pieces.flatMap { $0 }, as: UTF8.self) == expected)
        #expect(expected != String(decoding: plain.bytes, as: UTF8.self), "the strings should hold controls to escape")
        for p in pieces { #expect(p.withUnsafeBufferPointer(Sanitizer.isSafe(utf8:))) }
    }
}

/// A long paragraph array is written a few batches at a time on both cores
/// (`DocumentJSON.paragraphs`), each batch by a writer of its own: the bytes must be exactly
/// those of one writer going paragraph by paragraph, whole or streamed, and whatever the
/// count leaves over after the batches (the first batch opens the array without a comma).
@Suite struct DocumentJSONBatchTests {
    /// Every seed's paragraphs (subparagraphs, notes, references, CJK and quotes in their
    /// texts), repeated to `count` operative and `count / 2` preambular paragraphs.
    static func document(count: Int) throws -> ResolutionDocument {
        let seeds = try Fixtures.seedPaths.map { try ResolutionDocument.load(path: $0) }
        var doc = try #require(seeds.first)
        let operative = seeds.flatMap(\.operative), preamble = seeds.flatMap(\.preamble)
        try #require(operative.contains { !$0.subparagraphs.isEmpty } && !preamble.isEmpty)
        doc.operative = (0..<count).map { k in
            var p = operative[k % operative.count]
            p.id = "op\(k + 1)"; p.number = k + 1; p.index = k + 1
            return p
        }
        doc.preamble = (0..<(count / 2)).map { k in
            var p = preamble[k % preamble.count]
            p.id = "pp\(k + 1)"; p.index = k + 1
            return p
        }
        return doc
    }

    @Test(arguments: [1_023, 1_024, 1_025, 2_048 + 257, 5_000])
    func batchesWriteTheBytesOfOneWriter(count: Int) throws {
        let doc = try Self.document(count: count)
        for safe in [false, true] {
            var reference: [[UInt8]] = []
            var one = JSONWriter(streamingTo: { reference.append($0) }, escapingTerminalControls: safe)
            DocumentJSON.write(doc, to: &one, batching: false)
            one.flush()
            var pieces: [[UInt8]] = []
            DocumentJSON.stream(doc, terminalSafe: safe) { pieces.append($0) }
            #expect(pieces.flatMap { $0 } == reference.flatMap { $0 }, "terminal-safe: \(safe)")
            #expect(pieces.allSatisfy { String(validating: $0, as: UTF8.self) != nil }, "a piece cut a character in two")
            if !safe { #expect(DocumentJSON.encode(doc) == reference.flatMap { $0 }) }
        }
    }
}

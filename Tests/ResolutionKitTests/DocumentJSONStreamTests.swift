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

// The fast sidecar parser must read exactly what the full decoder (a strict JSON tree read
// field by field) reads, and decline (so that the full decoder judges and explains) whatever
// it does not understand.

import Foundation
import Testing
@testable import Annotations

@Suite struct ParserTests {
    static let tricky = ["", "plain", "quote \" backslash \\ slash /", "line\nbreak\r\ttab", "\u{1}\u{1F}control",
                         "中文，全角；", "emoji 😀 and 𝒳", "e\u{301} combining", "\u{2028}\u{2029} separators", "\u{FEFF}bom"]

    @Test func agreesWithTheFullDecoderOnOurOwnOutput() throws {
        var rng = SplitMix(seed: 7)
        for round in 0..<50 {
            func pick() -> String { Self.tricky[Int(rng.next() % UInt64(Self.tricky.count))] + "\(round)" }
            let annotations = (0..<Int(rng.next() % 6)).map { k in
                Annotation(id: "id-\(k)", paragraph: "op\(k)", anchor: Anchor(exact: pick(), quote: rng.next() % 3 == 0 ? pick() : nil),
                           tags: rng.next() % 2 == 0 ? [pick(), "support"] : [], note: rng.next() % 2 == 0 ? pick() : nil,
                           author: pick(), created: "2026-01-01T00:00:00Z", modified: "2026-01-02T00:00:00Z")
            }
            let file = SidecarFile(document: SidecarDocumentInfo(file: pick(), sha256: "abc", symbol: rng.next() % 2 == 0 ? nil : pick()),
                                   annotations: annotations, orphans: Array(annotations.prefix(1)))
            let bytes = SidecarCodec.encode(file)
            let fast = try #require(FastSidecarParser.parse(bytes), "round \(round)")
            let slow = try SidecarCodec.fullDecode(bytes)
            #expect(fast == slow && fast == file, "round \(round)")
        }
    }

    @Test func readsHandWrittenJSONLikeTheFullDecoder() throws {
        let text = """
          { "schema":"reso.annotations/1","orphans":[],
            "document" : {"symbol": null, "sha256": "s", "file": "f.txt"},
            "annotations": [ {"tags":["a","b"],"paragraph":"pp1","note":"caf\\u00e9 \\ud83d\\ude00 \\/ \\"x\\"",
              "modified":"m","id":"1","created":"c","author":"\\u4e2d","anchor":{"textHash":"h","exact":"e","quote":null}} ] }

        """
        let bytes = Array(text.utf8)
        let fast = try #require(FastSidecarParser.parse(bytes))
        let slow = try SidecarCodec.fullDecode(bytes)
        #expect(fast == slow)
        #expect(fast.annotations[0].note == "café 😀 / \"x\"" && fast.annotations[0].author == "中")
    }

    @Test func declinesWhatItDoesNotUnderstand() {
        let good = #"{"schema":"reso.annotations/1","document":{"file":"f","sha256":"s"},"annotations":[]}"#
        #expect(FastSidecarParser.parse(Array(good.utf8)) != nil)
        let bad = [
            #"{"schema":"reso.annotations/1","document":{"file":"f","sha256":"s"},"annotations":[]} x"#,
            #"{"schema":"reso.annotations/1","document":{"file":"f","sha256":"s"},"annotations":[],"extra":01}"#,
            #"{"schema":"reso.annotations/1","document":{"file":"f","sha256":"s"},"annotations":[],"extra":[1,]}"#,
            #"{"schema":"reso.annotations/1","document":{"file":"f"},"annotations":[]}"#,
            #"{"schema":"reso.annotations/1","document":{"file":"f","sha256":"s"},"annotations":[{"id":"1"}]}"#,
            #"{"schema":"reso.annotations/1","document":{"file":"f","sha256":5},"annotations":[]}"#,
            #"{"schema":"reso.annotations/1","document":{"file":"\ud800","sha256":"s"},"annotations":[]}"#,
            #"{"schema":"reso.annotations/1","document":{"file":"f","sha256":"s"},"annotations":[],}"#,
            "{\"schema\":\"reso.annotations/1\",\"document\":{\"file\":\"a\nb\",\"sha256\":\"s\"},\"annotations\":[]}",
        ]
        for b in bad { #expect(FastSidecarParser.parse(Array(b.utf8)) == nil, "\(b)") }
        let invalidUTF8: [UInt8] = Array(#"{"schema":"reso.annotations/1","document":{"file":""#.utf8) + [0xC3, 0x28]
            + Array(#"","sha256":"s"},"annotations":[]}"#.utf8)
        #expect(FastSidecarParser.parse(invalidUTF8) == nil)
        #expect(throws: SidecarDecodeFailure.self) { try SidecarCodec.decode(invalidUTF8) }
    }

    /// Mangled sidecars (bytes flipped, cut, repeated): never a crash, and the two decoders
    /// agree on every one — both refuse it, or both read the same thing.
    @Test func bothDecodersAgreeOnMangledFiles() throws {
        let dir = Fixture.folder(); defer { Fixture.cleanup(dir) }
        let doc = Fixture.sample(in: dir)
        let base = Array(SidecarFormatTests.futureSidecar(for: doc).utf8)
        var rng = SplitMix(seed: 11)
        var read = 0
        for round in 0..<3000 {
            var m = base
            for _ in 0..<(1 + Int(rng.next() % 3)) {
                let at = Int(rng.next() % UInt64(m.count))
                switch rng.next() % 4 {
                case 0: m[at] = UInt8(truncatingIfNeeded: rng.next())
                case 1: let tokens = Array(#"{}[]",:\ 0e-"#.utf8); m[at] = tokens[Int(rng.next() % UInt64(tokens.count))]
                case 2: m.remove(at: at)
                default:
                    let end = min(m.count, at + 1 + Int(rng.next() % 40))
                    m.insert(contentsOf: m[at..<end], at: at)
                }
                if m.isEmpty { m = base }
            }
            // The full decoder refuses a wrong schema at once; the fast parser leaves that to
            // `decode`, so compare after the same check.
            let fast = FastSidecarParser.parse(m).flatMap { SidecarCodec.schemaProblem($0.schema) == nil ? $0 : nil }
            let full = try? SidecarCodec.fullDecode(m)
            #expect(fast == full, "round \(round): fast \(fast == nil ? "refused" : "read"), full \(full == nil ? "refused" : "read"): \(String(decoding: m, as: UTF8.self))")
            if fast != nil { read += 1 }
        }
        #expect(read > 100, "the mangling left enough readable files to compare (\(read))")
    }
}

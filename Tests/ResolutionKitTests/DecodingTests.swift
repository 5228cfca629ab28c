import Foundation
import Testing
@testable import ResolutionKit
#if canImport(Glibc)
import Glibc
#endif

@Suite struct DecodingTests {
    static func iconv(_ text: String, to encoding: String) -> [UInt8] {
        let cd = iconv_open(encoding, "UTF-8")
        defer { iconv_close(cd) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        let produced: Int = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                _ = Glibc.iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                return outBuf.count - outLeft
            }
        }
        return Array(output[0..<produced])
    }

    @Test(arguments: ["000", "003"])
    func everyEncodingGivesTheSameStructure(_ seed: String) throws {
        let text = Fixtures.seedText(seed)
        let reference = Fixtures.shape(try ResolutionParser.parse(bytes: Array(text.utf8), path: "x"))
        let variants: [(String, [UInt8])] = [
            ("utf-8-bom", [0xEF, 0xBB, 0xBF] + Array(text.utf8)),
            ("utf-16le", [0xFF, 0xFE] + Self.iconv(text, to: "UTF-16LE")),
            ("utf-16be", [0xFE, 0xFF] + Self.iconv(text, to: "UTF-16BE")),
            ("gb18030", Self.iconv(text, to: "GB18030")),
            ("utf-8", Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)),
        ]
        for (encoding, bytes) in variants {
            let doc = try ResolutionParser.parse(bytes: bytes, path: "x")
            #expect(doc.source.encoding == encoding)
            #expect(Fixtures.shape(doc) == reference, "\(encoding)")
        }
    }

    @Test func badInputGivesClearErrors() {
        #expect(throws: DocumentError.empty(path: "e")) { try TextDecoder.decode([], path: "e") }
        #expect(throws: DocumentError.empty(path: "w")) { try TextDecoder.decode(Array(" \n\t\n".utf8), path: "w") }
        #expect(throws: DocumentError.binary(path: "b", offset: 3)) { try TextDecoder.decode([0x41, 0x42, 0x43, 0x00, 0x44], path: "b") }
        // 0xFF 0xFF is neither UTF-8 nor GB18030.
        let bad: [UInt8] = Array("决议".utf8) + [0xFF, 0xFF, 0xFF]
        #expect(throws: DocumentError.undecodable(path: "u", offset: 6)) { try TextDecoder.decode(bad, path: "u") }
        #expect(DocumentError.undecodable(path: "u", offset: 6).description.contains("offset 6"))
        // Latin-1 French is not GB18030 even though GB18030 would decode its bytes.
        let latin1: [UInt8] = Array("Le Conseil de s".utf8) + [0xE9] + Array("curit".utf8) + [0xE9] + Array(", d".utf8) + [0xE9] + Array("cide".utf8)
        #expect(throws: DocumentError.undecodable(path: "l", offset: 15)) { try TextDecoder.decode(latin1, path: "l") }
    }

    /// A large file that is UTF-8 as it stands is parsed from its own bytes, not from a String
    /// made of them: the same document either way, and every other large file still goes
    /// through `decode`, with its errors.
    @Test(arguments: ["000", "003"])
    func largeUTF8TextIsReadInPlaceToTheSameDocument(_ seed: String) throws {
        let text = Fixtures.seedText(seed)
        var big = text
        while big.utf8.count < TextDecoder.inPlaceBytes + 4096 { big += "\n\n" + text }
        let bytes = Array(big.utf8)
        #expect(try TextDecoder.isPlainUTF8(bytes, path: "x"))
        guard case .utf8? = try? PlainTextReader.read(bytes, path: "x") else {
            Issue.record("a large UTF-8 file should be handed on as its bytes")
            return
        }
        let inPlace = try ResolutionParser.parse(bytes: bytes, path: "x")
        let viaString = ResolutionParser.parse(text: big, source: inPlace.source)
        #expect(inPlace.source.encoding == "utf-8")
        #expect(inPlace.preamble.count + inPlace.operative.count > 0)
        #expect(DocumentJSON.encode(inPlace) == DocumentJSON.encode(viaString))

        // A byte-order mark: decoded, and reported.
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + bytes
        #expect(try !TextDecoder.isPlainUTF8(bom, path: "x"))
        #expect(try ResolutionParser.parse(bytes: bom, path: "x").source.encoding == "utf-8-bom")
        // A NUL, or mostly controls: binary, as `decode` says.
        var nul = bytes
        nul[bytes.count / 2] = 0
        #expect(throws: DocumentError.binary(path: "n", offset: bytes.count / 2)) { try ResolutionParser.parse(bytes: nul, path: "n") }
        let controls = [UInt8](repeating: 0x01, count: bytes.count / 5) + bytes
        #expect(throws: DocumentError.binary(path: "c", offset: 0)) { try ResolutionParser.parse(bytes: controls, path: "c") }
        // Not UTF-8: left to `decode`, whose error names the bad byte.
        var bad = bytes
        var at = 1000
        while bytes[at] & 0xC0 == 0x80 { at += 1 }  // between two scalars
        bad.insert(contentsOf: [0xFF, 0xFF], at: at)
        #expect(try !TextDecoder.isPlainUTF8(bad, path: "u"))
        #expect(throws: DocumentError.undecodable(path: "u", offset: at)) { try ResolutionParser.parse(bytes: bad, path: "u") }
    }

    /// The one-pass validation and count (`firstInvalidUTF8` is its first answer) agrees with
    /// the standard library's validation and with a count of every byte before the first bad one: random bytes of ASCII, controls, and pieces of
    /// two-, three- and four-byte sequences (whole, cut, overlong, surrogates).
    @Test func validationAndCountsInOnePassAgreeWithTheirReferences() {
        let pieces: [[UInt8]] = [[0x41], [0x20], [0x0A], [0x01], [0x1B], [0x7F], [0xC3, 0xA9], [0xE4, 0xB8, 0xAD],
                                 [0xF0, 0x9F, 0x98, 0x80], [0xC3], [0xE4, 0xB8], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
                                 [0xF4, 0x90, 0x80, 0x80], [0x80], [0xFF]]
        var rng = PropertyTests.SplitMix(state: 19_10)
        var invalidSeen = 0
        for length in 0..<60 {
            for _ in 0..<40 {
                var bytes: [UInt8] = []
                while bytes.count < length {
                    // Mostly letters, so that whole ASCII words occur at every offset.
                    bytes += Int.random(in: 0..<3, using: &rng) == 0 ? pieces.randomElement(using: &rng)! : [0x61]
                }
                let (invalid, controls, visible) = bytes.withUnsafeBufferPointer(TextDecoder.validatedCounts)
                // The first bad byte, as the standard library's validation sees it: all
                // before it is valid, and no scalar of up to four bytes starting there is.
                if let bad = invalid {
                    #expect(String(validating: bytes[..<bad], as: UTF8.self) != nil, "\(bytes)")
                    #expect((1...4).allSatisfy { bad + $0 > bytes.count || String(validating: bytes[bad..<(bad + $0)], as: UTF8.self) == nil }, "\(bytes)")
                } else {
                    #expect(String(validating: bytes, as: UTF8.self) != nil, "\(bytes)")
                }
                let valid = bytes[..<(invalid ?? bytes.count)]
                let isControl = { (b: UInt8) in b < 0x20 && ![0x0A, 0x0D, 0x09, 0x0C, 0x1B].contains(b) }
                #expect(controls == valid.filter(isControl).count, "\(bytes)")
                #expect(visible == valid.filter { $0 > 0x20 }.count, "\(bytes)")
                if invalid != nil { invalidSeen += 1 }
            }
        }
        #expect(invalidSeen > 100, "bad sequences should occur")
    }

    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func controlCharactersNeverComeOutRaw() {
        let doc = Fixtures.parse("经济及社会理事会，\n\n回顾\u{1B}[31m红色\u{07}，\n\n1. 决定\u{1B}]0;title\u{07}；\n")
        #expect(doc.preamble.count == 1)
        let text = TextRenderer(width: 80).render(doc)
        let markdown = MarkdownRenderer().render(doc)
        for out in [text, markdown] {
            #expect(!out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
            #expect(out.contains("␛"))
        }
    }
}

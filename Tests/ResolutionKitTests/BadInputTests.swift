// Issue 8 item 12: bad input is named for what it is, at the byte where it goes wrong, and
// reading never blocks.
import Foundation
import Testing
@testable import ResolutionKit
#if canImport(Glibc)
import Glibc
#endif

@Suite struct BadInputTests {
    static let chinese = "安全理事会，\n\n回顾其以往关于该问题的各项决议，\n\n1. 决定继续积极处理此案。\n"

    @Test func aBadByteInGB18030IsReportedWhereItIs() throws {
        let gb = DecodingTests.iconv(Self.chinese, to: "GB18030")
        #expect(try TextDecoder.decode(gb).encoding == "gb18030")
        // 0xFF is never part of GB18030: put one after the first paragraph.
        let cut = gb.lastIndex(of: 0x0A)!
        let bad = Array(gb[..<cut]) + [0xFF] + Array(gb[cut...])
        #expect(throws: DocumentError.undecodable(path: "g", offset: cut)) { try TextDecoder.decode(bad, path: "g") }
    }

    @Test func utf16OffsetsAreInBytes() throws {
        // 𝐀 (U+1D400) is a surrogate pair: two units, four bytes. A lone low surrogate after
        // it sits at byte 2 (BOM) + 4 + 2 (`a`) = 8.
        for little in [true, false] {
            var units: [UInt16] = [0xD835, 0xDC00, 0x61, 0xDC00, 0x62]
            var bytes: [UInt8] = little ? [0xFF, 0xFE] : [0xFE, 0xFF]
            for u in units { bytes += little ? [UInt8(u & 0xFF), UInt8(u >> 8)] : [UInt8(u >> 8), UInt8(u & 0xFF)] }
            #expect(throws: DocumentError.undecodable(path: "u", offset: 8)) { try TextDecoder.decode(bytes, path: "u") }
            units[3] = 0
            bytes = little ? [0xFF, 0xFE] : [0xFE, 0xFF]
            for u in units { bytes += little ? [UInt8(u & 0xFF), UInt8(u >> 8)] : [UInt8(u >> 8), UInt8(u & 0xFF)] }
            #expect(throws: DocumentError.binary(path: "u", offset: 8)) { try TextDecoder.decode(bytes, path: "u") }
        }
    }

    @Test func aFileMixingGB18030AndUTF8IsRefused() throws {
        let utf8 = Array(Self.chinese.utf8), gb = DecodingTests.iconv(Self.chinese, to: "GB18030")
        for mixed in [utf8 + gb, gb + utf8] {
            #expect(throws: DocumentError.self) { try TextDecoder.decode(mixed, path: "m") }
            let message = (try? TextDecoder.decode(mixed, path: "m")).map { _ in "" }
                ?? { do { _ = try TextDecoder.decode(mixed, path: "m"); return "" } catch { return "\(error)" } }()
            #expect(message.contains("mixes UTF-8") || message.contains("cannot be decoded"), "\(message)")
        }
        // Long GB18030 texts are never mistaken for mixed ones.
        let long = String(repeating: Self.chinese, count: 400)
        #expect(try TextDecoder.decode(DecodingTests.iconv(long, to: "GB18030")).text == long)
    }

    @Test func devicesPipesAndFoldersAreNamedAndNeverBlock() throws {
        func reason(_ path: String) -> String {
            do { _ = try DocumentFile.read(path); return "read" } catch { return "\(error)" }
        }
        #expect(reason("/dev/null").contains("character device"))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reso-bad-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(reason(dir).contains("folder"))
        #expect(reason(dir + "/missing.txt").contains("no such file"))
        // A FIFO with no writer: a blocking open would hang the test here.
        let fifo = dir + "/pipe.txt"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(reason(fifo).contains("named pipe"))
        #expect(throws: DocumentError.self) { try ResolutionDocument.load(path: fifo) }
        let file = dir + "/doc.txt"
        try Self.chinese.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try DocumentFile.read(file) == Array(Self.chinese.utf8))
    }
}

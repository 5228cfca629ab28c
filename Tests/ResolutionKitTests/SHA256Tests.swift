// SHA-256 against the FIPS 180-4 examples and the system's sha256sum, with the processor's SHA
// extensions (when this machine has them) and with the portable rounds: both must give the same
// digest for every length, block boundaries included.
import Foundation
@testable import ResolutionKit
import Testing

@Suite struct SHA256Tests {
    static func hex(_ bytes: [UInt8], hardware: Bool) -> String {
        var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        var padded = bytes
        padded.append(0x80)
        while padded.count % 64 != 56 { padded.append(0) }
        for i in (0..<8).reversed() { padded.append(UInt8(truncatingIfNeeded: UInt64(bytes.count * 8) >> (UInt64(i) * 8))) }
        padded.withUnsafeBufferPointer { SHA256.blocks($0, &h, hardware: hardware) }
        return h.map { String(format: "%08x", $0) }.joined()
    }

    static var paths: [Bool] { SHA256.hardware ? [true, false] : [false] }

    @Test func fipsExamples() {
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        let cases: [([UInt8], String)] = [
            ([], "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            (Array("abc".utf8), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
             "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
            (million, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
        ]
        for (input, digest) in cases {
            #expect(SHA256.hex(input) == digest)
            for hardware in Self.paths { #expect(Self.hex(input, hardware: hardware) == digest, "hardware: \(hardware)") }
        }
    }

    /// Every length from 0 to 300 bytes (every padding case, one to five blocks) and a few
    /// large ones: the two implementations agree, and agree with sha256sum.
    @Test func bothRoundsAgreeOnEveryLength() throws {
        var generator = SystemRandomNumberGenerator()
        let lengths = Array(0...300) + [4_095, 4_096, 65_537, 1 << 20]
        var inputs: [[UInt8]] = []
        for n in lengths {
            let bytes = (0..<n).map { _ in UInt8.random(in: 0...255, using: &generator) }
            inputs.append(bytes)
            let software = Self.hex(bytes, hardware: false)
            #expect(SHA256.hex(bytes) == software, "length \(n)")
            if SHA256.hardware { #expect(Self.hex(bytes, hardware: true) == software, "length \(n)") }
        }
        // The system's sha256sum on a few of them, where it is installed.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum") else { return }
        for bytes in [inputs[0], inputs[64], inputs[119], inputs.last!] {
            let path = NSTemporaryDirectory() + "reso-sha-\(UUID().uuidString)"
            defer { try? FileManager.default.removeItem(atPath: path) }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            p.arguments = [path]
            let pipe = Pipe()
            p.standardOutput = pipe
            try p.run()
            let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(String(out.prefix(64)) == SHA256.hex(bytes), "\(bytes.count) bytes")
        }
    }
}

// The word-at-a-time scans in ScalarScan against the one-value-at-a-time loops they stand
// for, on text mixing ASCII with the scalars that send them down their slower paths
// (Latin-1 letters, Arabic letters, CJK, superscript digits), from every starting point.
import Testing
@testable import ResolutionKit

@Suite struct ScalarScanTests {
    static let alphabet: [UInt32] = Array("resolution decision Resolution R D ré, (a) [1] *x* \\ 12.".unicodeScalars.map(\.value))
        + [0xE9, 0x0628, 0x0642, 0x0631, 0x0627, 0x4E2D, 0x51B3, 0x00B9, 0x2074, 0x0440, 0x0420, 0x7F, 0x80, 0x5B, 0x60, 0x7B, 0x40]

    /// Texts of every length up to 70, built mostly of ASCII (where the word path runs) with
    /// a wider scalar now and then (where it must step aside).
    static func texts() -> [[UInt32]] {
        var rng = PropertyTests.SplitMix(state: 7)  // fixed seed: a failure can be run again
        var out: [[UInt32]] = []
        for n in 0...70 {
            for wide in [0, 1, 4] {
                out.append((0..<n).map { _ in
                    Int.random(in: 0..<20, using: &rng) < wide ? alphabet.randomElement(using: &rng)!
                        : alphabet[Int.random(in: 0..<alphabet.count - 17, using: &rng)]
                })
            }
        }
        return out
    }

    @Test(arguments: [Array("rdRD".unicodeScalars.map(\.value)), Array("rRrR".unicodeScalars.map(\.value)),
                      [0x0440, 0x0420, 0x0440, 0x0420], [0x0642, 0x0642, 0x0642, 0x0642], [0x51B3, 0x51B3, 0x51B3, 0x51B3]])
    func nextWordStartIsTheFirstStartAfterNoLetter(_ starts: [UInt32]) {
        let lanes = SIMD4<UInt32>(starts[0], starts[1], starts[2], starts[3])
        for text in Self.texts() {
            text.withUnsafeBufferPointer { u in
                for from in 1...max(1, u.count) where from <= u.count {
                    var j = from
                    while j < u.count && !(starts.contains(u[j]) && !ScalarScan.isTableFreeLetter(u[j - 1])) { j += 1 }
                    #expect(ScalarScan.nextWordStart(u, from: from, starts: lanes) == j, "\(text) from \(from)")
                }
            }
        }
    }

    @Test(arguments: [false, true])
    func nextNotPlainIsTheEndOfThePlainRun(_ digits: Bool) {
        for text in Self.texts() {
            text.withUnsafeBufferPointer { u in
                for from in 0...u.count {
                    var j = from
                    while j < u.count, let c = Unicode.Scalar(u[j]), InlinePass.isPlain(c, plainMarkers: digits) { j += 1 }
                    #expect(ScalarScan.nextNotPlain(u, from: from, digits: digits) == j, "\(text) from \(from)")
                }
            }
        }
    }
}

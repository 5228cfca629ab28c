// Tests on eight bytes at once (one `UInt64`), for the byte scans that run over a whole
// input or output: a word with none of the bytes looked for is passed in one step.

enum ByteWords {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `offset` (unaligned).
    /// - Complexity: O(1).
    @inline(__always) static func load(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
    }

    /// Some byte of `w` is zero. Exact: a borrow runs only from a byte that is zero itself.
    /// - Complexity: O(1).
    @inline(__always) static func hasZero(_ w: UInt64) -> Bool { (w &- ones) & ~w & highs != 0 }

    /// Some byte of `w` equals `b`.
    /// - Complexity: O(1).
    @inline(__always) static func has(_ w: UInt64, _ b: UInt8) -> Bool { hasZero(w ^ (ones &* UInt64(b))) }

    /// Some byte of `w` is below `n` (n ≤ 128). Exact as an answer for the word: a byte with
    /// its high bit set is masked out, and a borrow runs only from a byte below `n`.
    /// - Complexity: O(1).
    @inline(__always) static func hasBelow(_ w: UInt64, _ n: UInt8) -> Bool { (w &- ones &* UInt64(n)) & ~w & highs != 0 }

    /// How many bytes of `w` equal `b`. Exact per byte (no borrow between bytes): a byte's
    /// low seven bits plus 0x7F reach its high bit unless they are zero.
    /// - Complexity: O(1).
    @inline(__always) static func count(_ w: UInt64, _ b: UInt8) -> Int { zeroMask(w ^ (ones &* UInt64(b))).nonzeroBitCount }

    /// The high bit of each zero byte of `w`, and no other bit.
    /// - Complexity: O(1).
    @inline(__always) static func zeroMask(_ x: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & low) &+ low) | x | low)
    }

    /// How many bytes of `w` are above 0x20: those with the high bit, and those whose low
    /// seven bits plus 0x5F reach it (0x21 and up; no carry leaves a byte).
    /// - Complexity: O(1).
    @inline(__always) static func countAbove0x20(_ w: UInt64) -> Int {
        ((((w & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x5F5F_5F5F_5F5F_5F5F) | w) & highs).nonzeroBitCount
    }

    /// All eight bytes are printable ASCII (0x20–0x7E).
    /// - Complexity: O(1).
    @inline(__always) static func allPrintableASCII(_ w: UInt64) -> Bool {
        // No high bit; none below 0x20; none at 0x7F (with no high bit, adding one carries
        // into a byte's high bit only from 0x7F, and never into the next byte).
        w & highs == 0 && !hasBelow(w, 0x20) && (w &+ ones) & highs == 0
    }
}

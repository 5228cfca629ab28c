// Skipping over the scalars of a text that a scan has no business with, eight at a step.
// The inline pass reads every scalar of every paragraph several times (references, markup,
// symbols); most positions are plain letters the scan turns away one by one, each a branch
// the processor guesses wrong often enough to make these loops most of the pass.

/// Vector tests over a text's scalars, read as their `UInt32` values (a `Unicode.Scalar` is
/// one in memory). Each skip only passes over positions that the caller's own test would
/// turn away, and leaves the caller to decide exactly at the positions it stops at: the
/// scans stay what they were, only faster.
enum ScalarScan {
    /// Calls `body` with the text's scalars as `UInt32` values.
    /// - Complexity: O(1) besides `body`.
    @inline(__always)
    static func values<R>(_ text: Scalars, _ body: (UnsafeBufferPointer<UInt32>) -> R) -> R {
        text.withUnsafeBufferPointer { UnsafeRawBufferPointer($0).withMemoryRebound(to: UInt32.self, body) }
    }

    /// A bit per position of `u[j..<j+8]` (`j + 8 <= u.count`), set where `test` holds. The
    /// test is made at all eight without a branch (`test` must be a plain expression), so
    /// that a text where hits come at random costs no mispredicted branch per scalar.
    /// (Swift's `SIMD8` comparisons were compiled lane by lane through memory here.)
    /// - Complexity: O(1).
    @inline(__always)
    static func mask8(_ u: UnsafeBufferPointer<UInt32>, _ j: Int, _ test: (UInt32) -> Bool) -> UInt32 {
        let p = u.baseAddress! + j
        var m: UInt32 = 0
        for k in 0..<8 { m |= (test(p[k]) ? 1 : 0) << UInt32(k) }
        return m
    }

    /// Whether `v` is an ASCII letter (`A`–`Z`, `a`–`z`) or an Arabic letter (U+0621–U+064A):
    /// letters `Chars.isAlphabetic` answers without Unicode's tables (for the others it asks).
    /// - Complexity: O(1).
    @inline(__always)
    static func isTableFreeLetter(_ v: UInt32) -> Bool { ((v | 0x20) &- 0x61 < 26 && v < 0x80) || v &- 0x0621 < 0x2A }

    /// The first position at or after `from` where a word may open with one of `starts`
    /// (at most four values, repeated to fill the four lanes): a value among `starts`
    /// whose previous value is not an ASCII or Arabic letter (`isTableFreeLetter`). Positions
    /// before it cannot open one; the caller still asks its own test at the position
    /// returned (whose previous value may be another letter). `u.count` when there is none.
    /// - Complexity: O(n) in the positions passed over.
    static func nextWordStart(_ u: UnsafeBufferPointer<UInt32>, from: Int, starts: SIMD4<UInt32>) -> Int {
        var j = from
        if j == 0 { return 0 }  // no previous value: the caller decides
        let s0 = starts[0], s1 = starts[1], s2 = starts[2], s3 = starts[3]
        @inline(__always) func opens(_ c: UInt32, _ p: UInt32) -> Bool {
            ((c == s0) || (c == s1) || (c == s2) || (c == s3)) && !isTableFreeLetter(p)
        }
        // Starts that are all ASCII (English, French, Spanish) are looked for in eight ASCII
        // values at once as the bytes of one word, like `nextNotPlain`: tested lane by lane,
        // the compiler made a branch of each lane's test, and half of them went the way the
        // processor did not guess (a start letter comes every dozen scalars of English).
        let asciiStarts = (s0 | s1 | s2 | s3) < 0x80
        let ones = ByteWords.ones
        while j + 8 <= u.count {
            let p = u.baseAddress! + j
            if asciiStarts && p[-1] < 0x80 {
                let raw = UnsafeRawPointer(p)
                let x0 = raw.loadUnaligned(as: UInt64.self), x1 = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                let x2 = raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self), x3 = raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                if (x0 | x1 | x2 | x3) & 0xFFFF_FF80_FFFF_FF80 == 0 {
                    // Byte k: the value at k; in `before`, the value at k - 1.
                    let b = twoBytes(x0) | twoBytes(x1) << 16 | twoBytes(x2) << 32 | twoBytes(x3) << 48
                    let before = b << 8 | UInt64(p[-1])
                    let start = ByteWords.zeroMask(b ^ (ones &* UInt64(s0))) | ByteWords.zeroMask(b ^ (ones &* UInt64(s1)))
                        | ByteWords.zeroMask(b ^ (ones &* UInt64(s2))) | ByteWords.zeroMask(b ^ (ones &* UInt64(s3)))
                    // ASCII letters before (an ASCII value is no Arabic letter): with 0x20 set,
                    // each byte lies in 0x20–0x7F, and adding 0x1F (or 0x05) reaches its high
                    // bit exactly when it is at least 0x61 (or 0x7B), no carry leaving it.
                    let x = before | ones &* 0x20
                    let letter = (x &+ ones &* 0x1F) & ~(x &+ ones &* 0x05) & ByteWords.highs
                    let m = start & ~letter
                    if m != 0 { return j + m.trailingZeroBitCount / 8 }
                    j += 8
                    continue
                }
            }
            var m: UInt32 = 0
            for k in 0..<8 { m |= (opens(p[k], p[k - 1]) ? 1 : 0) << UInt32(k) }
            if m != 0 { return j + m.trailingZeroBitCount }
            j += 8
        }
        while j < u.count && !opens(u[j], u[j - 1]) { j += 1 }
        return j
    }

    /// The first position at or after `from` whose value is an ASCII capital (`A`–`Z`), or
    /// `u.count`.
    /// - Complexity: O(n) in the positions passed over.
    static func nextCapital(_ u: UnsafeBufferPointer<UInt32>, from: Int) -> Int {
        var j = from
        while j + 8 <= u.count {
            let m = mask8(u, j) { $0 &- 0x41 < 26 }
            if m != 0 { return j + m.trailingZeroBitCount }
            j += 8
        }
        while j < u.count && u[j] &- 0x41 >= 26 { j += 1 }
        return j
    }

    /// The first position at or after `from` whose scalar `InlinePass.clean` does not copy
    /// as it is (`InlinePass.isPlain` false): `[`, `*`, `\\`, the marker separator, a
    /// superscript digit, and with `digits` an ASCII digit. `u.count` when there is none.
    /// Exactly the end of the run `while isPlain(…)` would find, found eight at a step.
    /// - Complexity: O(n) in the positions passed over.
    static func nextNotPlain(_ u: UnsafeBufferPointer<UInt32>, from: Int, digits: Bool) -> Int {
        var j = from
        while true {
            while j + 8 <= u.count {
                // Four words of two values each. All ASCII: narrowed to the eight bytes of one
                // word, value k in byte k, where the stops are found by byte arithmetic
                // (`ByteWords`) without a branch. Tested value by value, the compiler made a
                // branch of each test, eight a step.
                let p = UnsafeRawPointer(u.baseAddress! + j)
                let x0 = p.loadUnaligned(as: UInt64.self), x1 = p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                let x2 = p.loadUnaligned(fromByteOffset: 16, as: UInt64.self), x3 = p.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                guard (x0 | x1 | x2 | x3) & 0xFFFF_FF80_FFFF_FF80 == 0 else { break }
                let b = twoBytes(x0) | twoBytes(x1) << 16 | twoBytes(x2) << 32 | twoBytes(x3) << 48
                var m = ByteWords.zeroMask(b ^ (ByteWords.ones &* 0x5B)) | ByteWords.zeroMask(b ^ (ByteWords.ones &* 0x2A))
                    | ByteWords.zeroMask(b ^ (ByteWords.ones &* 0x5C))
                // Digits: bytes at least 0x30 (adding 0x50 reaches the high bit) and below 0x3A
                // (adding 0x46 does not); no byte is above 0x7F, so no carry leaves one.
                if digits { m |= (b &+ ByteWords.ones &* 0x50) & ~(b &+ ByteWords.ones &* 0x46) & ByteWords.highs }
                if m != 0 { return j + m.trailingZeroBitCount / 8 }
                j += 8
            }
            // One at a time through eight that hold a wider scalar (or the last few).
            let end = min(j + 8, u.count)
            while j < end {
                guard let c = Unicode.Scalar(u[j]), InlinePass.isPlain(c, plainMarkers: digits) else { return j }
                j += 1
            }
            if j == u.count { return j }
        }
    }

    /// The two values (each below 0x80) of a word of two `UInt32`s as the two low bytes of
    /// the result, the first value in the lowest.
    /// - Complexity: O(1).
    @inline(__always)
    static func twoBytes(_ x: UInt64) -> UInt64 { (x | (x >> 24)) & 0xFFFF }

    /// The scalars (given as their bytes) as a String when all are ASCII; nil otherwise.
    /// - Complexity: O(n): a pass to check, one to narrow.
    static func asciiString(_ raw: UnsafeRawBufferPointer) -> String? {
        raw.withMemoryRebound(to: UInt32.self) { u -> String? in
            guard allASCII(u) else { return nil }
            if u.isEmpty { return "" }
            return String(unsafeUninitializedCapacity: u.count) { out in
                for k in 0..<u.count { out[k] = UInt8(truncatingIfNeeded: u[k]) }
                return u.count
            }
        }
    }

    /// Whether every value is below 0x80 (ASCII): their OR is.
    /// - Complexity: O(n), a loop the compiler vectorises.
    @inline(__always)
    static func allASCII(_ u: UnsafeBufferPointer<UInt32>) -> Bool {
        var any: UInt32 = 0
        for v in u { any |= v }
        return any < 0x80
    }
}

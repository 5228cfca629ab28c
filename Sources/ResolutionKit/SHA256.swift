import CSHA256
// SHA-256 of the source bytes: sidecars use it to notice that a document changed.
// FIPS 180-4; the rounds are in CSHA256 (SHA extensions where the processor has them).

public enum SHA256 {
    public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        digest(bytes).map { b in
            let s = String(b, radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined()
    }

    public static func hex(_ text: String) -> String { hex(Array(text.utf8)) }

    public static func digest<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        let message = Array(bytes)
        return message.withUnsafeBufferPointer { digest(buffer: $0) }
    }

    /// Hashes whole 64-byte blocks straight from the input; only the tail is copied to pad.
    static func digest(buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                           0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        let whole = buffer.count / 64 * 64
        blocks(UnsafeBufferPointer(rebasing: buffer[..<whole]), &h)
        var tail = Array(buffer[whole...])
        let bitLength = UInt64(buffer.count) * 8
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for i in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8))) }
        tail.withUnsafeBufferPointer { t in blocks(t, &h) }
        return h.flatMap { v in (0..<4).map { UInt8(truncatingIfNeeded: v >> (24 - $0 * 8)) } }
    }

    /// Whether the processor's SHA extensions do the rounds; else CSHA256's portable rounds,
    /// which give the same digests (tests compare the two).
    static let hardware = reso_sha256_hardware() != 0

    /// Runs whole 64-byte blocks through the compression function.
    /// - Complexity: O(n).
    static func blocks(_ data: UnsafeBufferPointer<UInt8>, _ h: inout [UInt32], hardware: Bool = SHA256.hardware) {
        let count = data.count / 64
        guard count > 0, let base = data.baseAddress else { return }
        h.withUnsafeMutableBufferPointer { state in
            if hardware { reso_sha256_blocks(state.baseAddress!, base, count) }
            else { reso_sha256_blocks_portable(state.baseAddress!, base, count) }
        }
    }
}

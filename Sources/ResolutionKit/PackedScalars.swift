/// Scalars stored at the width of the widest one: a byte each when all are below U+0100
/// (English, and Latin text with accents), two when all are in the Basic Multilingual Plane
/// (Chinese, Arabic, Russian), four otherwise. CPython stores its strings the same way
/// (PEP 393).
///
/// Why: the line phases hold every line of a text at once. As `[Unicode.Scalar]`, a line
/// of 40 ASCII bytes cost 208 bytes of heap besides its record, and a text of short lines
/// peaked at over eight times its size. Packed, the same line costs 80.
///
/// One byte array whatever the width (not an enum of three arrays): copying a line is then
/// a single retain, where an enum's copy switched on its case at every copy of a line.
/// Equal texts are packed alike (the width is the widest scalar's), so `==` compares the
/// bytes.
struct PackedScalars: RandomAccessCollection, Equatable {
    private var bytes: [UInt8]
    /// Bytes a scalar: 1, 2 or 4.
    private var width: UInt8

    init() { bytes = []; width = 1 }

    /// - Complexity: O(n): one pass for the widest scalar, one to copy.
    init<C: Collection>(_ scalars: C) where C.Element == Unicode.Scalar {
        // Arrays and their slices (every text the phases pack) are read as plain `UInt32`s.
        if let packed = scalars.withContiguousStorageIfAvailable({ PackedScalars(contiguous: $0) }) {
            self = packed
            return
        }
        var widest: UInt32 = 0
        for s in scalars where s.value > widest { widest = s.value }
        let w = widest < 0x100 ? 1 : widest < 0x10000 ? 2 : 4
        let n = scalars.count
        width = UInt8(w)
        bytes = [UInt8](unsafeUninitializedCapacity: n * w) { raw, filled in
            var i = 0
            switch w {
            case 1:
                for s in scalars { raw[i] = UInt8(truncatingIfNeeded: s.value); i += 1 }
            case 2:
                let out = UnsafeMutableRawPointer(raw.baseAddress!)
                for s in scalars { out.storeBytes(of: UInt16(truncatingIfNeeded: s.value), toByteOffset: i * 2, as: UInt16.self); i += 1 }
            default:
                let out = UnsafeMutableRawPointer(raw.baseAddress!)
                for s in scalars { out.storeBytes(of: s.value, toByteOffset: i * 4, as: UInt32.self); i += 1 }
            }
            filled = n * w
        }
    }

    /// Scalars below U+0100 given as their values, a byte each: stored as they are, which is
    /// how `init(_:)` would pack them.
    /// - Complexity: O(n), one copy.
    init(latin1 bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = Array(bytes)
        width = 1
    }

    /// Packs scalars held contiguously, read as their `UInt32` values (a `Unicode.Scalar` is
    /// one in memory): the widest is found by OR-ing all values (every value is below 0x100,
    /// or 0x10000, exactly when their OR is), and the narrowing copy is a plain loop. Both
    /// loops vectorise, where the generic loops over `Unicode.Scalar` went one at a time.
    /// - Complexity: O(n), two passes over the buffer.
    private init(contiguous scalars: UnsafeBufferPointer<Unicode.Scalar>) {
        let n = scalars.count
        (bytes, width) = UnsafeRawBufferPointer(scalars).withMemoryRebound(to: UInt32.self) { values -> ([UInt8], UInt8) in
            var any: UInt32 = 0
            for v in values { any |= v }
            let w = any < 0x100 ? 1 : any < 0x10000 ? 2 : 4
            let packed = [UInt8](unsafeUninitializedCapacity: n * w) { raw, filled in
                switch w {
                case 1:
                    for i in 0..<n { raw[i] = UInt8(truncatingIfNeeded: values[i]) }
                case 2:
                    let out = UnsafeMutableRawPointer(raw.baseAddress!)
                    for i in 0..<n { out.storeBytes(of: UInt16(truncatingIfNeeded: values[i]), toByteOffset: i * 2, as: UInt16.self) }
                default:
                    if n > 0 { UnsafeMutableRawPointer(raw.baseAddress!).copyMemory(from: values.baseAddress!, byteCount: n * 4) }
                }
                filled = n * w
            }
            return (packed, UInt8(w))
        }
    }

    var count: Int { width == 1 ? bytes.count : bytes.count / Int(width) }
    var startIndex: Int { 0 }
    var endIndex: Int { count }

    /// Read in place, without unpacking.
    /// - Complexity: O(1).
    subscript(i: Int) -> Unicode.Scalar {
        switch width {
        case 1: return Unicode.Scalar(bytes[i])
        case 2:
            precondition(i >= 0 && i < count, "index out of range")
            let v = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: i * 2, as: UInt16.self) }
            return Unicode.Scalar(UInt32(v)) ?? "\u{FFFD}"
        default:
            precondition(i >= 0 && i < count, "index out of range")
            let v = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self) }
            return Unicode.Scalar(v) ?? "\u{FFFD}"
        }
    }

    /// Calls `body` with the stored bytes when every scalar is below U+0100 (a byte each,
    /// the scalar's value), for a scan that reads raw bytes; nil for wider text.
    /// - Complexity: O(1) besides `body`.
    @inline(__always) func withLatin1<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard width == 1 else { return nil }
        return bytes.withUnsafeBufferPointer(body)
    }

    /// Calls `body` with the stored values when every scalar is in the Basic Multilingual
    /// Plane and some past U+00FF (two bytes each, the scalar's value), for a scan that reads
    /// raw code units (Chinese, Arabic, Russian lines); nil for other widths.
    /// - Complexity: O(1) besides `body`.
    @inline(__always) func withBMP<R>(_ body: (UnsafeBufferPointer<UInt16>) -> R) -> R? {
        guard width == 2 else { return nil }
        return bytes.withUnsafeBytes { $0.withMemoryRebound(to: UInt16.self) { body($0) } }
    }

    /// How many scalars are ASCII letters (`A`–`Z`, `a`–`z`), counted in the stored values.
    /// - Complexity: O(n).
    var asciiLetterCount: Int {
        // Plain loops over the stored values, which the compiler vectorises.
        if let n = withLatin1({ b -> Int in
            var n = 0
            for v in b { n &+= (v | 0x20) &- 0x61 < 26 ? 1 : 0 }
            return n
        }) { return n }
        if let n = withBMP({ b -> Int in
            var n = 0
            for v in b { n &+= (v | 0x20) &- 0x61 < 26 ? 1 : 0 }
            return n
        }) { return n }
        var n = 0
        for s in scalars { n &+= (s.value | 0x20) &- 0x61 < 26 ? 1 : 0 }
        return n
    }

    /// Whether some scalar is the ASCII character `v`, looked for in the stored values
    /// without unpacking them; Latin-1 text eight bytes at a step (`ByteWords`).
    /// - Complexity: O(n).
    func contains(ascii v: UInt8) -> Bool {
        bytes.withUnsafeBufferPointer { b -> Bool in
            switch width {
            case 1:
                var i = 0
                while i + 8 <= b.count {
                    if ByteWords.has(ByteWords.load(b, i), v) { return true }
                    i += 8
                }
                while i < b.count { if b[i] == v { return true }; i += 1 }
                return false
            case 2:
                return UnsafeRawBufferPointer(b).withMemoryRebound(to: UInt16.self) { $0.contains(UInt16(v)) }
            default:
                return UnsafeRawBufferPointer(b).withMemoryRebound(to: UInt32.self) { $0.contains(UInt32(v)) }
            }
        }
    }

    /// Every scalar is below U+0100 (stored a byte each).
    var isLatin1: Bool { width == 1 }

    /// Equal texts are packed alike (see the type's comment), so the bytes decide. Compared
    /// eight at a step: the synthesised `==` compared the arrays byte by byte, and the
    /// running-line search compares every recurring line with the first of its kind.
    /// - Complexity: O(n) in the bytes.
    static func == (a: PackedScalars, b: PackedScalars) -> Bool {
        guard a.width == b.width, a.bytes.count == b.bytes.count else { return false }
        return a.bytes.withUnsafeBytes { x in
            b.bytes.withUnsafeBytes { y in
                if x.baseAddress == y.baseAddress { return true }
                var i = 0
                while i + 8 <= x.count {
                    if x.loadUnaligned(fromByteOffset: i, as: UInt64.self) != y.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
                    i += 8
                }
                while i < x.count { if x[i] != y[i] { return false }; i += 1 }
                return true
            }
        }
    }

    /// A 64-bit hash of the stored bytes and their width, FNV-1a taken eight bytes at a
    /// step. Equal texts hash alike: a text's packing is fixed by its scalars (the width of
    /// its widest). For grouping candidates that are then compared: not for a hash table
    /// open to chosen input.
    /// - Complexity: O(n), over the bytes, without reading scalar by scalar.
    var contentHash: UInt64 {
        var h: UInt64 = 0xcbf29ce484222325 ^ UInt64(width) ^ (UInt64(bytes.count) << 8)
        bytes.withUnsafeBytes { raw in
            var i = 0
            while i + 8 <= raw.count {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100000001b3
                h ^= h >> 29
                i += 8
            }
            while i < raw.count { h = (h ^ UInt64(raw[i])) &* 0x100000001b3; i += 1 }
        }
        return h
    }

    /// The scalars as an array, made on each call.
    /// - Complexity: O(n), a widening copy.
    var scalars: Scalars {
        var out = Scalars()
        unpack(into: &out)
        return out
    }
}

extension PackedScalars {
    /// The scalars written into `out` (emptied first, its capacity kept): a pass that unpacks
    /// text after text reuses one buffer instead of allocating one per text.
    /// - Complexity: O(n), a widening copy.
    func unpack(into out: inout Scalars) {
        // Sized first, then overwritten: `init(unsafeUninitializedCapacity:)` reached an
        // unspecialised buffer initialiser that looked up the array's type metadata on
        // every call (a tenth of the cost of unpacking a short line).
        out.removeAll(keepingCapacity: true)
        out.append(contentsOf: repeatElement("\0", count: count))
        let n = count
        bytes.withUnsafeBytes { from in
            out.withUnsafeMutableBufferPointer { to in
                // `Unicode.Scalar` is a `UInt32` in memory, and only scalars' values were
                // stored (no surrogates): written as `UInt32`, the loop is a plain widening
                // copy the compiler can vectorise, with no validity check per element.
                UnsafeMutableRawBufferPointer(to).withMemoryRebound(to: UInt32.self) { values in
                    switch width {
                    case 1: for i in 0..<n { values[i] = UInt32(from[i]) }
                    case 2: for i in 0..<n { values[i] = UInt32(from.loadUnaligned(fromByteOffset: i * 2, as: UInt16.self)) }
                    default: for i in 0..<n { values[i] = from.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self) }
                    }
                }
            }
        }
    }
}

/// A text that is built or changed as scalars and then held packed: the block being joined
/// line by line, the paragraph or item the structure phase is growing. Reading it while it
/// is open costs nothing; `pack()` stores it at its narrowest once it is finished, so that
/// the finished ones, which a phase holds all at once, cost one or two bytes a scalar.
struct PackableText {
    private var packed = PackedScalars()
    /// `packed` holds the text (also while `open` holds it unpacked for reading).
    private var packedIsCurrent = false
    /// The text while it is built or read, until `pack()`.
    private var open: Scalars?

    init(_ text: Scalars) { open = text }

    /// Both forms of a text already packed: reading it costs nothing, and packing it again
    /// does nothing (a block opened by one line that no other line joins).
    init(packed: PackedScalars, unpacked: Scalars) {
        self.packed = packed
        packedIsCurrent = true
        open = unpacked
    }

    /// A text that comes packed, held as `pack()` leaves one: it is unpacked only if read.
    init(packed: PackedScalars) {
        self.packed = packed
        packedIsCurrent = true
    }

    /// The text as it is stored once packed, read without unpacking it; nil until `pack()`.
    var packedText: PackedScalars? { open == nil ? packed : nil }

    /// The text as scalars. Changed in place, it stays unpacked until `pack()`: a text
    /// growing piece by piece would be copied whole on each append if it were repacked.
    var scalars: Scalars {
        get { open ?? packed.scalars }
        _modify {
            if open == nil { open = packed.scalars }
            packed = PackedScalars()
            packedIsCurrent = false
            yield &open!
        }
        set {
            open = newValue
            packed = PackedScalars()
            packedIsCurrent = false
        }
    }

    /// Whether the text ends a clause (`endsWithTerminator`), read without unpacking it.
    var endsClause: Bool { open.map { endsWithTerminator($0) } ?? endsWithTerminator(packed) }

    /// Moves the text into `scratch` as scalars and empties this one, as setting `scalars`
    /// to `[]` would: a packed text is unpacked into the scratch buffer (kept from text to
    /// text by the caller, so that no buffer is allocated per text).
    /// - Complexity: O(n) in the text's scalars; O(1) when it is unpacked already.
    mutating func take(into scratch: inout Scalars) {
        if let text = open { scratch = text } else { packed.unpack(into: &scratch) }
        self = PackableText([])
    }

    /// Stores the text at the width of its widest scalar, in an array of its exact size.
    /// - Complexity: O(n) in the text's scalars; O(1) when it is packed already.
    mutating func pack() {
        guard let text = open else { return }
        open = nil
        if packedIsCurrent { return }
        WorkMeter.add(text.count)
        packed = PackedScalars(text)
        packedIsCurrent = true
    }
}

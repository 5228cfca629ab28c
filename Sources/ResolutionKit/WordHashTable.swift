// A table from 64-bit keys that are hashes already (FNV of a word, or letter codes side by
// side) to values, by open addressing: the standard Dictionary hashes each such key again with
// SipHash, which was most of the time spent looking words up.

/// Keys are never 0 (`subscript` moves 0 to 1); the table doubles at half full. A table given
/// a `limit` keeps no more keys than that: a new key is then not stored (a cache of words
/// works them out again), so that a text made of distinct words gets no more room than that.
struct WordHashTable<Value> {
    private var keys: [UInt64]
    private var values: [Value?]
    private var shift: UInt64  // 64 − log2 of the table's size
    private let limit: Int
    private(set) var count = 0

    init(capacity: Int = 16, limit: Int = .max) {
        self.limit = limit
        var size = 16, shift: UInt64 = 60
        while size < capacity * 2 { size <<= 1; shift -= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: nil, count: size)
        self.shift = shift
    }

    @inline(__always) private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    /// The slot that holds `key`, or the empty one where it would go: the key's bits mixed by
    /// a multiplication and the top ones taken (letter codes side by side differ mostly in
    /// their low bits, which alone would crowd a few slots).
    @inline(__always) private func slot(_ key: UInt64) -> Int {
        let mask = keys.count - 1
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while keys[i] != 0 && keys[i] != key { i = (i + 1) & mask }
        return i
    }

    /// - Complexity: O(1) expected.
    subscript(key: UInt64) -> Value? {
        get { values[slot(Self.stored(key))] }
        set {
            let key = Self.stored(key)
            guard let newValue else { return }  // nothing here is ever removed
            if (count + 1) * 2 > keys.count {
                guard count < limit else {
                    let i = slot(key)
                    if keys[i] == key { values[i] = newValue }
                    return
                }
                grow()
            }
            let i = slot(key)
            if keys[i] == 0 { keys[i] = key; count += 1 }
            values[i] = newValue
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: nil, count: oldKeys.count * 2)
        shift -= 1
        for (k, v) in zip(oldKeys, oldValues) where k != 0 {
            let i = slot(k)
            keys[i] = k
            values[i] = v
        }
    }
}

extension WordHashTable: Sendable where Value: Sendable {}

// How Arabic is spelled, as counts of letter sequences: the evidence for the lam-alef
// ligatures that the letters alone leave open.
//
// A font that gives its ligatures backwards turns every lam-alef into alef-lam (`السلام` comes
// out `السالم`, `ولاية` `والية`). `ArabicLigatures.repair` mends the pairs whose letters prove
// them reversed; an alef before lam after a consonant is either, letter by letter (`المالية`
// is sound, `خالل` is a reversed `خلال`). Which it is depends on the word: here each reading
// of such a word is scored by how often its letter sequences occur in UN Arabic text
// (`scripts/gen-letter-model.py`), and the likelier one is kept when it is clearly likelier.

import Foundation
import LanguageData

/// Letter n-gram counts with a likelihood for a word (stupid backoff: the longest n-gram
/// seen, each step down weighed by 0.4).
struct ArabicLetterModel: Sendable {
    let order: Int
    private let counts: WordHashTable<UInt32>
    private let unigrams: Double

    /// The model compiled into the binary, read on first use.
    static let shared: ArabicLetterModel? = EmbeddedLetterModels.files["ar"].flatMap(ArabicLetterModel.init(table:))

    /// Reads `gram<TAB>count` lines, with `#order` and `#unigrams` lines first. Read byte by
    /// byte (a document that needs the model waits for it: split into Strings, the table took
    /// some 30 ms to read).
    /// - Complexity: O(n) in the table's bytes.
    init?(table: String) {
        var table = table
        let read: (order: Int, unigrams: Int, counts: WordHashTable<UInt32>)? = table.withUTF8 { bytes in
            var order = 0, unigrams = 0
            var counts = WordHashTable<UInt32>(capacity: bytes.count / 12)
            var i = 0
            let n = bytes.count
            while i < n {
                // The gram: `#name`, or its scalars (ASCII `^`, `$`, or two-byte Arabic).
                var key: UInt64 = 0, name: [UInt8] = []
                let header = bytes[i] == UInt8(ascii: "#")
                while i < n && bytes[i] != UInt8(ascii: "\t") {
                    let b = bytes[i]
                    if header { name.append(b); i += 1; continue }
                    var scalar: UInt32
                    if b < 0x80 { scalar = UInt32(b); i += 1 }
                    else if b & 0xE0 == 0xC0, i + 1 < n { scalar = UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F); i += 2 }
                    else { return nil }
                    guard let s = Unicode.Scalar(scalar) else { return nil }
                    let c = Self.code(s)
                    guard c != 0 else { return nil }
                    key = key << UInt64(Self.bits) | UInt64(c)
                }
                i += 1
                var value: UInt64 = 0, digits = 0
                while i < n && bytes[i] != UInt8(ascii: "\n") {
                    guard bytes[i] >= 0x30 && bytes[i] <= 0x39, digits < 10 else { return nil }
                    value = value * 10 + UInt64(bytes[i] - 0x30)
                    digits += 1
                    i += 1
                }
                i += 1
                guard digits > 0, value <= UInt64(UInt32.max) else { return nil }
                if header {
                    switch String(decoding: name, as: UTF8.self) {
                    case "#order": order = Int(value)
                    case "#unigrams": unigrams = Int(value)
                    default: return nil
                    }
                } else {
                    guard key != 0 else { return nil }
                    counts[key] = UInt32(value)
                }
            }
            return (order, unigrams, counts)
        }
        guard let read, read.order >= 2, read.order * Self.bits <= 64, read.unigrams > 0 else { return nil }
        self.order = read.order
        self.counts = read.counts
        self.unigrams = Double(read.unigrams)
    }

    private static let bits = 9
    private static let wordStart: UInt16 = 1, wordEnd: UInt16 = 2

    /// A scalar's code in a key: the padding marks, or an Arabic-block scalar; 0 for any other
    /// (which no counted n-gram holds).
    static func code(_ s: Unicode.Scalar) -> UInt16 {
        switch s {
        case "^": return wordStart
        case "$": return wordEnd
        default: return (0x0600...0x06FF).contains(s.value) ? UInt16(s.value - 0x0600) + 3 : 0
        }
    }

    /// One n-gram's key: its codes side by side. Codes are never 0 in a key, so n-grams of
    /// different lengths never share one.
    static func key(_ codes: some Collection<UInt16>) -> UInt64? {
        var key: UInt64 = 0
        for c in codes {
            guard c != 0 else { return nil }
            key = key << UInt64(bits) | UInt64(c)
        }
        return key
    }

    private func count(_ codes: ArraySlice<UInt16>) -> Double {
        guard let key = Self.key(codes), let n = counts[key] else { return 0 }
        return Double(n)
    }

    /// The natural log of the word's likelihood (its letters, then its end).
    /// - Complexity: O(w · order) for a word of w letters.
    func logLikelihood(_ word: some Collection<Unicode.Scalar>) -> Double {
        let codes = [UInt16](repeating: Self.wordStart, count: order - 1) + word.map(Self.code) + [Self.wordEnd]
        var total = 0.0
        for i in (order - 1)..<codes.count {
            var p = 1e-9, weight = 1.0
            for k in stride(from: order, through: 1, by: -1) {
                let gram = count(codes[(i - k + 1)...i])
                let context = k > 1 ? count(codes[(i - k + 1)..<i]) : unigrams
                if gram > 0 && context > 0 { p = weight * gram / context; break }
                weight *= 0.4
            }
            total += log(p)
        }
        return total
    }
}

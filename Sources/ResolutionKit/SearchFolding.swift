// The one search matcher: the reader's `/` and `reso search` both use `SearchPattern`, so they
// find the same things. Matching is on Unicode scalars, so Chinese needs no word boundaries.
//
// Folding, one scalar to one key (so match ranges map back to the text's own offsets; `œ` and
// `æ` alone take two):
// - case: Unicode simple case folding (`СОВЕТ` = `совет`, `É` = `é`, `Σ` = `ς` = `σ`);
// - width: full-width ASCII = ASCII (`ＡＢＣ１` = `abc1`), half-width katakana = katakana;
// - hyphens: `‐`, `‑`, `‒`, `–`, `−` = `-` (`COVID‑19` = `COVID-19`, `2019–2020` = `2019-2020`);
// - apostrophes and quotes: `‘`, `’`, `ʼ` = `'` (`d’Ivoire` = `d'Ivoire`), `“`, `”` = `"`;
// - ligatures typed as two letters: `œ` = `oe`, `æ` = `ae` (`mise en œuvre` = `mise en oeuvre`);
// - whitespace: any run of it is one space; when the query holds CJK, spaces are ignored on both
//   sides, because extracted Chinese text puts spaces around numbers (`2005 年` vs `2005年`);
// - Arabic: alef with hamza or madda is alef (`الامن` = `الأمن`), alef maksura is yeh (`علي` =
//   `على`), teh marbuta is heh (`المتحده` = `المتحدة`), as Arabic search engines fold them;
// - Cyrillic: `ё` is `е` (`её` = `ее`): the UN's Russian writes `е` where a keyboard gives `ё`;
// - ignorable: soft hyphen, zero-width spaces and joiners, bidi marks, BOM, and Arabic vowel
//   marks and tatweel (`يسلم` finds `يسلّم` and `مـجلس`) are skipped.
//
// Speed: scalars below U+2E80 (ASCII, Latin, Greek, Cyrillic, Arabic…) are folded by one load
// from a table computed once, CJK by a range check; only rare scripts above ask Unicode's
// properties.

public enum SearchFolding {
    /// The key of a whitespace scalar; never a key of anything else.
    public static let space: UInt32 = 0x20
    /// The key of a scalar that search skips entirely.
    public static let ignorable: UInt32 = 0xFFFF_FFFF

    /// The search key of `s`: its folded value, `space`, or `ignorable`.
    /// - Complexity: O(1).
    @inline(__always)
    public static func key(_ s: Unicode.Scalar) -> UInt32 {
        table.withUnsafeBufferPointer { key(s, $0.baseAddress!) }
    }

    /// `key(_:)` with the table already at hand: a search loop takes the table's pointer once,
    /// so that no scalar pays for the lazy global's initialisation check.
    @inline(__always)
    static func key(_ s: Unicode.Scalar, _ table: UnsafePointer<UInt32>) -> UInt32 {
        let v = s.value
        if v < 0x2E80 { return table[Int(v)] }
        if v <= 0x9FFF { return v == 0x3000 ? space : v }      // CJK has no case
        if v >= 0xAC00 && v <= 0xD7AF { return v }              // Hangul syllables
        if v >= 0xFF01 && v <= 0xFF5E { return table[Int(v - 0xFF01 + 0x21)] }
        if v == 0xFEFF { return ignorable }
        return slowKey(s)
    }

    /// The second key of a scalar that folds to two letters (`œ` is `o` then `e`, `æ` is `a`
    /// then `e`), nil for every other scalar: `key` gives the first.
    /// - Complexity: O(1).
    @inline(__always)
    public static func secondKey(_ s: Unicode.Scalar) -> UInt32? {
        let v = s.value
        return v == 0x0152 || v == 0x0153 || v == 0x00C6 || v == 0x00E6 ? 0x65 : nil
    }

    /// True when the scalar is CJK (ideographs, kana, Hangul, full-width forms): a query holding
    /// one ignores spaces.
    @inline(__always)
    public static func isCJK(_ v: UInt32) -> Bool {
        (v >= 0x2E80 && v <= 0x9FFF) || (v >= 0xAC00 && v <= 0xD7AF) || (v >= 0xF900 && v <= 0xFAFF)
            || (v >= 0xFF00 && v <= 0xFFEF) || (v >= 0x20000 && v <= 0x3FFFF)
    }

    /// Keys of U+0000–U+2E7F, computed once from Unicode's properties (ASCII included, so that
    /// the common case is one load).
    static let table: [UInt32] = (0..<0x2E80).map { slowKey(Unicode.Scalar($0) ?? " ") }

    private static func slowKey(_ s: Unicode.Scalar) -> UInt32 {
        let v = s.value
        if v == 0xAD || (v >= 0x200B && v <= 0x200F) || v == 0x2060 || v == 0xFEFF || v == 0x061C
            || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069) { return ignorable }
        // Arabic is typed without its vowel marks, and the UN's text writes some (`يسلّم`):
        // the marks and the tatweel that stretches a word are skipped, so `يسلم` finds it.
        if (v >= 0x064B && v <= 0x065F) || v == 0x0670 || v == 0x0640 { return ignorable }
        // So is the hamza on or under an alef, often left off when typing (`مجلس الامن` for
        // `مجلس الأمن`): alef with hamza or madda is alef.
        if v == 0x0622 || v == 0x0623 || v == 0x0625 || v == 0x0671 { return 0x0627 }
        // Word-final letters that typing confuses with their look-alikes: alef maksura for
        // yeh (`علي` for `على`, `الي` for `إلى`, and the Persian yeh of some keyboards) and
        // heh for teh marbuta (`الامم المتحده`). The UN's text writes each right; a query
        // may not. A name that differs only there (`علي`, Ali) also finds `على` (on): a few
        // hits too many, where without the fold the common word typed so found none.
        if v == 0x0649 || v == 0x06CC { return 0x064A }
        if v == 0x0629 { return 0x0647 }
        // The UN's Russian writes `е` for `ё` (`ее`, `объем`), which a keyboard types: one
        // letter for both, capital or small.
        if v == 0x0451 || v == 0x0401 { return 0x0435 }
        // The French ligatures, typed as two letters (`mise en oeuvre`): their first letter
        // here, the second from `secondKey`.
        if v == 0x0152 || v == 0x0153 { return 0x6F }
        if v == 0x00C6 || v == 0x00E6 { return 0x61 }
        // Hyphens and the dashes typed as one: the UN's text writes `COVID‑19` (a
        // non-breaking hyphen) and ranges with an en dash (`2019–2020`), which a query
        // types as `-`. The em dash stays: it is punctuation between words.
        if v == 0x2010 || v == 0x2011 || v == 0x2012 || v == 0x2013 || v == 0x2212 || v == 0xFE63 { return 0x2D }
        // Apostrophes and quotes as a keyboard types them: the UN's French writes
        // `l’Organisation` and `Côte d’Ivoire`, its English `Council’s` and “…”.
        if v == 0x2018 || v == 0x2019 || v == 0x201B || v == 0x02BC { return 0x27 }
        if v == 0x201C || v == 0x201D || v == 0x201F { return 0x22 }
        let p = s.properties
        if p.isWhitespace { return space }
        if let full = halfWidthKatakana[v] { return full }
        // Simple case folding as lower(upper(s)), one scalar to one: ς and σ meet through Σ,
        // ſ and s through S.
        guard p.changesWhenCaseMapped else { return v }
        var folded = s
        let upper = p.uppercaseMapping.unicodeScalars
        if upper.count == 1, let u = upper.first { folded = u }
        let lower = folded.properties.lowercaseMapping.unicodeScalars
        if lower.count == 1, let l = lower.first { return l.value }
        return folded.value
    }
}

/// A compiled query. `nil` when the query holds nothing but whitespace.
public struct SearchPattern: Sendable {
    /// Folded keys; `SearchFolding.space` stands for one or more whitespace scalars.
    public let keys: [UInt32]
    /// Whitespace is ignored on both sides (the query holds CJK).
    public let ignoresSpaces: Bool

    public init?(_ query: String) {
        ignoresSpaces = query.unicodeScalars.contains { SearchFolding.isCJK($0.value) }
        var out: [UInt32] = []
        for s in query.unicodeScalars {
            let k = SearchFolding.key(s)
            if k == SearchFolding.ignorable { continue }
            if k == SearchFolding.space {
                if !ignoresSpaces && !out.isEmpty && out.last != SearchFolding.space { out.append(k) }
                continue
            }
            out.append(k)
            if let second = SearchFolding.secondKey(s) { out.append(second) }
        }
        while out.last == SearchFolding.space { out.removeLast() }
        guard !out.isEmpty else { return nil }
        keys = out
    }

    /// Every non-overlapping match, as ranges of scalar offsets into `text`, in order. A match
    /// starts and ends on a scalar that is neither whitespace nor ignorable.
    /// - Complexity: O(n·m) for a text of n scalars and a query of m keys in the worst case,
    ///   O(n) in practice (a candidate is abandoned at its first differing key); no allocation
    ///   besides the result.
    public func ranges(in text: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        let ignoresSpaces = self.ignoresSpaces
        SearchFolding.table.withUnsafeBufferPointer { tableBuffer in
        keys.withUnsafeBufferPointer { keys in
        text.withUnsafeBufferPointer { text in
            let table = tableBuffer.baseAddress!
            let n = text.count, m = keys.count
            let first = keys[0]
            let space = SearchFolding.space, ignorable = SearchFolding.ignorable
            // A scalar of two keys (`œ`) matches both, the second unless the query ends first.
            @inline(__always) func matchesSecond(_ s: Unicode.Scalar, at k: Int) -> Int? {
                guard let second = SearchFolding.secondKey(s) else { return k + 1 }
                return k + 1 == m ? k + 1 : (keys[k + 1] == second ? k + 2 : nil)
            }
            var i = 0
            while i < n {
                guard SearchFolding.key(text[i], table) == first, let next = matchesSecond(text[i], at: 0) else { i += 1; continue }
                var j = i + 1, k = next, last = i
                while k < m && j < n {
                    let c = SearchFolding.key(text[j], table)
                    if c == ignorable { j += 1; continue }
                    if c == space {
                        if ignoresSpaces { j += 1; continue }
                        guard keys[k] == space else { break }
                        // One query space takes the whole run of whitespace (and ignorables).
                        j += 1
                        while j < n, case let d = SearchFolding.key(text[j], table), d == space || d == ignorable { j += 1 }
                        k += 1
                        continue
                    }
                    guard c == keys[k], let after = matchesSecond(text[j], at: k) else { break }
                    last = j; k = after; j += 1
                }
                if k == m { out.append(i..<last + 1); i = last + 1 } else { i += 1 }
            }
        }
        }
        }
        return out
    }
}

/// Half-width katakana and CJK punctuation (U+FF61–U+FF9D) to their full-width forms: their
/// NFKC mapping where it is one scalar (the voiced-sound marks map to combining ones; not folded).
private let halfWidthKatakana: [UInt32: UInt32] = {
    let kana: [UInt32] = [0x30F2, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5, 0x30E7, 0x30C3, 0x30FC,
                          0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3, 0x30B5,
                          0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, 0x30C1, 0x30C4, 0x30C6, 0x30C8, 0x30CA, 0x30CB,
                          0x30CC, 0x30CD, 0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB, 0x30DE, 0x30DF, 0x30E0,
                          0x30E1, 0x30E2, 0x30E4, 0x30E6, 0x30E8, 0x30E9, 0x30EA, 0x30EB, 0x30EC, 0x30ED, 0x30EF,
                          0x30F3]
    var map: [UInt32: UInt32] = [0xFF61: 0x3002, 0xFF62: 0x300C, 0xFF63: 0x300D, 0xFF64: 0x3001, 0xFF65: 0x30FB]
    for (i, k) in kana.enumerated() { map[0xFF66 + UInt32(i)] = k }
    return map
}()

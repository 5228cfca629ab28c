// Which language a text is in, from the decoded language files alone (no profile is
// compiled to decide it: only the one detected is).

enum LanguageDetector {
    /// How many of a text's first scalars decide its language.
    static let sampleScalars = 200_000

    /// The bundled language of `text`, compiled (only that one is).
    static func detect(_ text: String) -> LanguageProfile {
        let specs = LanguageCatalog.specs
        guard let i = detectIndex(text, among: specs) else { return LanguageCatalog.fallback }
        return LanguageCatalog.profile(specs[i].code) ?? LanguageCatalog.fallback
    }

    /// The profile among `profiles` that `text` is in (the fallback when there are none).
    static func detect(_ text: String, among profiles: [LanguageProfile]) -> LanguageProfile {
        detectIndex(text, among: profiles.map(\.spec)).map { profiles[$0] } ?? LanguageCatalog.fallback
    }

    /// The language whose script dominates, each script's letters (from the language files)
    /// counted with their weight; among the languages of that script, the one whose common
    /// words occur most. A text with no such letters goes to the script most languages share.
    /// Nil when there are no languages.
    /// - Complexity: O(min(n, 200,000) × letter ranges), plus the stopword count; for a text
    ///   of more than 64 KB, O(min(n, 200,000) + 65,536) (a table of the BMP's scripts).
    static func detectIndex(_ text: String, among specs: [LanguageSpec]) -> Int? {
        guard !specs.isEmpty else { return nil }
        // One counter per script, in the order scripts first appear among the languages.
        var scripts: [Script] = []
        var ranges: [(range: ClosedRange<UInt32>, script: Int)] = []
        var weights: [Int] = []
        for spec in specs {
            let k: Int
            if let i = scripts.firstIndex(of: spec.script) {
                k = i
                weights[k] = max(weights[k], spec.letterWeight)
            } else {
                k = scripts.count
                scripts.append(spec.script)
                weights.append(max(1, spec.letterWeight))
            }
            for r in spec.letters.compactMap(LanguageSpec.letterRange) where !ranges.contains(where: { $0.range == r && $0.script == k }) {
                ranges.append((r, k))
            }
        }
        var counts = [Int](repeating: 0, count: scripts.count)
        var sample = 0
        if text.utf8.count > 1 << 16 {
            // A long sample: each scalar of the Basic Multilingual Plane finds its script in a
            // table, not by trying the ranges in turn (most scalars of a CJK text passed every
            // Latin, Arabic and Cyrillic range first). Filled last range first, so that where
            // ranges overlap the first one wins, as in the loop below.
            var table = [Int8](repeating: -1, count: 0x10000)
            for r in ranges.reversed() where r.range.lowerBound < 0x10000 {
                for v in r.range.lowerBound...min(r.range.upperBound, 0xFFFF) { table[Int(v)] = Int8(r.script) }
            }
            for s in text.unicodeScalars {
                sample += 1
                if sample > sampleScalars { break }
                let v = s.value
                if v < 0x10000 {
                    let k = table[Int(v)]
                    if k >= 0 { counts[Int(k)] += 1 }
                } else {
                    for r in ranges where r.range.contains(v) { counts[r.script] += 1; break }
                }
            }
        } else {
            for s in text.unicodeScalars {
                sample += 1
                if sample > sampleScalars { break }
                let v = s.value
                for r in ranges where r.range.contains(v) { counts[r.script] += 1; break }
            }
        }
        let scored = counts.indices.map { counts[$0] * weights[$0] }
        let languages = scripts.map { script in specs.indices.filter { specs[$0].script == script } }
        var best = scored.indices.max { scored[$0] < scored[$1] || (scored[$0] == scored[$1] && $0 > $1) }!
        if scored[best] == 0 { best = languages.indices.max { languages[$0].count < languages[$1].count }! }
        let candidates = languages[best]
        if candidates.count == 1 { return candidates[0] }
        // Counted for all candidates in one pass; ties go to the first.
        let counted = stopwordCounts(text, candidates.map { specs[$0] })
        return zip(candidates, counted).max { $0.1 < $1.1 }!.0
    }

    /// How often each language's stopwords occur among the first 60,000 scalars, words being
    /// runs of letters compared lowercase: one count per spec, in their order.
    /// - Complexity: O(60,000): one pass over scalars for all the languages (one for each was
    ///   a third of detection in Latin text), no lowercased copy of the text and no String
    ///   per word (lowercasing and splitting into Characters was 39% of a parse).
    static func stopwordCounts(_ text: String, _ specs: [LanguageSpec]) -> [Int] {
        // Each stopword with the languages that list it, as bits (at most 64 candidates; the
        // rest count nothing, which no bundled script comes near).
        var wanted: [[Unicode.Scalar]: UInt64] = [:]
        var longest = 0
        for (k, spec) in specs.enumerated() where k < 64 {
            for w in spec.stopwords {
                let scalars = Array(w.lowercased().unicodeScalars)
                wanted[scalars, default: 0] |= 1 << UInt64(k)
                longest = max(longest, scalars.count)
            }
        }
        var word: [Unicode.Scalar] = []
        word.reserveCapacity(longest + 1)
        var totals = [Int](repeating: 0, count: specs.count)
        var seen = 0
        func close() {
            if !word.isEmpty, word.count <= longest, var bits = wanted[word] {
                while bits != 0 { totals[bits.trailingZeroBitCount] += 1; bits &= bits - 1 }
            }
            word.removeAll(keepingCapacity: true)
        }
        for c in text.unicodeScalars {
            seen += 1
            if seen > 60_000 { break }
            let v = c.value
            if v >= 0x61 && v <= 0x7A { word.append(c); continue }
            if v >= 0x41 && v <= 0x5A { word.append(Unicode.Scalar(v + 32)!); continue }
            if v < 0x80 || !c.properties.isAlphabetic { close(); continue }
            // Non-ASCII letters: lowercased one by one (`É` → `é`).
            if c.properties.isUppercase, let lower = c.properties.lowercaseMapping.unicodeScalars.first {
                word.append(lower)
            } else {
                word.append(c)
            }
        }
        close()
        return totals
    }
}

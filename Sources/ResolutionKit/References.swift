// Phase 6 (inline): references to other UN documents — document symbols (`A/60/687`,
// `A/67/65-E/2012/48`, `S/RES/1445 (2002)`) and resolution citations: lists closed by a word
// after them (`第 56/183、57/238 … 号决议`) and lists opened by one (`resolutions 56/183 and
// 57/238`). The words come from the language files. Hand-written scanners: these run on every
// paragraph of inputs of many megabytes.

public struct FoundReference: Hashable, Sendable {
    public var symbol: String
    public var kind: String
}

enum ReferenceScanner {
    /// Series that open a UN document symbol.
    static let series: Set<String> = ["A", "S", "E", "T", "ST", "TD", "UNEP", "DP", "CCPR", "CEDAW", "CRC", "CERD",
                                      "CAT", "CRPD", "HRC", "FCCC", "ICEF", "CD", "NPT", "UNW", "ECE", "ESCAP",
                                      "ECA", "ECLAC", "ESCWA", "UNCTAD", "CTBT", "JIU", "SPLOS"]

    /// The references of a text, each once, in the order found.
    /// - Complexity: O(n) in the text. Found references are handed over one by one, not
    ///   gathered in arrays per scanner, and told apart from those already found by a
    ///   look along the few found so far, a set only past eight: this runs on every
    ///   paragraph, on both cores, and each allocation there contends for the one heap.
    static func scan(_ t: Scalars, profile: LanguageProfile) -> [FoundReference] {
        var out: [FoundReference] = []
        var seen: Set<String>? = nil
        func add(_ s: String, _ kind: String) {
            if seen == nil {
                guard !out.contains(where: { $0.symbol == s }) else { return }
                out.append(FoundReference(symbol: s, kind: kind))
                if out.count > 8 { seen = Set(out.map(\.symbol)) }
            } else if seen!.insert(s).inserted {
                out.append(FoundReference(symbol: s, kind: kind))
            }
        }
        symbols(t) { add($0, "document") }
        // Only languages whose citations are closed by a word after the list are scanned so.
        if !profile.citationClosers.isEmpty { closedCitations(t, profile: profile, each: add) }
        keywordCitations(t, profile: profile, each: add)
        return out
    }

    static func isUpper(_ c: Unicode.Scalar) -> Bool { c.value >= 65 && c.value <= 90 }
    static func isLetter(_ c: Unicode.Scalar) -> Bool { (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122) }
    static func isAlnum(_ c: Unicode.Scalar) -> Bool { isLetter(c) || Chars.isDigit(c) }

    // MARK: symbols

    /// Every language's list joiners (`and`, `et`, `和`…): a symbol's corrigendum is read in
    /// whatever language cites it.
    static let joiners: [Scalars] = {
        var seen = Set<Scalars>()
        return LanguageCatalog.specs.flatMap(\.listJoiners).map { Array($0.unicodeScalars) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }()

    static func symbols(_ t: Scalars) -> [String] {
        var out: [String] = []
        symbols(t) { out.append($0) }
        return out
    }

    /// Hands each symbol of `t` to `each`, in order.
    /// - Complexity: O(n).
    static func symbols(_ t: Scalars, each: (String) -> Void) {
        var i = 0
        let n = t.count
        while i < n {
            // Straight to the next capital, eight positions at a step: a symbol opens with one.
            guard isUpper(t[i]) else { i = ScalarScan.values(t) { ScalarScan.nextCapital($0, from: i + 1) }; continue }
            if i > 0 && (isAlnum(t[i - 1]) || t[i - 1] == "/" || t[i - 1] == ".") { i += 1; continue }
            if let end = symbolEnd(t, from: i) {
                let symbol = t[i..<end].string
                each(symbol)
                i = end
                if let (suffix, next) = abbreviatedContinuation(t, from: end) {
                    each(symbol.split(separator: "-").map { $0 + "/" + suffix }.joined(separator: "-"))
                    i = next
                }
            } else {
                i += 1
            }
        }
    }

    /// `A/67/65-E/2012/48 和 Corr.1`: a corrigendum (addendum, revision) named by its last
    /// component only. Returns `Corr.1` and the index after it.
    static func abbreviatedContinuation(_ t: Scalars, from start: Int) -> (String, Int)? {
        var i = start
        while i < t.count && Chars.isSpace(t[i]) { i += 1 }
        guard let j = joiners.first(where: { t.hasPrefix($0, at: i) }) else { return nil }
        i += j.count
        while i < t.count && Chars.isSpace(t[i]) { i += 1 }
        for kind in ["Corr.", "Add.", "Rev."] where t.hasPrefix(kind.scalars, at: i) {
            var k = i + kind.unicodeScalars.count
            let digits = k
            while k < t.count && Chars.isDigit(t[k]) { k += 1 }
            guard k > digits else { return nil }
            return (t[i..<k].string, k)
        }
        return nil
    }

    /// One symbol `SERIES(/COMP)+` possibly joined by `-` to further ones, with an SC
    /// year suffix ` (2002)`. Returns the end index, or nil.
    static func symbolEnd(_ t: Scalars, from start: Int) -> Int? {
        guard var end = oneSymbolEnd(t, from: start) else { return nil }
        while end + 1 < t.count && t[end] == "-" && isUpper(t[end + 1]), let next = oneSymbolEnd(t, from: end + 1) {
            end = next
        }
        // ` (2002)`
        if end + 7 <= t.count, t[end] == " ", t[end + 1] == "(", t[end + 2..<end + 6].allSatisfy(Chars.isDigit), t[end + 6] == ")" {
            end += 7
        }
        return end
    }

    static func oneSymbolEnd(_ t: Scalars, from start: Int) -> Int? {
        var i = start
        while i < t.count && isUpper(t[i]) { i += 1 }
        guard i < t.count, t[i] == "/", series.contains(t[start..<i].string) else { return nil }
        var end: Int? = nil
        while i < t.count && t[i] == "/" {
            let compStart = i + 1
            guard let compEnd = componentEnd(t, from: compStart) else { break }
            end = compEnd
            i = compEnd
        }
        return end
    }

    /// `ES-10`, `S-19`, `C.2`, `CN.16`, `RES`, `70`, `57B`, `L.11`, `Corr.1`, `*`.
    static func componentEnd(_ t: Scalars, from start: Int) -> Int? {
        guard start < t.count else { return nil }
        var i = start
        if t[i] == "*" { return i + 1 }
        if isUpper(t[i]) {
            // (ES|S)-\d+
            if t[i] == "S" || (t[i] == "E" && i + 1 < t.count && t[i + 1] == "S") {
                var j = t[i] == "S" ? i + 1 : i + 2
                if j < t.count && t[j] == "-" && j + 1 < t.count && Chars.isDigit(t[j + 1]) {
                    j += 1
                    while j < t.count && Chars.isDigit(t[j]) { j += 1 }
                    return j
                }
            }
            i += 1
            while i < t.count && isLetter(t[i]) { i += 1 }
            if i + 1 < t.count && t[i] == "." && Chars.isDigit(t[i + 1]) {
                i += 1
                while i < t.count && Chars.isDigit(t[i]) { i += 1 }
                if i < t.count && isUpper(t[i]) && !(i + 1 < t.count && isLetter(t[i + 1])) { i += 1 }
            }
            return i
        }
        if Chars.isDigit(t[i]) {
            while i < t.count && Chars.isDigit(t[i]) && i - start < 5 { i += 1 }
            if i < t.count && isUpper(t[i]) && !(i + 1 < t.count && isAlnum(t[i + 1])) { i += 1 }
            return i
        }
        return nil
    }

    // MARK: resolution numbers

    /// `70/125`, `2006/46`, `57/270 B`, `217 A (III)`, `2200A(XXI)`, `1325 (2000)`, `S-10/2`.
    /// Reads forward from `start`; returns the normalised number and the end index.
    static func resolutionNumber(_ t: Scalars, from start: Int) -> (String, Int)? {
        var i = start
        if i < t.count, t[i] == "S" || t[i] == "E" {
            var j = i + (t[i] == "E" && i + 1 < t.count && t[i + 1] == "S" ? 2 : 1)
            guard j < t.count, t[j] == "-" else { return nil }
            j += 1
            let a = j
            while j < t.count && Chars.isDigit(t[j]) { j += 1 }
            guard j > a, j < t.count, t[j] == "/" else { return nil }
            j += 1
            let b = j
            while j < t.count && Chars.isDigit(t[j]) { j += 1 }
            guard j > b else { return nil }
            return (t[i..<j].string, j)
        }
        let a = i
        while i < t.count && Chars.isDigit(t[i]) && i - a < 4 { i += 1 }
        guard i > a, i == t.count || !Chars.isDigit(t[i]) else { return nil }
        let first = t[a..<i].string
        var j = i
        while j < t.count && t[j] == " " { j += 1 }
        if j < t.count && t[j] == "/" {
            j += 1
            while j < t.count && t[j] == " " { j += 1 }
            let b = j
            while j < t.count && Chars.isDigit(t[j]) && j - b < 4 { j += 1 }
            guard j > b, j == t.count || !Chars.isDigit(t[j]) else { return nil }
            var s = first + "/" + t[b..<j].string
            // `57/270 B` — a part letter standing alone.
            var k = j
            while k < t.count && t[k] == " " && k - j < 1 { k += 1 }
            if k < t.count, isUpper(t[k]), k + 1 == t.count || !isAlnum(t[k + 1]) {
                s += " " + String(t[k]); j = k + 1
            }
            return (s, j)
        }
        // `217 A (III)`, `2200A(XXI)`, `1325 (2000)`
        var k = i
        var letter = ""
        while k < t.count && t[k] == " " && k - i < 1 { k += 1 }
        if k < t.count, isUpper(t[k]), k + 1 < t.count, !isLetter(t[k + 1]) { letter = String(t[k]); k += 1 }
        while k < t.count && t[k] == " " { k += 1 }
        guard k < t.count, t[k] == "(" || t[k] == "（" else { return nil }
        var m = k + 1
        let inner = m
        while m < t.count && (Chars.isDigit(t[m]) || "IVXLC".unicodeScalars.contains(t[m]) || t[m] == "-" || t[m] == "S" || t[m] == "E") && m - inner < 8 { m += 1 }
        guard m > inner, m < t.count, t[m] == ")" || t[m] == "）" else { return nil }
        let innerText = t[inner..<m].string
        // The inner text is ASCII digits, Roman numeral letters, `-`, `S` and `E` (read above),
        // each a Character of its own, of which only the digits are numbers: asked of the
        // scalars, without Character's property lookups.
        let isYear = m - inner == 4 && t[inner..<m].allSatisfy(Chars.isDigit)
        if isYear && !letter.isEmpty { return nil }
        if !isYear && t[inner..<m].contains(where: Chars.isDigit) { return nil }
        return (first + (letter.isEmpty ? "" : " " + letter) + " (" + innerText + ")", m + 1)
    }

    /// Every closing word (`号决议`, `号决定`) closes a citation: scan back over the list before it.
    /// - Complexity: O(n × closers), plus at most 1,200 scalars back per citation.
    static func closedCitations(_ t: Scalars, profile: LanguageProfile) -> [(String, String)] {
        var out: [(String, String)] = []
        closedCitations(t, profile: profile) { out.append(($0, $1)) }
        return out
    }

    /// Hands each citation of `closedCitations` to `each` (number, kind), in order.
    static func closedCitations(_ t: Scalars, profile: LanguageProfile, each: (String, String) -> Void) {
        let firsts = profile.citationCloserStarts
        var i = 0
        while i < t.count {
            if firsts.contains(t[i]), let closer = profile.citationClosers.first(where: { t.hasPrefix($0.word, at: i) }) {
                let kind = closer.kind
                // Walk back over list text: numbers, separators, dates, the language's list words.
                var s = i
                while s > 0 && i - s < 1200 && isCitationListScalar(t[s - 1], profile) { s -= 1 }
                WorkMeter.add(i - s)
                var k = s
                while k < i {
                    if (Chars.isDigit(t[k]) || t[k] == "S" || t[k] == "E") && (k == s || !Chars.isDigit(t[k - 1])),
                       let (num, end) = resolutionNumber(t, from: k) {
                        each(num, kind); k = end
                    } else { k += 1 }
                }
                i += closer.word.count
                continue
            }
            i += 1
        }
    }

    static func isCitationListScalar(_ c: Unicode.Scalar, _ profile: LanguageProfile) -> Bool {
        Chars.isDigit(c) || isUpper(c) || Chars.isSpace(c) || profile.citationListScalars.contains(c)
    }

    /// Other languages: after `resolution(s)`/`résolution`/`резолюци…`/`القرار`, read a
    /// list of numbers joined by commas and conjunctions, skipping `of 21 December 2001`.
    static func keywordCitations(_ t: Scalars, profile: LanguageProfile) -> [(String, String)] {
        var out: [(String, String)] = []
        keywordCitations(t, profile: profile) { out.append(($0, $1)) }
        return out
    }

    /// Hands each citation of `keywordCitations` to `each` (number, kind), in order.
    static func keywordCitations(_ t: Scalars, profile: LanguageProfile, each: (String, String) -> Void) {
        guard !profile.resolutionWords.isEmpty else { return }
        // Words are tried only where one could start: at a scalar that opens one of them
        // (a handful), after a non-letter. Trying each word at every position was 10% of
        // a parse.
        let starts = profile.resolutionWordStarts
        let lanes = profile.resolutionWordStartLanes
        var i = 0
        while i < t.count {
            // Straight to the next scalar that could open a word, over the raw buffer: the
            // positions passed over are the ones the test below would turn away one by one.
            let next = ScalarScan.values(t) { u -> Int in
                var j = i
                while j < u.count {
                    // Eight positions at a step to the next that may open a word
                    // (`ScalarScan.nextWordStart`), then the exact test there.
                    if let lanes { j = ScalarScan.nextWordStart(u, from: j, starts: lanes) }
                    guard j < u.count else { break }
                    if starts.contains(t[j]) && (j == 0 || !Chars.isAlphabetic(t[j - 1])) { break }
                    j += 1
                }
                return j
            }
            WorkMeter.add(next - i)
            i = next
            guard i < t.count else { break }
            var matched = 0
            var decision = false
            WorkMeter.add(1)
            for w in profile.resolutionWords where t.hasPrefix(w, at: i) {
                // The word matched is the text's: asked of it, with no copy of the text made.
                matched = w.count; decision = profile.decisionWords.contains(w); break
            }
            guard matched > 0 else { i += 1; continue }
            let kind = decision ? "decision" : "resolution"
            var k = i + matched
            var gap = 0
            while k < t.count && gap < 40 {
                if Chars.isDigit(t[k]) || ((t[k] == "S" || t[k] == "E") && k + 1 < t.count && (t[k + 1] == "-" || t[k + 1] == "S")),
                   k == 0 || !Chars.isDigit(t[k - 1]), let (num, end) = resolutionNumber(t, from: k) {
                    each(num, kind); k = end; gap = 0
                    continue
                }
                // A date after a number (`of 21 December 2001`) or a list separator.
                if t[k] == ";" || t[k] == "." && (k + 1 == t.count || t[k + 1] == " ") { break }
                k += 1; gap += 1
            }
            i = max(k, i + matched)
        }
    }
}

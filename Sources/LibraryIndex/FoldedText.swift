// The form of a text the full-text index holds: every scalar replaced by its search key
// (`SearchFolding.key`), ignorable scalars and all whitespace dropped. A query's folded form
// (its keys without spaces) is a substring of a text's folded form whenever the query matches
// the text, whatever the query's language: so the index finds a superset of the true hits,
// and `SearchPattern` then checks each candidate exactly as the scan does.
import ResolutionKit

enum FoldedText {
    /// - Complexity: O(n) for a text of n scalars.
    static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let k = SearchFolding.key(s)
            if k == SearchFolding.ignorable || k == SearchFolding.space { continue }
            // Keys are scalar values (a folded scalar is a scalar).
            if let f = Unicode.Scalar(k) { out.append(f) }
            if let second = SearchFolding.secondKey(s), let f = Unicode.Scalar(second) { out.append(f) }
        }
        return String(out)
    }

    /// The query's folded keys without spaces, as the index's text holds them; nil when empty.
    static func fold(query pattern: SearchPattern) -> String {
        var out = String.UnicodeScalarView()
        for k in pattern.keys where k != SearchFolding.space { if let f = Unicode.Scalar(k) { out.append(f) } }
        return String(out)
    }

    /// True when the scalar is indexed one by one for short queries: a letter or digit of a
    /// script written without spaces between words (`SearchFolding.isCJK`), which the unicode61
    /// tokenizer also takes as a token character.
    static func isUnigram(_ s: Unicode.Scalar) -> Bool {
        guard SearchFolding.isCJK(s.value) else { return false }
        switch s.properties.generalCategory {
        case .otherLetter, .modifierLetter, .uppercaseLetter, .lowercaseLetter, .titlecaseLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// The unigram form of a folded text for the `unigram_fts` table: its CJK letters separated
    /// by spaces, each run of anything else one `0` token, so that a one- or two-character CJK
    /// query (`和`, `决议`, which have no trigram) is a phrase lookup instead of a scan of every
    /// text. nil when the text holds no CJK letter (nothing to index).
    /// - Complexity: O(n) for a text of n scalars.
    static func unigrams(ofFolded folded: String) -> String? {
        var out = String.UnicodeScalarView()
        var any = false, gap = false
        for s in folded.unicodeScalars {
            if isUnigram(s) {
                if gap { out.append("0"); out.append(" "); gap = false }
                out.append(s); out.append(" ")
                any = true
            } else if any {
                gap = true
            }
        }
        return any ? String(out) : nil
    }

    /// The phrase query for `unigram_fts`, or nil when the folded query is not one or two CJK
    /// letters (longer queries use the trigram index; other short ones are scanned).
    static func unigramPhrase(ofFolded folded: String) -> String? {
        let scalars = Array(folded.unicodeScalars)
        guard (1...2).contains(scalars.count), scalars.allSatisfy(isUnigram) else { return nil }
        return "\"" + scalars.map { String($0) }.joined(separator: " ") + "\""
    }

    /// The trigram table's query for a folded query of three or more scalars: every distinct
    /// trigram of it, all required. The table keeps no positions (`detail=none`: a third of the
    /// size and of the build time), so this finds the texts holding every trigram anywhere, a
    /// superset that `SearchPattern` then narrows to the true hits.
    static func trigramQuery(ofFolded folded: String) -> String {
        let scalars = Array(folded.unicodeScalars)
        var seen = Set<String>(), terms: [String] = []
        for i in 0...(scalars.count - 3) {
            let t = String(String.UnicodeScalarView(scalars[i..<(i + 3)]))
            if seen.insert(t).inserted { terms.append("\"" + t.replacingOccurrences(of: "\"", with: "\"\"") + "\"") }
        }
        return terms.joined(separator: " AND ")
    }
}

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
        }
        return String(out)
    }

    /// The query's folded keys without spaces, as the index's text holds them; nil when empty.
    static func fold(query pattern: SearchPattern) -> String {
        var out = String.UnicodeScalarView()
        for k in pattern.keys where k != SearchFolding.space { if let f = Unicode.Scalar(k) { out.append(f) } }
        return String(out)
    }
}

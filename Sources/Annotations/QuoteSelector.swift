// A phrase inside a paragraph, held as the W3C Web Annotation TextQuoteSelector holds it:
// the exact words, and a little of the text before and after them. The context tells two
// occurrences of one phrase apart, and lets the phrase be found again when the paragraph
// is reworded (Reanchor.swift).

import ResolutionKit

public struct QuoteSelector: Hashable, Sendable {
    public var exact: String
    public var prefix: String
    public var suffix: String

    /// Code points of context kept on each side (Hypothesis keeps 32).
    public static let contextLength = 32

    public init(exact: String, prefix: String = "", suffix: String = "") {
        self.exact = exact; self.prefix = prefix; self.suffix = suffix
    }

    /// The selector for the words `range` (code points) of `text`.
    public init(text: [Unicode.Scalar], range: Range<Int>) {
        func string(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(text[r])) }
        exact = string(range)
        prefix = string(max(0, range.lowerBound - Self.contextLength)..<range.lowerBound)
        suffix = string(range.upperBound..<min(text.count, range.upperBound + Self.contextLength))
    }

    /// Finds `quote` in `paragraph` as `/` search does (case, width and spacing folded, one
    /// matcher: SearchFolding), so that `takes note` finds `Takes note`; the selector holds the
    /// words as the paragraph prints them. `occurrence` picks among several (1-based).
    /// - Complexity: O(n·m) for a paragraph of n and a quote of m code points.
    public static func find(_ quote: String, in paragraph: String, occurrence: Int = 1) -> QuoteSelector? {
        let text = Array(paragraph.unicodeScalars)
        let hits = matches(quote, in: text)
        guard occurrence >= 1, occurrence <= hits.count else { return nil }
        return QuoteSelector(text: text, range: hits[occurrence - 1])
    }

    /// How many times the quote occurs in `paragraph`.
    public static func count(_ quote: String, in paragraph: String) -> Int {
        matches(quote, in: Array(paragraph.unicodeScalars)).count
    }

    /// Folded matches; the exact code points when the query folds to nothing searchable.
    static func matches(_ quote: String, in text: [Unicode.Scalar]) -> [Range<Int>] {
        if let pattern = SearchPattern(quote) { return pattern.ranges(in: text) }
        return occurrences(Array(quote.unicodeScalars), in: text)
    }

    /// Where the selector points in `paragraph` (code points), or nil when the words are gone.
    /// Among several occurrences the one whose surroundings agree best with the prefix and
    /// suffix wins. When the exact words are gone but the prefix and suffix are both still
    /// there, close together, what lies between them is the reworded phrase.
    /// - Complexity: O(n·m).
    public func locate(in paragraph: [Unicode.Scalar]) -> Range<Int>? {
        let q = Array(exact.unicodeScalars), p = Array(prefix.unicodeScalars), s = Array(suffix.unicodeScalars)
        let hits = Self.occurrences(q, in: paragraph)
        if let best = hits.max(by: { score($0, paragraph, p, s) < score($1, paragraph, p, s) }) { return best }
        // Reworded: the context on both sides survives. Short contexts match anywhere, so
        // ask for a few code points at least.
        let need = 4
        guard p.count >= need, s.count >= need else { return nil }
        let left = Array(p.suffix(min(p.count, 16))), right = Array(s.prefix(min(s.count, 16)))
        for l in Self.occurrences(left, in: paragraph) {
            let start = l.upperBound
            let limit = min(paragraph.count, start + 2 * q.count + 16)
            if let r = Self.occurrences(right, in: Array(paragraph[start..<limit])).first, r.lowerBound > 0 {
                return start..<(start + r.lowerBound)
            }
        }
        return nil
    }

    /// This selector moved onto `paragraph`'s current text, or nil when it cannot be found.
    public func relocated(in paragraph: String) -> QuoteSelector? {
        let text = Array(paragraph.unicodeScalars)
        return locate(in: text).map { QuoteSelector(text: text, range: $0) }
    }

    /// Agreement of the text around `r` with the stored context: common code points at the
    /// prefix's end and the suffix's start.
    private func score(_ r: Range<Int>, _ text: [Unicode.Scalar], _ p: [Unicode.Scalar], _ s: [Unicode.Scalar]) -> Int {
        var n = 0
        while n < p.count, r.lowerBound - 1 - n >= 0, text[r.lowerBound - 1 - n] == p[p.count - 1 - n] { n += 1 }
        var m = 0
        while m < s.count, r.upperBound + m < text.count, text[r.upperBound + m] == s[m] { m += 1 }
        return n + m
    }

    /// Every non-overlapping occurrence of `needle` in `hay`.
    public static func occurrences(_ needle: [Unicode.Scalar], in hay: [Unicode.Scalar]) -> [Range<Int>] {
        guard !needle.isEmpty, needle.count <= hay.count else { return [] }
        var out: [Range<Int>] = []
        var i = 0
        outer: while i <= hay.count - needle.count {
            for j in 0..<needle.count where hay[i + j] != needle[j] { i += 1; continue outer }
            out.append(i..<(i + needle.count))
            i += needle.count
        }
        return out
    }
}

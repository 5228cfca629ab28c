// Full-text search over paragraph texts (with subparagraphs and headings), footnotes and notes.
// Matching is a substring search on Unicode scalars, so Chinese needs no word boundaries.
// Latin letters match regardless of case; when the query holds CJK, spaces are ignored on both
// sides, because extracted Chinese text puts spaces around numbers ("2005 年" vs "2005年").

import ResolutionKit

public struct SearchHit: Codable, Sendable, Hashable {
    public var file: String
    /// Unit id (`op24`, `fn2`…); for a note, the paragraph the note is on.
    public var paragraph: String
    /// The unit kind (`preambular`, `operative`, `subparagraph`, `heading`, `footnote`), or `note`.
    public var kind: String
    /// About 30 code points of context on each side, every match marked «like this».
    public var snippet: String
    /// Matches in this unit or note.
    public var count: Int
    /// Code-point offset of the first match in the unit's (or note's) text.
    public var offset: Int

    public static let markOpen = "«"
    public static let markClose = "»"
}

public enum TextSearch {
    public static func search(_ query: String,
                              in items: [(document: ResolutionDocument, snapshot: SidecarSnapshot?)]) -> [SearchHit] {
        guard let needle = Needle(query) else { return [] }
        var hits: [SearchHit] = []
        for item in items {
            let file = item.document.source.path
            var notes: [String: String] = [:]
            for a in item.snapshot?.annotations ?? [] { if let n = a.note { notes[a.paragraph] = n } }
            for u in item.document.units {
                if let h = needle.hit(in: u.text) {
                    hits.append(SearchHit(file: file, paragraph: u.id, kind: u.kind.rawValue, snippet: h.snippet,
                                          count: h.count, offset: h.offset))
                }
                if let n = notes[u.id], let h = needle.hit(in: n) {
                    hits.append(SearchHit(file: file, paragraph: u.id, kind: "note", snippet: h.snippet,
                                          count: h.count, offset: h.offset))
                }
            }
            for o in item.snapshot?.orphans ?? [] {
                if let n = o.note, let h = needle.hit(in: n) {
                    hits.append(SearchHit(file: file, paragraph: o.paragraph, kind: "orphan-note", snippet: h.snippet,
                                          count: h.count, offset: h.offset))
                }
            }
        }
        return hits
    }
}

struct Needle {
    let scalars: [UInt32]
    let ignoreSpaces: Bool
    static let context = 30

    init?(_ query: String) {
        let trimmed = query.unicodeScalars.filter { !$0.properties.isWhitespace }
        guard !trimmed.isEmpty else { return nil }
        ignoreSpaces = query.unicodeScalars.contains(where: Self.isCJK)
        var out: [UInt32] = []
        var lastSpace = true
        for s in query.unicodeScalars {
            if s.properties.isWhitespace {
                if !ignoreSpaces && !lastSpace { out.append(0x20) }
                lastSpace = true
                continue
            }
            lastSpace = false
            out.append(Self.fold(s))
        }
        while out.last == 0x20 { out.removeLast() }
        scalars = out
    }

    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x3FFFF: return true
        default: return false
        }
    }

    /// Whitespace, with the common cases answered without a Unicode property lookup (which
    /// dominated searching a large library).
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value == 0x20 || (s.value >= 0x09 && s.value <= 0x0D) }
        if isCJK(s) && s.value != 0x3000 { return false }
        return s.properties.isWhitespace
    }

    /// Simple case folding: one scalar to one scalar, so offsets stay aligned.
    static func fold(_ s: Unicode.Scalar) -> UInt32 {
        if s.value < 0x80 { return s.value >= 0x41 && s.value <= 0x5A ? s.value + 0x20 : s.value }
        if s.value >= 0x2E80 && s.value <= 0x9FFF { return s.value }   // no case in CJK
        if s.properties.changesWhenLowercased {
            let l = s.properties.lowercaseMapping.unicodeScalars
            if l.count == 1, let only = l.first { return only.value }
        }
        return s.value
    }

    /// Matches in `text`: count, first offset and a marked snippet around the first match.
    func hit(in text: String) -> (count: Int, offset: Int, snippet: String)? {
        let original = Array(text.unicodeScalars)
        // Folded haystack plus, for each folded scalar, its index in `original`.
        var hay: [UInt32] = []
        var origin: [Int] = []
        hay.reserveCapacity(original.count); origin.reserveCapacity(original.count)
        var lastSpace = true
        for (i, s) in original.enumerated() {
            if Self.isSpace(s) {
                if !ignoreSpaces && !lastSpace { hay.append(0x20); origin.append(i) }
                lastSpace = true
                continue
            }
            lastSpace = false
            hay.append(Self.fold(s)); origin.append(i)
        }
        guard hay.count >= scalars.count else { return nil }
        var matches: [(Int, Int)] = []  // ranges in `original`
        var i = 0
        let first = scalars[0]
        while i <= hay.count - scalars.count {
            if hay[i] == first {
                var j = 1
                while j < scalars.count && hay[i + j] == scalars[j] { j += 1 }
                if j == scalars.count {
                    matches.append((origin[i], origin[i + j - 1] + 1))
                    i += j
                    continue
                }
            }
            i += 1
        }
        guard let (start, end) = matches.first else { return nil }
        let from = max(0, start - Self.context), to = min(original.count, end + Self.context)
        var snippet = String.UnicodeScalarView()
        if from > 0 { snippet.append("…") }
        var k = from
        for (ms, me) in matches where ms >= from && me <= to {
            append(original[k..<ms], to: &snippet)
            snippet.append(contentsOf: SearchHit.markOpen.unicodeScalars)
            append(original[ms..<me], to: &snippet)
            snippet.append(contentsOf: SearchHit.markClose.unicodeScalars)
            k = me
        }
        append(original[k..<to], to: &snippet)
        if to < original.count { snippet.append("…") }
        return (matches.count, start, String(snippet))
    }

    /// Line breaks become spaces so that a snippet is one line.
    private func append(_ part: ArraySlice<Unicode.Scalar>, to out: inout String.UnicodeScalarView) {
        for s in part { out.append(s == "\n" || s == "\r" || s == "\t" ? " " : s) }
    }
}

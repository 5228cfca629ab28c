// Tokens for edits and for similarity: words in spaced scripts, single characters in CJK.
// A text is cut into consecutive ranges that cover it entirely (whitespace runs are tokens
// too), so that edits over tokens are edits over the text and apply back exactly.
import ResolutionKit

enum Tokenizer {
    /// True when `language` is written without spaces between words (its language data says
    /// so: `joinWithSpace: false`); then every scalar that is not a space is its own token.
    static func isCharacterWise(language: String) -> Bool {
        LanguageCatalog.profile(language).map { !$0.spec.joinWithSpace } ?? false
    }

    enum Class { case space, word, cjk, other }

    @inline(__always)
    static func classify(_ s: Unicode.Scalar) -> Class {
        let v = s.value
        if v < 0x80 {
            if v == 0x20 || (v >= 0x09 && v <= 0x0D) { return .space }
            if (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) { return .word }
            return .other
        }
        if SearchFolding.isCJK(v) { return v == 0x3000 ? .space : .cjk }
        let p = s.properties
        if p.isWhitespace { return .space }
        if p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark { return .word }
        // Word joiners inside words (Arabic tatweel is alphabetic-modifier; hyphen-like stay apart).
        return .other
    }

    /// The token ranges of `scalars`, covering it in order.
    /// - Complexity: O(n).
    static func tokens(_ scalars: [Unicode.Scalar], characterWise: Bool) -> [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(scalars.count / 3 + 1)
        var i = 0
        let n = scalars.count
        while i < n {
            let c = classify(scalars[i])
            var j = i + 1
            switch c {
            case .space:
                while j < n, classify(scalars[j]) == .space { j += 1 }
            case .word where !characterWise:
                while j < n, classify(scalars[j]) == .word { j += 1 }
            default: break
            }
            out.append(i..<j)
            i = j
        }
        return out
    }

    /// Hashes of the folded tokens of `text` that carry meaning (no whitespace), for similarity:
    /// case and width folded, so `Decides` and `decides` are one token.
    /// - Complexity: O(n).
    static func foldedTokenHashes(_ scalars: [Unicode.Scalar], characterWise: Bool) -> [UInt64] {
        var out: [UInt64] = []
        for r in tokens(scalars, characterWise: characterWise) {
            if classify(scalars[r.lowerBound]) == .space { continue }
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for k in r {
                let key = SearchFolding.key(scalars[k])
                if key == SearchFolding.ignorable { continue }
                h = (h ^ UInt64(key)) &* 0x100_0000_01b3
            }
            out.append(h)
        }
        return out
    }
}

/// The text with whitespace runs made one space and trimmed: two units are `unchanged` when
/// these agree.
/// - Complexity: O(n).
func normalisedWhitespace(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for s in text.unicodeScalars {
        if Tokenizer.classify(s) == .space {
            pendingSpace = !out.isEmpty
        } else {
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(s)
        }
    }
    return String(out)
}

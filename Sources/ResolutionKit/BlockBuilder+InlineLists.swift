// Enumerations run inline in a paragraph's sentence (`…in particular: (i) full implementation
// …; (ii) production …; (iii) …`): hard wrapping may put one of their labels at a line start,
// where it looks like a list item opening a subparagraph. The text itself tells the two apart:
// in an inline enumeration the next label follows within the same paragraph mid-line, after
// the `;` or `,` that separates the items.

extension BlockBuilder {
    /// Indices of the lines that open with a label whose successor (`(ii)` after `(i)`, `v)`
    /// after `iv)`) comes mid-line after `;` or `,` within the next few lines of the same
    /// paragraph (no blank gap), or whose predecessor came so within the few lines before,
    /// the line before ending with `;` or `,`: an enumeration's last items may each open a
    /// line. Only Latin, roman and digit labels in brackets or before a closing bracket,
    /// whose neighbours can be spelt.
    /// - Complexity: O(n) in the text: each label line looks at most `window` lines ahead.
    static func inlineEnumerations(_ lines: [SourceLine], layout: TextLayout, profile: LanguageProfile,
                                   window: Int = 6) -> Set<Int> {
        var found = Set<Int>()
        for k in lines.indices {
            guard let first = lines[k].scalars.first, first == "(" || (first.isASCII && (Chars.isAlphabetic(first) || Chars.isDigit(first))) else { continue }
            // The label must be closed by `)` (asked below): a line with none, most lines of
            // text, is passed without being unpacked and parsed.
            guard lines[k].scalars.contains(ascii: 0x29) else { continue }
            let text = lines[k].text
            guard let label = LabelParser.parse(text, profile: profile),
                  label.printed.unicodeScalars.allSatisfy({ $0.isASCII }) else { continue }
            let open = first == "(" ? "(" : ""
            // `iv)` as printed, not `iv.` (whose successor could be a sentence's word).
            let close = open.count + label.printed.unicodeScalars.count
            guard close < text.count, text[close] == ")" else { continue }
            let successors: [Scalars] = label.readings.filter { $0.0 != .bullet }.map {
                Array((open + LabelParser.key($0.0, $0.1 + 1) + ")").unicodeScalars)
            }
            var j = k
            var ahead = 0
            while j < lines.count && ahead < window {
                if j > k && (lines[j].blankBefore >= layout.blockGap || lines[j].isSeparator) { break }
                if successors.contains(where: { followsSeparator($0, in: lines[j].text, from: j == k ? 1 : 0) }) {
                    found.insert(k)
                    break
                }
                j += 1; ahead += 1
            }
            if found.contains(k) { continue }
            // The enumeration's last items, each at a line start: the label before this
            // one came mid-line, or opened a line already read as inline.
            let predecessors: [Scalars] = label.readings.filter { $0.0 != .bullet && $0.1 > 0 }.map {
                Array((open + LabelParser.key($0.0, $0.1 - 1) + ")").unicodeScalars)
            }
            guard !predecessors.isEmpty, k > 0, let end = lines[k - 1].scalars.last, end == ";" || end == "," || end == "；" || end == "，" else { continue }
            j = k
            while j > 0 && k - j < window {
                if lines[j].blankBefore >= layout.blockGap || lines[j].isSeparator { break }
                j -= 1
                let before = lines[j].text
                if predecessors.contains(where: { followsSeparator($0, in: before, from: 0) || (found.contains(j) && before.starts(with: $0)) }) {
                    found.insert(k)
                    break
                }
            }
        }
        return found
    }

    /// Whether `label` occurs in `text` at or after position `from`, mid-line, right after `; `
    /// or `, ` (the separators of an inline enumeration).
    private static func followsSeparator(_ label: Scalars, in text: Scalars, from: Int) -> Bool {
        guard text.count >= label.count + 2 else { return false }
        var i = max(from, 1)
        while i + label.count <= text.count {
            if text[i] == label[0], text.hasPrefix(label, at: i) {
                var p = i - 1
                while p >= 0 && text[p] == " " { p -= 1 }
                if p >= 0 && p < i - 1 && (text[p] == ";" || text[p] == "," || text[p] == "；" || text[p] == "，") { return true }
            }
            i += 1
        }
        return false
    }
}

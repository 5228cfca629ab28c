// Phase 4: lines → blocks. A block is one logical line of the resolution: a paragraph,
// a heading, a subparagraph, a preface line. Hard wraps are joined here, bare-number
// footnote markers of PDF text are attached to the text they follow, and paragraphs cut
// by a page break or a footnote block are put back together.

struct Block {
    var text: Scalars
    var indent: Int
    var line: Int
    /// A page break, a footnote block or several blank lines came before this block.
    var afterBreak: Bool
}

enum TextJoiner {
    /// Joins two pieces of one paragraph. CJK joins with nothing; other scripts with one
    /// space, undoing end-of-line hyphenation between lowercase letters.
    /// - Complexity: O(a + b): it copies `a`. Paragraphs built line by line use `append`.
    static func join(_ a: Scalars, _ b: Scalars, spaced: Bool) -> Scalars {
        WorkMeter.add(a.count)
        var joined = a
        append(b, to: &joined, spaced: spaced)
        return joined
    }

    /// Appends `b` to `a` in place, as `join` joins them.
    /// - Complexity: O(b) amortised: `a` is grown, never copied (a paragraph of n lines is
    ///   built in O(total), where rebuilding it per line was O(n²)).
    static func append(_ b: Scalars, to a: inout Scalars, spaced: Bool) {
        WorkMeter.add(1 + b.count)
        // A buffer that moves was copied whole: counted, so that a caller holding a second
        // reference (which makes every append a copy-on-write copy) shows up as O(n²) work.
        // Growth also moves it, but geometrically: O(n) in all.
        let before = WorkMeter.enabled ? a.withUnsafeBufferPointer { $0.baseAddress } : nil
        defer {
            if WorkMeter.enabled, a.withUnsafeBufferPointer({ $0.baseAddress }) != before { WorkMeter.add(a.count) }
        }
        guard let last = a.last, let first = b.first else { a.append(contentsOf: b); return }
        if Chars.isWide(last) || Chars.isWide(first) || !spaced { a.append(contentsOf: b); return }
        if last == "-", a.count >= 2, a[a.count - 2].properties.isLowercase, first.properties.isLowercase {
            a.removeLast()
        } else {
            a.append(" ")
        }
        a.append(contentsOf: b)
    }
}

enum BlockBuilder {
    static func build(_ lines: [SourceLine], hardWrapped: Bool, measure: Int, footnoteNumbers: Set<Int>,
                      profile: LanguageProfile, furniture: inout [(line: Int, text: String)]) -> [Block] {
        var blocks: [Block] = []
        blocks.reserveCapacity(lines.count)
        let spaced = profile.spec.joinWithSpace
        var lastWasMarker = false
        var lastLineWidth = 0   // width of the last source line of the last block
        for line in lines {
            WorkMeter.add(1 + line.text.count)
            if line.isSeparator { continue }
            if Furniture.isFurniture(line.text, profile: profile) {
                furniture.append((line.index, line.text.string))
                continue
            }
            // A number alone on a line: a footnote marker (PDF) when such a footnote
            // exists, else a page number.
            if let n = bareNumber(line.text) {
                if footnoteNumbers.contains(n), !blocks.isEmpty {
                    blocks[blocks.count - 1].text += [Chars.markerSeparator] + superscript(n)
                    lastWasMarker = true
                    continue
                }
                furniture.append((line.index, line.text.string))
                continue
            }
            // Superscript markers alone on a line belong to the text they follow.
            if !blocks.isEmpty, line.text.allSatisfy({ Chars.superscriptValue($0) != nil }) {
                blocks[blocks.count - 1].text += [Chars.markerSeparator] + line.text
                lastWasMarker = true
                continue
            }
            let breakBefore = line.afterFootnotes || line.blankBefore >= 2
            if !blocks.isEmpty {
                // The last block is read and grown in place (`blocks[last].text`): holding
                // it in a local would share its buffer, and each append would then copy
                // the whole paragraph (O(n²) over a long one).
                let last = blocks.count - 1
                // `12.` alone on its line: the paragraph text follows on the next line.
                if isNumberOnly(blocks[last].text) {
                    WorkMeter.add(1 + line.text.count)
                    blocks[last].text.append(" ")
                    blocks[last].text.append(contentsOf: line.text)
                    lastWasMarker = false
                    lastLineWidth = line.width
                    continue
                }
                if hardWrapped && line.indent == 0 && !line.afterFootnotes
                    && (lastLineWidth * 10 >= measure * 8 || (lastWasMarker && !endsWithStrongTerminator(blocks[last].text)))
                    && !blocks[last].text.isEmpty && !looksLikeHeadingAfter(blocks[last].text, line, measure: measure)
                    && (lastWasMarker || !opensParagraphAfter(blocks[last].text, line, profile: profile)) {
                    TextJoiner.append(line.text, to: &blocks[last].text, spaced: spaced)
                    // After a marker the text goes on along the same printed line.
                    lastLineWidth = lastWasMarker ? lastLineWidth + 1 + line.width : line.width
                    lastWasMarker = false
                    continue
                }
            }
            if !blocks.isEmpty { compact(&blocks[blocks.count - 1].text) }
            blocks.append(Block(text: line.text, indent: line.indent, line: line.index, afterBreak: breakBefore))
            lastWasMarker = false
            lastLineWidth = line.width
        }
        if !blocks.isEmpty { compact(&blocks[blocks.count - 1].text) }
        return blocks
    }

    /// A finished block grown line by line keeps the slack of its last doubling (up to
    /// twice its size): copied to its exact size, so that hard-wrapped text is not held
    /// at up to 2× while the later phases run. O(size), once per block.
    static func compact(_ text: inout Scalars) {
        guard text.capacity > text.count + text.count / 8 + 16 else { return }
        var exact = Scalars()
        exact.reserveCapacity(text.count)
        exact.append(contentsOf: text)
        WorkMeter.add(text.count)
        text = exact
    }

    /// A paragraph-final stop (`；`, `。`, `:`), as opposed to the comma that may end a
    /// clause inside a paragraph.
    static func endsWithStrongTerminator(_ s: Scalars) -> Bool {
        guard let c = lastMeaningful(s) else { return false }
        return Chars.isTerminator(c) && c != "，" && c != "," && c != "،"
    }

    /// A short unpunctuated line after a finished paragraph is a heading, even when the
    /// paragraph's last line filled the measure.
    static func looksLikeHeadingAfter(_ prev: Scalars, _ line: SourceLine, measure: Int) -> Bool {
        endsWithStrongTerminator(prev) && line.width * 2 < measure && !endsWithTerminator(line.text)
    }

    /// A finished clause followed by a line that opens like a paragraph (a number, a
    /// label, a known opener or verb) starts a new block even when the text carries no
    /// indentation to say so.
    static func opensParagraphAfter(_ prev: Scalars, _ line: SourceLine, profile: LanguageProfile) -> Bool {
        guard endsWithTerminator(prev) else { return false }
        if StructureBuilder.operativeNumber(line.text) != nil { return true }
        if LabelParser.parse(line.text, profile: profile) != nil { return true }
        // Clauses inside a paragraph often open with a verb after a comma (`…，确认…`):
        // only a full stop or semicolon before the verb marks a new paragraph.
        return endsWithStrongTerminator(prev) && InlinePass.startsWithLead(line.text, profile: profile)
    }

    static func bareNumber(_ s: Scalars) -> Int? {
        guard !s.isEmpty, s.count <= 3, s.allSatisfy(Chars.isDigit) else { return nil }
        return Int(s.string)
    }

    static func isNumberOnly(_ s: Scalars) -> Bool {
        guard s.count >= 2, s.last == "." || s.last == "．" else { return false }
        return s.dropLast().allSatisfy(Chars.isDigit)
    }

    static func superscript(_ n: Int) -> Scalars {
        let table: [Unicode.Scalar] = ["\u{2070}", "\u{00B9}", "\u{00B2}", "\u{00B3}", "\u{2074}",
                                       "\u{2075}", "\u{2076}", "\u{2077}", "\u{2078}", "\u{2079}"]
        return String(n).unicodeScalars.map { table[Int($0.value - 48)] }
    }
}

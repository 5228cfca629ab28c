// Numbered paragraphs that pdftotext printed out of order on a page.
//
// On some right-to-left pages (seen in Arabic typeset by a browser), pdftotext's reading
// order takes a page's numbered paragraphs in two flows: every other one first, then the
// rest (`1.` text, `3.` text, `5.` text, then `2.` text, `4.` text). Each number is still
// printed alone right before its own text, so the page can be put back in order: when the
// page's lone numbers are, sorted, the run that follows the numbers of the pages before,
// each number and the text after it move together to their place.

extension NumberColumn {
    /// Sorts each page's numbered paragraphs by number where the page printed them out of
    /// sequence, each after its own lone number. Lines are only moved, never changed.
    /// - Complexity: O(n log n) in the lines (each page is sorted once by its numbers).
    static func restorePageOrder(_ lines: inout [SourceLine], isFurniture: (SourceLine) -> Bool) {
        var highest = 0
        var pageStart = 0
        while pageStart < lines.count {
            var pageEnd = pageStart + 1
            while pageEnd < lines.count && !lines[pageEnd].pageBreakBefore { pageEnd += 1 }
            WorkMeter.add(pageEnd - pageStart)
            var numbered: [(index: Int, value: Int)] = []
            var lone = 0
            for k in pageStart..<pageEnd {
                if let v = lines[k].numberAlone { numbered.append((k, v)); lone += 1 }
                else if let c = lines[k].firstScalar, Chars.isDigit(c),
                        let v = StructureBuilder.operativeNumberValue(lines[k].scalars), v < 1000 { numbered.append((k, v)) }
            }
            if let top = numbered.map(\.value).max() {
                // Lone numbers are the shape; numbers printed with their text come along.
                if lone >= 3, isOutOfOrderRun(numbered, after: highest, lines: lines, isFurniture: isFurniture) {
                    reorder(&lines, numbered: numbered, page: pageStart..<pageEnd, isFurniture: isFurniture)
                }
                highest = max(highest, top)
            }
            pageStart = pageEnd
        }
    }

    /// The page's numbers (three or more alone on their lines, and any printed before their
    /// text) are out of sequence, but sorted they are the numbers that come next
    /// (`highest + 1`…, none twice, none missing), and each lone one has a line of text of
    /// its own after it (a column of numbers one after another is `reattach`'s shape).
    private static func isOutOfOrderRun(_ numbered: [(index: Int, value: Int)], after highest: Int,
                                        lines: [SourceLine], isFurniture: (SourceLine) -> Bool) -> Bool {
        guard zip(numbered, numbered.dropFirst()).contains(where: { $0.value > $1.value }) else { return false }
        let sorted = numbered.map(\.value).sorted()
        guard sorted.first == highest + 1, sorted.last == highest + sorted.count,
              zip(sorted, sorted.dropFirst()).allSatisfy({ $1 == $0 + 1 }) else { return false }
        for (k, n) in numbered.enumerated() where lines[n.index].numberAlone != nil {
            let next = k + 1 < numbered.count ? numbered[k + 1].index : lines.count
            let text = (n.index + 1..<next).first { !lines[$0].isSeparator && !isFurniture(lines[$0]) }
            guard text != nil else { return false }
        }
        return true
    }

    /// Moves each number and the lines after it (up to the next number, or the page's
    /// trailing furniture) into number order; lines before the first number stay first.
    private static func reorder(_ lines: inout [SourceLine], numbered: [(index: Int, value: Int)], page: Range<Int>,
                                isFurniture: (SourceLine) -> Bool) {
        var tail = page.upperBound
        while tail > numbered.last!.index + 1, isFurniture(lines[tail - 1]) || lines[tail - 1].isSeparator { tail -= 1 }
        var chunks: [(value: Int, range: Range<Int>)] = []
        for (k, n) in numbered.enumerated() {
            chunks.append((n.value, n.index..<(k + 1 < numbered.count ? numbered[k + 1].index : tail)))
        }
        let start = numbered[0].index
        let pageBreak = lines[start].pageBreakBefore
        var ordered: [SourceLine] = []
        ordered.reserveCapacity(tail - start)
        for chunk in chunks.sorted(by: { $0.value < $1.value }) { ordered.append(contentsOf: lines[chunk.range]) }
        for k in ordered.indices { ordered[k].pageBreakBefore = false }
        ordered[0].pageBreakBefore = pageBreak
        lines.replaceSubrange(start..<tail, with: ordered)
    }
}

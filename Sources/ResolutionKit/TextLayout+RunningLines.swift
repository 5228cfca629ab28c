// Running headers and footers, found over all lines of a text (`TextLayout.of`).

/// Running headers and footers: short lines that recur across the document at page-like
/// intervals, or next to the page feeds when there are any.
enum RunningLines {
    /// - Complexity: O(n) in the number of lines (two passes over a flat hash table).
    static func find(_ lines: [SourceLine], pages: Int) -> Set<Int> {
        var found = Set<Int>()
        // Distance of each line to the nearest page feed, in lines (both directions).
        // Only read where there are page feeds: not allocated otherwise.
        var nearFeed = pages > 1 ? [Int](repeating: Int.max, count: lines.count) : []
        // The page each line is on (counted by feeds), where there are page feeds.
        var pageOf = pages > 1 ? [Int32](repeating: 0, count: lines.count) : []
        if pages > 1 {
            var last = -1_000
            var page: Int32 = 0
            for k in lines.indices {
                if lines[k].pageBreakBefore { last = k; page += 1 }
                nearFeed[k] = k - last
                pageOf[k] = page
            }
            var next = Int.max / 2
            for k in lines.indices.reversed() {
                // A page feed before line k + 1 ends the page that line k is on.
                if k + 1 < lines.count, lines[k + 1].pageBreakBefore { next = k + 1 }
                nearFeed[k] = min(nearFeed[k], next - k)
            }
        }
        // A page's first or last line that is the document symbol alone is its running
        // header, even where it is printed once only.
        // By index: `enumerated()` copied every line (two retains and two releases) to ask
        // this of a few, and of none where there are no page feeds. The slash is looked for
        // in the packed text: unpacking every line next to a feed was most of this pass.
        for k in lines.indices where pages > 1 && nearFeed[k] <= 2 && lines[k].length <= 40 && lines[k].scalars.contains(ascii: 0x2F) {
            let line = lines[k]
            // Compared without spaces, the year in parentheses allowed after it: the page may
            // print `S/RES/2532 (2020)` or `S/RES/2532(2020)`.
            if let symbol = ReferenceScanner.symbols(line.text).first, isSymbolAlone(line.text, symbol: symbol) {
                found.insert(line.index)
            }
        }
        // Grouped by a cheap 64-bit FNV-1a of the text, then checked for equality: hashing
        // every line's scalars through `Hasher` was a tenth of a hard-wrapped parse.
        // Two passes: counted first, so that positions are kept only for texts that recur
        // (an array per line of a long hard-wrapped text was most of this phase's memory).
        // Counted in a flat table of their own (`HashCounts`): the hashes are already
        // well mixed, and a `Dictionary` hashed each again through `Hasher` (a third of this
        // pass on a long `-layout` text).
        var table = HashCounts(atLeast: lines.count)
        // Each candidate line's slot in the table (-1: not a candidate), four bytes a line.
        var slots = [Int32](repeating: -1, count: lines.count)
        for k in lines.indices {
            let line = lines[k].scalars
            guard !lines[k].isSeparator && line.count >= 3 && line.count <= 80 else { continue }
            let h = line.contentHash
            slots[k] = Int32(truncatingIfNeeded: table.add(h == 0 ? 1 : h))
        }
        // A running line comes once a page at most (checked again below on the texts
        // themselves): a text repeated more often than that, such as a flood of identical
        // lines, is not gathered at all, where it took a position for each of its lines.
        // Each group keeps the lines equal to its first (the texts, not only their hashes):
        // compared here, in one pass in the lines' order, where comparing group by group
        // read the lines of a text that repeats a few documents all over memory (a cache
        // miss a line, most of this phase on such a text). A group is found from its slot.
        var groups: [[Int]] = []
        for k in lines.indices where slots[k] >= 0 {
            let slot = Int(slots[k])
            let n = Int(table.counts[slot])
            guard n >= 2, n <= pages + 1 else { continue }
            let g = Int(table.groups[slot])
            if g >= 0 {
                if lines[k].scalars != lines[groups[g][0]].scalars { continue }
                groups[g].append(k)
            } else {
                table.groups[slot] = Int32(truncatingIfNeeded: groups.count)
                groups.append([k])
            }
        }
        slots = []
        table = HashCounts(atLeast: 0)
        for at in groups {
            guard at.count >= 2 else { continue }
            // Compared packed above; unpacked once a group for the checks below.
            let text = lines[at[0]].scalars.scalars
            // Labels and numbers alone on a line recur in the body itself.
            if BlockBuilder.isNumberOnly(text) || text.allSatisfy({ Chars.isDigit($0) || $0 == "(" || $0 == ")" || $0 == "." }) { continue }
            // A sentence is not page furniture (symbols, job numbers, page numbers and the
            // recycling line end without a full stop): two footnotes citing the same
            // document (`S/RES/2368 (2017).`) at the foot of two pages recur at the feeds.
            if BlockBuilder.endsWithStrongTerminator(text) && text.last != ":" { continue }
            var minGap = Int.max, maxGap = 0
            for i in 1..<at.count {
                let g = at[i] - at[i - 1]
                minGap = min(minGap, g); maxGap = max(maxGap, g)
            }
            // With page feeds: the occurrences next to a feed, when most are (the symbol
            // also stands once in the masthead). Without: three or more at even spacing.
            let atFeeds = pages > 1 ? at.filter { nearFeed[$0] <= 4 } : []
            // A running line comes once a page at most: a text twice on one page is the
            // body's (two items that open alike, `Los suministros a las fuerzas…`).
            if at.count > pages + 1 { continue }
            if pages > 1, zip(at, at.dropFirst()).contains(where: { pageOf[$0] == pageOf[$1] }) { continue }
            if !atFeeds.isEmpty && atFeeds.count * 2 >= at.count {
                for k in atFeeds { found.insert(lines[k].index) }
            } else if at.count >= 3 && minGap >= 12 && minGap * 3 >= maxGap {
                for k in at { found.insert(lines[k].index) }
            }
        }
        return found
    }
}

extension RunningLines {
    /// `line` is `symbol` alone, or followed by its year (`(2020)`), at any spacing.
    /// - Complexity: O(n) in the line's scalars.
    static func isSymbolAlone(_ line: Scalars, symbol: String) -> Bool {
        // Read in step, spaces skipped on both sides: filtered copies of the line and of
        // the symbol were most of the cost of asking this of each line next to a feed.
        var i = 0
        func nextBare() -> Unicode.Scalar? {
            while i < line.count && Chars.isSpace(line[i]) { i += 1 }
            guard i < line.count else { return nil }
            i += 1
            return line[i - 1]
        }
        for s in symbol.unicodeScalars where !Chars.isSpace(s) {
            guard nextBare() == s else { return false }
        }
        // What is left: nothing, or `(` four digits `)`.
        var rest = 0
        while let c = nextBare() {
            switch rest {
            case 0: guard c == "(" else { return false }
            case 1...4: guard Chars.isDigit(c) else { return false }
            case 5: guard c == ")" else { return false }
            default: return false
            }
            rest += 1
        }
        return rest == 0 || rest == 6
    }
}

/// How often each 64-bit hash occurs, in a flat table (open addressing, linear probing),
/// where a `Dictionary` hashed each key again through `Hasher`. Each key that occurs has one
/// slot for good, so that a caller can keep slots instead of keys, and a group number per
/// slot. The slot comes from the key and a seed drawn for each table: the keys are FNV-1a
/// hashes of the text, which anyone can compute, and lines made to share a slot would make
/// linear probing quadratic (a file built to stall the parse). The table's contents never
/// decide an order, so the seed changes no output.
struct HashCounts {
    /// The keys by slot; 0 marks an empty slot (0 is never added).
    private(set) var keys: [UInt64]
    /// How often the key in each slot was added.
    private(set) var counts: [Int32]
    /// A number the caller keeps per slot; -1 until it sets one.
    var groups: [Int32]
    private let mask: Int
    /// The slot's bits are the top ones of the seeded product (`add`).
    private let shift: UInt64
    private let seed = UInt64.random(in: 0...UInt64.max)

    /// A table for at least `n` distinct keys, at most half full.
    /// - Complexity: O(n).
    init(atLeast n: Int) {
        var size = 16, bits: UInt64 = 4
        while size < 2 * n { size *= 2; bits += 1 }
        keys = [UInt64](repeating: 0, count: size)
        counts = [Int32](repeating: 0, count: size)
        groups = [Int32](repeating: -1, count: size)
        mask = size - 1
        shift = 64 - bits
    }

    /// Counts `key` (not 0) once more, and returns its slot.
    /// - Complexity: O(1) expected (the table is at most half full, and the seed keeps
    ///   chosen keys from crowding one run of slots).
    mutating func add(_ key: UInt64) -> Int {
        // Multiplicative hashing of the seeded key: the top bits depend on all of its bits.
        var slot = Int(truncatingIfNeeded: ((key ^ seed) &* 0x9E37_79B9_7F4A_7C15) >> shift) & mask
        while true {
            let k = keys[slot]
            if k == key { counts[slot] += 1; return slot }
            if k == 0 { keys[slot] = key; counts[slot] = 1; return slot }
            slot = (slot + 1) & mask
            WorkMeter.add(1)  // each probe past the first: counted by the tests, not timed
        }
    }
}

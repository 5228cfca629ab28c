// Arabic words that the extraction took apart, put back together.
//
// poppler writes a space wherever two glyphs stand further apart than a tenth of the line's
// height. Justified Arabic (and marks placed on their letters) leaves such gaps inside
// words, so that PDF text reads `الق رار` for `القرار`, `المتعلق ة` for `المتعلقة` and
// `ق د` for `قد`. Two facts of the script tell most of these pieces from words, and the
// document itself tells the rest:
// - ta marbuta (ة) and alef maksura (ى) only ever end a word: a token that opens with one
//   is the end of the token before it;
// - no Arabic word is a single letter but the conjunction و (and that is written alone only
//   before a figure): a lone letter belongs to the token before or after it, whichever
//   join makes a word that the document prints whole elsewhere;
// - two pieces whose join the document prints whole more often than it prints either piece
//   alone (`الق` + `رار`: `القرار`) are one word.
// Whether a document needs this is a statistic of the document: where lone letters and
// word-final letters opening a token are rare, nothing is read twice and nothing changes.

enum ArabicWordPieces {
    /// An Arabic letter (hamza to yeh).
    @inline(__always) static func isLetter(_ v: UInt32) -> Bool { v &- 0x0621 <= 0x064A - 0x0621 }
    /// A scalar of an Arabic word: a letter, or a mark set on one (harakat, dagger alef).
    @inline(__always) static func isWordScalar(_ v: UInt32) -> Bool { v &- 0x0621 <= 0x0652 - 0x0621 || v == 0x0670 }
    /// Letters that only ever end a word: ta marbuta and alef maksura.
    @inline(__always) static func endsWordOnly(_ v: UInt32) -> Bool { v == 0x0629 || v == 0x0649 }
    /// The conjunction `و`, the one letter written as a word of its own.
    static let conjunction: UInt32 = 0x0648
    static let space: UInt32 = 0x20

    /// FNV-1a's start, mixed with a seed drawn once a process: words made to collide in the
    /// lexicon's table (long probe runs) cannot be written in advance.
    static let fnvBasis: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64.random(in: 0...UInt64.max)
    @inline(__always) static func fnv(_ h: UInt64, _ v: UInt32) -> UInt64 { (h ^ UInt64(v)) &* 0x0000_0100_0000_01B3 }

    /// Pieces (a lone letter other than `و`, or a token opening with a letter that only
    /// ends words) and tokens, counted into `counts`.
    /// - Complexity: O(n) in the text's scalars.
    static func tally(_ text: Scalars, into counts: inout (pieces: Int, tokens: Int)) {
        withValues(text) { tally($0, into: &counts) }
    }

    static func tally(_ line: SourceLine, into counts: inout (pieces: Int, tokens: Int)) {
        if let done: Void = line.scalars.withBMP({ tally($0, into: &counts) }) { return done }
        if line.scalars.isLatin1 { return }  // no Arabic letter in it
        tally(line.text, into: &counts)
    }

    static func tally<C: RandomAccessCollection>(_ t: C, into counts: inout (pieces: Int, tokens: Int))
        where C.Element: BinaryInteger, C.Index == Int {
        var k = t.startIndex
        let n = t.endIndex
        while k < n {
            while k < n, UInt32(t[k]) == space { k += 1 }
            guard k < n else { break }
            let start = k
            while k < n, UInt32(t[k]) != space { k += 1 }
            counts.tokens += 1
            let first = UInt32(t[start])
            if (k - start == 1 && isLetter(first) && first != conjunction) || (start > t.startIndex && endsWordOnly(first)) {
                counts.pieces += 1
            }
        }
    }

    /// Whether the counts say that the document's words were taken apart: three pieces at
    /// least, and one token in a thousand or more (a clean document has next to none).
    static func takenApart(_ counts: (pieces: Int, tokens: Int)) -> Bool {
        counts.pieces >= 3 && counts.pieces * 1000 >= counts.tokens
    }

    /// How often each whole word (its Arabic core: punctuation around it left out) stands
    /// in the document, by a 64-bit hash of its scalars, in a table of open addressing.
    struct Lexicon {
        private var keys: [UInt64]
        private var counts: [Int32]
        private var used = 0

        init() { keys = Array(repeating: 0, count: 1 << 12); counts = Array(repeating: 0, count: 1 << 12) }

        /// The slot of `key`: where it is, or the empty one where it would go. Keys are
        /// never 0 (`coreHash` moves a zero hash to 1).
        @inline(__always) private func slot(_ key: UInt64) -> Int {
            let mask = keys.count - 1
            var i = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
            while keys[i] != 0 && keys[i] != key { i = (i + 1) & mask }
            return i
        }

        func count(_ key: UInt64) -> Int { Int(counts[slot(key)]) }

        /// Distinct words kept at most: a resolution has some tens of thousands, and a
        /// text made of distinct tokens to fill memory gets no more room than this (a table of 6 MB).
        static let capacity = 1 << 18

        /// - Complexity: amortised O(1).
        mutating func add(_ key: UInt64) {
            if (used + 1) * 2 > keys.count {
                guard used < Self.capacity else {
                    // Full: words already kept are still counted, new ones are not.
                    let i = slot(key)
                    if keys[i] != 0 { counts[i] &+= 1 }
                    return
                }
                grow()
            }
            let i = slot(key)
            if keys[i] == 0 { keys[i] = key; used += 1 }
            counts[i] &+= 1
        }

        private mutating func grow() {
            let oldKeys = keys, oldCounts = counts
            keys = Array(repeating: 0, count: oldKeys.count * 2)
            counts = Array(repeating: 0, count: oldKeys.count * 2)
            for (k, c) in zip(oldKeys, oldCounts) where k != 0 {
                let i = slot(k)
                keys[i] = k; counts[i] = c
            }
        }

        /// Counts the words of one more text.
        /// - Complexity: O(n) in the text's scalars.
        mutating func add<C: RandomAccessCollection>(words t: C) where C.Element: BinaryInteger, C.Index == Int {
            var k = t.startIndex
            let n = t.endIndex
            while k < n {
                while k < n, UInt32(t[k]) == space { k += 1 }
                let start = k
                while k < n, UInt32(t[k]) != space { k += 1 }
                if k > start, let h = ArabicWordPieces.coreHash(t, start, k) { add(h) }
            }
        }
    }

    /// The hash of the Arabic core of `t[start..<end]` (punctuation at either end left out),
    /// or nil where the core is empty or holds anything but Arabic word scalars.
    /// - Complexity: O(end − start).
    @inline(__always) static func coreHash<C: RandomAccessCollection>(_ t: C, _ start: Int, _ end: Int) -> UInt64?
        where C.Element: BinaryInteger, C.Index == Int {
        var lo = start, hi = end
        while lo < hi, !isWordScalar(UInt32(t[lo])) { lo += 1 }
        while hi > lo, !isWordScalar(UInt32(t[hi - 1])) { hi -= 1 }
        guard lo < hi else { return nil }
        var h = fnvBasis
        for k in lo..<hi {
            let v = UInt32(t[k])
            guard isWordScalar(v) else { return nil }
            h = fnv(h, v)
        }
        return h == 0 ? 1 : h
    }

    /// Joins the pieces of the `count` texts read by `line` (each a text and whether it is
    /// to be read, as `withValues` gives them) to the words they belong to: `removing` gets
    /// each text's index and the positions of the spaces that go. `counts` are the texts'
    /// `tally`: nothing is read again where they do not say the words were taken apart.
    /// The texts are read one at a time (twice: the lexicon, then the joins), never all held.
    /// - Complexity: O(n) in the texts' scalars.
    static func mend(_ count: Int, counts: (pieces: Int, tokens: Int), text: (Int) -> Scalars,
                     removing: (Int, [Int]) -> Void) {
        guard takenApart(counts) else { return }
        var lexicon = Lexicon()
        for i in 0..<count { withValues(text(i)) { lexicon.add(words: $0) } }
        var spaces: [Int] = []
        for i in 0..<count {
            spaces.removeAll(keepingCapacity: true)
            withValues(text(i)) { joins($0, lexicon: lexicon, into: &spaces) }
            if !spaces.isEmpty { removing(i, spaces) }
        }
    }

    /// The same for source lines, read in place (`PackedScalars.withBMP`) where they can be:
    /// only the lines that change are unpacked.
    static func mend(_ lines: inout [SourceLine], counts: (pieces: Int, tokens: Int)) {
        guard takenApart(counts) else { return }
        var lexicon = Lexicon()
        for line in lines {
            if line.scalars.withBMP({ lexicon.add(words: $0) }) == nil, !line.scalars.isLatin1 {
                withValues(line.text) { lexicon.add(words: $0) }
            }
        }
        var spaces: [Int] = []
        for i in lines.indices {
            spaces.removeAll(keepingCapacity: true)
            let scalars = lines[i].scalars
            if scalars.withBMP({ joins($0, lexicon: lexicon, into: &spaces) }) == nil, !scalars.isLatin1 {
                withValues(lines[i].text) { joins($0, lexicon: lexicon, into: &spaces) }
            }
            if !spaces.isEmpty { lines[i].text = removing(spaces, from: lines[i].text) }
        }
    }

    /// `text` without the scalars at `positions` (ascending).
    /// - Complexity: O(n).
    static func removing(_ positions: [Int], from text: Scalars) -> Scalars {
        var out = Scalars()
        out.reserveCapacity(text.count - positions.count)
        var from = 0
        for p in positions {
            out.append(contentsOf: text[from..<p])
            from = p + 1
        }
        out.append(contentsOf: text[from...])
        return out
    }

    /// The text's scalar values, without a copy.
    @inline(__always) static func withValues<R>(_ text: Scalars, _ body: (UnsafeBufferPointer<UInt32>) -> R) -> R {
        text.withUnsafeBufferPointer { $0.withMemoryRebound(to: UInt32.self, body) }
    }

    /// The positions of the spaces inside the words of one text (each one space wide, with
    /// a word scalar on both sides), appended to `spaces`, as the rules above find them
    /// with the document's `lexicon`.
    /// - Complexity: O(n) in the text's scalars: each token is read a bounded number of times.
    static func joins<C: RandomAccessCollection>(_ t: C, lexicon: Lexicon, into spaces: inout [Int])
        where C.Element: BinaryInteger, C.Index == Int {
        let n = t.endIndex
        // The word before, as joined so far: the hash of its core from the core's start to
        // its end (nil where that holds anything but word scalars, or where the word ends
        // in punctuation: nothing joins to it then) and its length in scalars.
        var word: (hash: UInt64?, length: Int)? = nil
        var k = t.startIndex
        while k < n {
            var gap = 0
            while k < n, UInt32(t[k]) == space { k += 1; gap += 1 }
            guard k < n else { break }
            let start = k
            while k < n, UInt32(t[k]) != space { k += 1 }
            let token = start..<k
            let first = UInt32(t[start])
            let lone = token.count == 1 && isLetter(first) && first != conjunction
            if let w = word, gap == 1, let wordHash = w.hash, isLetter(first) {
                let joined = extend(wordHash, t, token)
                var attach = endsWordOnly(first)
                if !attach && lone {
                    // With the word before, or the one after: whichever the document prints whole.
                    let before = joined.map(lexicon.count) ?? 0
                    attach = before > 0 && before > pairAfter(t, token, lexicon: lexicon)
                } else if !attach && token.count >= 2 && w.length >= 2, let whole = joined.map(lexicon.count), whole >= 2 {
                    let alone = max(lexicon.count(wordHash), coreHash(t, token.lowerBound, token.upperBound).map(lexicon.count) ?? 0)
                    attach = whole > alone
                }
                if attach {
                    spaces.append(start - 1)
                    word = (endsInWord(t, token) ? joined : nil, w.length + token.count)
                    continue
                }
            }
            // A lone letter that goes with the word after it.
            if lone, let after = nextToken(t, after: token), after.gap == 1, isLetter(UInt32(t[after.range.lowerBound])) {
                let before = gap == 1 ? word?.hash.flatMap { extend($0, t, token) }.map(lexicon.count) ?? 0 : 0
                let forwardHash = extend(fnv(fnvBasis, first), t, after.range)
                if let f = forwardHash, lexicon.count(f) > before {
                    spaces.append(token.upperBound)
                    word = (endsInWord(t, after.range) ? f : nil, 1 + after.range.count)
                    k = after.range.upperBound
                    continue
                }
            }
            word = (endsInWord(t, token) ? tailHash(t, token) : nil, token.count)
        }
    }

    /// Whether the token's last scalar belongs to a word: only then may a piece join it.
    @inline(__always) static func endsInWord<C: RandomAccessCollection>(_ t: C, _ token: Range<Int>) -> Bool
        where C.Element: BinaryInteger, C.Index == Int {
        isWordScalar(UInt32(t[token.upperBound - 1]))
    }

    /// The hash of a token's core, which reaches its end (`endsInWord`); nil where it holds
    /// anything but word scalars.
    @inline(__always) static func tailHash<C: RandomAccessCollection>(_ t: C, _ token: Range<Int>) -> UInt64?
        where C.Element: BinaryInteger, C.Index == Int {
        var lo = token.lowerBound
        while lo < token.upperBound, !isWordScalar(UInt32(t[lo])) { lo += 1 }
        return extend(fnvBasis, t, lo..<token.upperBound)
    }

    /// `hash` carried on over the core of `token`, which starts at its start: the hash of a
    /// word written on with that token. nil where the core holds anything but word scalars.
    @inline(__always) static func extend<C: RandomAccessCollection>(_ hash: UInt64, _ t: C, _ token: Range<Int>) -> UInt64?
        where C.Element: BinaryInteger, C.Index == Int {
        var hi = token.upperBound
        while hi > token.lowerBound, !isWordScalar(UInt32(t[hi - 1])) { hi -= 1 }
        var h = hash
        for k in token.lowerBound..<hi {
            let v = UInt32(t[k])
            guard isWordScalar(v) else { return nil }
            h = fnv(h, v)
        }
        return h == 0 ? 1 : h
    }

    /// How often the document prints the lone letter `token` joined to the token after it.
    static func pairAfter<C: RandomAccessCollection>(_ t: C, _ token: Range<Int>, lexicon: Lexicon) -> Int
        where C.Element: BinaryInteger, C.Index == Int {
        guard let after = nextToken(t, after: token), after.gap == 1, isLetter(UInt32(t[after.range.lowerBound])) else { return 0 }
        return extend(fnv(fnvBasis, UInt32(t[token.lowerBound])), t, after.range).map(lexicon.count) ?? 0
    }

    /// The token after `token`, and how many spaces stand before it.
    @inline(__always) static func nextToken<C: RandomAccessCollection>(_ t: C, after token: Range<Int>) -> (range: Range<Int>, gap: Int)?
        where C.Element: BinaryInteger, C.Index == Int {
        var k = token.upperBound
        let n = t.endIndex
        while k < n, UInt32(t[k]) == space { k += 1 }
        guard k < n else { return nil }
        let start = k
        while k < n, UInt32(t[k]) != space { k += 1 }
        return (start..<k, start - token.upperBound)
    }
}

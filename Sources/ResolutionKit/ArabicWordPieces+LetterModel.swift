// Arabic words spaced apart whose pieces the document never prints whole, joined by how
// Arabic is spelled.
//
// `ArabicWordPieces` joins pieces by the document's own words: a join that it prints whole
// elsewhere. A document whose font gets most words spaced apart prints few of them whole
// (`الس الم`, `ته دد`). There the letter model (`ArabicLetterModel`) decides: the pieces of
// one word make, joined, a word far likelier than the two apart (neither `الس` nor `الم` ends
// or opens a word that way), while two words make a join no likelier than they are apart
// (`في` + `القرار`).

import Dispatch

extension ArabicWordPieces {
    /// Natural-log likelihood a join must gain over its two pieces apart (a factor of e⁶). On
    /// the typeset Arabic PDFs whose texts the letter counts were not made from, neighbouring
    /// tokens that the DOCX prints as one word gained more than 6 in 410 of 462 cases, and
    /// those it prints as two words in 3 of 18,331 (8: 386 and 1).
    static let letterModelGain = 6.0
    /// Letters a joined word may hold at most: longer than any Arabic word, and a bound on what
    /// one join costs (a line of lone letters that join one after another makes no word longer).
    static let longestJoinedWord = 24

    /// Joins by the letter model what `mend` left apart, in the `count` texts read by `text`
    /// (`removing` gets each text's index and the spaces that go), where the document's counts
    /// say its words were taken apart (`takenApart`).
    /// - Complexity: O(n) in the texts' scalars.
    static func mendByLetters(_ count: Int, counts: (pieces: Int, tokens: Int), ligaturesReversed: Bool,
                              text: (Int) -> Scalars, removing: (Int, [Int]) -> Void) {
        guard takenApart(counts), let model = ArabicLetterModel.shared else { return }
        var likelihoods = WordLikelihoods(model: model, ligaturesReversed: ligaturesReversed)
        for i in 0..<count {
            let spaces = withValues(text(i)) { letterModelJoins($0, likelihoods: &likelihoods) }
            if !spaces.isEmpty { removing(i, spaces) }
        }
    }

    /// Lines from which the letter-model phases run on both cores, a half each.
    static let linesForTwoCores = 4_096

    /// The same for source lines, read in place (`PackedScalars.withBMP`) where they can be:
    /// only the lines that change are unpacked, and one with no scalar past Latin-1 holds no
    /// Arabic and is not read. A long text is read in two halves on both cores, each with its
    /// own likelihoods (a pair gains the same whichever half works it out).
    static func mendByLetters(_ lines: inout [SourceLine], counts: (pieces: Int, tokens: Int), ligaturesReversed: Bool) {
        guard takenApart(counts), let model = ArabicLetterModel.shared else { return }
        var found: [(line: Int, spaces: [Int])] = []
        if lines.count < linesForTwoCores || WorkMeter.enabled {
            found = lines.withUnsafeBufferPointer { letterModelJoins($0, $0.indices, model: model, ligaturesReversed: ligaturesReversed) }
        } else {
            var halves: [[(line: Int, spaces: [Int])]] = [[], []]
            lines.withUnsafeBufferPointer { source in
                halves.withUnsafeMutableBufferPointer { target in
                    // Each half reads its own lines and writes its own slot.
                    nonisolated(unsafe) let source = source, target = target
                    DispatchQueue.concurrentPerform(iterations: 2) { k in
                        let mid = source.count / 2
                        target[k] = letterModelJoins(source, k == 0 ? 0..<mid : mid..<source.count, model: model,
                                                     ligaturesReversed: ligaturesReversed)
                    }
                }
            }
            found = halves[0] + halves[1]
        }
        for (i, spaces) in found { lines[i].text = removing(spaces, from: lines[i].text) }
    }

    /// The spaces to remove in `lines[range]` (`letterModelJoins`), line by line.
    static func letterModelJoins(_ lines: UnsafeBufferPointer<SourceLine>, _ range: Range<Int>, model: ArabicLetterModel,
                                 ligaturesReversed: Bool) -> [(line: Int, spaces: [Int])] {
        var likelihoods = WordLikelihoods(model: model, ligaturesReversed: ligaturesReversed)
        var found: [(line: Int, spaces: [Int])] = []
        for i in range where !lines[i].scalars.isLatin1 {
            let spaces = lines[i].scalars.withBMP { letterModelJoins($0, likelihoods: &likelihoods) }
                ?? withValues(lines[i].text) { letterModelJoins($0, likelihoods: &likelihoods) }
            if !spaces.isEmpty { found.append((i, spaces)) }
        }
        return found
    }

    /// Word likelihoods and join gains, each worked out once a document, found again by the
    /// word's hash (`fnv`, seeded once a process) so that a word met again is not copied.
    struct WordLikelihoods {
        let model: ArabicLetterModel
        /// The document's lam-alef ligatures came out backwards: a word scores as its likeliest
        /// reading (`ReversedLigatureRepair`), which is mended after the words are joined.
        let ligaturesReversed: Bool
        /// Words and pairs kept at most: a resolution has some thousands, and a text made of
        /// distinct words gets no more room than this (under 2 MB a table; 4 MB of distinct
        /// random tokens took 78 MB more than before the letter model without it).
        static let kept = 1 << 15
        private var known = WordHashTable<Double>(limit: kept)
        private var gains = WordHashTable<Double>(limit: kept)

        init(model: ArabicLetterModel, ligaturesReversed: Bool) {
            self.model = model
            self.ligaturesReversed = ligaturesReversed
        }

        /// The likelihood of `word`, whose hash is `hash`.
        /// - Complexity: O(w · order) for a word of w letters the first time it is asked
        ///   (2^p times that with p open pairs, when the ligatures are reversed), O(1) after.
        mutating func of(_ hash: UInt64, _ word: Scalars) -> Double {
            if let known = known[hash] { return known }
            WorkMeter.add(word.count * (ligaturesReversed ? 1 << ReversedLigatureRepair.maxOpenPairs : 1))
            var score: Double
            if ligaturesReversed {
                var sound = word
                ArabicLigatures.repair(&sound)
                score = -.infinity
                for reading in ReversedLigatureRepair.readings(sound) { score = max(score, model.logLikelihood(reading)) }
            } else {
                score = model.logLikelihood(word)
            }
            known[hash] = score
            return score
        }

        /// What joining two pieces gains over the two apart, by their hashes: worked out (from
        /// their letters, and the joined word's hash, the first's carried on over the second's
        /// letters) only the first time the pair is met.
        mutating func gain(_ a: UInt64, _ b: UInt64, letters: (Bool) -> Scalars, whole: UInt64) -> Double {
            let key = a &* 0x9E37_79B9_7F4A_7C15 ^ b
            if let known = gains[key] { return known }
            let first = letters(true), second = letters(false)
            let g = of(whole, first + second) - of(a, first) - of(b, second)
            gains[key] = g
            return g
        }

        /// Whether the pair is known, and what it gains: asked before the joined word's hash is
        /// worked out, which a pair met before does not need.
        func knownGain(_ a: UInt64, _ b: UInt64) -> Double? { gains[a &* 0x9E37_79B9_7F4A_7C15 ^ b] }
    }

    /// The positions of the spaces in `text` that stand between two pieces of one word by the
    /// letter model: the Arabic letters that end a token and those that open the next one (a
    /// single space between them), joined, gain `letterModelGain` over the two apart. Read
    /// from the start: a joined word is asked again with the token after it (`تتع اون ت`). A
    /// lone letter (but `و`, and a letter before a figure: `بـ 2011` without its tatweel) is
    /// no word: it joins the neighbour that gains more, if either gains at all.
    /// - Complexity: O(n) in the text's scalars, each distinct word scored once.
    static func letterModelJoins<C: RandomAccessCollection>(_ t: C, likelihoods: inout WordLikelihoods) -> [Int]
        where C.Element: BinaryInteger, C.Index == Int {
        @inline(__always) func value(_ k: Int) -> UInt32 { UInt32(t[k]) }
        @inline(__always) func isLetter(_ k: Int) -> Bool {
            let v = value(k)
            return (v >= 0x0620 && v <= 0x065F) || (v >= 0x0670 && v <= 0x06D3)  // ArabicLigatures.isArabicLetter
        }
        func hash(_ range: Range<Int>, from h: UInt64 = fnvBasis) -> UInt64 {
            var h = h
            for k in range where value(k) != space { h = fnv(h, value(k)) }
            return h
        }
        // A piece's letters (`range`, spaces in it removed by joins).
        func letters(_ range: Range<Int>) -> Scalars {
            range.compactMap { value($0) == space ? nil : Unicode.Scalar(value($0)) }
        }
        // What joining the letters of `a` and `b` gains, the pair's hashes `ha` and `hb`.
        func gain(_ a: Range<Int>, _ ha: UInt64, _ b: Range<Int>, _ hb: UInt64) -> Double {
            if let known = likelihoods.knownGain(ha, hb) { return known }
            return likelihoods.gain(ha, hb, letters: { $0 ? letters(a) : letters(b) }, whole: hash(b, from: ha))
        }
        var spaces: [Int] = []
        // The letters that end the token before, one space back (`start` may be further back,
        // where they were joined to pieces before them).
        var carried: (start: Int, hash: UInt64)? = nil
        var joinsThis = false  // a lone letter before, which goes with this token
        var i = 0
        let n = t.count
        while i < n {
            if value(i) == space { carried = nil; i += 1; continue }
            var end = i
            while end < n && value(end) != space { end += 1 }
            WorkMeter.add(end - i)
            // The letters that open this token (`الم` of `الم،`, `اني` of `اني/نوفم`).
            var lead = i
            while lead < end && isLetter(lead) { lead += 1 }
            var joinedFrom: Int? = nil, joinsNext = false
            let openingHash = lead > i ? hash(i..<lead) : 0
            if lead > i {
                var gainBefore = -Double.infinity
                if let before = carried, (i - 1 - before.start) + (lead - i) <= longestJoinedWord {
                    gainBefore = gain(before.start..<(i - 1), before.hash, i..<lead, openingHash)
                }
                var needed = joinsThis ? -Double.infinity : letterModelGain
                let after = end + 1 < n && value(end) == space ? end + 1 : n
                if lead == end && end - i == 1 && value(i) != conjunction
                    && !(after < n && Unicode.Scalar(value(after))?.properties.numericType != nil) {
                    var afterLead = after
                    while afterLead < n && isLetter(afterLead) { afterLead += 1 }
                    var gainAfter = -Double.infinity
                    if afterLead > after && afterLead - after < longestJoinedWord {
                        let next = hash(after..<afterLead)
                        gainAfter = gain(i..<lead, openingHash, after..<afterLead, next)
                    }
                    // A neighbour that is a lone letter too joins only as any pair does: lone
                    // letters in a row (`ب ب ب`) are no chain of pieces.
                    if afterLead - after == 1 && gainAfter <= letterModelGain { gainAfter = -.infinity }
                    var towardsBefore = gainBefore
                    if let before = carried, i - 1 - before.start == 1, gainBefore <= letterModelGain { towardsBefore = -.infinity }
                    if gainAfter > towardsBefore && gainAfter > 0 { joinsNext = true; needed = .infinity }
                    else if towardsBefore > 0 { needed = min(needed, 0) }
                }
                if let before = carried, gainBefore > needed, gainBefore > -.infinity {
                    spaces.append(i - 1)
                    joinedFrom = before.start
                }
            }
            joinsThis = joinsNext
            // What the next token may join: the letters that close this one (`الق` of `(الق`,
            // `نوفم` of `اني/نوفم`), the joined word where they are all of it, when a single
            // space follows.
            let oneSpaceAfter = end + 1 < n && value(end) == space && value(end + 1) != space
            var tail = end
            while tail > i && isLetter(tail - 1) { tail -= 1 }
            if !oneSpaceAfter || tail == end {
                carried = nil
            } else if let joinedFrom, tail == i, let before = carried {
                carried = (joinedFrom, hash(i..<end, from: before.hash))
            } else {
                carried = (tail, tail == i ? openingHash : hash(tail..<end))
            }
            i = carried == nil ? end : end + 1
        }
        return spaces
    }
}

// Kashidas that a PDF's text layer wrote as some punctuation mark.
//
// Justified Arabic is stretched with kashidas: the joining stroke lengthened between two
// letters of a word. A font subset with no Unicode mapping for its kashida glyph leaves
// extraction whatever code the glyph was given instead. LibreOffice's export with Noto Sans
// Arabic, for one, gives a different mark in each document: `ق''برص`, `الع,,ام`, `شخص((ي`,
// `الس//الم`, `ذل@@ك`. Read as text, these split words, and a comma or a bracket in one
// reads as punctuation.
//
// Which mark it is, is decided for the document from where the mark stands. A kashida can
// only follow a letter that joins to the next one (a dual-joining letter: `ب`, `س`, `ل`…,
// never `ا`, `د`, `ر`, `و`, `ة`), and it sits between two letters of one word, with no
// space on either side; justification often doubles it. A mark that many times stands
// there, doubled in many of them, and next to never after a letter that cannot join, is the
// document's kashida. Where the language writes the mark between words of its own (the
// months, `نيسان/أبريل`, in the language file), those stay, kashidas inside them or not.

enum ArabicKashida {
    /// The mark a document's kashidas were written as (`Tally.standIn`).
    struct StandIn: Equatable {
        var mark: Unicode.Scalar
        /// Its single runs are kashidas too, not only the doubled ones.
        var singles: Bool
        /// The language's phrases with the mark between two words (`نيسان/أبريل`): the
        /// words on each side.
        var ownUses: [OwnUse] = []

        /// Whether the run of the mark at `start..<end` of `line` is a kashida: right after a
        /// letter that joins forward (past its vowel marks), right before an Arabic letter,
        /// and not the mark of one of the language's own phrases.
        /// - Complexity: O(p · w) for the p phrases with the mark and w scalars of each.
        func isKashida(_ line: Scalars, _ start: Int, _ end: Int) -> Bool {
            guard end < line.count, Chars.isArabicLetter(line[end]),
                  let letter = ArabicKashida.letterBefore(line, start), ArabicKashida.joinsForward(letter) else { return false }
            if end - start < 2 && !singles { return false }
            return end - start >= 2 || !ownUses.contains { $0.isAt(line, start, end, mark: mark) }
        }
    }

    /// A phrase of the language written with a mark between two words (`نيسان/أبريل`).
    struct OwnUse: Equatable {
        var before: Scalars
        var after: Scalars

        /// The phrases of `phrases` (a language's months) with `mark` between two words, each
        /// also as a font that prints lam-alef backwards gives it (`األول` for `الأول`):
        /// the kashida is dropped before the document's ligatures are repaired.
        static func of(_ phrases: [String], mark: Unicode.Scalar) -> [OwnUse] {
            var uses: [OwnUse] = []
            for phrase in phrases {
                let s = Array(phrase.unicodeScalars)
                guard let k = s.firstIndex(of: mark), k > 0, k + 1 < s.count else { continue }
                let use = OwnUse(before: Array(s[..<k]), after: Array(s[(k + 1)...]))
                uses.append(use)
                let backwards = OwnUse(before: ArabicLigatures.reversingPairs(use.before), after: ArabicLigatures.reversingPairs(use.after))
                if backwards != use { uses.append(backwards) }
            }
            return uses
        }

        /// The single run at `start..<end` is this phrase's mark: its words stand on each
        /// side, whole, read past any run of the mark inside them (a kashida in the month)
        /// and any space (a word that extraction split at a kashida, `نيس ان/أبري ل`).
        /// - Complexity: O(w) in the phrase's scalars and the spaces among them.
        func isAt(_ line: Scalars, _ start: Int, _ end: Int, mark: Unicode.Scalar) -> Bool {
            var k = start - 1
            for c in before.reversed() where c != " " {
                while k >= 0 && (line[k] == mark || line[k] == " ") { k -= 1 }
                guard k >= 0, line[k] == c else { return false }
                k -= 1
            }
            while k >= 0 && line[k] == mark { k -= 1 }
            if k >= 0 && Chars.isArabicLetter(line[k]) { return false }
            var j = end
            for c in after where c != " " {
                while j < line.count && (line[j] == mark || line[j] == " ") { j += 1 }
                guard j < line.count, line[j] == c else { return false }
                j += 1
            }
            while j < line.count && line[j] == mark { j += 1 }
            return j == line.count || !Chars.isArabicLetter(line[j])
        }
    }

    /// The text's kashida mark, decided on its first 256 KB (a font's habit, the same
    /// throughout; a resolution's PDF text is some tens of KB): lines of it read without
    /// their direction controls. `phrases`: the
    /// language's phrases that may hold a mark of their own (its months).
    /// - Complexity: O(1): at most 256 KB are read.
    static func standIn(sampling pieces: [[UInt8]], phrases: [String]) -> StandIn? {
        var tally = Tally(phrases: phrases)
        var line = Scalars()
        var budget = 1 << 18
        for piece in pieces where budget > 0 {
            let n = min(piece.count, budget)
            budget -= n
            // Cut where a scalar starts: a continuation byte is never a line's first.
            var end = n
            while end < piece.count && end > 0 && piece[end] & 0xC0 == 0x80 { end -= 1 }
            for s in String(decoding: piece[..<end], as: UTF8.self).unicodeScalars {
                if s == "\n" || s == "\r" || s == "\u{0C}" {
                    tally.add(line)
                    line.removeAll(keepingCapacity: true)
                } else if !Chars.isBidiControl(s) {
                    line.append(s)
                }
            }
        }
        tally.add(line)
        return tally.standIn
    }

    /// An Arabic letter that joins to the letter after it (Unicode joining type D): the
    /// only letters a kashida may follow.
    @inline(__always) static func joinsForward(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0626, 0x0628, 0x062A...0x062E, 0x0633...0x063A, 0x0641...0x0647, 0x0649, 0x064A,
             0x066E, 0x066F, 0x0678...0x0687, 0x069A...0x06BF, 0x06C1, 0x06CC, 0x06CE, 0x06D0, 0x06D1:
            return true
        default: return false
        }
    }

    /// A mark that may stand in for a kashida: printable ASCII punctuation.
    @inline(__always) static func mayStandIn(_ s: Unicode.Scalar) -> Bool {
        (0x21...0x2F).contains(s.value) || (0x3A...0x40).contains(s.value) || (0x5B...0x60).contains(s.value)
            || (0x7B...0x7E).contains(s.value)
    }

    /// Where each mark stood between two Arabic letters, by the mark's code (`mayStandIn`).
    struct Tally {
        /// The language's phrases that may hold a mark of their own (`OwnUse.of`).
        var phrases: [String] = []
        private var ownUses: [Int: [OwnUse]] = [:]

        init(phrases: [String] = []) { self.phrases = phrases }
        /// Runs after a letter that joins forward: single, and two or more long.
        var single = [Int](repeating: 0, count: 128)
        var doubled = [Int](repeating: 0, count: 128)
        /// Runs after a letter that cannot join: no kashida stands there.
        var afterNonJoining = [Int](repeating: 0, count: 128)

        /// Counts the runs of one mark between two Arabic letters in `line`.
        /// - Complexity: O(n) in the line's scalars.
        mutating func add(_ line: Scalars) {
            var i = 1
            while i < line.count {
                let m = line[i]
                guard mayStandIn(m), let letter = letterBefore(line, i) else { i += 1; continue }
                var end = i
                while end < line.count && line[end] == m { end += 1 }
                if end < line.count && Chars.isArabicLetter(line[end]) {
                    let code = Int(m.value)
                    if end - i == 1 {
                        if ownUses[code] == nil { ownUses[code] = OwnUse.of(phrases, mark: m) }
                        // The language's own use of the mark is no evidence either way.
                        if ownUses[code]!.contains(where: { $0.isAt(line, i, end, mark: m) }) { i = end; continue }
                    }
                    if !joinsForward(letter) { afterNonJoining[code] += 1 }
                    else if end - i >= 2 { doubled[code] += 1 } else { single[code] += 1 }
                }
                i = end
            }
        }

        /// The document's kashida mark, and whether its single runs are kashidas too (the
        /// mark has no use of its own between letters here).
        var standIn: StandIn? {
            var best: (code: Int, runs: Int)? = nil
            for code in 0..<128 {
                let runs = single[code] + doubled[code]
                guard doubled[code] >= 8 || runs >= 24, afterNonJoining[code] * 20 <= runs else { continue }
                if best == nil || runs > best!.runs { best = (code, runs) }
            }
            guard let b = best, let mark = Unicode.Scalar(b.code) else { return nil }
            // Its single runs too, unless the mark also stands after letters that cannot join
            // often enough to have some use here that the language file does not know (a
            // stray one is a ligature that extraction printed backwards, `ا(لبعث`).
            return StandIn(mark: mark, singles: afterNonJoining[b.code] * 10 <= single[b.code],
                           ownUses: OwnUse.of(phrases, mark: mark))
        }
    }

    /// The Arabic letter right before `i`, past its vowel marks (`التقيّ((د`): the mark
    /// sits on the letter, and the kashida after both.
    /// - Complexity: O(1) but for a run of marks.
    static func letterBefore(_ line: Scalars, _ i: Int) -> Unicode.Scalar? {
        var k = i - 1
        while k >= 0 && ArabicMarks.isMark(line[k]) { k -= 1 }
        return k >= 0 && Chars.isArabicLetter(line[k]) ? line[k] : nil
    }

    /// Drops the runs of `standIn` that are kashidas (`StandIn.isKashida`), each judged on
    /// the line as it came: a run's words are read around it, dropped runs and all.
    /// - Complexity: O(n) in the line's scalars; nothing is written where nothing is dropped.
    static func drop(_ standIn: StandIn, from line: inout Scalars) {
        guard let first = line.firstIndex(of: standIn.mark) else { return }
        var kashidas: [Range<Int>] = []
        var i = first
        while i < line.count {
            guard line[i] == standIn.mark else { i += 1; continue }
            var end = i
            while end < line.count && line[end] == standIn.mark { end += 1 }
            if standIn.isKashida(line, i, end) { kashidas.append(i..<end) }
            i = end
        }
        guard !kashidas.isEmpty else { return }
        // One pass that moves each kept scalar once (removing the runs one by one moved the
        // line's tail once a run).
        var out = kashidas[0].lowerBound
        for (n, r) in kashidas.enumerated() {
            let keptEnd = n + 1 < kashidas.count ? kashidas[n + 1].lowerBound : line.count
            for k in r.upperBound..<keptEnd { line[out] = line[k]; out += 1 }
        }
        line.removeLast(line.count - out)
    }
}

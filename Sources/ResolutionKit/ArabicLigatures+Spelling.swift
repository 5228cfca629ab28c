// The reversed ligatures that their letters leave open, decided word by word by how Arabic is
// spelled (`ArabicLetterModel`).

import Dispatch

/// Repairs the reversed lam-alef ligatures of one document: first the pairs that the letters
/// prove (`ArabicLigatures.repair`), then each word that still holds an alef before a lam is
/// read every way its open pairs allow, and the likeliest reading is kept when it is clearly
/// likelier than the word as it stands (`margin`, a factor of e² in likelihood). A word is
/// decided once for the whole document: its every use reads the same.
struct ReversedLigatureRepair {
    /// Natural-log likelihood a reading must gain over the word as it stands.
    static let margin = 2.0
    /// Open pairs read both ways in one word, at most (2^4 readings); later ones stay as they are.
    static let maxOpenPairs = 4
    /// Letters a word may hold to be read: longer than any Arabic word. A longer run of letters
    /// (a text made to be one endless word) stays as the letter rules leave it, which bounds
    /// what one word costs: its readings are copies of it.
    static let longestWord = 40

    private let model: ArabicLetterModel?
    /// A word's hash (`ArabicWordPieces.fnv`, seeded once a process) → which of its open
    /// pairs turn round (bit k: the k-th), so that a word met again is mended in place,
    /// without a copy of it.
    private var decided = WordHashTable<Int>(limit: ArabicWordPieces.WordLikelihoods.kept)

    init(model: ArabicLetterModel? = .shared) { self.model = model }

    /// - Complexity: O(n) in the text's scalars, and O(2^p · w · order) once for each distinct
    ///   word of w letters with p open pairs (p ≤ `maxOpenPairs`).
    mutating func repair(_ text: inout Scalars) {
        ArabicLigatures.repair(&text)
        guard model != nil else { return }
        var start = 0
        while start < text.count {
            guard ArabicLigatures.isArabicLetter(text[start]) else { start += 1; continue }
            var end = start + 1
            var open = false
            var hash = ArabicWordPieces.fnv(ArabicWordPieces.fnvBasis, text[start].value)
            while end < text.count && ArabicLigatures.isArabicLetter(text[end]) {
                if text[end] == ArabicLigatures.lam && ArabicLigatures.isAlef(text[end - 1]) { open = true }
                hash = ArabicWordPieces.fnv(hash, text[end].value)
                end += 1
            }
            if open && end - start <= Self.longestWord {
                let turned: Int
                if let known = decided[hash] { turned = known } else {
                    turned = decide(Scalars(text[start..<end]))
                    decided[hash] = turned
                }
                if turned != 0 { Self.turn(&text, start..<end, pairs: turned) }
            }
            start = end
        }
    }

    /// Repairs every line, a long text in two halves on both cores, each with its own
    /// decisions (a word is decided the same whichever half meets it).
    /// - Complexity: O(n) in the lines' scalars.
    static func repair(_ lines: inout [SourceLine]) {
        guard lines.count >= ArabicWordPieces.linesForTwoCores, !WorkMeter.enabled else {
            var repair = ReversedLigatureRepair()
            for i in lines.indices { repair.repair(&lines[i].text) }
            return
        }
        lines.withUnsafeMutableBufferPointer { lines in
            // Each half writes only its own lines.
            nonisolated(unsafe) let target = lines
            DispatchQueue.concurrentPerform(iterations: 2) { k in
                var repair = ReversedLigatureRepair()
                let mid = target.count / 2
                for i in k == 0 ? 0..<mid : mid..<target.count { repair.repair(&target[i].text) }
            }
        }
    }

    /// Which of the open pairs of `word` to turn round for its likeliest reading (0: none).
    private func decide(_ word: Scalars) -> Int {
        guard let model else { return 0 }
        WorkMeter.add(word.count << Self.maxOpenPairs)
        let asItStands = model.logLikelihood(word)
        var best = 0, bestScore = asItStands
        for (choice, reading) in Self.readings(word).enumerated().dropFirst() {
            let score = model.logLikelihood(reading)
            if score > bestScore { best = choice; bestScore = score }
        }
        return bestScore - asItStands > Self.margin ? best : 0
    }

    /// The open pairs of `text[range]` (an alef before a lam, the first `maxOpenPairs`), in order.
    static func openPairs(_ text: Scalars, _ range: Range<Int>) -> [Int] {
        Array(range.dropLast().filter { ArabicLigatures.isAlef(text[$0]) && text[$0 + 1] == ArabicLigatures.lam }
            .prefix(maxOpenPairs))
    }

    /// Turns round the open pairs of `text[range]` that `pairs` names (bit k: the k-th).
    static func turn(_ text: inout Scalars, _ range: Range<Int>, pairs: Int) {
        for (bit, i) in openPairs(text, range).enumerated() where pairs & (1 << bit) != 0 { text.swapAt(i, i + 1) }
    }

    /// `word` as it stands, then read every other way its open pairs allow: reading k turns
    /// round the pairs that the bits of k name.
    /// - Complexity: O(2^p · w) for p open pairs in a word of w scalars.
    static func readings(_ word: Scalars) -> [Scalars] {
        let pairs = openPairs(word, word.indices)
        var out = [word]
        for choice in 1..<(1 << pairs.count) {
            var reading = word
            for (bit, i) in pairs.enumerated() where choice & (1 << bit) != 0 { reading.swapAt(i, i + 1) }
            out.append(reading)
        }
        return out
    }
}

// Lining up a resolution with its translation. The words differ, so pairing is by structure:
// a sequence alignment (Needleman–Wunsch) over the two unit lists, where a pair scores for the
// same kind of unit, the same operative or subparagraph id (those come from printed numbers and
// labels; preambular ids only from position, so they are no evidence), the same numbers in the text (resolution numbers,
// dates, symbols are written alike in every language) and a similar share of the document's
// length. A unit one side lacks costs one gap, so it is shown `unpaired` and the pairs after it
// are not shifted. The alignment is banded around the diagonal, so its work is linear.
import Foundation
import ResolutionKit

struct LanguageAlignment {
    /// What leaving a unit unpaired costs.
    static let gap = -1.0
    /// Half-width of the band of the alignment around the diagonal, in units.
    static let band = 150

    struct Features {
        var kind: TextUnit.Kind
        var id: String
        var numbers: Set<String>
        var share: Double
        /// Brackets, and semicolons and colons: clause marks a translation keeps.
        var brackets: Int
        var clauses: Int
    }

    static func features(_ units: [DiffUnit]) -> [Features] {
        let total = max(1, units.reduce(0) { $0 + $1.text.unicodeScalars.count })
        return units.map { u in
            var numbers = Set<String>()
            var run = String.UnicodeScalarView()
            var brackets = 0, clauses = 0
            for s in u.text.unicodeScalars {
                let k = SearchFolding.key(s)   // full-width digits and punctuation fold to ASCII
                if k == 0x28 { brackets += 1 } else if k == 0x3B || k == 0x3A || k == 0x061B { clauses += 1 }
                if k >= 0x30 && k <= 0x39 { run.append(Unicode.Scalar(k)!) } else if !run.isEmpty {
                    numbers.insert(String(run)); run = String.UnicodeScalarView()
                }
            }
            if !run.isEmpty { numbers.insert(String(run)) }
            WorkMeter.add(u.text.utf8.count)
            return Features(kind: u.kind, id: u.id, numbers: numbers,
                            share: Double(max(1, u.text.unicodeScalars.count)) / Double(total),
                            brackets: brackets, clauses: clauses)
        }
    }

    /// The worth of pairing `a` with `b`; nil when they cannot pair (different kinds of unit).
    static func score(_ a: Features, _ b: Features) -> Double? {
        guard a.kind == b.kind else { return nil }
        var s = 0.5
        // Preambular and heading ids are positions: one missing paragraph renumbers the rest,
        // so only printed numbers and labels (operative, subparagraph ids) are evidence.
        if a.id == b.id && a.kind != .preambular && a.kind != .heading { s += 2 }
        if !a.numbers.isEmpty || !b.numbers.isEmpty {
            let common = a.numbers.intersection(b.numbers).count
            let all = a.numbers.union(b.numbers).count
            s += 2 * Double(common) / Double(all) - 0.5
        }
        let ratio = abs(log(a.share / b.share))
        s += 1 - min(2, 1.5 * ratio)
        s -= 0.3 * Double(min(3, abs(a.brackets - b.brackets) + abs(a.clauses - b.clauses)))
        return s
    }

    /// Aligned index pairs (either side nil for unpaired), in order.
    /// - Complexity: O((n + m) · band).
    static func align(_ old: [DiffUnit], _ new: [DiffUnit]) -> [(Int?, Int?)] {
        let fa = features(old), fb = features(new)
        let n = fa.count, m = fb.count
        if n == 0 || m == 0 { return (0..<n).map { ($0, nil) } + (0..<m).map { (nil, $0) } }
        // Rows i = 0…n; row i covers columns lo[i]…hi[i] (both monotone, the band).
        let width = max(band, 2 * (max(n, m) / max(1, min(n, m))) + 2)
        var lo = [Int](repeating: 0, count: n + 1), hi = [Int](repeating: m, count: n + 1)
        for i in 0...n {
            let centre = Int((Double(i) * Double(m) / Double(n)).rounded())
            lo[i] = i == 0 ? 0 : max(0, centre - width)
            hi[i] = i == n ? m : min(m, centre + width)
        }
        for i in stride(from: n - 1, through: 0, by: -1) { hi[i] = min(hi[i], hi[i + 1]) }
        for i in 1...n { lo[i] = max(lo[i], lo[i - 1]) }
        var rowStart = [Int](repeating: 0, count: n + 2)
        for i in 0...n { rowStart[i + 1] = rowStart[i] + (hi[i] - lo[i] + 1) }
        var dp = [Double](repeating: -.infinity, count: rowStart[n + 1])
        var move = [UInt8](repeating: 0, count: rowStart[n + 1])   // 1 diagonal, 2 up (old unpaired), 3 left
        WorkMeter.add(rowStart[n + 1])
        func at(_ i: Int, _ j: Int) -> Int? { j >= lo[i] && j <= hi[i] ? rowStart[i] + j - lo[i] : nil }
        for i in 0...n {
            for j in lo[i]...hi[i] {
                let c = rowStart[i] + j - lo[i]
                if i == 0 && j == 0 { dp[c] = 0; continue }
                var best = -Double.infinity, how: UInt8 = 0
                if i > 0, j > 0, let p = at(i - 1, j - 1), let s = score(fa[i - 1], fb[j - 1]), dp[p] + s > best {
                    best = dp[p] + s; how = 1
                }
                if i > 0, let p = at(i - 1, j), dp[p] + gap > best { best = dp[p] + gap; how = 2 }
                if j > 0, let p = at(i, j - 1), dp[p] + gap > best { best = dp[p] + gap; how = 3 }
                dp[c] = best; move[c] = how
            }
        }
        var out: [(Int?, Int?)] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            // Off the band or unreachable (never expected): still list every unit once.
            guard let c = at(i, j), move[c] != 0 else {
                if i > 0 { out.append((i - 1, nil)); i -= 1 } else { out.append((nil, j - 1)); j -= 1 }
                continue
            }
            switch move[c] {
            case 1: out.append((i - 1, j - 1)); i -= 1; j -= 1
            case 2: out.append((i - 1, nil)); i -= 1
            default: out.append((nil, j - 1)); j -= 1
            }
        }
        return out.reversed()
    }
}

// Edits between two texts: Myers' O(ND) difference over tokens (words, or characters in CJK),
// turned into half-open scalar ranges. Equal tokens are compared by hash, then by their scalars,
// so that an equal stretch is truly equal and the edits apply back to exactly the new text.
import ResolutionKit

enum TokenDiff {
    /// Beyond this many differing tokens a paragraph is treated as rewritten in the middle
    /// (one replace after the common start and end): Myers' trace grows as D².
    static let maxDifferences = 1500

    /// The edits that turn `old` into `new`, and the share of non-space tokens they keep.
    /// - Complexity: O((N + M) · D) for N and M tokens and D differing tokens, D capped.
    static func compare(old oldText: String, new newText: String, characterWise: Bool)
        -> (edits: [TextEdit], similarity: Double) {
        let a = Array(oldText.unicodeScalars), b = Array(newText.unicodeScalars)
        let ta = Tokenizer.tokens(a, characterWise: characterWise)
        let tb = Tokenizer.tokens(b, characterWise: characterWise)
        WorkMeter.add(a.count + b.count)
        let ha = ta.map { hash(a, $0) }, hb = tb.map { hash(b, $0) }
        func eq(_ x: Int, _ y: Int) -> Bool { ha[x] == hb[y] && a[ta[x]].elementsEqual(b[tb[y]]) }

        // Common start and end first: most rewordings touch a few words in a long paragraph.
        var lo = 0
        while lo < ta.count, lo < tb.count, eq(lo, lo) { lo += 1 }
        var endA = ta.count, endB = tb.count
        while endA > lo, endB > lo, eq(endA - 1, endB - 1) { endA -= 1; endB -= 1 }

        var matched: [(Int, Int)] = (0..<lo).map { ($0, $0) }
        if let middle = myers(n: endA - lo, m: endB - lo, eq: { eq($0 + lo, $1 + lo) }) {
            matched += middle.map { ($0.0 + lo, $0.1 + lo) }
        }
        matched += (0..<(ta.count - endA)).map { (endA + $0, endB + $0) }

        // Edits are the gaps between matched tokens.
        var edits: [TextEdit] = []
        var x = 0, y = 0
        func scalarStart(_ t: [Range<Int>], _ i: Int, _ total: Int) -> Int { i < t.count ? t[i].lowerBound : total }
        for (mx, my) in matched + [(ta.count, tb.count)] {
            if mx > x || my > y {
                edits.append(TextEdit(old: scalarStart(ta, x, a.count)..<scalarStart(ta, mx, a.count),
                                      new: scalarStart(tb, y, b.count)..<scalarStart(tb, my, b.count)))
            }
            x = mx + 1; y = my + 1
        }
        edits = mergedAcrossSpaces(edits, a)

        var keptTokens = 0
        for (mx, _) in matched where Tokenizer.classify(a[ta[mx].lowerBound]) != .space { keptTokens += 1 }
        let meaningful = ta.filter { Tokenizer.classify(a[$0.lowerBound]) != .space }.count
            + tb.filter { Tokenizer.classify(b[$0.lowerBound]) != .space }.count
        let similarity = meaningful == 0 ? 1 : Double(2 * keptTokens) / Double(meaningful)
        return (edits, similarity)
    }

    /// Two edits with only whitespace kept between them read as one change (`[-a b-]{+c d+}`
    /// rather than `[-a-]{+c+} [-b-]{+d+}`).
    private static func mergedAcrossSpaces(_ edits: [TextEdit], _ a: [Unicode.Scalar]) -> [TextEdit] {
        var out: [TextEdit] = []
        for e in edits {
            if let last = out.last,
               a[last.old.upperBound..<e.old.lowerBound].allSatisfy({ Tokenizer.classify($0) == .space }),
               e.old.lowerBound - last.old.upperBound == e.new.lowerBound - last.new.upperBound {
                out[out.count - 1] = TextEdit(old: last.old.lowerBound..<e.old.upperBound,
                                              new: last.new.lowerBound..<e.new.upperBound)
            } else {
                out.append(e)
            }
        }
        return out
    }

    private static func hash(_ s: [Unicode.Scalar], _ r: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in r { h = (h ^ UInt64(s[i].value)) &* 0x100_0000_01b3 }
        return h
    }

    /// Matched index pairs of a shortest edit script between sequences of `n` and `m`
    /// elements, in order; nil when more than `maxDifferences` elements differ.
    /// - Complexity: O((n + m) · D) time, O(D²) space.
    static func myers(n: Int, m: Int, eq: (Int, Int) -> Bool) -> [(Int, Int)]? {
        if n == 0 || m == 0 { return [] }
        let maxD = min(n + m, maxDifferences)
        let offset = maxD + 1
        var v = [Int](repeating: 0, count: 2 * maxD + 3)
        var trace: [[Int]] = []
        var work = 0
        for d in 0...maxD {
            trace.append(Array(v[(offset - d)...(offset + d)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1]
                } else {
                    x = v[offset + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, eq(x, y) { x += 1; y += 1; work += 1 }
                v[offset + k] = x
                work += 1
                if x >= n && y >= m {
                    WorkMeter.add(work)
                    return backtrack(trace: trace, n: n, m: m, d: d)
                }
            }
        }
        WorkMeter.add(work)
        return nil
    }

    private static func backtrack(trace: [[Int]], n: Int, m: Int, d finalD: Int) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        var x = n, y = m
        var d = finalD
        while d > 0 {
            let v = trace[d]   // the state before step d, indexed k + d
            let k = x - y
            let prevK: Int
            if k == -d || (k != d && v[k - 1 + d] < v[k + 1 + d]) { prevK = k + 1 } else { prevK = k - 1 }
            let prevX = v[prevK + d]
            let prevY = prevX - prevK
            while x > prevX && y > prevY { x -= 1; y -= 1; out.append((x, y)) }
            x = prevX; y = prevY
            d -= 1
        }
        while x > 0 && y > 0 { x -= 1; y -= 1; out.append((x, y)) }
        return out.reversed()
    }
}

// Right-to-left PDF text: extraction may hand over a number with its bracketed year in
// the order it is painted rather than read. In logical order a closing bracket never
// opens a digit run that an opening bracket closes, so the brackets themselves show it.

enum VisualOrder {
    /// `)2023( 2674` → `2674 (2023)`; a lone `)2023(` → `(2023)`.
    /// - Complexity: O(n) in the line's scalars.
    static func restoreDigitRuns(_ line: inout Scalars) {
        guard line.contains(")") else { return }
        var out = Scalars()
        out.reserveCapacity(line.count)
        var i = 0
        var changed = false
        while i < line.count {
            if line[i] == ")", let (inner, afterOpen) = digitsThen("(", in: line, from: i + 1) {
                var j = afterOpen
                while j < line.count && line[j] == " " { j += 1 }
                var k = j
                while k < line.count && Chars.isDigit(line[k]) { k += 1 }
                if k > j {
                    out.append(contentsOf: line[j..<k]); out.append(" ")
                    out.append("("); out.append(contentsOf: inner); out.append(")")
                    i = k
                } else {
                    out.append("("); out.append(contentsOf: inner); out.append(")")
                    i = afterOpen
                }
                changed = true
                continue
            }
            out.append(line[i])
            i += 1
        }
        if changed { line = out }
    }

    /// The digits from `start` when they are followed by `close`; the index after `close`.
    private static func digitsThen(_ close: Unicode.Scalar, in s: Scalars, from start: Int) -> (ArraySlice<Unicode.Scalar>, Int)? {
        var j = start
        while j < s.count && Chars.isDigit(s[j]) { j += 1 }
        guard j > start, j - start <= 4, j < s.count, s[j] == close else { return nil }
        return (s[start..<j], j + 1)
    }
}

// Right-to-left lines arrive from poppler in visual order (left to right on the page).
// Reading them needs logical order: the line reversed, except that runs which the bidi
// algorithm lays out left to right (Latin words, numbers, symbols such as
// `S/RES/2562 (2021)`) keep their own order. This is the inverse of the Unicode bidi
// algorithm for its common case (an RTL paragraph with LTR runs at level 2).

enum BidiOrder {
    enum Kind { case rtl, ltr, number, separator, neutral }

    static func kind(_ c: PDFCell) -> Kind {
        if c.isMarker { return .rtl }
        let s = c.scalar
        if PDFLineBuilder.isRTL(s) { return (0x0660...0x0669).contains(s.value) || (0x06F0...0x06F9).contains(s.value) ? .number : .rtl }
        if Chars.isDigit(s) { return .number }
        if s.properties.isAlphabetic { return .ltr }
        if s == "." || s == "," || s == "/" || s == ":" || s == "-" || s == "+" { return .separator }
        return .neutral
    }

    /// - Complexity: O(n).
    /// `mirrored`: the producer wrote mirrored bracket glyphs as the characters they look
    /// like (`tightBrackets`); brackets laid out right to left are turned back.
    static func logical(fromVisual visual: [PDFCell], mirrored: Bool = false) -> [PDFCell] {
        var cells = Array(visual.reversed())
        let kinds = cells.map(kind)
        let n = cells.count
        // Which cells are laid out left to right: letters and numbers; a separator between
        // two digits (`2.5`, `2020/12`); and, inside a stretch with no RTL letter that holds
        // a Latin letter, every neutral between two such cells (`S/RES/2562 (2021`).
        var high = kinds.map { $0 == .ltr || $0 == .number }
        var start = 0
        while start < n {
            if kinds[start] == .rtl { start += 1; continue }
            var end = start
            var hasLetter = false
            // An opening bracket painted with a space after it (`)S/PRST/2011/16( 2011`,
            // which reads `2011 (S/PRST/2011/16)`): the brackets and spaces take the line's
            // direction, and only the numbers and symbols between them are left to right.
            // A stretch that is one left-to-right run (`S/RES/2562 (2021`) has none.
            var spacedBracket = false
            while end < n, kinds[end] != .rtl {
                if kinds[end] == .ltr { hasLetter = true }
                if !mirrored, cells[end].scalar == "(", end > start, cells[end - 1].scalar == " " { spacedBracket = true }
                end += 1
            }
            // Nearest strong (letter or number) cell on each side, within the stretch.
            var lastStrong = -1
            var nextStrong = [Int](repeating: -1, count: end - start)
            var k = end - 1, next = -1
            while k >= start { nextStrong[k - start] = next; if high[k] { next = k }; k -= 1 }
            for i in start..<end {
                if high[i] { lastStrong = i; continue }
                let after = nextStrong[i - start]
                guard lastStrong >= 0, after >= 0 else { continue }
                // There, only a space or bracket between two letters (`(Security Council)`)
                // is left to right: a number counts as right to left (the bidi rule N1).
                let betweenLetters = kinds[lastStrong] == .ltr && kinds[after] == .ltr
                if hasLetter && !(spacedBracket && !betweenLetters && isSpaceOrOuterBracket(cells, i, in: start..<end)) { high[i] = true }
                else if kinds[i] == .separator, lastStrong == i - 1, after == i + 1 { high[i] = true }
            }
            start = end
        }
        if mirrored {
            for k in 0..<n where !high[k] {
                if let o = closing[cells[k].scalar] { cells[k].scalar = o } else if let c = opening[cells[k].scalar] { cells[k].scalar = c }
            }
        }
        var i = 0
        while i < n {
            guard high[i] else { i += 1; continue }
            var j = i
            while j < n, high[j] { j += 1 }
            cells[i..<j].reverse()
            i = j
        }
        return cells
    }
}

extension BidiOrder {
    /// A space, or a bracket beside a space or at the stretch's edge: not one inside a
    /// symbol (`PSC/PR/COMM.(CMXXVII)`).
    /// - Complexity: O(1).
    static func isSpaceOrOuterBracket(_ cells: [PDFCell], _ i: Int, in stretch: Range<Int>) -> Bool {
        let c = cells[i].scalar
        if c == " " { return true }
        guard c == "(" || c == ")" else { return false }
        return i == stretch.lowerBound || i + 1 == stretch.upperBound
            || cells[i - 1].scalar == " " || cells[i + 1].scalar == " "
    }

    static let closing: [Unicode.Scalar: Unicode.Scalar] = [")": "(", "]": "["]
    static let opening: [Unicode.Scalar: Unicode.Scalar] = ["(": ")", "[": "]"]

    /// Tight bracket pairs in a line in logical order, a word or number between them with
    /// no space (`(2012)`, `(أ)`): how many read the right way round and how many read
    /// `)2012(`. Some PDF producers (Chromium among them) write a mirrored bracket glyph as
    /// the character it looks like, so that in right-to-left text every bracket comes back
    /// turned; a document whose tight pairs mostly read so is mirrored throughout.
    /// - Complexity: O(n).
    static func tightBrackets(_ cells: [PDFCell]) -> (normal: Int, reversed: Int) {
        var normal = 0, reversed = 0
        var i = 0
        while i < cells.count {
            let s = cells[i].scalar
            guard opening[s] != nil || closing[s] != nil else { i += 1; continue }
            var k = i + 1
            while k < cells.count, k - i <= 9, cells[k].scalar != " ", opening[cells[k].scalar] == nil, closing[cells[k].scalar] == nil { k += 1 }
            if k < cells.count, k > i + 1, k - i <= 9 {
                let t = cells[k].scalar
                if opening[s] == t { normal += 1 } else if closing[s] == t { reversed += 1 }
            }
            i = k
        }
        return (normal, reversed)
    }
}

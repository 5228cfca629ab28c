// Lines that hold only a number, a label or a marker: pdftotext prints an operative
// number, an item's label and a note's marker on lines of their own, apart from the text
// they belong to, and the block phase holds each until that text comes.

extension BlockBuilder {
    /// `12` alone: a note's marker or a page number.
    static func bareNumber<S: RandomAccessCollection<Unicode.Scalar>>(_ s: S) -> Int? where S.Index == Int {
        guard !s.isEmpty, s.count <= 3, s.allSatisfy(Chars.isDigit) else { return nil }
        return s.reduce(0) { $0 * 10 + Int($1.value - 48) }
    }

    /// `(a)`, `iv)`, `1)`, `(هـ)`, `’10‘`, `㈠` or `•` alone: a subparagraph label whose text is on the next line
    /// (pdftotext makes the label before a tab a block of its own).
    static func isLabelOnly<S: RandomAccessCollection<Unicode.Scalar>>(_ s: S) -> Bool where S.Index == Int {
        // A bullet alone: pdftotext prints a bulleted item's bullet apart from its text.
        if s.count == 1, let bullet = s.first, bullet == "•" || bullet == "·" || bullet == "▪" { return true }
        // `㈠`…`㈩`: a Chinese item's number, one character.
        if s.count == 1, let n = s.first, n.value >= 0x3220 && n.value <= 0x3229 { return true }
        // `’10‘`: an Arabic item's number between quotes.
        if s.count >= 3, s.count <= 4, s.first == "\u{2019}", s.last == "\u{2018}",
           s.dropFirst().dropLast().allSatisfy({ Chars.isDigit($0) }) { return true }
        guard s.count >= 2, s.count <= 8, let close = s.last, close == ")" || close == "）" else { return false }
        var body = s.dropLast()
        if let open = body.first, open == "(" || open == "（" { body = body.dropFirst() }
        // A PDF page may set the label's glyphs apart from their brackets (`(أ )`), as
        // `LabelParser` allows.
        if body.first == " " { body = body.dropFirst() }
        if body.last == " " { body = body.dropLast() }
        // `1)`, `12)`: a list's number; longer runs of digits are years (`(2015)`) cut off
        // a citation.
        if !body.isEmpty && body.count <= 2 && body.allSatisfy({ Chars.isDigit($0) }) { return true }
        return !body.isEmpty && body.count <= 5 && body.allSatisfy { $0.properties.isAlphabetic || $0 == "\u{0640}" }
    }

    /// `12.` or Arabic `12 -` alone: an operative number whose text is on the next line.
    static func isNumberOnly<S: RandomAccessCollection<Unicode.Scalar>>(_ s: S) -> Bool where S.Index == Int {
        guard s.count >= 2, let end = s.last, end == "." || end == "．" || end == "-" || end == "–" else { return false }
        var body = s.dropLast()
        if end == "-" || end == "–" { while let l = body.last, Chars.isSpace(l) { body = body.dropLast() } }
        return !body.isEmpty && body.count <= 3 && body.allSatisfy { Chars.digitValue($0) != nil }
    }

    /// `12` as superscript digits (`¹²`), the form a marker takes in the text.
    static func superscript(_ n: Int) -> Scalars {
        let table: [Unicode.Scalar] = ["\u{2070}", "\u{00B9}", "\u{00B2}", "\u{00B3}", "\u{2074}",
                                       "\u{2075}", "\u{2076}", "\u{2077}", "\u{2078}", "\u{2079}"]
        return String(n).unicodeScalars.map { table[Int($0.value - 48)] }
    }
}

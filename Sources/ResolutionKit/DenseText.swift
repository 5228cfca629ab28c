// Text with far more lines than any page's layout has: read without per-line records.
//
// The line phases keep a record for every line (its scalars and layout facts, about a
// hundred bytes for a short line) and a block for every paragraph, because the layout is
// decided from statistics of the whole text. That is cheap for a page's lines and ruinous
// for a file of millions of one-letter lines: 16 MB of `a\n` peaked at 904 MB. Such a text
// is not a resolution in any layout, so it is read as SPEC §9 reads a text that is not a
// resolution, with all of it in `other`, and with memory a small multiple of the input.

enum DenseText {
    /// Below this size every text is read line by line, whatever its shape: the records of a
    /// smaller text cost tens of megabytes at most.
    static let minimumBytes = 1 << 20

    /// The line phases' cost of a line that holds text, besides its packed text
    /// (`PackedScalars`: its scalars times the width of its widest, one, two or four bytes):
    /// its record, its array's header and the allocator's share. Measured from outside: 16 MB
    /// of 40-byte lines took 143 bytes a line in the line phase, 41 of them its text.
    static let bytesPerLineRecord = 104

    /// A text whose lines would cost more than this many times its size is read without
    /// line records. That is the memory the line phases may take (the whole process is to
    /// stay under 8× the input, the runtime and the later phases included), and it is far past
    /// any page's layout: over 1,453 real texts (pdftotext's default and `-layout` text,
    /// hard-wrapped text, plain text and Markdown, in six languages: the typeset set, the
    /// corpus, the fixtures and the seeds) the lines cost at most 3.7× (Chinese pdftotext
    /// text, 39 bytes a line), French and Spanish 3.4–3.5×. Short lines whose widest scalar
    /// takes four bytes (an emoji on each 40-byte line: 6.1×) are what this keeps out.
    static let recordCostLimit = 5.0

    /// `other` gets the text in pieces cut at a line end once they hold this many bytes, so
    /// that the reader and the exports never meet one paragraph of the whole file.
    static let pieceBytes = 64 << 10

    /// Whether `text` is to be read without line records: its lines would cost more than
    /// `recordCostLimit` times its size, or so many of them end a clause that its paragraphs
    /// and items must be tinier than any resolution's (`bytesPerBlock`; decided here from
    /// the lines, before any record is made, and from the blocks by
    /// `isDense(blocks:bytes:)` for what the lines cannot show).
    /// - Complexity: O(n) in the text's bytes, with no allocation.
    static func isDense(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isDense(utf8: $0) }
    }

    /// `isDense` of text given as its UTF-8 bytes (valid UTF-8).
    static func isDense(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let size = bytes.count
        guard size >= minimumBytes else { return false }
        // Settled by loops the compiler vectorises, for most texts: the line breaks, the
        // largest byte (no scalar packs wider than it allows, and no text has more scalars
        // than bytes), and the breaks right after a stop.
        var lineBreaks = 0
        var top: UInt8 = 0
        // Both in one loop the compiler vectorises, counted in 32-bit lanes a block at a time
        // (counting eight bytes at a time in a word took five times the instructions).
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + (1 << 16))
            var breaks: UInt32 = 0
            for k in start..<end {
                let b = bytes[k]
                breaks &+= b == 10 || b == 13 ? 1 : 0
                top = max(top, b)
            }
            lineBreaks += Int(breaks)
            start = end
        }
        // No more lines than breaks can end a clause: counted only where enough could.
        if (lineBreaks + 1) * bytesPerBlock > size && endedLines(bytes) * bytesPerBlock > size { return true }
        let lineBound = (lineBreaks + 1) * bytesPerLineRecord + size * packedWidth(lead: top)
        if Double(lineBound) <= recordCostLimit * Double(size) { return false }
        // Line by line: each line's scalars at the width of its widest.
        var cost = 0
        var scalars = 0, width = 1
        var ink = false
        for b in bytes {
            if b & 0xC0 != 0x80 { scalars += 1 }
            switch b {
            case 10, 13:
                if ink { cost += bytesPerLineRecord + scalars * width }
                ink = false; scalars = 0; width = 1
            case 32, 9, 11, 12: break
            default:
                ink = true
                if b >= 0xC4 { width = max(width, packedWidth(lead: b)) }
            }
        }
        if ink { cost += bytesPerLineRecord + scalars * width }
        return Double(cost) > recordCostLimit * Double(size)
    }

    /// Line breaks that come right after a clause's end (`Chars.isTerminator`: `, ; . : ! ?`,
    /// `，；。：！？`, `، ؛`). A line that ends in spaces, a marker or emphasis (`,¹`, `,**`)
    /// is not counted: the count may fall short, never over.
    /// - Complexity: O(n): a scan for the breaks, and a look at the bytes before each.
    static func endedLines(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard bytes.count > 3 else { return 0 }
        var n = 0
        var i = 3
        while i < bytes.count {
            // Eight bytes with no line break are passed at once.
            if i + 8 <= bytes.count {
                let w = ByteWords.load(bytes, i)
                if !ByteWords.has(w, 10) && !ByteWords.has(w, 13) { i += 8; continue }
            }
            defer { i += 1 }
            guard bytes[i] == 10 || bytes[i] == 13 else { continue }
            let p1 = bytes[i - 1], p2 = bytes[i - 2], p3 = bytes[i - 3]
            let ascii = p1 == 0x2C || p1 == 0x3B || p1 == 0x2E || p1 == 0x3A || p1 == 0x21 || p1 == 0x3F
            let fullWidth = p3 == 0xEF && p2 == 0xBC && (p1 == 0x8C || p1 == 0x9B || p1 == 0x9A || p1 == 0x81 || p1 == 0x9F)
            let ideographic = p3 == 0xE3 && p2 == 0x80 && p1 == 0x82
            let arabic = p2 == 0xD8 && (p1 == 0x8C || p1 == 0x9B)
            n &+= ascii || fullWidth || ideographic || arabic ? 1 : 0
        }
        return n
    }

    /// Bytes a scalar packs to, by the lead byte of its UTF-8: below U+0100 (`C2`, `C3`),
    /// one; up to U+FFFF, two; beyond, four.
    @inline(__always) static func packedWidth(lead b: UInt8) -> Int {
        b < 0xC4 ? 1 : b < 0xF0 ? 2 : 4
    }

    /// The text's lines, trimmed and joined as wrapped lines are (with a space, or with
    /// nothing in CJK), in pieces of about `pieceBytes`. Every character but whitespace is
    /// kept, in order.
    /// - Complexity: O(n) in the text's bytes; one piece's bytes are held at a time besides
    ///   the pieces made.
    static func unplaced(_ text: String, joinWithSpace: Bool) -> [OtherText] {
        var text = text
        return text.withUTF8 { unplaced(utf8: $0, joinWithSpace: joinWithSpace) }
    }

    /// `unplaced` of text given as its UTF-8 bytes (valid UTF-8).
    static func unplaced(utf8 bytes: UnsafeBufferPointer<UInt8>, joinWithSpace: Bool) -> [OtherText] {
        var pieces: [OtherText] = []
        var piece: [UInt8] = []
        piece.reserveCapacity(pieceBytes + 256)
        var line: [UInt8] = []
        func endLine() {
            // Trim ASCII whitespace at both ends (the rest of the line is kept as it is).
            var lo = 0, hi = line.count
            while lo < hi && isBlank(line[lo]) { lo += 1 }
            while hi > lo && isBlank(line[hi - 1]) { hi -= 1 }
            if lo < hi {
                if !piece.isEmpty && joinWithSpace { piece.append(32) }
                piece.append(contentsOf: line[lo..<hi])
                if piece.count >= pieceBytes { flush() }
            }
            line.removeAll(keepingCapacity: true)
        }
        func flush() {
            guard !piece.isEmpty else { return }
            pieces.append(OtherText(text: String(decoding: piece, as: UTF8.self), after: nil))
            piece.removeAll(keepingCapacity: true)
        }
        func take(_ b: UInt8) {
            WorkMeter.add(1)
            if b == 10 || b == 13 { endLine() } else { line.append(b) }
        }
        for b in bytes { take(b) }
        endLine()
        flush()
        return pieces
    }

    private static func isBlank(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 11 || b == 12 }

    /// Fewer bytes than this per block (a paragraph, heading or item once its lines are
    /// joined; see `isDense(blocks:bytes:)`), on average, is no resolution of this size.
    /// Over the 1,370 texts of the typeset set and the corpus the median is 293 bytes a
    /// block; the lowest, 55, are texts of two kilobytes whose few paragraphs sit among their
    /// title and closing lines, and the 150 largest texts (30–66 KB) average 218 bytes or
    /// more. The structure and the document
    /// cost a few hundred bytes for every paragraph and item besides its text, so a large
    /// text of tiny ones (16 MB of 40-byte preambular paragraphs peaked at 192 MB, of 66-byte
    /// items at 195 MB) is read as `isDense` text is, from its blocks.
    static let bytesPerBlock = 96

    /// Whether a text of `bytes` bytes laid out in `blocks` has more paragraphs and items
    /// than its size allows a resolution to have. A block that follows one ending without
    /// punctuation is not counted: the structure phase may join it to that one (extraction
    /// splits a paragraph into blocks, one a line in a narrow column).
    /// - Complexity: O(b) in the number of blocks.
    static func isDense(blocks: [SourceBlock], bytes: Int) -> Bool {
        guard bytes >= minimumBytes, blocks.count * bytesPerBlock > bytes else { return false }
        var units = 0
        var open = true
        for b in blocks {
            if open { units += 1 }
            open = b.endsClause
        }
        return units * bytesPerBlock > bytes
    }

    /// The blocks' texts, then the notes' texts, cleaned of markup as paragraphs are and
    /// joined as `unplaced(_:joinWithSpace:)` joins lines (a space, or nothing in CJK; a
    /// hyphen that ends a block is kept), in pieces of about `pieceBytes`. Each block's text
    /// is released once read.
    /// - Complexity: O(n) in the blocks' scalars.
    static func unplaced(taking blocks: inout [SourceBlock], notes: [RawFootnote], joinWithSpace: Bool) -> [OtherText] {
        var pieces: [OtherText] = []
        var piece = Scalars()
        piece.reserveCapacity(pieceBytes + 256)
        func add(_ raw: Scalars) {
            let text = InlinePass.clean(raw, footnotes: []).text
            guard !text.isEmpty else { return }
            if !piece.isEmpty && joinWithSpace { piece.append(" ") }
            piece.append(contentsOf: text)
            if piece.count >= pieceBytes {
                pieces.append(OtherText(text: piece.string, after: nil))
                piece.removeAll(keepingCapacity: true)
            }
        }
        for i in blocks.indices {
            let raw = blocks[i].text
            blocks[i].text = []
            add(raw)
        }
        blocks = []
        for note in notes { add(note.text) }
        if !piece.isEmpty { pieces.append(OtherText(text: piece.string, after: nil)) }
        return pieces
    }
}

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

    /// Fewer bytes than this per line that holds text, on average, is no page's layout.
    /// Measured over the 1,100 texts of the typeset set and the corpus (pdftotext's default
    /// and `-layout` text, hard-wrapped text, plain text, Markdown, in six languages), the
    /// densest averaged 38.7 bytes a line (Chinese pdftotext text, where a line is short
    /// in characters but three bytes a character).
    static let bytesPerLine = 24

    /// `other` gets the text in pieces cut at a line end once they hold this many bytes, so
    /// that the reader and the exports never meet one paragraph of the whole file.
    static let pieceBytes = 64 << 10

    /// Whether `text` has more lines holding text than its size allows a layout to have.
    /// - Complexity: O(n) in the text's bytes, with no allocation.
    static func isDense(_ text: String) -> Bool {
        let size = text.utf8.count
        guard size >= minimumBytes else { return false }
        var lines = 0
        var ink = false
        func count(_ b: UInt8) {
            switch b {
            case 10, 13: if ink { lines += 1 }; ink = false
            case 32, 9, 11, 12: break
            default: ink = true
            }
        }
        if text.utf8.withContiguousStorageIfAvailable({ (bytes: UnsafeBufferPointer<UInt8>) -> Void in for b in bytes { count(b) } }) == nil {
            for b in text.utf8 { count(b) }
        }
        if ink { lines += 1 }
        return lines * bytesPerLine > size
    }

    /// The text's lines, trimmed and joined as wrapped lines are (with a space, or with
    /// nothing in CJK), in pieces of about `pieceBytes`. Every character but whitespace is
    /// kept, in order.
    /// - Complexity: O(n) in the text's bytes; one piece's bytes are held at a time besides
    ///   the pieces made.
    static func unplaced(_ text: String, joinWithSpace: Bool) -> [OtherText] {
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
        if text.utf8.withContiguousStorageIfAvailable({ (bytes: UnsafeBufferPointer<UInt8>) -> Void in for b in bytes { take(b) } }) == nil {
            for b in text.utf8 { take(b) }
        }
        endLine()
        flush()
        return pieces
    }

    private static func isBlank(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 11 || b == 12 }
}

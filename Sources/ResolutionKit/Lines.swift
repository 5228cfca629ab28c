// Phase 1: text → lines, with the layout facts later phases need (indent, blank lines
// before, display width) and the page furniture taken out.

import Dispatch

typealias Scalars = [Unicode.Scalar]

enum Chars {
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0B, 0x0C, 0xA0, 0x3000, 0x2000...0x200A, 0x202F, 0x205F, 0xFEFF: return true
        default: return false
        }
    }
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
    /// Unicode's Alphabetic property, answered for ASCII without the property table (asked at
    /// every candidate word start of every paragraph).
    @inline(__always) static func isAlphabetic(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        // Arabic letters (hamza to yeh, tatweel among them): asked at every candidate word
        // start of Arabic text, where the property table was a tenth of the parse.
        if v &- 0x0621 < 0x2A { return true }
        return s.properties.isAlphabetic
    }
    static func digitValue(_ s: Unicode.Scalar) -> Int? {
        if s.value >= 48 && s.value <= 57 { return Int(s.value - 48) }
        if s.value >= 0x0660 && s.value <= 0x0669 { return Int(s.value - 0x0660) }  // Arabic-Indic
        return nil
    }
    static func superscriptValue(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 0x2070: return 0
        case 0x00B9: return 1
        case 0x00B2: return 2
        case 0x00B3: return 3
        case 0x2074...0x2079: return Int(s.value - 0x2070)
        default: return nil
        }
    }
    static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF: return true
        default: return false
        }
    }
    static func isWide(_ s: Unicode.Scalar) -> Bool { EastAsianWidth.isWide(s.value) }
    /// Full-width punctuation that ends or divides a CJK clause (`、` `，` `。` `；` `：`).
    static func isWidePunctuation(_ s: Unicode.Scalar) -> Bool {
        s == "、" || s == "，" || s == "。" || s == "；" || s == "："
    }
    /// Punctuation that may end a paragraph or a list item.
    static func isTerminator(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "，", ",", "；", ";", "。", ".", "：", ":", "!", "?", "！", "？", "،", "؛": return true
        default: return false
        }
    }
    /// Direction marks and embeddings (LRM, RLM, ALM, LRE…RLO, LRI…PDI): PDF extraction
    /// of right-to-left text leaves them around runs.
    static func isBidiControl(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
    /// An Arabic letter that joins (tatweel itself excluded).
    static func isArabicLetter(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0620...0x063F, 0x0641...0x064A, 0x066E...0x06D3, 0x06FA...0x06FF: return true
        default: return false
        }
    }
    /// Internal marker separator: a footnote marker lifted from its own line in PDF text.
    static let markerSeparator: Unicode.Scalar = "\u{E000}"
}

func approxColumns<S: Sequence<Unicode.Scalar>>(_ s: S) -> Int {
    var w = 0
    for c in s { w += Chars.isWide(c) ? 2 : 1 }
    return w
}

/// The last scalar that carries meaning for paragraph ends: skips markers, markdown
/// emphasis and trailing closing quotes.
func lastMeaningful<S: RandomAccessCollection<Unicode.Scalar>>(_ s: S) -> Unicode.Scalar? where S.Index == Int {
    var i = s.endIndex - 1
    while i >= s.startIndex {
        let c = s[i]
        if Chars.isSpace(c) || Chars.superscriptValue(c) != nil || c == Chars.markerSeparator || c == "*" { i -= 1; continue }
        return c
    }
    return nil
}

func endsWithTerminator<S: RandomAccessCollection<Unicode.Scalar>>(_ s: S) -> Bool where S.Index == Int {
    guard let c = lastMeaningful(s) else { return false }
    return Chars.isTerminator(c)
}

func trimmed(_ s: ArraySlice<Unicode.Scalar>) -> Scalars {
    var lo = s.startIndex, hi = s.endIndex
    while lo < hi && Chars.isSpace(s[lo]) { lo += 1 }
    while hi > lo && Chars.isSpace(s[hi - 1]) { hi -= 1 }
    return Array(s[lo..<hi])
}

func trimmed(_ s: Scalars) -> Scalars { trimmed(s[...]) }

extension Array where Element == Unicode.Scalar {
    var string: String { self[...].string }
    func hasPrefix(_ p: Scalars, at i: Int = 0) -> Bool {
        guard i + p.count <= count else { return false }
        for k in 0..<p.count where self[i + k] != p[k] { return false }
        return true
    }
    func contains(_ p: Scalars) -> Bool { firstIndex(of: p) != nil }
    func firstIndex(of p: Scalars, from start: Int = 0) -> Int? {
        guard !p.isEmpty, p.count <= count else { return nil }
        var i = start
        while i + p.count <= count {
            if self[i] == p[0] && hasPrefix(p, at: i) { return i }
            i += 1
        }
        return nil
    }
}

extension String {
    var scalars: Scalars { Array(unicodeScalars) }
}

enum LineSplitter {
    /// Splits on LF, CRLF or CR. Blank lines are not returned; they are counted in
    /// `blankBefore`. Whitespace-only lines of 10+ scalars are kept as separators. A form
    /// feed ends the line it is on and flags the next line as the first of a page.
    /// Bidi controls are dropped, tatweel between two Arabic letters (justification) is
    /// dropped, and digit runs that PDF extraction left in visual order (`)2023( 2674`)
    /// are put back in logical order.
    /// - Complexity: O(n) in the text's scalars.
    static func split(_ text: String) -> [SourceLine] {
        var pieces = [text]
        return split(taking: &pieces)
    }

    /// `split(taking:)` over pieces held as Strings.
    static func split(taking pieces: inout [String]) -> [SourceLine] {
        var bytes = pieces.map { Array($0.utf8) }
        pieces = []
        return split(taking: &bytes)
    }

    /// Splits text held in consecutive pieces of UTF-8 (see `TextPieces`: each valid UTF-8,
    /// cut between scalars), emptying each piece once its lines are made: the decoded text is
    /// then never held whole next to its lines.
    /// `kashida`: the mark that the text's producer wrote its kashidas as (`ArabicKashida`),
    /// dropped from the lines with right-to-left text where it stands for one.
    static func split(taking pieces: inout [[UInt8]], kashida: ArabicKashida.StandIn? = nil) -> [SourceLine] {
        var st = LineSplitState()
        st.kashida = kashida
        // Sized once to the lines that hold something (a break not directly after another):
        // grown by doubling, the array could end up with half its capacity unused.
        var filled = 1
        var previous: UInt8 = 10
        // The longest line, in scalars (bytes that start one): the line buffer is sized to
        // it once, so that a long line is neither regrown by doubling nor copied out of it.
        var longest = 0, run = 0
        for piece in pieces {
            piece.withUnsafeBufferPointer { bytes in
                var i = 0
                while i < bytes.count {
                    // Eight bytes with no line break in them at a step (most of the text): their
                    // scalars are the bytes that are not UTF-8 continuation bytes (10xxxxxx),
                    // counted by the high bit of each byte without its next bit.
                    if i + 8 <= bytes.count {
                        let w = ByteWords.load(bytes, i)
                        if !ByteWords.has(w, 10) && !ByteWords.has(w, 13) {
                            run += 8 - (w & ~(w << 1) & ByteWords.highs).nonzeroBitCount
                            previous = 0  // not a break: all `previous` is asked
                            i += 8
                            continue
                        }
                    }
                    let b = bytes[i]
                    if b == 10 || b == 13 {
                        if previous != 10 && previous != 13 { filled += 1 }
                        longest = max(longest, run); run = 0
                    } else if b & 0xC0 != 0x80 {
                        run += 1
                    }
                    previous = b
                    i += 1
                }
            }
        }
        longest = max(longest, run)
        st.out.reserveCapacity(filled)
        st.current.reserveCapacity(min(longest + 1, 1 << 30))
        var rtlLetters = 0, letters = 0
        var countingASCII = false  // ASCII letters counted as they come (see the ASCII runs)
        var previousCR = false
        // Each piece is read as UTF-8 (a String's storage is valid UTF-8, so the scalars
        // decoded here are its `unicodeScalars`), copied into one reused buffer so that the
        // loop runs in this function's body: inside a closure, its every use of the line's
        // state was checked for exclusive access at run time.
        let bufferSize = pieces.reduce(0) { max($0, $1.count) }
        let utf8 = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bufferSize))
        defer { utf8.deallocate() }
        for p in pieces.indices {
            let n = utf8.initialize(fromContentsOf: pieces[p])
            pieces[p] = []
            var i = 0
            while i < n {
                let b = utf8[i]
                // Printable ASCII, most of most texts, needs none of the checks below: a run
                // of it is appended in one step, where appending scalar by scalar checked the
                // line buffer's uniqueness and capacity at each one.
                if b >= 0x20 && b < 0x7F && st.pendingTatweel == 0 {
                    // ASCII letters weigh only against right-to-left ones: counted once some
                    // have been seen (and those before, then: `asciiLettersSoFar`). Counted in
                    // every text, they were a fifth of this phase in Latin text.
                    let j: Int
                    if st.sawArabic {
                        if !countingASCII { letters += st.asciiLettersSoFar; countingASCII = true }
                        j = asciiRunEnd(utf8, from: i, to: n, letters: &letters)
                    } else {
                        j = asciiRunEnd(utf8, from: i, to: n)
                    }
                    // A whole line of printable ASCII, from its start to its break, with nothing
                    // in the line's state to rewrite it: made straight from its bytes, as `flush`
                    // would make it, without widening it into the line buffer and packing it back.
                    if j < n, utf8[j] == 10 || utf8[j] == 13, st.current.isEmpty, !st.sawArabic, !st.arabicInLine, !st.formsInLine {
                        st.flushASCII(UnsafeBufferPointer(rebasing: utf8[i..<j]))
                        previousCR = utf8[j] == 13
                        i = j + 1
                        continue
                    }
                    appendASCII(UnsafeBufferPointer(rebasing: utf8[i..<j]), to: &st.current)
                    previousCR = false
                    i = j
                    continue
                }
                // A run of three-byte scalars of CJK text (`isCJKRun`): none is a break, a
                // control, a direction mark or Arabic, so each is appended as the general
                // path below would append it, the run decoded in one step.
                if st.pendingTatweel == 0 && isCJKRun(utf8, i, n) {
                    var j = i
                    while j + 3 <= n && isCJKRun(utf8, j, n) { j += 3 }
                    letters += appendCJK(UnsafeBufferPointer(rebasing: utf8[i..<j]), to: &st.current)
                    previousCR = false
                    i = j
                    continue
                }
                var v = UInt32(b)
                if b < 0x80 {
                    i += 1
                } else if b < 0xE0 {
                    v = (v & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                    i += 2
                } else if b < 0xF0 {
                    v = (v & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                    i += 3
                } else {
                    v = (v & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
                        | UInt32(utf8[i + 3] & 0x3F)
                    i += 4
                }
                let s = Unicode.Scalar(v) ?? "\u{FFFD}"
                if s == "\n" {
                    if previousCR { previousCR = false; continue }
                    st.flush()
                } else if s == "\r" {
                    st.flush(); previousCR = true; continue
                } else if s == "\u{2028}" || s == "\u{2029}" {
                    st.flush()
                } else if s == "\u{0C}" {
                    // pdftotext puts the feed right before the next page's first line.
                    if st.current.contains(where: { !Chars.isSpace($0) }) { st.flush() } else { st.current.removeAll(keepingCapacity: true) }
                    st.pageBreak = true
                } else if Chars.isBidiControl(s) {
                    // Invisible direction marks carry no text, but an embedding opened at the
                    // top level after text starts another run of the printed line.
                    switch s.value {
                    case 0x202A, 0x202B, 0x202D, 0x202E, 0x2066...0x2068:
                        if st.embedDepth == 0 && !st.current.isEmpty { st.runStarts.append(st.current.count) }
                        if st.embedDepth == 0 { st.rightToLeftEmbedding = s.value == 0x202B }
                        // A left-to-right run inside a right-to-left line: poppler writes
                        // it as painted, so its numbers and the marks between them come in
                        // the order they stand on the page (`VisualOrder.readPaintedRun`).
                        else if s.value == 0x202A && st.rightToLeftEmbedding { st.paintedRunStart = st.current.count }
                        st.embedDepth += 1
                    case 0x202C, 0x2069:
                        st.embedDepth = max(0, st.embedDepth - 1)
                        if st.paintedRunStart >= 0 {
                            VisualOrder.readPaintedRun(&st.current, from: st.paintedRunStart)
                            st.paintedRunStart = -1
                        }
                    default: break
                    }
                } else if s == "\u{0640}" {
                    if let last = st.current.last, Chars.isArabicLetter(last) { st.pendingTatweel += 1 }
                    else { st.current.append(s) }
                } else {
                    if st.pendingTatweel > 0 {
                        // Stretching between two letters is justification; elsewhere (`(هـ)`) it is text.
                        if !Chars.isArabicLetter(s) { st.current.append(contentsOf: repeatElement("\u{0640}", count: st.pendingTatweel)) }
                        st.pendingTatweel = 0
                    }
                    if s.value >= 0x0600 && s.value <= 0x06FF { st.arabicInLine = true; st.sawArabic = true; rtlLetters += 1; letters += 1 }
                    else if s.value >= 0xFB00 && s.value <= 0xFEFF && PresentationForms.contains(s) {
                        st.formsInLine = true
                        if PresentationForms.isLatinLigature(s) { letters += 1 }
                        else { st.arabicInLine = true; st.sawArabic = true; rtlLetters += 1; letters += 1 }
                    }
                    else if s.value < 0x80 ? countingASCII && ((s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A)   // ASCII letters without a property lookup
                                : (s.value >= 0x400 && s.value < 0x500) || Chars.isHan(s) { letters += 1 }
                    st.current.append(s)
                }
                previousCR = false
            }
        }
        if !st.current.isEmpty || st.pendingTatweel > 0 { st.flush() }
        if st.sawArabic && !countingASCII { letters += st.asciiLettersSoFar }
        if rtlLetters * 2 > letters {
            // Right-to-left text: extraction pads lines on the left by accident (and
            // `-layout` right-aligns them), so left indentation says nothing of paragraphs.
            // Where `-layout` printed the lines in place, where each starts, at its right end,
            // is kept aside. It pads every line that stops short of the left margin, by three
            // columns or more (over a fifth of the lines in every Arabic text tried);
            // pdftotext's default text pads none so far (a space left by a bidi control).
            let padded = st.out.reduce(0) { $0 + ($1.indent >= 3 ? 1 : 0) }
            let printedInPlace = padded * 10 >= st.out.count
            for k in st.out.indices {
                if printedInPlace { st.out[k].rightToLeftStart = UInt8(clamping: min(st.out[k].reach, 254)) }
                st.out[k].indent = 0
            }
        }
        return st.out
    }
}

extension LineSplitter {
    /// Where the run of printable ASCII (0x20–0x7E) that starts at `i` ends, before `n`.
    /// - Complexity: O(k) in the run's bytes, eight at a step (the byte loop was most of
    ///   the line phase).
    @inline(__always)
    static func asciiRunEnd(_ utf8: UnsafeMutableBufferPointer<UInt8>, from i: Int, to n: Int) -> Int {
        var j = i + 1
        while j + 8 <= n {
            let w = UnsafeRawPointer(utf8.baseAddress! + j).loadUnaligned(as: UInt64.self)
            guard w & ByteWords.highs == 0, !ByteWords.hasBelow(w, 0x20), !ByteWords.has(w, 0x7F) else { break }
            j += 8
        }
        while j < n {
            let c = utf8[j]
            guard c >= 0x20 && c < 0x7F else { break }
            j += 1
        }
        return j
    }

    /// `asciiRunEnd`, with the run's ASCII letters (`A`–`Z`, `a`–`z`) added to `letters`.
    /// - Complexity: O(k) in the run's bytes.
    @inline(__always)
    static func asciiRunEnd(_ utf8: UnsafeMutableBufferPointer<UInt8>, from i: Int, to n: Int, letters: inout Int) -> Int {
        var j = i + 1
        let b = utf8[i]
        if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A { letters += 1 }
        while j + 8 <= n {
            let w = UnsafeRawPointer(utf8.baseAddress! + j).loadUnaligned(as: UInt64.self)
            guard w & ByteWords.highs == 0, !ByteWords.hasBelow(w, 0x20), !ByteWords.has(w, 0x7F) else { break }
            letters += asciiLetters(w)
            j += 8
        }
        while j < n {
            let c = utf8[j]
            guard c >= 0x20 && c < 0x7F else { break }
            if (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A { letters += 1 }
            j += 1
        }
        return j
    }

    /// How many bytes of `w`, all printable ASCII (0x20–0x7E), are letters (`A`–`Z`,
    /// `a`–`z`): each byte with 0x20 set lies in 0x20–0x7F, and adding 0x1F (or 0x05)
    /// reaches its high bit exactly when it is at least 0x61 (or 0x7B), no carry leaving it.
    /// - Complexity: O(1).
    @inline(__always)
    static func asciiLetters(_ w: UInt64) -> Int {
        let x = w | (ByteWords.ones &* 0x20)
        let atLeastA = (x &+ ByteWords.ones &* 0x1F) & ByteWords.highs
        let pastZ = (x &+ ByteWords.ones &* 0x05) & ByteWords.highs
        return atLeastA.nonzeroBitCount - pastZ.nonzeroBitCount
    }

    /// Appends bytes of printable ASCII to a line as scalars, in two plain loops (grow, then
    /// widen each byte in place) that the compiler vectorises: appended as a lazy map, each
    /// byte went through a closure call.
    /// - Complexity: O(k) amortised in the bytes appended (the line grows geometrically).
    @inline(__always)
    static func appendASCII(_ run: UnsafeBufferPointer<UInt8>, to line: inout Scalars) {
        let old = line.count
        line.append(contentsOf: repeatElement("\0", count: run.count))
        line.withUnsafeMutableBufferPointer { to in
            UnsafeMutableRawBufferPointer(to).withMemoryRebound(to: UInt32.self) { values in
                for k in 0..<run.count { values[old + k] = UInt32(run[k]) }
            }
        }
    }
}

/// Decoded text cut into pieces of about a megabyte, at scalar boundaries, so that the line
/// phase can release the text piece by piece as it makes lines. Each piece is its UTF-8
/// bytes: cut from a String between scalars, each is valid UTF-8 already, and made into a
/// String each was validated again (a pass over every byte of the text).
enum TextPieces {
    static let pieceBytes = 1 << 20

    /// Copies `holder`'s text into pieces and empties the holder (a text of one piece is
    /// handed on as it is).
    /// - Complexity: O(n) in the text's bytes.
    static func take(_ holder: TextHolder) -> [[UInt8]] {
        let text = holder.utf8
        holder.utf8 = []
        if text.count <= pieceBytes { return [text] }
        return text.withUnsafeBufferPointer { bytes -> [[UInt8]] in
            var bounds = [0]
            while bounds[bounds.count - 1] < bytes.count {
                var end = min(bytes.count, bounds[bounds.count - 1] + pieceBytes)
                // Never inside a scalar: back up over UTF-8 continuation bytes (10xxxxxx).
                while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end -= 1 }
                bounds.append(end)
            }
            // Each piece is a copy of its own bytes: made on both cores. The buffers are read
            // or written within this call only, each slot by one iteration, which is what
            // makes sharing them sound.
            let count = bounds.count - 1
            let ends = bounds
            let made = UnsafeMutableBufferPointer<[UInt8]>.allocate(capacity: count)
            nonisolated(unsafe) let source = bytes, target = made
            DispatchQueue.concurrentPerform(iterations: count) { k in
                let piece = UnsafeBufferPointer(rebasing: source[ends[k]..<ends[k + 1]])
                (target.baseAddress! + k).initialize(to: Array(piece))
            }
            defer { made.deinitialize(); made.deallocate() }
            return Array(made)
        }
    }
}

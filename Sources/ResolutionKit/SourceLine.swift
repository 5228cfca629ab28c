// A line of the source as the line phases hold it (`LineSplitter` makes them).

/// One line of the source with the layout facts the line phases read.
///
/// Stored compactly (40 bytes besides its text): a long text of short lines holds millions
/// of these at once, and eight-byte integers made the records alone several times the
/// input. The accessors keep `Int` for the phases; values saturate at `Int32.max`.
struct SourceLine {
    /// The text without leading and trailing whitespace, packed (`PackedScalars`): every
    /// line is held until the block phase, and as four-byte scalars short lines cost over
    /// five times their size.
    private var packed: PackedScalars
    /// The same text as scalars, on a working copy only (`unpacked`).
    private var unpackedText: Scalars? = nil
    /// The text as scalars: unpacked on each read, unless this is a working copy.
    var text: Scalars {
        get { unpackedText ?? packed.scalars }
        set { packed = PackedScalars(newValue); unpackedText = nil }
    }
    /// Scalars in `text`, without unpacking it.
    var length: Int { packed.count }
    /// The text read in place, for a question about a few of its scalars (its last stop).
    var scalars: PackedScalars { packed }
    /// The text's first scalar, read in place: asked of an element (`lines[i].firstScalar`),
    /// neither the line nor its text is copied (`lines[i].scalars.first` copies the text's
    /// reference, a retain and a release).
    /// - Complexity: O(1).
    var firstScalar: Unicode.Scalar? { packed.first }
    /// The text's last scalar, read in place as `firstScalar` is.
    /// - Complexity: O(1).
    var lastScalar: Unicode.Scalar? { packed.last }

    /// The line with its text unpacked once, so that reading `text` again costs nothing: a
    /// phase that asks many questions of each line takes its copy this way, and the lines
    /// it holds stay packed.
    /// - Complexity: O(n) in the line's scalars.
    var unpacked: SourceLine {
        var copy = self
        if copy.unpackedText == nil { copy.unpackedText = packed.scalars }
        return copy
    }

    /// Makes this a working copy (`unpacked`) in place, with the scalars written into the
    /// storage of `spare` (taken from it) instead of a new array: the block phase unpacks
    /// every line, and hands the storage of each line it is done with back through
    /// `recycle(into:)`, so that a text's lines are unpacked into a few buffers rather than
    /// an allocation each. In place, not returned: a returned copy was two more copies of
    /// the line (each a retain and a release).
    /// - Complexity: O(n) in the line's scalars.
    mutating func unpack(reusing spare: inout Scalars) {
        guard unpackedText == nil else { return }
        packed.unpack(into: &spare)
        unpackedText = spare
        spare = []
    }

    /// Leaves the line packed and gives the storage of its unpacked text to `spare`, for
    /// the next `unpack(reusing:)` (which copies first if the text is still shared).
    /// - Complexity: O(1).
    mutating func recycle(into spare: inout Scalars) {
        guard let text = unpackedText else { return }
        unpackedText = nil
        spare = text
    }
    private var storedIndent: Int32
    private var storedIndex: Int32
    private var storedBlankBefore: Int32
    private var storedWidth: Int32
    var isSeparator = false    // a footnote rule: a long run of spaces or underscores
    var afterFootnotes = false // a footnote block was lifted out just before this line
    var pageBreakBefore = false // a form feed (`\f`) came since the previous line
    var spread = false         // the words of one justified line, mended (`SpreadWords`)
    var widened = false        // a justified line that `-layout` printed with its spaces widened
    var tornAtMark = false     // ended with a mark set apart: its word, and the line, go on below (`ArabicMarks`)
    var markApartAtEnd = false // ended with a mark set apart, a tanwin too: where poppler cut a printed line
    /// The column of a right-to-left line's right end, where it starts, as extraction
    /// printed it (`-layout` pads each line to where its left end was): kept where `indent`
    /// is zeroed, since `indent` reads from the left, where such a line ends. A line that
    /// pieces of a printed line are joined to keeps it. 0 where unknown; 254 past it (one
    /// byte: the record keeps its size).
    var rightToLeftStart: UInt8 = 0

    /// Leading whitespace, in scalars.
    var indent: Int { get { Int(storedIndent) } set { storedIndent = Int32(clamping: newValue) } }
    /// 0-based line number in the source.
    var index: Int { get { Int(storedIndex) } set { storedIndex = Int32(clamping: newValue) } }
    /// Blank lines directly before this one.
    var blankBefore: Int { get { Int(storedBlankBefore) } set { storedBlankBefore = Int32(clamping: newValue) } }
    /// Display columns of `text`, measured once.
    var width: Int { get { Int(storedWidth) } set { storedWidth = Int32(clamping: newValue) } }

    /// The column where the line ends on the printed page: indentation plus width.
    var reach: Int { indent + width }
    /// The column where the line starts on the printed page, read from the left: a
    /// right-to-left line's right end (`rightToLeftStart`) where it is known, else `reach`.
    /// A first line set in stops short of the others there, though it be its paragraph's
    /// only line.
    var startReach: Int { rightToLeftStart == 0 || rightToLeftStart >= 254 ? reach : Int(rightToLeftStart) }

    /// A line whose text is these bytes, each a scalar below U+0100 (`PackedScalars(latin1:)`).
    /// - Complexity: O(n), one copy.
    init(latin1 text: UnsafeBufferPointer<UInt8>, indent: Int, index: Int, blankBefore: Int, isSeparator: Bool = false) {
        packed = PackedScalars(latin1: text)
        storedIndent = Int32(clamping: indent)
        storedIndex = Int32(clamping: index)
        storedBlankBefore = Int32(clamping: blankBefore)
        storedWidth = Int32(clamping: text.count)  // no scalar below U+0100 is wide
        self.isSeparator = isSeparator
    }

    init<C: Collection<Unicode.Scalar>>(text: C, indent: Int, index: Int, blankBefore: Int, isSeparator: Bool = false) {
        packed = PackedScalars(text)
        storedIndent = Int32(clamping: indent)
        storedIndex = Int32(clamping: index)
        storedBlankBefore = Int32(clamping: blankBefore)
        // Below U+0100 no scalar is wide (`EastAsianWidth.isWide`), so the width is the
        // count, known without a second pass over the line.
        storedWidth = Int32(clamping: packed.isLatin1 ? packed.count : approxColumns(text))
        self.isSeparator = isSeparator
    }
}

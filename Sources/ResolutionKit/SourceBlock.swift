// A block of the source: one logical line of the resolution that the block phase
// (`BlockBuilder`) made of one source line or several.

struct SourceBlock {
    // The text, held as `PackableText` holds one (open while it grows, packed once it is
    // finished: the blocks of a text of short paragraphs are all held until the structure
    // phase reads them), but here, so that a finished block's packed text can be read as it
    // is (`packedText`): the structure phase cuts a numbered paragraph out of it without
    // unpacking it.
    private var packed = PackedScalars()
    /// `packed` holds the text (also while `open` holds it unpacked for reading).
    private var packedIsCurrent = false
    /// The text while it is built or read, until `pack()`.
    private var open: Scalars?
    var indent: Int
    var line: Int
    /// A page break, a footnote block or several blank lines came before this block.
    var afterBreak: Bool
    /// The text is growing in a buffer lent by the block phase (`grow(in:)`), which takes it
    /// back on `pack(recycling:)`.
    private var inLentBuffer = false

    init(text: Scalars, indent: Int, line: Int, afterBreak: Bool) {
        open = text
        self.indent = indent
        self.line = line
        self.afterBreak = afterBreak
    }

    /// A block opened by `source`, reusing its packed text: a block that no other line
    /// joins is then finished without being packed again.
    init(opening source: SourceLine, afterBreak: Bool) {
        packed = source.scalars
        packedIsCurrent = true
        open = source.text
        indent = source.indent
        line = source.index
        self.afterBreak = afterBreak
    }

    /// The text as scalars; changed in place, it stays unpacked until `pack()` (a text
    /// growing line by line would be copied whole on each append if it were repacked).
    var text: Scalars {
        get { open ?? packed.scalars }
        _modify {
            if open == nil { open = packed.scalars }
            packed = PackedScalars()
            packedIsCurrent = false
            yield &open!
        }
        set {
            open = newValue
            packed = PackedScalars()
            packedIsCurrent = false
        }
    }

    /// The finished block's text as it is stored, read without unpacking it; nil until
    /// `pack()`.
    var packedText: PackedScalars? { open == nil ? packed : nil }

    /// Whether the text ends a clause (`endsWithTerminator`), read without unpacking it.
    var endsClause: Bool { open.map { endsWithTerminator($0) } ?? endsWithTerminator(packed) }

    /// Stores the finished block's text at the width of its widest scalar, in an array of
    /// its exact size (as `PackableText.pack()`).
    /// - Complexity: O(n) in the text's scalars; O(1) when it is packed already.
    mutating func pack() {
        guard let text = open else { return }
        open = nil
        if packedIsCurrent { return }
        WorkMeter.add(text.count)
        packed = PackedScalars(text)
        packedIsCurrent = true
    }

    /// Moves the text, before it grows, into the storage of `buffer` (taken from it): a
    /// block opened by a line shares that line's storage, so its first append copied it into
    /// an array of the line's size, which then grew twice or three times more. A buffer that
    /// the block phase hands from block to block (`pack(recycling:)`) already has the room.
    /// - Complexity: O(n) in the text's scalars on the first call, O(1) after.
    mutating func grow(in buffer: inout Scalars) {
        guard !inLentBuffer else { return }
        var grown = buffer
        buffer = []
        grown.removeAll(keepingCapacity: true)
        grown.append(contentsOf: text)
        text = consume grown
        inLentBuffer = true
    }

    /// `pack()`, handing the storage the text grew in (`grow(in:)`) back to `buffer`, for
    /// the next block.
    /// - Complexity: O(n) in the text's scalars; O(1) when it is packed already.
    mutating func pack(recycling buffer: inout Scalars) {
        guard inLentBuffer else { pack(); return }
        let grown = text
        pack()
        inLentBuffer = false
        buffer = grown  // the only reference left: the packed text is a copy
    }
}

// A block of the source: one logical line of the resolution that the block phase
// (`BlockBuilder`) made of one source line or several.

struct SourceBlock {
    /// Packed once the block is finished (`pack()`): the blocks of a text of short
    /// paragraphs are all held until the structure phase reads them. A finished block's
    /// packed text is read as it is (`packedText`): the structure phase cuts a numbered
    /// paragraph out of it without unpacking it.
    private var content: PackableText
    var indent: Int
    var line: Int
    /// A page break, a footnote block or several blank lines came before this block.
    var afterBreak: Bool
    /// The text is growing in a buffer lent by the block phase (`grow(in:)`), which takes it
    /// back on `pack(recycling:)`.
    private var inLentBuffer = false

    init(text: Scalars, indent: Int, line: Int, afterBreak: Bool) {
        content = PackableText(text)
        self.indent = indent
        self.line = line
        self.afterBreak = afterBreak
    }

    /// A block opened by `source`, reusing its packed text: a block that no other line
    /// joins is then finished without being packed again.
    init(opening source: SourceLine, afterBreak: Bool) {
        content = PackableText(packed: source.scalars, unpacked: source.text)
        indent = source.indent
        line = source.index
        self.afterBreak = afterBreak
    }

    /// The text as scalars; changed in place, it stays unpacked until `pack()`.
    var text: Scalars {
        get { content.scalars }
        _modify { yield &content.scalars }
        set { content.scalars = newValue }
    }

    /// The finished block's text as it is stored, read without unpacking it; nil until
    /// `pack()`.
    var packedText: PackedScalars? { content.packedText }

    /// Whether the text ends a clause (`endsWithTerminator`), read without unpacking it.
    var endsClause: Bool { content.endsClause }

    /// Stores the finished block's text at its narrowest (`PackableText.pack()`).
    mutating func pack() { content.pack() }

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

// A block of the source: one logical line of the resolution that the block phase
// (`BlockBuilder`) made of one source line or several.

struct SourceBlock {
    /// Packed once the block is finished (`pack()`): the blocks of a text of short
    /// paragraphs are all held until the structure phase reads them.
    private var content: PackableText
    var indent: Int
    var line: Int
    /// A page break, a footnote block or several blank lines came before this block.
    var afterBreak: Bool

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

    /// Whether the text ends a clause (`endsWithTerminator`), read without unpacking it.
    var endsClause: Bool { content.endsClause }

    /// Stores the finished block's text at its narrowest (`PackableText.pack()`).
    mutating func pack() { content.pack() }
}

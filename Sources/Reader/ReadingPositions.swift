// Where the user was: the app saves, per document, the paragraph last read, and hands the
// saved places back when the reader opens (the app keys them by content, so a moved or renamed
// file finds its place; see Sources/reso/ReadingPositionStore.swift).
extension ReaderState {
    /// The paragraph each document was left at (doc → id), the open document included; a
    /// block without an id (preface, closing) counts as the paragraph before it, and `""`
    /// means the start.
    public var readingPositions: [Int: String] {
        var out = lastRead
        if let v = view { out[v.doc] = position(v) }
        return out
    }

    func position(_ v: DocumentView) -> String {
        let blocks = models[v.doc].blocks
        var i = min(v.current, blocks.count - 1)
        while i >= 0 { if let id = blocks[i].id { return id }; i -= 1 }
        return ""
    }

    /// Opens documents at these paragraphs from now on; the document already open (a single
    /// document opens at once) moves there now, unless the user has moved already.
    public mutating func resume(at positions: [Int: String]) {
        resumeAt = positions
        guard let v = view, v.current == 0, let id = positions[v.doc], let b = models[v.doc].blockByID[id] else { return }
        var moved = v
        moved.jump(to: b, layouter(moved), height: geometry.text.height)
        view = moved
    }
}

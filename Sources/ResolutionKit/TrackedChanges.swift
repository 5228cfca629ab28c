// Tracked changes (Word's `w:ins`/`w:del`): the document's text is the text with the
// insertions and without the deletions, and each change is recorded against the unit it
// falls in, so that a reader sees what was changed and nothing is silently accepted or lost.

public struct TrackedChange: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable { case insert, delete }
    /// The unit the change falls in: a paragraph, subparagraph, heading or footnote id,
    /// or `preface` / `closing` / `other`.
    public var unit: String
    public var kind: Kind
    /// Inserted text (present in the unit's text at `offset`) or deleted text (absent; it stood at `offset`).
    public var text: String
    public var author: String?
    public var date: String?
    /// Unicode scalars into the unit's text.
    public var offset: Int

    public init(unit: String, kind: Kind, text: String, author: String? = nil, date: String? = nil, offset: Int) {
        self.unit = unit; self.kind = kind; self.text = text; self.author = author; self.date = date; self.offset = offset
    }

    /// `⟨tracked: deleted "…" by X⟩` for the text rendering.
    public var summary: String {
        let verb = kind == .insert ? "inserted" : "deleted"
        let shown = text.count > 80 ? String(text.prefix(79)) + "…" : text
        var s = "⟨tracked: \(verb) “\(shown)”"
        if let author, !author.isEmpty { s += " by \(author)" }
        if let date, !date.isEmpty { s += " on \(date.prefix(10))" }
        return s + "⟩"
    }
}

/// A change as a format reader found it: in which block (or footnote) and where in the
/// block's visible text (markup and markers not counted).
struct PendingRevision {
    enum Place { case block(Int), footnote(Int) }
    var place: Place
    var offset: Int
    var inserted: Bool
    var text: String
    var author: String?
    var date: String?
}

enum TrackedChangeLocator {
    /// Finds the unit each block's text ended up in and turns block offsets into unit offsets.
    /// A block's visible text contains its unit's text (the number or label and spaces are
    /// gone), so the unit text's position in the block gives the shift.
    /// - Complexity: O(R + B·U_w · L) where R is the number of changes, B the blocks that
    ///   have changes, U_w a window of 64 units, L the text length; linear in practice.
    static func locate(_ pending: [PendingRevision], blocks: [SourceBlock], in doc: ResolutionDocument) -> [TrackedChange] {
        guard !pending.isEmpty else { return [] }
        var candidates: [(id: String, text: Scalars)] = doc.preface.map { ("preface", Array($0.unicodeScalars)) }
        for u in doc.units where u.kind != .footnote { candidates.append((u.id, Array(u.text.unicodeScalars))) }
        for l in doc.closing.lines { candidates.append(("closing", Array(l.unicodeScalars))) }
        for o in doc.other { candidates.append(("other", Array(o.text.unicodeScalars))) }
        let notes = Dictionary(doc.footnotes.map { ($0.number, ($0.id, $0.text.unicodeScalars.count)) }, uniquingKeysWith: { a, _ in a })

        var out: [TrackedChange] = []
        var cursor = 0
        var cache: [Int: (id: String, shift: Int, length: Int)] = [:]
        for p in pending {
            let kind: TrackedChange.Kind = p.inserted ? .insert : .delete
            switch p.place {
            case let .footnote(n):
                guard let (id, length) = notes[n] else { continue }
                out.append(TrackedChange(unit: id, kind: kind, text: p.text, author: p.author, date: p.date,
                                         offset: min(max(0, p.offset), length)))
            case let .block(b):
                if cache[b] == nil, b < blocks.count {
                    let plain = visible(blocks[b].text)
                    var found: (String, Int, Int)? = nil
                    var k = cursor
                    while k < candidates.count, k < cursor + 64 {
                        let c = candidates[k]
                        if !c.text.isEmpty, let at = firstIndex(of: c.text, in: plain) {
                            found = (c.id, at, c.text.count); cursor = k; break
                        }
                        if !plain.isEmpty, let at = firstIndex(of: plain, in: c.text) {
                            found = (c.id, -at, c.text.count); cursor = k; break
                        }
                        k += 1
                    }
                    if let f = found { cache[b] = f }
                }
                // A unit we cannot find (text reworked by the inline pass) still gets the change,
                // on the nearest unit, so it is shown.
                let (id, shift, length) = cache[b] ?? (candidates[min(cursor, candidates.count - 1)].id, 0,
                                                       candidates[min(cursor, candidates.count - 1)].text.count)
                out.append(TrackedChange(unit: id, kind: kind, text: p.text, author: p.author, date: p.date,
                                         offset: p.offset == Int.max ? length : min(max(0, p.offset - shift), length)))
            }
        }
        return out
    }

    /// A block's text without emphasis markup and footnote markers.
    static func visible(_ s: Scalars) -> Scalars {
        var out: Scalars = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if s[i] == "*", i + 1 < s.count, s[i + 1] == "*" { i += 2; continue }
            if s[i] == Chars.markerSeparator {
                i += 1
                while i < s.count, Chars.superscriptValue(s[i]) != nil { i += 1 }
                continue
            }
            out.append(s[i]); i += 1
        }
        return out
    }

    static func firstIndex(of needle: Scalars, in hay: Scalars) -> Int? {
        guard needle.count <= hay.count, let first = needle.first else { return nil }
        var i = 0
        while i + needle.count <= hay.count {
            if hay[i] == first, hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}

extension DocumentJSON {
    /// `revisions`, after `other`: written only when the document has tracked changes.
    static func trackedChanges(_ w: inout JSONWriter, _ changes: [TrackedChange]) {
        w.key("revisions"); w.beginArray()
        for c in changes {
            w.beginObject()
            w.key("unit"); w.string(c.unit)
            w.key("kind"); w.string(c.kind.rawValue)
            w.key("text"); w.string(c.text)
            w.key("author"); w.optional(c.author)
            w.key("date"); w.optional(c.date)
            w.key("offset"); w.int(c.offset)
            w.endObject()
        }
        w.endArray()
    }
}

extension TextRenderer {
    /// The tracked changes of one unit, as lines under it.
    func trackedLines(_ doc: ResolutionDocument, unit: String) -> [String] {
        guard let changes = doc.revisions else { return [] }
        return changes.filter { $0.unit == unit }.flatMap { block(id: "", text: $0.summary) }
    }
}

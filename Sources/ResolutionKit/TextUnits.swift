// A flat, document-ordered view of everything a reader or an annotation can point at.
// Annotations, search, export and the reader all address text through these units.

public struct TextUnit: Hashable, Sendable {
    public enum Kind: String, Sendable { case preambular, operative, subparagraph, heading, footnote }
    public var id: String
    public var kind: Kind
    /// Printed operative number, preambular index or footnote number; nil for headings
    /// and subparagraphs.
    public var number: Int?
    /// Operative verb or preambular opener (subparagraphs: nil).
    public var lead: String?
    /// Subparagraph label (`a`, `ii`).
    public var label: String?
    public var text: String
    public var footnoteRefs: [FootnoteRef]
    public var references: [String]
    /// Nesting depth: 0 for paragraphs, headings and footnotes; 1+ for subparagraphs.
    public var depth: Int
}

extension ResolutionDocument {
    /// Every addressable unit in reading order: preamble, then headings and operative
    /// paragraphs interleaved as printed, subparagraphs after their parent, footnotes last.
    public var units: [TextUnit] {
        var out: [TextUnit] = []
        walkReadingOrder { item in
            switch item {
            case .heading(let h):
                out.append(TextUnit(id: h.id, kind: .heading, number: nil, lead: nil, label: nil, text: h.text,
                                    footnoteRefs: [], references: [], depth: 0))
            case .partStart: break
            case .paragraph(let p):
                out.append(TextUnit(id: p.id, kind: p.kind == .preambular ? .preambular : .operative,
                                    number: p.kind == .preambular ? p.index : p.number, lead: p.lead, label: nil,
                                    text: p.text, footnoteRefs: p.footnoteRefs, references: p.references, depth: 0))
            case .subparagraph(let s, let depth):
                out.append(TextUnit(id: s.id, kind: .subparagraph, number: nil, lead: nil, label: s.label,
                                    text: s.text, footnoteRefs: s.footnoteRefs, references: s.references,
                                    depth: depth))
            case .footnote(let f):
                out.append(TextUnit(id: f.id, kind: .footnote, number: f.number, lead: nil, label: nil, text: f.text,
                                    footnoteRefs: [], references: f.references, depth: 0))
            }
        }
        return out
    }

    /// The unit with this id, or nil.
    public func unit(id: String) -> TextUnit? { units.first { $0.id == id } }

    /// Resolves a user-typed paragraph reference: an id (`op24`, `pp3`, `op84.a`, `fn2`, `h2`)
    /// or a bare operative number (`24`).
    public func resolveParagraph(_ reference: String) -> TextUnit? {
        let r = reference.trimmingCharacters(in: .whitespaces)
        if let n = Int(r) { return unit(id: "op\(n)") }
        return unit(id: r)
    }

    /// Ids closest to a mistyped reference, for error messages.
    public func nearestIDs(to reference: String, limit: Int = 5) -> [String] {
        TextUnit.nearestIDs(units.map(\.id), to: reference, limit: limit)
    }
}

extension TextUnit {
    /// A unit known only by its id, kind and text (as the library index stores it).
    public init(id: String, kind: Kind, text: String) {
        self.init(id: id, kind: kind, number: nil, lead: nil, label: nil, text: text, footnoteRefs: [], references: [],
                  depth: 0)
    }

    /// The `limit` ids closest to a mistyped reference by edit distance, for error messages.
    public static func nearestIDs(_ ids: [String], to reference: String, limit: Int = 5) -> [String] {
        let scored = ids.map { ($0, editDistance(Array($0.unicodeScalars), Array(reference.unicodeScalars))) }
        return scored.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.prefix(limit).map(\.0)
    }
}

func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count)
    var cur = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        cur[0] = i
        for j in 1...b.count {
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&prev, &cur)
    }
    return prev[b.count]
}

// One row of every export: an annotation joined with what it annotates (SPEC.md section 8).

import Foundation
import ResolutionKit

public struct ExportRecord: Codable, Hashable, Sendable {
    public var file: String
    public var symbol: String?
    public var title: String?
    public var paragraph: String
    /// preambular, operative, subparagraph, heading, footnote.
    public var kind: String
    /// As printed: `24`, `3` (preambular index), `84(a)`, footnote `2`; nil for headings.
    public var number: String?
    /// Operative verb or preambular opener.
    public var lead: String?
    public var tags: [String]
    public var note: String?
    /// The paragraph's text (for an orphan: the text it had when last attached).
    public var text: String
    /// The phrase the annotation is about, with up to 32 code points of context either side
    /// (a W3C TextQuoteSelector).
    public var quote: String?
    public var quotePrefix: String?
    public var quoteSuffix: String?
    /// For a drafted amendment: `replace`, `delete`, `insert-after` or `new-paragraph`, the
    /// new words, and the amendment as the committee would read it, in the document's language.
    public var amendmentAction: String?
    public var amendmentText: String?
    public var amendment: String?
    public var author: String
    public var created: String
    public var modified: String
    /// True when the paragraph could no longer be found in the document.
    public var orphan: Bool
    public var id: String

    // Explicit so that absent values are written as null: every object has the same keys.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file); try c.encode(symbol, forKey: .symbol)
        try c.encode(title, forKey: .title); try c.encode(paragraph, forKey: .paragraph)
        try c.encode(kind, forKey: .kind); try c.encode(number, forKey: .number)
        try c.encode(lead, forKey: .lead); try c.encode(tags, forKey: .tags)
        try c.encode(note, forKey: .note); try c.encode(text, forKey: .text)
        try c.encode(quote, forKey: .quote); try c.encode(quotePrefix, forKey: .quotePrefix)
        try c.encode(quoteSuffix, forKey: .quoteSuffix); try c.encode(amendmentAction, forKey: .amendmentAction)
        try c.encode(amendmentText, forKey: .amendmentText); try c.encode(amendment, forKey: .amendment)
        try c.encode(author, forKey: .author)
        try c.encode(created, forKey: .created); try c.encode(modified, forKey: .modified)
        try c.encode(orphan, forKey: .orphan); try c.encode(id, forKey: .id)
    }
}

extension ExportRecord {
    /// Records of one document: attached annotations in document order, then orphans.
    /// `tag` keeps only annotations carrying it.
    public static func records(document: ResolutionDocument, snapshot: SidecarSnapshot,
                               tag: String? = nil) -> [ExportRecord] {
        let wanted = tag.flatMap(Tags.normalize)
        var units: [String: TextUnit] = [:]
        for u in document.units where units[u.id] == nil { units[u.id] = u }
        let file = document.source.path
        let phrases = LanguagePhrases.forLanguage(document.language)
        func make(_ a: Annotation, orphan: Bool) -> ExportRecord {
            let u = orphan ? nil : units[a.paragraph]
            var r = ExportRecord(
                file: file, symbol: document.meta.symbol, title: document.meta.title, paragraph: a.paragraph,
                kind: u?.kind.rawValue ?? kind(ofID: a.paragraph), number: number(ofID: a.paragraph, unit: u),
                lead: u?.lead, tags: a.tags, note: a.note, text: u?.text ?? a.anchor.exact, quote: a.anchor.quote,
                quotePrefix: a.anchor.quote == nil ? nil : a.anchor.prefix ?? "",
                quoteSuffix: a.anchor.quote == nil ? nil : a.anchor.suffix ?? "",
                amendmentAction: a.amendment?.action.rawValue, amendmentText: a.amendment?.text, amendment: nil,
                author: a.author, created: a.created, modified: a.modified, orphan: orphan, id: a.id)
            if a.isAmendment { r.amendment = AmendmentWording.sentence(r, phrases.amendments) }
            return r
        }
        let keep: (Annotation) -> Bool = { a in wanted.map { a.tags.contains($0) } ?? true }
        return snapshot.annotations.filter(keep).map { make($0, orphan: false) }
            + snapshot.orphans.filter(keep).map { make($0, orphan: true) }
    }

    /// The kind implied by an id, for orphans whose unit is gone.
    static func kind(ofID id: String) -> String {
        if id.contains(".") { return "subparagraph" }
        if id.hasPrefix("pp") { return "preambular" }
        if id.hasPrefix("op") { return "operative" }
        if id.hasPrefix("fn") { return "footnote" }
        if id.hasPrefix("h") { return "heading" }
        return "other"
    }

    /// `op84.a.ii` → `84(a)(ii)`; `pp3` → `3`; headings have none.
    static func number(ofID id: String, unit: TextUnit?) -> String? {
        if let u = unit, u.kind != .subparagraph { return u.number.map(String.init) }
        var parts = id.split(separator: ".").map(String.init)
        guard !parts.isEmpty else { return nil }
        let head = parts.removeFirst()
        let digits = head.drop { !$0.isNumber }
        guard !digits.isEmpty, !head.hasPrefix("h") else { return nil }
        return String(digits) + parts.map { "(\($0))" }.joined()
    }
}

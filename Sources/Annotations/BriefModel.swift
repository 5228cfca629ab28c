// What a brief says, worked out once and written by both the Markdown and the HTML brief:
// per document, the positions table (tag counts and which paragraphs), then the annotated
// paragraphs by part — each with its tags, text, quoted phrase, note, amendments and the
// paragraph as amended — all labelled in the document's language.

import Foundation
import ResolutionKit

struct BriefEntry {
    /// `op4 · 执行部分第 4 段 · 欢迎`.
    var label: String
    var tags: [String]
    var text: String
    var quote: String?
    /// Where the quote is in `text` (code points), found with its context.
    var quoteRange: Range<Int>?
    var note: String?
    /// `author, modified` of the tags-and-note annotation (or of the first amendment).
    var byline: String
    /// Amendment sentences in the document's language.
    var amendments: [String]
    /// The paragraph with its amendments applied; nil when it has none that change it.
    var redline: [RedlinePiece]?
}

struct BriefSection {
    var heading: String
    var entries: [BriefEntry]
}

struct BriefPosition {
    var tag: String
    /// Paragraph ids in document order.
    var paragraphs: [String]
}

struct BriefDocument {
    var title: String
    var path: String
    var language: String
    var phrases: BriefPhrases
    /// The language's quotation marks (for the quoted phrase).
    var quotes: AmendmentPhrases
    var positions: [BriefPosition]
    var sections: [BriefSection]
}

enum BriefModel {
    /// Tags that open the positions table, in this order, when used; others follow sorted.
    static let leadingTags = ["support", "oppose", "amend"]

    /// Documents with at least one annotation (carrying `tag`, when given).
    static func documents(_ items: [(document: ResolutionDocument, snapshot: SidecarSnapshot)],
                          tag: String?) -> [BriefDocument] {
        items.compactMap { item in
            let records = ExportRecord.records(document: item.document, snapshot: item.snapshot, tag: tag)
            return records.isEmpty ? nil : document(item.document, records)
        }
    }

    static func document(_ d: ResolutionDocument, _ records: [ExportRecord]) -> BriefDocument {
        let phrases = LanguagePhrases.forLanguage(d.language)
        let p = phrases.brief
        var sections: [BriefSection] = []
        // Records of one paragraph are adjacent (document order); group them.
        var i = 0
        while i < records.count {
            var j = i + 1
            while j < records.count && records[j].paragraph == records[i].paragraph && records[j].orphan == records[i].orphan { j += 1 }
            let group = Array(records[i..<j])
            i = j
            let first = group[0]
            let heading = first.orphan ? p.orphans
                : first.kind == "preambular" || first.paragraph.hasPrefix("pp") ? p.preamble
                : first.kind == "footnote" ? p.footnotes : first.kind == "heading" ? p.headings : p.operative
            let noteRecord = group.first { $0.amendment == nil }
            let amendments = group.filter { $0.amendment != nil }
            let joins = LanguageCatalog.profile(String(d.language.prefix(2)))?.spec.joinWithSpace ?? true
            let redline = amendments.isEmpty ? nil : AmendmentWording.redline(first.text, amendments, joinWithSpace: joins)
            let changes = redline?.contains { if case .kept = $0 { return false } else { return true } } ?? false
            let by = noteRecord ?? first
            let quoteRange = noteRecord?.quote.flatMap { q in
                QuoteSelector(exact: q, prefix: noteRecord?.quotePrefix ?? "", suffix: noteRecord?.quoteSuffix ?? "")
                    .locate(in: Array(first.text.unicodeScalars))
            }
            let entry = BriefEntry(label: label(first, p), tags: noteRecord?.tags ?? [], text: first.text,
                                   quote: noteRecord?.quote, quoteRange: quoteRange, note: noteRecord?.note,
                                   byline: "\(by.author), \(by.modified)", amendments: amendments.compactMap(\.amendment),
                                   redline: changes ? redline : nil)
            if sections.last?.heading == heading { sections[sections.count - 1].entries.append(entry) }
            else { sections.append(BriefSection(heading: heading, entries: [entry])) }
        }
        return BriefDocument(title: MarkdownBrief.documentTitle(d), path: d.source.path, language: d.language,
                             phrases: p, quotes: phrases.amendments, positions: positions(records), sections: sections)
    }

    /// Every tag in use on a paragraph still in the document, with the paragraphs carrying it.
    static func positions(_ records: [ExportRecord]) -> [BriefPosition] {
        var byTag: [String: [String]] = [:]
        for r in records where !r.orphan { for t in r.tags { byTag[t, default: []].append(r.paragraph) } }
        let order = leadingTags.filter { byTag[$0] != nil } + byTag.keys.filter { !leadingTags.contains($0) }.sorted()
        return order.map { BriefPosition(tag: $0, paragraphs: byTag[$0] ?? []) }
    }

    /// `op4 · operative paragraph 4 · Welcomes`; orphans `was op4`.
    static func label(_ r: ExportRecord, _ p: BriefPhrases) -> String {
        var parts = [r.orphan ? fillTemplate(p.wasParagraph, ["id": r.paragraph]) : r.paragraph]
        if let n = r.number {
            switch r.kind {
            case "operative": parts.append(fillTemplate(p.operativeParagraph, ["n": n]))
            case "subparagraph":
                parts.append(fillTemplate(r.paragraph.hasPrefix("pp") ? p.preambularParagraph : p.operativeParagraph, ["n": n]))
            case "preambular": parts.append(fillTemplate(p.preambularParagraph, ["n": n]))
            case "footnote": parts.append(fillTemplate(p.footnote, ["n": n]))
            default: break
            }
        }
        if r.kind == "heading" { parts.append(p.heading) }
        if let l = r.lead { parts.append(l) }
        return parts.joined(separator: " · ")
    }

    /// `Prepared by ana on 2026-12-04`, in the language of the first document.
    static func preparedBy(_ p: BriefPhrases) -> String {
        fillTemplate(p.preparedBy, ["author": Annotation.defaultAuthor(), "date": String(Timestamp.now().prefix(10))])
    }
}

// W3C Web Annotation `AnnotationCollection` (JSON-LD). Positions are Unicode code points into
// the document's normalized text: the texts of `document.units` in reading order, joined by a
// blank line ("\n\n"). Each annotation targets its paragraph (or its quoted phrase) with a
// FragmentSelector (the paragraph id), a TextQuoteSelector (exact + 32 code points of prefix
// and suffix, as Hypothesis does) and a TextPositionSelector selecting the same text.

import Foundation
import ResolutionKit

enum W3CExport {
    static let contextLength = 32

    struct Collection: Encodable {
        let context = "http://www.w3.org/ns/anno.jsonld"
        let type = "AnnotationCollection"
        var label: String
        var total: Int
        var first: Page
        enum CodingKeys: String, CodingKey { case context = "@context", type, label, total, first }
    }
    struct Page: Encodable {
        let type = "AnnotationPage"
        let startIndex = 0
        var items: [Item]
    }
    struct Item: Encodable {
        var id: String
        let type = "Annotation"
        var motivation: String
        var created: String
        var modified: String
        var creator: Creator
        let generator = Generator()
        var body: [Body]
        var target: Target
    }
    struct Creator: Encodable { let type = "Person"; var nickname: String }
    struct Generator: Encodable { let type = "Software"; let name = "reso" }
    struct Body: Encodable {
        let type = "TextualBody"
        var value: String
        var purpose: String
        var format: String?
        var language: String?
    }
    struct Target: Encodable {
        var source: String
        var language: String?
        var selector: [Selector]
    }
    struct Selector: Encodable {
        var type: String
        var value: String?
        var exact: String?
        var prefix: String?
        var suffix: String?
        var start: Int?
        var end: Int?
    }

    static func render(_ items: [(document: ResolutionDocument, snapshot: SidecarSnapshot)], tag: String?) -> String {
        var out: [Item] = []
        for item in items {
            let records = ExportRecord.records(document: item.document, snapshot: item.snapshot, tag: tag)
            guard !records.isEmpty else { continue }
            let text = NormalizedText(item.document)
            let source = URL(fileURLWithPath: item.document.source.path).absoluteURL.absoluteString
            let language = item.document.language.isEmpty ? nil : item.document.language
            for r in records {
                var body: [Body] = []
                if let n = r.note {
                    body.append(Body(value: n, purpose: "commenting", format: "text/plain", language: language))
                }
                body += r.tags.map { Body(value: $0, purpose: "tagging") }
                var selectors = [Selector(type: "FragmentSelector", value: r.paragraph)]
                if !r.orphan, let (start, end) = text.range(of: r) {
                    selectors.append(Selector(type: "TextQuoteSelector", exact: text.slice(start, end),
                                              prefix: text.slice(max(0, start - contextLength), start),
                                              suffix: text.slice(end, min(text.scalars.count, end + contextLength))))
                    selectors.append(Selector(type: "TextPositionSelector", start: start, end: end))
                } else {
                    // The paragraph is gone: the last known text, without positions.
                    selectors = [Selector(type: "TextQuoteSelector", exact: r.quote ?? r.text)]
                }
                out.append(Item(id: "urn:uuid:" + r.id, motivation: r.note == nil ? "tagging" : "commenting",
                                created: r.created, modified: r.modified, creator: Creator(nickname: r.author),
                                body: body, target: Target(source: source, language: language, selector: selectors)))
            }
        }
        let label = items.count == 1 ? "Annotations on " + MarkdownBrief.documentTitle(items[0].document) : "Annotations from reso"
        return Exporter.prettyJSON(Collection(label: label, total: out.count, first: Page(items: out)))
    }
}

/// The text positions refer to (see the file comment).
struct NormalizedText {
    var scalars: [Unicode.Scalar] = []
    var starts: [String: Int] = [:]
    var unitTexts: [String: String] = [:]

    init(_ document: ResolutionDocument) {
        for (i, u) in document.units.enumerated() {
            if i > 0 { scalars.append("\n"); scalars.append("\n") }
            if starts[u.id] == nil { starts[u.id] = scalars.count; unitTexts[u.id] = u.text }
            scalars.append(contentsOf: u.text.unicodeScalars)
        }
    }

    /// Code-point range of the record's quote inside its paragraph, else of the paragraph.
    func range(of r: ExportRecord) -> (Int, Int)? {
        guard let start = starts[r.paragraph], let text = unitTexts[r.paragraph] else { return nil }
        let length = text.unicodeScalars.count
        if let q = r.quote, let inner = Self.scalarOffset(of: q, in: text) {
            return (start + inner, start + inner + q.unicodeScalars.count)
        }
        return (start, start + length)
    }

    func slice(_ a: Int, _ b: Int) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[a..<b])
        return String(s)
    }

    /// First occurrence of `needle` in `text`, in code points (substring on scalars).
    static func scalarOffset(of needle: String, in text: String) -> Int? {
        let n = Array(needle.unicodeScalars), h = Array(text.unicodeScalars)
        guard !n.isEmpty, n.count <= h.count else { return nil }
        outer: for i in 0...(h.count - n.count) {
            for j in 0..<n.count where h[i + j] != n[j] { continue outer }
            return i
        }
        return nil
    }
}

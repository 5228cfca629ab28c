// Markdown brief, CSV, flat JSON (SPEC.md section 8); the W3C form is in W3CExport.swift.

import Foundation
import ResolutionKit

public enum Exporter {
    public static func export(_ items: [(document: ResolutionDocument, snapshot: SidecarSnapshot)],
                              format: ExportFormat, tag: String? = nil, groupByTag: Bool = false,
                              bom: Bool = false) -> String {
        let body: String
        switch format {
        case .md:
            body = groupByTag ? MarkdownBrief.byTag(items, tag: tag) : MarkdownBrief.byDocument(items, tag: tag)
        case .csv:
            body = CSVExport.render(items.flatMap { ExportRecord.records(document: $0.document, snapshot: $0.snapshot, tag: tag) })
        case .json:
            let records = items.flatMap { ExportRecord.records(document: $0.document, snapshot: $0.snapshot, tag: tag) }
            body = prettyJSON(records)
        case .w3c:
            body = W3CExport.render(items, tag: tag)
        case .amendments:
            body = AmendmentExport.render(items)
        case .html:
            body = HTMLBrief.render(items, tag: tag)
        }
        return (bom ? "\u{FEFF}" : "") + body
    }

    /// True when a file starting with `head` is an export reso wrote: the library walker skips
    /// those, so an export saved among the documents is not listed as one. Each format is known
    /// by its opening — the brief's first-line marker, the CSV header row, a JSON array of
    /// records, a W3C collection — none of which a resolution's text starts with.
    /// - Complexity: O(1) (looks at the first few hundred bytes at most).
    public static func isExport(head: [UInt8]) -> Bool {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: Array(MarkdownBrief.marker.utf8)) || bytes.starts(with: Array(AmendmentExport.marker.utf8)) {
            return true
        }
        if bytes.starts(with: Array(HTMLBrief.doctype.utf8)) { return true }
        if bytes.starts(with: Array((CSVExport.header.joined(separator: ",") + "\r\n").utf8)) { return true }
        func skipSpace() { while let b = bytes.first, b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { bytes = bytes.dropFirst() } }
        skipSpace()
        if bytes.first == UInt8(ascii: "[") {
            bytes = bytes.dropFirst(); skipSpace()
            return bytes.first == UInt8(ascii: "]") || bytes.first == UInt8(ascii: "{")
        }
        if bytes.first == UInt8(ascii: "{") {
            bytes = bytes.dropFirst(); skipSpace()
            return bytes.starts(with: Array("\"@context\"".utf8))
        }
        return false
    }

    /// Pretty, keys sorted, `/` unescaped, one trailing newline.
    static func prettyJSON<T: Encodable>(_ value: T) -> String {
        if let list = value as? [Any], list.isEmpty { return "[]\n" }   // not Foundation's "[\n\n]"
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? e.encode(value) else { return "[]\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// RFC 4180: CRLF line ends, a header row, fields quoted when they hold `,` `"` CR or LF.
/// Cells a spreadsheet would run as a formula (leading `=` `+` `-` `@`, also tab and CR as
/// OWASP advises) get a leading apostrophe, which spreadsheets show as text.
public enum CSVExport {
    public static let header = ["file", "symbol", "title", "paragraph", "kind", "number", "lead", "tags", "note",
                                "text", "quote", "quote prefix", "quote suffix", "amendment", "author", "created",
                                "modified", "orphan"]

    static func render(_ records: [ExportRecord]) -> String {
        var out = line(header)
        for r in records {
            out += line([r.file, r.symbol ?? "", r.title ?? "", r.paragraph, r.kind, r.number ?? "", r.lead ?? "",
                         r.tags.joined(separator: ";"), r.note ?? "", r.text, r.quote ?? "", r.quotePrefix ?? "",
                         r.quoteSuffix ?? "", r.amendment ?? "", r.author, r.created, r.modified, r.orphan ? "yes" : "no"])
        }
        return out
    }

    static func line(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }

    public static func cell(_ raw: String) -> String {
        var v = raw
        if let first = v.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { v = "'" + v }
        let needsQuotes = v.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        return needsQuotes ? "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : v
    }
}


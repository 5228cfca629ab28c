// Markdown brief, CSV, flat JSON (SPEC.md section 8); the W3C form is in W3CExport.swift.

import Foundation
import ResolutionKit

public enum ExportFormat: String, CaseIterable, Sendable {
    case md, csv, json, w3c
}

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
        }
        return (bom ? "\u{FEFF}" : "") + body
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
                                "text", "quote", "author", "created", "modified", "orphan"]

    static func render(_ records: [ExportRecord]) -> String {
        var out = line(header)
        for r in records {
            out += line([r.file, r.symbol ?? "", r.title ?? "", r.paragraph, r.kind, r.number ?? "", r.lead ?? "",
                         r.tags.joined(separator: ";"), r.note ?? "", r.text, r.quote ?? "", r.author, r.created,
                         r.modified, r.orphan ? "yes" : "no"])
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

/// The brief a delegation reads: by document, preamble then operative part, each annotated
/// paragraph with its tags, the paragraph quoted, then the note.
enum MarkdownBrief {
    static func byDocument(_ items: [(document: ResolutionDocument, snapshot: SidecarSnapshot)], tag: String?) -> String {
        var out = "# Annotations" + (tag.map { " tagged `\($0)`" } ?? "") + "\n"
        var any = false
        for item in items {
            let records = ExportRecord.records(document: item.document, snapshot: item.snapshot, tag: tag)
            if records.isEmpty { continue }
            any = true
            out += "\n## " + documentTitle(item.document) + "\n\n`\(item.document.source.path)`\n"
            var section = ""
            for r in records {
                let s = r.orphan ? "Annotations whose paragraph is no longer in the document"
                    : r.kind == "preambular" ? "Preamble" : r.kind == "footnote" ? "Footnotes" : "Operative part"
                if s != section { section = s; out += "\n### \(s)\n" }
                out += "\n#### " + label(r) + tagList(r.tags) + "\n\n" + paragraphBody(r)
            }
        }
        if !any { out += "\nNo annotations" + (tag.map { " tagged `\($0)`" } ?? "") + ".\n" }
        return out
    }

    static func byTag(_ items: [(document: ResolutionDocument, snapshot: SidecarSnapshot)], tag: String?) -> String {
        let records = items.flatMap { ExportRecord.records(document: $0.document, snapshot: $0.snapshot, tag: tag) }
        let only = tag.flatMap(Tags.normalize)
        var tags = Array(Set(records.flatMap(\.tags))).sorted()
        if let only { tags = tags.filter { $0 == only } }
        var out = "# Annotations by tag\n"
        let titles = Dictionary(items.map { ($0.document.source.path, documentTitle($0.document)) },
                                uniquingKeysWith: { a, _ in a })
        func emit(_ heading: String, _ rs: [ExportRecord]) {
            guard !rs.isEmpty else { return }
            out += "\n## \(heading)\n"
            for r in rs {
                out += "\n### " + (titles[r.file] ?? r.file) + " — " + label(r) + tagList(r.tags) + "\n\n" + paragraphBody(r)
            }
        }
        for t in tags { emit("`\(t)`", records.filter { $0.tags.contains(t) }) }
        if only == nil { emit("Notes without tags", records.filter { $0.tags.isEmpty }) }
        if records.isEmpty { out += "\nNo annotations.\n" }
        return out
    }

    static func documentTitle(_ d: ResolutionDocument) -> String {
        let name = (d.source.path as NSString).lastPathComponent
        switch (d.meta.symbol, d.meta.title) {
        case let (s?, t?): return "\(s) — \(t)"
        case let (s?, nil): return s
        case let (nil, t?): return "\(t) (\(name))"
        default: return name
        }
    }

    static func label(_ r: ExportRecord) -> String {
        var parts = [r.orphan ? "was \(r.paragraph)" : r.paragraph]
        if let n = r.number {
            switch r.kind {
            case "operative", "subparagraph": parts.append("paragraph \(n)")
            case "footnote": parts.append("footnote \(n)")
            default: break
            }
        }
        if let l = r.lead { parts.append(l) }
        return parts.joined(separator: " · ")
    }

    static func tagList(_ tags: [String]) -> String {
        tags.isEmpty ? "" : " — " + tags.map { "`\($0)`" }.joined(separator: " ")
    }

    static func paragraphBody(_ r: ExportRecord) -> String {
        var out = r.text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n") + "\n"
        if let q = r.quote { out += "\nOn the words: “\(q)”\n" }
        if let n = r.note { out += "\n" + n + "\n" }
        out += "\n*\(r.author), \(r.modified)*\n"
        return out
    }
}

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

    /// True when a file starting with `head` is an export reso wrote: the library walker skips
    /// those, so an export saved among the documents is not listed as one. Each format is known
    /// by its opening — the brief's first-line marker, the CSV header row, a JSON array of
    /// records, a W3C collection — none of which a resolution's text starts with.
    /// - Complexity: O(1) (looks at the first few hundred bytes at most).
    public static func isExport(head: [UInt8]) -> Bool {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: Array(MarkdownBrief.marker.utf8)) { return true }
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
/// paragraph with its tags, the paragraph quoted, then the note, quoted too.
///
/// Text from documents and notes can never change the brief's structure: every line of it is
/// inside a quote block, a line that would open a Markdown block (`#`, a fence, a list, a
/// table, a link definition…) has that character escaped, and `<` is written `&lt;` so no raw
/// HTML (`<script>`, an unclosed `<!--`) survives. Titles and labels in headings get the same
/// treatment on one line.
enum MarkdownBrief {
    /// The first line of every brief: invisible when rendered, and how the library walker tells
    /// a brief saved among the documents from a resolution.
    static let marker = "<!-- reso export: annotations brief, not a resolution -->"

    static func byDocument(_ items: [(document: ResolutionDocument, snapshot: SidecarSnapshot)], tag: String?) -> String {
        var out = marker + "\n# Annotations" + (tag.map { " tagged \(code($0))" } ?? "") + "\n"
        var any = false
        for item in items {
            let records = ExportRecord.records(document: item.document, snapshot: item.snapshot, tag: tag)
            if records.isEmpty { continue }
            any = true
            out += "\n## " + inline(documentTitle(item.document)) + "\n\n\(code(item.document.source.path))\n"
            var section = ""
            for r in records {
                let s = r.orphan ? "Annotations whose paragraph is no longer in the document"
                    : r.kind == "preambular" ? "Preamble" : r.kind == "footnote" ? "Footnotes" : "Operative part"
                if s != section { section = s; out += "\n### \(s)\n" }
                out += "\n#### " + inline(label(r)) + tagList(r.tags) + "\n\n" + paragraphBody(r)
            }
        }
        if !any { out += "\nNo annotations" + (tag.map { " tagged \(code($0))" } ?? "") + ".\n" }
        return out
    }

    static func byTag(_ items: [(document: ResolutionDocument, snapshot: SidecarSnapshot)], tag: String?) -> String {
        let records = items.flatMap { ExportRecord.records(document: $0.document, snapshot: $0.snapshot, tag: tag) }
        let only = tag.flatMap(Tags.normalize)
        var tags = Array(Set(records.flatMap(\.tags))).sorted()
        if let only { tags = tags.filter { $0 == only } }
        var out = marker + "\n# Annotations by tag\n"
        let titles = Dictionary(items.map { ($0.document.source.path, documentTitle($0.document)) },
                                uniquingKeysWith: { a, _ in a })
        func emit(_ heading: String, _ rs: [ExportRecord]) {
            guard !rs.isEmpty else { return }
            out += "\n## \(heading)\n"
            for r in rs {
                out += "\n### " + inline((titles[r.file] ?? r.file) + " — " + label(r)) + tagList(r.tags) + "\n\n" + paragraphBody(r)
            }
        }
        for t in tags { emit(code(t), records.filter { $0.tags.contains(t) }) }
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
        tags.isEmpty ? "" : " — " + tags.map(code).joined(separator: " ")
    }

    static func paragraphBody(_ r: ExportRecord) -> String {
        var out = quoted(r.text)
        if let q = r.quote { out += "\nOn the words: “" + inline(q) + "”\n" }
        if let n = r.note { out += "\nNote:\n\n" + quoted(n) }
        out += "\n*" + inline("\(r.author), \(r.modified)") + "*\n"
        return out
    }

    /// Every line inside one quote block, escaped so that it stays there.
    /// - Complexity: O(n).
    static func quoted(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? ">" : "> " + escapedLine(Substring($0)) }.joined(separator: "\n") + "\n"
    }

    /// One line of text that cannot open a block: the first non-space character, when Markdown
    /// would read it as structure, is backslash-escaped; `<` becomes `&lt;` anywhere.
    static func escapedLine(_ line: Substring) -> String {
        var out = String.UnicodeScalarView()
        var atStart = true
        var scalars = line.unicodeScalars[...]
        while let c = scalars.popFirst() {
            if c == "<" { out.append(contentsOf: "&lt;".unicodeScalars); atStart = false; continue }
            if atStart && c != " " && c != "\t" {
                atStart = false
                if "#>-+*=_`~|[:!".unicodeScalars.contains(c) { out.append("\\") }
                // `1.` and `1)` open an ordered list: escape the dot or parenthesis.
                if ("0"..."9").contains(c) {
                    out.append(c)
                    while let d = scalars.first, ("0"..."9").contains(d) { out.append(d); scalars.removeFirst() }
                    if let p = scalars.first, p == "." || p == ")" { out.append("\\") }
                    continue
                }
            }
            out.append(c)
        }
        return String(out)
    }

    /// Text for a heading or an emphasised line: one line, no raw HTML, no emphasis or link syntax.
    static func inline(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            switch c {
            case "\n", "\r": out.append(" ")
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case "*", "_", "`", "[", "]", "\\", "#": out.append("\\"); out.append(c)
            default: out.append(c)
            }
        }
        return String(out)
    }

    /// Inline code holding `text` verbatim: the fence is one backtick longer than any run inside.
    static func code(_ text: String) -> String {
        var longest = 0, run = 0
        for c in text.unicodeScalars { run = c == "`" ? run + 1 : 0; longest = max(longest, run) }
        let fence = String(repeating: "`", count: longest + 1)
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return longest == 0 ? fence + flat + fence : fence + " " + flat + " " + fence
    }
}

// The Markdown brief (`reso export --format md`).

import Foundation
import ResolutionKit

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
        let docs = BriefModel.documents(items, tag: tag)
        let p = docs.first?.phrases ?? LanguagePhrases.forLanguage(items.first?.document.language ?? "en").brief
        var out = marker + "\n# " + inline(p.title) + (tag.map { " — " + fillTemplate(p.taggedWith, ["tag": code($0)]) } ?? "") + "\n"
        out += "\n*" + inline(BriefModel.preparedBy(p)) + "*\n"
        for d in docs {
            let p = d.phrases
            out += "\n## " + inline(d.title) + "\n\n\(code(d.path))\n"
            if !d.positions.isEmpty {
                out += "\n### " + inline(p.summary) + "\n\n"
                out += "| \(cell(p.tagColumn)) | \(cell(p.countColumn)) | \(cell(p.whereColumn)) |\n|---|--:|---|\n"
                for pos in d.positions {
                    out += "| \(code(pos.tag)) | \(pos.paragraphs.count) | \(cell(pos.paragraphs.joined(separator: ", "))) |\n"
                }
            }
            for s in d.sections {
                out += "\n### " + inline(s.heading) + "\n"
                for e in s.entries { out += "\n#### " + inline(e.label) + tagList(e.tags) + "\n\n" + entryBody(e, p, d.quotes) }
            }
        }
        if docs.isEmpty { out += "\n" + inline(p.noAnnotations) + "\n" }
        return out
    }

    /// A table cell: one line, no `|` (it would end the cell).
    static func cell(_ text: String) -> String { inline(text).replacingOccurrences(of: "|", with: "\\|") }

    static func entryBody(_ e: BriefEntry, _ p: BriefPhrases, _ marks: AmendmentPhrases) -> String {
        var out = quoted(e.text)
        if let q = e.quote { out += "\n" + inline(p.onTheWords + p.colon + marks.quoted(q)) + "\n" }
        if let n = e.note { out += "\n" + inline(p.note + p.colon).trimmingCharacters(in: .whitespaces) + "\n\n" + quoted(n) }
        if !e.amendments.isEmpty {
            out += "\n" + inline(p.amendmentsTitle + p.colon).trimmingCharacters(in: .whitespaces) + "\n\n"
            for a in e.amendments { out += "- " + inline(a) + "\n" }
        }
        if let r = e.redline {
            out += "\n" + inline(p.amendedText + p.colon).trimmingCharacters(in: .whitespaces) + "\n\n> "
            for piece in r {
                switch piece {
                case .kept(let s): out += inline(s)
                case .deleted(let s): out += "~~" + inline(s) + "~~"
                case .inserted(let s): out += "**" + inline(s) + "**"
                }
            }
            out += "\n"
        }
        out += "\n*" + inline(e.byline) + "*\n"
        return out
    }

    static func byTag(_ items: [(document: ResolutionDocument, snapshot: SidecarSnapshot)], tag: String?) -> String {
        let records = items.flatMap { ExportRecord.records(document: $0.document, snapshot: $0.snapshot, tag: tag) }
        let only = tag.flatMap(Tags.normalize)
        var tags = Array(Set(records.flatMap(\.tags))).sorted()
        if let only { tags = tags.filter { $0 == only } }
        let p = LanguagePhrases.forLanguage(items.first?.document.language ?? "en").brief
        var out = marker + "\n# " + inline(p.byTag) + "\n"
        out += "\n*" + inline(BriefModel.preparedBy(p)) + "*\n"
        let titles = Dictionary(items.map { ($0.document.source.path, documentTitle($0.document)) },
                                uniquingKeysWith: { a, _ in a })
        let phrases = Dictionary(items.map { ($0.document.source.path, LanguagePhrases.forLanguage($0.document.language).brief) },
                                 uniquingKeysWith: { a, _ in a })
        func emit(_ heading: String, _ rs: [ExportRecord]) {
            guard !rs.isEmpty else { return }
            out += "\n## \(heading)\n"
            for r in rs {
                let rp = phrases[r.file] ?? p
                out += "\n### " + inline((titles[r.file] ?? r.file) + " — " + BriefModel.label(r, rp)) + tagList(r.tags)
                    + "\n\n" + paragraphBody(r, rp)
            }
        }
        for t in tags { emit(code(t), records.filter { $0.tags.contains(t) }) }
        if only == nil { emit(inline(p.untagged), records.filter { $0.tags.isEmpty }) }
        if records.isEmpty { out += "\n" + inline(p.noAnnotations) + "\n" }
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

    static func tagList(_ tags: [String]) -> String {
        tags.isEmpty ? "" : " — " + tags.map(code).joined(separator: " ")
    }

    static func paragraphBody(_ r: ExportRecord, _ p: BriefPhrases) -> String {
        var out = quoted(r.text)
        if let q = r.quote { out += "\n" + inline(p.onTheWords + p.colon) + "“" + inline(q) + "”\n" }
        if let n = r.note { out += "\n" + inline(p.note + p.colon).trimmingCharacters(in: .whitespaces) + "\n\n" + quoted(n) }
        if let a = r.amendment { out += "\n- " + inline(a) + "\n" }
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

// `reso export --format html`: the brief as one self-contained page (no scripts, no external
// files, styles inline) that reads in a browser and prints on A4 or Letter. Each document's
// part carries its language (`lang`) and direction (`dir="rtl"` for Arabic), so headings in
// the document's language and right-to-left text come out right.
//
// Everything from documents and notes is escaped (`& < > " '`), and control characters are
// shown as visible placeholders, so no text can add markup or script to the page.

import Foundation
import ResolutionKit

enum HTMLBrief {
    /// How the page starts; also how the library walker knows an export saved among documents.
    static let doctype = "<!DOCTYPE html>\n<!-- reso export: annotations brief, not a resolution -->"

    static func render(_ items: [(document: ResolutionDocument, snapshot: SidecarSnapshot)], tag: String?) -> String {
        let docs = BriefModel.documents(items, tag: tag)
        let firstLanguage = docs.first?.language ?? items.first?.document.language ?? "en"
        let p = docs.first?.phrases ?? LanguagePhrases.forLanguage(firstLanguage).brief
        let title = p.title + (tag.map { " — " + fillTemplate(p.taggedWith, ["tag": $0]) } ?? "")
        var out = doctype + "\n<html lang=\"\(attr(firstLanguage))\"\(direction(firstLanguage))>\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"reso\">\n<title>\(esc(title))</title>\n<style>\n\(style)</style>\n</head>\n<body>\n"
        out += "<header><h1>\(esc(title))</h1><p class=\"byline\">\(esc(BriefModel.preparedBy(p)))</p></header>\n"
        for d in docs {
            let p = d.phrases
            out += "<section class=\"document\" lang=\"\(attr(d.language))\"\(direction(d.language))>\n"
            out += "<h2>\(esc(d.title))</h2>\n<p class=\"path\">\(esc(d.path))</p>\n"
            if !d.positions.isEmpty {
                out += "<h3>\(esc(p.summary))</h3>\n<table class=\"positions\">\n<thead><tr><th>\(esc(p.tagColumn))</th>"
                out += "<th class=\"count\">\(esc(p.countColumn))</th><th>\(esc(p.whereColumn))</th></tr></thead>\n<tbody>\n"
                for pos in d.positions {
                    out += "<tr><td><span class=\"tag tag-\(attr(pos.tag))\">\(esc(pos.tag))</span></td>"
                    out += "<td class=\"count\">\(pos.paragraphs.count)</td><td>\(esc(pos.paragraphs.joined(separator: ", ")))</td></tr>\n"
                }
                out += "</tbody>\n</table>\n"
            }
            for s in d.sections {
                out += "<h3>\(esc(s.heading))</h3>\n"
                for e in s.entries { out += entry(e, p, d.quotes) }
            }
            out += "</section>\n"
        }
        if docs.isEmpty { out += "<p>\(esc(p.noAnnotations))</p>\n" }
        out += "</body>\n</html>\n"
        return out
    }

    static func entry(_ e: BriefEntry, _ p: BriefPhrases, _ marks: AmendmentPhrases) -> String {
        var out = "<article>\n<h4>\(esc(e.label))"
        for t in e.tags { out += " <span class=\"tag tag-\(attr(t))\">\(esc(t))</span>" }
        out += "</h4>\n"
        out += "<blockquote>\(text(highlighting: e.quoteRange, in: e.text))</blockquote>\n"
        if let q = e.quote { out += "<p class=\"quote\"><span class=\"label\">\(esc((p.onTheWords + p.colon).trimmingCharacters(in: .whitespaces)))</span> \(esc(marks.quoted(q)))</p>\n" }
        if let n = e.note {
            out += "<div class=\"note\"><span class=\"label\">\(esc((p.note + p.colon).trimmingCharacters(in: .whitespaces)))</span> \(text(n))</div>\n"
        }
        if !e.amendments.isEmpty {
            out += "<div class=\"amendments\"><span class=\"label\">\(esc((p.amendmentsTitle + p.colon).trimmingCharacters(in: .whitespaces)))</span>\n<ol>\n"
            for a in e.amendments { out += "<li>\(esc(a))</li>\n" }
            out += "</ol>\n</div>\n"
        }
        if let r = e.redline {
            out += "<div class=\"redline\"><span class=\"label\">\(esc((p.amendedText + p.colon).trimmingCharacters(in: .whitespaces)))</span> "
            for piece in r {
                switch piece {
                case .kept(let s): out += esc(s)
                case .deleted(let s): out += "<del>\(esc(s))</del>"
                case .inserted(let s): out += "<ins>\(esc(s))</ins>"
                }
            }
            out += "</div>\n"
        }
        out += "<p class=\"byline\">\(esc(e.byline))</p>\n</article>\n"
        return out
    }

    /// The paragraph with its quoted phrase marked (the occurrence its context points to).
    static func text(highlighting range: Range<Int>?, in paragraph: String) -> String {
        let scalars = Array(paragraph.unicodeScalars)
        guard let r = range, r.upperBound <= scalars.count else { return text(paragraph) }
        func part(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[r])) }
        return text(part(0..<r.lowerBound)) + "<mark>" + text(part(r)) + "</mark>" + text(part(r.upperBound..<scalars.count))
    }

    /// Escaped, line breaks kept.
    static func text(_ s: String) -> String { esc(s).replacingOccurrences(of: "\n", with: "<br>\n") }

    /// Escaped for element content; control characters made visible (newlines kept for `text`).
    static func esc(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in Sanitizer.visibleKeepingLayout(s).unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A value for an attribute or a class name: letters, digits and `-` only.
    static func attr(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map {
            ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") ? $0 : "-"
        }))
    }

    static func direction(_ language: String) -> String { language.hasPrefix("ar") ? " dir=\"rtl\"" : "" }

    static let style = """
    @page { size: A4; margin: 18mm 16mm; }
    :root { color-scheme: light; }
    body { font-family: "Noto Serif", "Noto Serif CJK SC", "Noto Naskh Arabic", Georgia, "Times New Roman", serif;
      font-size: 11pt; line-height: 1.5; color: #111; background: #fff; max-width: 46em; margin: 2em auto; padding: 0 1.5em; }
    header { border-bottom: 2px solid #1f4e79; margin-bottom: 1.5em; }
    h1 { font-size: 20pt; margin: 0 0 .2em; color: #1f4e79; }
    h2 { font-size: 15pt; margin: 1.6em 0 .2em; color: #1f4e79; page-break-after: avoid; }
    h3 { font-size: 12.5pt; margin: 1.4em 0 .4em; border-bottom: 1px solid #c8d3df; page-break-after: avoid; }
    h4 { font-size: 11pt; margin: 0 0 .3em; }
    .path, .byline { color: #555; font-size: 9pt; margin: 0; }
    article { margin: 0 0 1.1em; padding: .6em .8em; border: 1px solid #dde3ea; border-radius: 4px; page-break-inside: avoid; }
    blockquote { margin: .3em 0; padding: 0 .8em; border-inline-start: 3px solid #c8d3df; }
    mark { background: #fff0a8; }
    .label { font-weight: bold; }
    .note, .quote, .amendments, .redline { margin: .4em 0; }
    .amendments ol { margin: .2em 0; padding-inline-start: 1.6em; }
    del { color: #a40000; text-decoration: line-through; }
    ins { color: #0a6b1f; text-decoration: underline; }
    table.positions { border-collapse: collapse; width: 100%; margin: .4em 0 1em; page-break-inside: avoid; }
    table.positions th, table.positions td { border: 1px solid #c8d3df; padding: .25em .6em; text-align: start; vertical-align: top; }
    table.positions th { background: #eef3f8; }
    td.count, th.count { text-align: end; width: 6em; }
    .tag { display: inline-block; font-family: sans-serif; font-size: 8.5pt; font-weight: normal; padding: 0 .5em;
      border-radius: 1em; background: #e8e8e8; color: #222; border: 1px solid #bbb; }
    .tag-support { background: #dff3e3; border-color: #7cbf8a; }
    .tag-oppose { background: #fbe0e0; border-color: #d98c8c; }
    .tag-amend { background: #fff1cc; border-color: #d9b44a; }
    .tag-priority { background: #e3e9fb; border-color: #8aa0d9; }
    @media print { body { margin: 0; max-width: none; padding: 0; } a { color: inherit; } }

    """
}

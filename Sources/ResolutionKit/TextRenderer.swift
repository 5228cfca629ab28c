// `reso show --format text`: the resolution for people — ids in the margin, wrapped by
// display columns with the CJK line-breaking rules, markers as superscripts, footnotes
// at the end with the paragraphs that cite them. Control characters never come out raw.

/// Puts superscript footnote markers back into a clean text at their offsets.
func withMarkers(_ text: String, _ refs: [FootnoteRef], open: String = "", close: String = "") -> String {
    guard !refs.isEmpty else { return text }
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    var byOffset: [Int: [Int]] = [:]
    for r in refs { byOffset[r.offset, default: []].append(r.number) }
    for i in 0...scalars.count {
        if let numbers = byOffset[i] {
            for n in numbers { out.append(contentsOf: (open + superscriptString(n) + close).unicodeScalars) }
        }
        if i < scalars.count { out.append(scalars[i]) }
    }
    return String(out)
}

func superscriptString(_ n: Int) -> String { BlockBuilder.superscript(n).string }

public struct TextRenderer {
    public var width: Int
    /// East Asian Ambiguous scalars take two columns (`--ambiguous-wide`).
    public var ambiguousWide: Bool
    public init(width: Int, ambiguousWide: Bool = false) { self.width = max(30, width); self.ambiguousWide = ambiguousWide }

    let margin = 9

    public func render(_ doc: ResolutionDocument) -> String {
        var out: [String] = []
        let m = doc.meta
        let head = [m.symbol ?? m.number, m.body, m.date].compactMap { $0 }.joined(separator: " · ")
        if !head.isEmpty { out.append(Sanitizer.visible(head)) }
        if let t = m.title { out += LineWrapper.wrap(Sanitizer.visible(t), width: width, ambiguousWide: ambiguousWide) }
        if m.status == .draft { out.append("(draft)") }
        out.append("")
        for line in doc.preface { out += block(id: "", text: line) }
        out += trackedLines(doc, unit: "preface")
        if !doc.preface.isEmpty { out.append("") }
        for unit in doc.units where unit.kind != .footnote {
            switch unit.kind {
            case .heading:
                out.append("")
                out += block(id: unit.id, text: "── " + unit.text)
                out.append("")
            case .operative:
                out += block(id: unit.id, text: "\(unit.number.map { "\($0). " } ?? "")" + withMarkers(unit.text, unit.footnoteRefs))
            case .subparagraph:
                let indent = String(repeating: "  ", count: unit.depth)
                out += block(id: unit.id, text: indent + "(\(unit.label ?? "")) " + withMarkers(unit.text, unit.footnoteRefs))
            default:
                out += block(id: unit.id, text: withMarkers(unit.text, unit.footnoteRefs))
            }
            out += trackedLines(doc, unit: unit.id)
        }
        if !doc.closing.lines.isEmpty {
            out.append("")
            for l in doc.closing.lines { out += block(id: "", text: l) }
            out += trackedLines(doc, unit: "closing")
        }
        if !doc.footnotes.isEmpty {
            out.append("")
            out.append("Footnotes")
            for f in doc.footnotes {
                let cited = f.citedBy.isEmpty ? "" : "  (cited by \(f.citedBy.joined(separator: ", ")))"
                out += block(id: f.id, text: superscriptString(f.number) + " " + f.text + cited)
                out += trackedLines(doc, unit: f.id)
            }
        }
        if !doc.other.isEmpty {
            out.append("")
            out.append("Unplaced text")
            for o in doc.other { out += block(id: o.after.map { "≫" + $0 } ?? "", text: o.text) }
            out += trackedLines(doc, unit: "other")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One unit: the id in the margin, the text wrapped beside it.
    func block(id: String, text: String) -> [String] {
        let lines = LineWrapper.wrap(Sanitizer.visible(text), width: width - margin, ambiguousWide: ambiguousWide)
        let idCell = id.count >= margin ? String(id.prefix(margin - 1)) + " " : id + String(repeating: " ", count: margin - id.count)
        let pad = String(repeating: " ", count: margin)
        return lines.enumerated().map { ($0.offset == 0 ? idCell : pad) + $0.element }
    }
}

/// `reso show --format markdown`: a clean Markdown rendering.
public struct MarkdownRenderer {
    public init() {}

    public func render(_ doc: ResolutionDocument) -> String {
        var out: [String] = []
        let m = doc.meta
        let title = [m.number.map { $0 + "." }, m.title].compactMap { $0 }.joined(separator: " ")
        out.append("# " + escape(title.isEmpty ? (m.symbol ?? doc.source.path) : title))
        out.append("")
        let facts = [m.symbol, m.body, m.date, m.session, m.agendaItem.map { "agenda item " + $0 }, m.status.rawValue]
            .compactMap { $0 }
        out.append("*" + escape(facts.joined(separator: " · ")) + "*")
        out.append("")
        for line in doc.preface.dropLast() { out.append("> " + escape(line)); out.append(">") }
        if !doc.preface.isEmpty { if out.last == ">" { out.removeLast() }; out.append("") }
        if let formula = doc.preface.last { out.append("**" + escape(formula) + "**"); out.append("") }
        func marked(_ text: String, _ refs: [FootnoteRef]) -> String {
            // Markers become footnote references; the text around them is escaped first.
            guard !refs.isEmpty else { return escape(text) }
            let scalars = Array(text.unicodeScalars)
            var pieces: [String] = []
            var last = 0
            for r in refs.sorted(by: { $0.offset < $1.offset }) {
                let o = min(max(r.offset, last), scalars.count)
                pieces.append(escape(String(String.UnicodeScalarView(scalars[last..<o]))) + "[^\(r.number)]")
                last = o
            }
            pieces.append(escape(String(String.UnicodeScalarView(scalars[last...]))))
            return pieces.joined()
        }
        func boldLead(_ text: String, _ lead: String?, _ refs: [FootnoteRef]) -> String {
            let body = marked(text, refs)
            guard let lead, !lead.isEmpty else { return body }
            let l = escape(lead)
            if let r = body.range(of: l) { return body.replacingCharacters(in: r, with: "**" + l + "**") }
            return body
        }
        for unit in doc.units where unit.kind != .footnote {
            switch unit.kind {
            case .heading:
                out.append("## " + escape(unit.text))
            case .preambular:
                out.append(boldLead(unit.text, unit.lead, unit.footnoteRefs))
            case .operative:
                out.append("\(unit.number ?? 0). " + boldLead(unit.text, unit.lead, unit.footnoteRefs))
            case .subparagraph:
                out.append(String(repeating: "    ", count: unit.depth) + "- (\(escape(unit.label ?? ""))) "
                           + marked(unit.text, unit.footnoteRefs))
            case .footnote:
                break
            }
            out.append("")
        }
        for l in doc.closing.lines { out.append(escape(l) + "  ") }
        if !doc.closing.lines.isEmpty { out.append("") }
        for f in doc.footnotes { out.append("[^\(f.number)]: " + escape(f.text)) }
        if !doc.other.isEmpty {
            out.append("")
            out.append("---")
            for o in doc.other { out.append(""); out.append(escape(o.text)) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in Sanitizer.visible(s).unicodeScalars {
            switch ch {
            case "\\", "*", "_", "[", "]", "`", "<", ">", "#", "|": out.append("\\"); out.unicodeScalars.append(ch)
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

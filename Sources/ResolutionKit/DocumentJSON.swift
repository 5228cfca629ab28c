// The reso.document/1 JSON, written by hand: keys in a fixed, readable order (schema
// first, as SPEC.md shows it), and fast enough for documents of tens of megabytes
// (Foundation's encoder is several times slower on Linux).

public enum DocumentJSON {
    public static func encode(_ doc: ResolutionDocument) -> [UInt8] {
        let w = JSONWriter()
        w.object {
            w.key("schema"); w.string(doc.schema)
            w.key("source"); w.object {
                w.key("path"); w.string(doc.source.path)
                w.key("sha256"); w.string(doc.source.sha256)
                w.key("encoding"); w.string(doc.source.encoding)
            }
            w.key("language"); w.string(doc.language)
            w.key("meta"); w.object {
                let m = doc.meta
                w.key("body"); w.optional(m.body)
                w.key("number"); w.optional(m.number)
                w.key("symbol"); w.optional(m.symbol)
                w.key("status"); w.string(m.status)
                w.key("title"); w.optional(m.title)
                w.key("date"); w.optional(m.date)
                w.key("session"); w.optional(m.session)
                w.key("agendaItem"); w.optional(m.agendaItem)
            }
            w.key("preface"); w.strings(doc.preface)
            w.key("preamble"); w.array(doc.preamble) { paragraph(w, $0) }
            w.key("operative"); w.array(doc.operative) { paragraph(w, $0) }
            w.key("headings"); w.array(doc.headings) { h in
                w.object { w.key("id"); w.string(h.id); w.key("text"); w.string(h.text); w.key("before"); w.optional(h.before) }
            }
            w.key("footnotes"); w.array(doc.footnotes) { f in
                w.object {
                    w.key("id"); w.string(f.id); w.key("number"); w.int(f.number); w.key("text"); w.string(f.text)
                    w.key("citedBy"); w.strings(f.citedBy); w.key("references"); w.strings(f.references)
                }
            }
            w.key("references"); w.array(doc.references) { r in
                w.object { w.key("symbol"); w.string(r.symbol); w.key("kind"); w.string(r.kind); w.key("citedBy"); w.strings(r.citedBy) }
            }
            w.key("closing"); w.object {
                w.key("lines"); w.strings(doc.closing.lines)
                w.key("date"); w.optional(doc.closing.date)
                w.key("meeting"); w.optional(doc.closing.meeting)
            }
            w.key("furniture"); w.strings(doc.furniture)
            w.key("other"); w.array(doc.other) { o in
                w.object { w.key("text"); w.string(o.text); w.key("after"); w.optional(o.after) }
            }
        }
        w.bytes.append(0x0A)
        return w.bytes
    }

    static func paragraph(_ w: JSONWriter, _ p: Paragraph) {
        w.object {
            w.key("id"); w.string(p.id)
            if p.kind == .preambular {
                w.key("index"); w.int(p.index); w.key("opening"); w.optional(p.lead)
            } else {
                w.key("number"); if let n = p.number { w.int(n) } else { w.null() }
                w.key("verb"); w.optional(p.lead)
            }
            w.key("text"); w.string(p.text)
            w.key("footnoteRefs"); refs(w, p.footnoteRefs)
            w.key("references"); w.strings(p.references)
            w.key("subparagraphs"); w.array(p.subparagraphs) { sub(w, $0) }
        }
    }

    static func sub(_ w: JSONWriter, _ s: Subparagraph) {
        w.object {
            w.key("id"); w.string(s.id); w.key("label"); w.string(s.label); w.key("text"); w.string(s.text)
            w.key("footnoteRefs"); refs(w, s.footnoteRefs)
            w.key("references"); w.strings(s.references)
            w.key("subparagraphs"); w.array(s.subparagraphs) { sub(w, $0) }
        }
    }

    static func refs(_ w: JSONWriter, _ refs: [FootnoteRef]) {
        w.array(refs) { r in w.object { w.key("number"); w.int(r.number); w.key("offset"); w.int(r.offset) } }
    }
}

/// A small streaming JSON writer: two-space indentation, UTF-8 kept as is, control
/// characters escaped.
final class JSONWriter {
    var bytes: [UInt8] = []
    private var depth = 0
    private var first = true
    private var afterKey = false

    init() { bytes.reserveCapacity(1 << 16) }

    private func newlineIndent() {
        bytes.append(0x0A)
        for _ in 0..<(depth * 2) { bytes.append(0x20) }
    }

    private func beginValue() {
        if afterKey { afterKey = false; return }
        if depth > 0 {
            if !first { bytes.append(0x2C) }
            newlineIndent()
        }
        first = false
    }

    func key(_ k: String) {
        if !first { bytes.append(0x2C) }
        newlineIndent()
        first = false
        writeString(k)
        bytes.append(0x3A); bytes.append(0x20)
        afterKey = true
    }

    func object(_ body: () -> Void) {
        beginValue()
        bytes.append(0x7B)
        depth += 1; first = true
        body()
        depth -= 1
        if !first { newlineIndent() }
        bytes.append(0x7D)
        first = false
    }

    func array<T>(_ items: [T], _ each: (T) -> Void) {
        beginValue()
        bytes.append(0x5B)
        depth += 1; first = true
        for item in items { each(item) }
        depth -= 1
        if !first { newlineIndent() }
        bytes.append(0x5D)
        first = false
    }

    func strings(_ items: [String]) { array(items) { string($0) } }
    func string(_ s: String) { beginValue(); writeString(s) }
    func optional(_ s: String?) { if let s { string(s) } else { null() } }
    func int(_ n: Int) { beginValue(); bytes.append(contentsOf: String(n).utf8) }
    func null() { beginValue(); bytes.append(contentsOf: "null".utf8) }

    private func writeString(_ s: String) {
        bytes.append(0x22)
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        for b in s.utf8 {
            switch b {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
            case 0x0D: bytes.append(0x5C); bytes.append(0x72)
            case 0x09: bytes.append(0x5C); bytes.append(0x74)
            case 0..<0x20, 0x7F:
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            default: bytes.append(b)
            }
        }
        bytes.append(0x22)
    }
}

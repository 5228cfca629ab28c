// The reso.document/1 JSON, written by hand: keys in a fixed, readable order (schema
// first, as SPEC.md shows it), and fast enough for documents of tens of megabytes
// (Foundation's encoder is several times slower on Linux).

import Dispatch

public enum DocumentJSON {
    public static func encode(_ doc: ResolutionDocument) -> [UInt8] {
        var w = JSONWriter(reservingCapacity: 1 << 20)
        write(doc, to: &w)
        return w.bytes
    }

    /// Streams the JSON to `sink` in pieces (see `JSONWriter.init(streamingTo:)`): what
    /// `reso show --format json` prints, without holding the whole JSON in memory. With
    /// `terminalSafe`, C1 and bidi controls in strings are escaped as they are written, so
    /// that every piece is safe for a terminal (`Sanitizer.isSafe`) and the same JSON value.
    public static func stream(_ doc: ResolutionDocument, terminalSafe: Bool = false, to sink: @escaping ([UInt8]) -> Void) {
        var w = JSONWriter(streamingTo: sink, escapingTerminalControls: terminalSafe)
        write(doc, to: &w)
        w.flush()
    }

    /// Writes the document. `batching`: long paragraph arrays in batches on both cores
    /// (`paragraphs`); the same bytes either way.
    static func write(_ doc: ResolutionDocument, to w: inout JSONWriter, batching: Bool = true) {
        w.beginObject()
        w.key("schema"); w.string(doc.schema)
        w.key("source"); w.beginObject()
        w.key("path"); w.string(doc.source.path)
        w.key("sha256"); w.string(doc.source.sha256)
        w.key("encoding"); w.string(doc.source.encoding)
        w.key("format"); w.string(doc.source.format.rawValue)
        w.endObject()
        w.key("language"); w.string(doc.language)
        let m = doc.meta
        w.key("meta"); w.beginObject()
        w.key("body"); w.optional(m.body)
        w.key("number"); w.optional(m.number)
        w.key("symbol"); w.optional(m.symbol)
        w.key("status"); w.string(m.status.rawValue)
        w.key("title"); w.optional(m.title)
        w.key("date"); w.optional(m.date)
        w.key("session"); w.optional(m.session)
        w.key("agendaItem"); w.optional(m.agendaItem)
        w.endObject()
        w.key("preface"); w.strings(doc.preface)
        w.key("preamble"); w.beginArray()
        paragraphs(&w, doc.preamble, batching: batching)
        w.endArray()
        w.key("operative"); w.beginArray()
        paragraphs(&w, doc.operative, batching: batching)
        w.endArray()
        w.key("headings"); w.beginArray()
        for h in doc.headings {
            w.beginObject()
            w.key("id"); w.string(h.id); w.key("text"); w.string(h.text); w.key("before"); w.optional(h.before)
            w.endObject()
        }
        w.endArray()
        w.key("footnotes"); w.beginArray()
        for f in doc.footnotes {
            w.beginObject()
            w.key("id"); w.string(f.id); w.key("number"); w.int(f.number); w.key("text"); w.string(f.text)
            w.key("citedBy"); w.strings(f.citedBy); w.key("references"); w.strings(f.references)
            w.endObject()
        }
        w.endArray()
        w.key("references"); w.beginArray()
        for r in doc.references {
            w.beginObject()
            w.key("symbol"); w.string(r.symbol); w.key("kind"); w.string(r.kind); w.key("citedBy"); w.strings(r.citedBy)
            w.endObject()
        }
        w.endArray()
        w.key("closing"); w.beginObject()
        w.key("lines"); w.strings(doc.closing.lines)
        w.key("date"); w.optional(doc.closing.date)
        w.key("meeting"); w.optional(doc.closing.meeting)
        w.endObject()
        w.key("furniture"); w.strings(doc.furniture)
        w.key("other"); w.beginArray()
        for o in doc.other {
            w.beginObject(); w.key("text"); w.string(o.text); w.key("after"); w.optional(o.after); w.endObject()
        }
        w.endArray()
        if let changes = doc.revisions, !changes.isEmpty { trackedChanges(&w, changes) }
        w.endObject()
        w.bytes.append(0x0A)
    }

    /// Paragraphs written in batches this many at a time: `batch` each, on both cores.
    static let batchesAtOnce = 4, batch = 256

    /// The elements of a paragraph array, for `w`, which has the array open. A long array
    /// is written a few batches at a time, each batch by an element writer of its own on
    /// whichever core is free, and the batches are added in order: writing a large
    /// document's JSON was the last phase of `reso show` on one core, the other idle.
    /// Only a few batches are held at once, so the JSON is still never held whole.
    /// - Complexity: O(n) in the paragraphs' JSON.
    static func paragraphs(_ w: inout JSONWriter, _ paragraphs: [Paragraph], batching: Bool = true) {
        // Read in place: the array's iterator copied each paragraph (a retain and a release
        // for each of its texts and lists) only to read it.
        paragraphs.withUnsafeBufferPointer { ps in
            guard batching && ps.count >= 4 * batch else {
                for i in ps.indices { paragraph(&w, ps[i]) }
                return
            }
            let writers = UnsafeMutableBufferPointer<JSONWriter>.allocate(capacity: batchesAtOnce)
            for k in 0..<batchesAtOnce { (writers.baseAddress! + k).initialize(to: w.elementWriter(opening: k == 0, reservingCapacity: 1 << 18)) }
            defer { writers.deinitialize(); writers.deallocate() }
            for start in stride(from: 0, to: ps.count, by: batch * batchesAtOnce) {
                let lanes = min(batchesAtOnce, (ps.count - start + batch - 1) / batch)
                // Each lane writes its own writer and reads its own paragraphs, within this
                // call only, which is what makes sharing the buffers sound.
                nonisolated(unsafe) let out = writers, source = ps
                DispatchQueue.concurrentPerform(iterations: lanes) { k in
                    let lo = start + k * batch, hi = min(source.count, lo + batch)
                    for i in lo..<hi { paragraph(&out[k], source[i]) }
                }
                for k in 0..<lanes {
                    w.appendElements(of: writers[k])
                    writers[k].removeElements()
                }
            }
        }
    }

    static func paragraph(_ w: inout JSONWriter, _ p: Paragraph) {
        w.beginObject()
        w.key("id"); w.string(p.id)
        if p.kind == .preambular {
            w.key("index"); w.int(p.index); w.key("opening"); w.optional(p.lead)
        } else {
            w.key("number"); if let n = p.number { w.int(n) } else { w.null() }
            w.key("verb"); w.optional(p.lead)
        }
        w.key("text"); w.string(p.text)
        w.key("footnoteRefs"); refs(&w, p.footnoteRefs)
        w.key("references"); w.strings(p.references)
        w.key("subparagraphs"); w.beginArray()
        for s in p.subparagraphs { sub(&w, s) }
        w.endArray()
        w.endObject()
    }

    static func sub(_ w: inout JSONWriter, _ s: Subparagraph) {
        w.beginObject()
        w.key("id"); w.string(s.id); w.key("label"); w.string(s.label); w.key("text"); w.string(s.text)
        w.key("footnoteRefs"); refs(&w, s.footnoteRefs)
        w.key("references"); w.strings(s.references)
        w.key("subparagraphs"); w.beginArray()
        for c in s.subparagraphs { sub(&w, c) }
        w.endArray()
        w.endObject()
    }

    static func refs(_ w: inout JSONWriter, _ refs: [FootnoteRef]) {
        w.beginArray()
        for r in refs { w.beginObject(); w.key("number"); w.int(r.number); w.key("offset"); w.int(r.offset); w.endObject() }
        w.endArray()
    }
}

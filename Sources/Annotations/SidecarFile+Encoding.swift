// The sidecar's exact byte layout: pretty, keys sorted at every level (fields reso does not
// know included), tags on one line, one trailing newline, non-ASCII kept as UTF-8 — so that a
// sidecar diffs and merges cleanly in git. Written through ResolutionKit's JSONWriter, and
// patched around one changed annotation (`splice`) so that a save at 10,000 annotations
// stays fast (see SidecarBenchmark).

import ResolutionKit

/// Encoded sidecar bytes with the byte range of each object of the `annotations` array.
struct EncodedSidecar: Sendable {
    var bytes: [UInt8]
    var ranges: [Range<Int>]
}

/// One change to the `annotations` array, by index.
enum SidecarEdit {
    case replace(Int, Annotation)
    case insert(Int, Annotation)
    case remove(Int)
}

enum SidecarCodec {
    /// Nesting depth of the objects of the `annotations` array (top object, then the array).
    private static let elementDepth = 2
    /// What separates two objects of the array: `,`, a newline, the element indentation.
    private static let separator: [UInt8] = Array(",\n    ".utf8)

    static func encode(_ file: SidecarFile) -> [UInt8] { encodeWithRanges(file).bytes }

    /// The bytes, and where each annotation's object lies in them (for `splice`).
    /// - Complexity: O(size of the output).
    static func encodeWithRanges(_ file: SidecarFile) -> EncodedSidecar {
        var w = JSONWriter(reservingCapacity: 512 + (file.annotations.count + file.orphans.count) * 640)
        var unknown = UnknownFieldWriter(file.unknownFields)
        w.beginObject()
        unknown.upTo("annotations", &w)
        w.key("annotations")
        let ranges = list(file.annotations, into: &w)
        unknown.upTo("document", &w)
        w.key("document")
        documentObject(file.document, into: &w)
        unknown.upTo("orphans", &w)
        w.key("orphans")
        _ = list(file.orphans, into: &w)
        unknown.upTo("schema", &w)
        w.key("schema"); w.string(file.schema)
        unknown.rest(&w)
        w.endObject()
        w.finish()
        return EncodedSidecar(bytes: w.bytes, ranges: ranges)
    }

    private static func list(_ items: [Annotation], into w: inout JSONWriter) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(items.count)
        w.beginArray()
        for a in items {
            let before = w.bytes.count
            annotationObject(a, into: &w)
            // The object starts at its `{`, after the separator and indentation the writer put.
            var start = before
            while w.bytes[start] != UInt8(ascii: "{") { start += 1 }
            ranges.append(start..<w.bytes.count)
        }
        w.endArray()
        return ranges
    }

    private static func documentObject(_ d: SidecarDocumentInfo, into w: inout JSONWriter) {
        var unknown = UnknownFieldWriter(d.unknownFields)
        w.beginObject()
        unknown.upTo("file", &w); w.key("file"); w.string(d.file)
        unknown.upTo("sha256", &w); w.key("sha256"); w.string(d.sha256)
        unknown.upTo("symbol", &w); w.key("symbol"); w.optional(d.symbol)
        unknown.rest(&w)
        w.endObject()
    }

    /// One annotation object (of `annotations` or `orphans`); absent `quote`, `prefix`,
    /// `suffix`, `note`, `kind` and `amendment` are left out, as the SPEC's example shows.
    static func annotationObject(_ a: Annotation, into w: inout JSONWriter) {
        // One unit per annotation encoded: tests check that a save re-encodes only what changed.
        WorkMeter.add(1)
        var unknown = UnknownFieldWriter(a.unknownFields)
        w.beginObject()
        if let m = a.amendment {
            unknown.upTo("amendment", &w)
            w.key("amendment")
            var inner = UnknownFieldWriter(m.unknownFields)
            w.beginObject()
            inner.upTo("action", &w); w.key("action"); w.string(m.action.rawValue)
            if let t = m.text { inner.upTo("text", &w); w.key("text"); w.string(t) }
            inner.rest(&w)
            w.endObject()
        }
        unknown.upTo("anchor", &w)
        w.key("anchor")
        do {
            var inner = UnknownFieldWriter(a.anchor.unknownFields)
            w.beginObject()
            inner.upTo("exact", &w); w.key("exact"); w.string(a.anchor.exact)
            if let p = a.anchor.prefix { inner.upTo("prefix", &w); w.key("prefix"); w.string(p) }
            if let q = a.anchor.quote { inner.upTo("quote", &w); w.key("quote"); w.string(q) }
            if let s = a.anchor.suffix { inner.upTo("suffix", &w); w.key("suffix"); w.string(s) }
            inner.upTo("textHash", &w); w.key("textHash"); w.string(a.anchor.textHash)
            inner.rest(&w)
            w.endObject()
        }
        unknown.upTo("author", &w); w.key("author"); w.string(a.author)
        unknown.upTo("created", &w); w.key("created"); w.string(a.created)
        unknown.upTo("id", &w); w.key("id"); w.string(a.id)
        if let k = a.kind { unknown.upTo("kind", &w); w.key("kind"); w.string(k) }
        unknown.upTo("modified", &w); w.key("modified"); w.string(a.modified)
        if let n = a.note { unknown.upTo("note", &w); w.key("note"); w.string(n) }
        unknown.upTo("paragraph", &w); w.key("paragraph"); w.string(a.paragraph)
        unknown.upTo("tags", &w); w.key("tags"); w.inlineStrings(a.tags)
        unknown.rest(&w)
        w.endObject()
    }

    /// One annotation object as it sits in the array, from `{` to `}`.
    static func objectBytes(_ a: Annotation) -> [UInt8] {
        var w = JSONWriter(nestedAtDepth: elementDepth, reservingCapacity: 640)
        annotationObject(a, into: &w)
        return w.bytes
    }

    /// The new bytes after one edit of the annotations array, copied around the one changed
    /// object instead of re-encoding them all; nil when the edit empties or starts the array
    /// (then the caller encodes in full). Gives exactly the bytes `encode` would.
    /// The bytes are changed in place when `old` holds the only reference to them (the store
    /// lets go of its copy first): a fresh 5 MB buffer per save cost more in page faults than
    /// moving the tail.
    /// - Complexity: O(size of the file after the change), no encoding of other annotations.
    static func splice(_ old: consuming EncodedSidecar, _ edit: SidecarEdit) -> EncodedSidecar? {
        var ranges = old.ranges
        let n = ranges.count
        var out = old.bytes
        old.bytes = []
        func build(cut: Range<Int>, insert: [UInt8]) {
            out.replaceSubrange(cut, with: insert)
        }
        func shift(from index: Int, by delta: Int) {
            var k = index
            while k < ranges.count { ranges[k] = (ranges[k].lowerBound + delta)..<(ranges[k].upperBound + delta); k += 1 }
        }
        let gap = separator.count
        switch edit {
        case let .replace(i, a):
            guard i < n else { return nil }
            let chunk = objectBytes(a), r = ranges[i]
            build(cut: r, insert: chunk)
            ranges[i] = r.lowerBound..<(r.lowerBound + chunk.count)
            shift(from: i + 1, by: chunk.count - r.count)
        case let .insert(i, a):
            guard n > 0, i <= n else { return nil }
            let chunk = objectBytes(a)
            if i < n {
                let at = ranges[i].lowerBound
                build(cut: at..<at, insert: chunk + separator)
                shift(from: i, by: chunk.count + gap)
                ranges.insert(at..<(at + chunk.count), at: i)
            } else {
                let at = ranges[n - 1].upperBound
                build(cut: at..<at, insert: separator + chunk)
                ranges.append((at + gap)..<(at + gap + chunk.count))
            }
        case let .remove(i):
            guard n > 1, i < n else { return nil }
            let cut = i < n - 1 ? ranges[i].lowerBound..<ranges[i + 1].lowerBound : ranges[i - 1].upperBound..<ranges[i].upperBound
            build(cut: cut, insert: [])
            ranges.remove(at: i)
            shift(from: i, by: -cut.count)
        }
        return EncodedSidecar(bytes: out, ranges: ranges)
    }
}

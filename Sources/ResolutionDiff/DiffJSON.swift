// `reso diff --format json`: the `reso.diff/1` schema of SPEC §10, through the package's one
// JSON writer.
import ResolutionKit

public struct DiffSide: Sendable {
    public var path: String
    public var symbol: String?
    public var language: String
    public init(path: String, symbol: String?, language: String) {
        self.path = path; self.symbol = symbol; self.language = language
    }
    public init(_ doc: ResolutionDocument) {
        self.init(path: doc.source.path, symbol: doc.meta.symbol, language: doc.language)
    }
}

public enum DiffJSON {
    /// The diff as `reso.diff/1` JSON (UTF-8, ending in a newline).
    /// - Complexity: O(size of the output).
    public static func encode(_ diff: DocumentDiff, old: DiffSide, new: DiffSide) -> [UInt8] {
        var w = JSONWriter(reservingCapacity: 64 * diff.pairs.count + 256)
        w.beginObject()
        w.key("schema"); w.string("reso.diff/1")
        for (name, side) in [("old", old), ("new", new)] {
            w.key(text: name)
            w.beginObject()
            w.key("path"); w.string(side.path)
            w.key("symbol"); w.optional(side.symbol)
            w.key("language"); w.string(side.language)
            w.endObject()
        }
        w.key("mode"); w.string(diff.mode.rawValue)
        w.key("pairs")
        w.beginArray()
        for p in diff.pairs {
            w.beginObject()
            w.key("old"); w.optional(p.old.map { diff.oldUnits[$0].id })
            w.key("new"); w.optional(p.new.map { diff.newUnits[$0].id })
            w.key("status"); w.string(p.status.rawValue)
            if p.moved { w.key("moved"); w.bool(true) }
            if p.status == .changed {
                if let s = p.similarity { w.key("similarity"); w.number(verbatim: formatSimilarity(s)) }
                w.key("edits")
                w.beginArray()
                for e in p.edits {
                    w.beginObject()
                    w.key("op"); w.string(e.op.rawValue)
                    if !e.old.isEmpty { w.key("old"); range(&w, e.old) }
                    if !e.new.isEmpty { w.key("new"); range(&w, e.new) }
                    w.endObject()
                }
                w.endArray()
            }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.finish()
        return w.bytes
    }

    private static func range(_ w: inout JSONWriter, _ r: Range<Int>) {
        // One line, `[12, 15]`, as SPEC §10 writes it: a range is one value to a reader.
        w.number(verbatim: "[\(r.lowerBound), \(r.upperBound)]")
    }

    /// Two decimals, never `1.00` for texts that differ (rounded down from just below 1).
    static func formatSimilarity(_ s: Double) -> String {
        let hundredths = min(99, Int((s * 100).rounded(.down)))
        return "0." + (hundredths < 10 ? "0" : "") + String(hundredths)
    }
}

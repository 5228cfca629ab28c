// The on-disk form of a sidecar and its exact byte layout: pretty, keys sorted, one trailing
// newline, non-ASCII kept as UTF-8, so that a sidecar diffs and merges cleanly in git.
// The writer is hand-made rather than JSONEncoder because it runs on every single edit and
// must stay fast at 10,000 annotations (see SidecarBenchmark).

import Foundation
import ResolutionKit

public let sidecarSchema = "reso.annotations/1"

/// Which document a sidecar was last written against.
struct SidecarDocumentInfo: Codable, Hashable, Sendable {
    var file: String
    var sha256: String
    var symbol: String?
}

struct SidecarFile: Codable, Hashable, Sendable {
    var schema: String
    var document: SidecarDocumentInfo
    var annotations: [Annotation]
    var orphans: [Annotation]

    init(document: SidecarDocumentInfo, annotations: [Annotation] = [], orphans: [Annotation] = []) {
        schema = sidecarSchema; self.document = document
        self.annotations = annotations; self.orphans = orphans
    }

    enum CodingKeys: String, CodingKey { case schema, document, annotations, orphans }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decode(String.self, forKey: .schema)
        document = try c.decode(SidecarDocumentInfo.self, forKey: .document)
        annotations = try c.decode([Annotation].self, forKey: .annotations)
        // An absent orphans list means none; a present one must decode (never silently dropped).
        orphans = try c.decodeIfPresent([Annotation].self, forKey: .orphans) ?? []
    }
}

public enum SidecarError: Error, CustomStringConvertible, Equatable {
    /// The sidecar exists but cannot be used; it is left untouched.
    case unreadable(path: String, reason: String)
    /// Reading or writing failed at the system level.
    case io(path: String, reason: String)
    case unknownParagraph(reference: String, file: String, nearest: [String])
    case badTag(String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "\(path): cannot read the sidecar: \(reason); it was left as it is and nothing was written"
        case let .io(path, reason): return "\(path): \(reason)"
        case let .unknownParagraph(reference, file, nearest):
            let hint = nearest.isEmpty ? "the document has no paragraphs" : "nearest: " + nearest.joined(separator: ", ")
            return "\(file): no paragraph '\(reference)' (\(hint))"
        case let .badTag(reason): return reason
        }
    }
}

enum SidecarCodec {
    static func encode(_ file: SidecarFile) -> [UInt8] { encodeWithRanges(file).bytes }

    /// The bytes, and where each annotation's object lies in them (for `splice`).
    static func encodeWithRanges(_ file: SidecarFile) -> EncodedSidecar {
        var w = JSONBytes()
        w.out.reserveCapacity(512 + (file.annotations.count + file.orphans.count) * 640)
        w.raw("{\n  \"annotations\": ")
        let ranges = list(file.annotations, into: &w)
        w.raw(",\n  \"document\": {\n    \"file\": "); w.string(file.document.file)
        w.raw(",\n    \"sha256\": "); w.string(file.document.sha256)
        w.raw(",\n    \"symbol\": "); w.optional(file.document.symbol)
        w.raw("\n  },\n  \"orphans\": ")
        _ = list(file.orphans, into: &w)
        w.raw(",\n  \"schema\": "); w.string(file.schema)
        w.raw("\n}\n")
        return EncodedSidecar(bytes: w.out, ranges: ranges)
    }

    private static func list(_ items: [Annotation], into w: inout JSONBytes) -> [Range<Int>] {
        if items.isEmpty { w.raw("[]"); return [] }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(items.count)
        w.raw("[\n")
        for (i, a) in items.enumerated() {
            if i > 0 { w.raw(",\n") }
            let start = w.out.count
            annotationObject(a, into: &w)
            ranges.append(start..<w.out.count)
        }
        w.raw("\n  ]")
        return ranges
    }

    /// The new bytes after one edit of the annotations array, copied around the one changed
    /// object instead of re-encoding them all; nil when the edit empties or starts the array
    /// (then the caller encodes in full). Gives exactly the bytes `encode` would.
    static func splice(_ old: EncodedSidecar, _ edit: SidecarEdit) -> EncodedSidecar? {
        var ranges = old.ranges
        let n = ranges.count
        var out: [UInt8] = []
        func build(cut: Range<Int>, insert: [UInt8]) {
            out.reserveCapacity(old.bytes.count - cut.count + insert.count)
            out.append(contentsOf: old.bytes[..<cut.lowerBound])
            out.append(contentsOf: insert)
            out.append(contentsOf: old.bytes[cut.upperBound...])
        }
        func shift(from index: Int, by delta: Int) {
            var k = index
            while k < ranges.count { ranges[k] = (ranges[k].lowerBound + delta)..<(ranges[k].upperBound + delta); k += 1 }
        }
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
                build(cut: at..<at, insert: chunk + Array(",\n".utf8))
                shift(from: i, by: chunk.count + 2)
                ranges.insert(at..<(at + chunk.count), at: i)
            } else {
                let at = ranges[n - 1].upperBound
                build(cut: at..<at, insert: Array(",\n".utf8) + chunk)
                ranges.append((at + 2)..<(at + 2 + chunk.count))
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

    static func objectBytes(_ a: Annotation) -> [UInt8] {
        var w = JSONBytes()
        annotationObject(a, into: &w)
        return w.out
    }

    /// One annotation as it sits in the `annotations` or `orphans` array (4-space indent).
    static func annotationObject(_ a: Annotation, into w: inout JSONBytes) {
        w.raw("    {\n      \"anchor\": {\n        \"exact\": ")
        w.string(a.anchor.exact)
        if let q = a.anchor.quote { w.raw(",\n        \"quote\": "); w.string(q) }
        w.raw(",\n        \"textHash\": "); w.string(a.anchor.textHash)
        w.raw("\n      },\n      \"author\": "); w.string(a.author)
        w.raw(",\n      \"created\": "); w.string(a.created)
        w.raw(",\n      \"id\": "); w.string(a.id)
        w.raw(",\n      \"modified\": "); w.string(a.modified)
        if let n = a.note { w.raw(",\n      \"note\": "); w.string(n) }
        w.raw(",\n      \"paragraph\": "); w.string(a.paragraph)
        w.raw(",\n      \"tags\": [")
        for (j, t) in a.tags.enumerated() { if j > 0 { w.raw(", ") }; w.string(t) }
        w.raw("]\n    }")
    }

    /// Decodes and validates; every failure names the reason (the caller adds the path).
    static func decode(_ bytes: [UInt8]) throws(SidecarDecodeFailure) -> SidecarFile {
        let file: SidecarFile
        if let fast = FastSidecarParser.parse(bytes) { file = fast } else { file = try fullDecode(bytes) }
        if let problem = schemaProblem(file.schema) { throw SidecarDecodeFailure(reason: problem) }
        var seen = Set<String>()
        for a in file.annotations {
            if !seen.insert(a.paragraph).inserted {
                throw SidecarDecodeFailure(reason: "two annotations for paragraph '\(a.paragraph)'")
            }
        }
        return file
    }

    /// JSONDecoder: the authority on what is wrong with a file the fast parser did not take.
    private static func fullDecode(_ bytes: [UInt8]) throws(SidecarDecodeFailure) -> SidecarFile {
        let data = Data(bytes)
        do {
            return try JSONDecoder().decode(SidecarFile.self, from: data)
        } catch {
            // A newer schema may have another shape: say so rather than "missing key".
            if let probe = try? JSONDecoder().decode(SchemaProbe.self, from: data), let s = probe.schema,
               let problem = schemaProblem(s) {
                throw SidecarDecodeFailure(reason: problem)
            }
            throw SidecarDecodeFailure(reason: describe(error))
        }
    }

    static func schemaProblem(_ schema: String) -> String? {
        if schema == sidecarSchema { return nil }
        let prefix = "reso.annotations/"
        if schema.hasPrefix(prefix), let v = Int(schema.dropFirst(prefix.count)), v > 1 {
            return "it was written by a newer reso (schema \(schema); this version reads \(sidecarSchema))"
        }
        return "unknown schema '\(schema)' (expected \(sidecarSchema))"
    }

    private struct SchemaProbe: Decodable { var schema: String? }

    private static func describe(_ error: Error) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { k in k.intValue.map { "[\($0)]" } ?? ".\(k.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error as? DecodingError {
        case let .keyNotFound(key, ctx)?:
            let at = path(ctx.codingPath)
            return "missing field '\(key.stringValue)'" + (at.isEmpty ? "" : " in \(at)")
        case let .typeMismatch(_, ctx)?, let .valueNotFound(_, ctx)?:
            return "wrong type at '\(path(ctx.codingPath))'"
        case let .dataCorrupted(ctx)?:
            if ctx.codingPath.isEmpty { return "not valid JSON" }
            return "bad value at '\(path(ctx.codingPath))'"
        default:
            return "not valid JSON"
        }
    }
}

struct SidecarDecodeFailure: Error { var reason: String }

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

/// Appends JSON tokens as UTF-8 bytes. Strings keep non-ASCII as is and escape only what JSON
/// requires (quote, backslash, control characters).
struct JSONBytes {
    var out: [UInt8] = []

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    mutating func optional(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    mutating func int(_ v: Int) { out.append(contentsOf: String(v).utf8) }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { buf in
            out.append(UInt8(ascii: "\""))
            var runStart = 0
            for i in 0..<buf.count {
                let b = buf[i]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<i])) }
                runStart = i + 1
                switch b {
                case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
            }
            if runStart < buf.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<buf.count])) }
            out.append(UInt8(ascii: "\""))
        }
    }
}

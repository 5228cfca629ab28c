// Fields reso does not know, kept as read so that an older reso never destroys what a newer
// one wrote (issue 8, item 4), and the strict JSON scanner both sidecar decoders share.
// The scanner rejects what RFC 8259 allows but a sidecar must not hold: duplicate keys (two
// readers could pick different values, and the next save would silently keep one) and
// nesting deeper than `JSONCursor.maxDepth` (recursion on hostile input).

import ResolutionKit

/// A JSON value held without interpretation. Numbers keep their exact spelling.
enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}

/// The order of keys in every object reso writes: by UTF-8 bytes (code point order), which
/// does not depend on locale and equals the order of the schema's known keys.
enum JSONKeyOrder {
    static func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
}

extension JSONWriter {
    /// Writes `value` pretty, keys sorted at every level. - Complexity: O(n log n) in its keys.
    mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case let .bool(b): bool(b)
        case let .number(text): number(verbatim: text)
        case let .string(s): string(s)
        case let .array(items):
            beginArray()
            for v in items { self.value(v) }
            endArray()
        case let .object(fields):
            beginObject()
            for k in fields.keys.sorted(by: JSONKeyOrder.precedes) { key(text: k); self.value(fields[k]!) }
            endObject()
        }
    }
}

/// Writes the unknown fields of one object between its known ones, so that the object's keys
/// come out sorted: call `upTo(knownKey)` before writing each known key, then `rest()`.
/// Costs nothing when there are no unknown fields (the common case).
struct UnknownFieldWriter {
    private let fields: [(key: String, value: JSONValue)]
    private var next = 0

    init(_ unknown: [String: JSONValue]) {
        fields = unknown.isEmpty ? [] : unknown.sorted { JSONKeyOrder.precedes($0.key, $1.key) }
    }

    mutating func upTo(_ known: StaticString, _ w: inout JSONWriter) {
        guard next < fields.count else { return }
        let known = known.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        while next < fields.count, JSONKeyOrder.precedes(fields[next].key, known) {
            w.key(text: fields[next].key); w.value(fields[next].value); next += 1
        }
    }

    mutating func rest(_ w: inout JSONWriter) {
        while next < fields.count { w.key(text: fields[next].key); w.value(fields[next].value); next += 1 }
    }
}

/// A cursor over UTF-8 bytes already checked to be valid UTF-8. Every method returns nil (or
/// false) on malformed input and leaves `i` near the fault, so that a caller can say where.
struct JSONCursor {
    static let maxDepth = 512

    let buf: UnsafeBufferPointer<UInt8>
    var i = 0
    /// Set when the input is well-formed JSON that a sidecar still must not hold.
    var failure: String?

    init(buf: UnsafeBufferPointer<UInt8>) { self.buf = buf }

    mutating func skipSpace() {
        while i < buf.count, buf[i] == 0x20 || buf[i] == 0x0A || buf[i] == 0x0D || buf[i] == 0x09 { i += 1 }
    }

    mutating func eat(_ c: UInt8) -> Bool {
        skipSpace()
        guard i < buf.count, buf[i] == c else { return false }
        i += 1
        return true
    }

    var atEnd: Bool { mutating get { skipSpace(); return i == buf.count } }

    /// Records a duplicate key (and fails): the sidecar is corrupt, whichever value was meant.
    mutating func duplicate(_ key: String) -> Bool {
        if failure == nil { failure = "duplicate key '\(key)'" + position }
        return false
    }

    /// ` (line L, column C)` of the cursor, for messages. - Complexity: O(i).
    var position: String {
        var line = 1, column = 1
        for k in 0..<min(i, buf.count) {
            if buf[k] == 0x0A { line += 1; column = 1 } else if buf[k] & 0xC0 != 0x80 { column += 1 }
        }
        return " (line \(line), column \(column))"
    }

    mutating func literal(_ word: StaticString) -> Bool {
        skipSpace()
        let n = word.utf8CodeUnitCount
        guard i + n <= buf.count else { return false }
        for k in 0..<n where buf[i + k] != word.utf8Start[k] { return false }
        i += n
        return true
    }

    /// A string or null (`.some(nil)`); nil when neither.
    mutating func optionalString() -> String?? {
        if literal("null") { return .some(nil) }
        return string().map { .some($0) }
    }

    mutating func string() -> String? {
        guard eat(UInt8(ascii: "\"")) else { return nil }
        let start = i
        while i < buf.count, buf[i] != UInt8(ascii: "\""), buf[i] != UInt8(ascii: "\\") {
            if buf[i] < 0x20 { return nil }
            i += 1
        }
        guard i < buf.count else { return nil }
        if buf[i] == UInt8(ascii: "\"") {
            defer { i += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: buf[start..<i]), as: UTF8.self)
        }
        var bytes = Array(buf[start..<i])
        while i < buf.count {
            let c = buf[i]
            if c == UInt8(ascii: "\"") { i += 1; return String(decoding: bytes, as: UTF8.self) }
            if c < 0x20 { return nil }
            if c != UInt8(ascii: "\\") { bytes.append(c); i += 1; continue }
            guard i + 1 < buf.count else { return nil }
            let e = buf[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(e)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "u"):
                guard var v = hex4() else { return nil }
                if (0xD800..<0xDC00).contains(v) {
                    guard i + 1 < buf.count, buf[i] == UInt8(ascii: "\\"), buf[i + 1] == UInt8(ascii: "u") else { return nil }
                    i += 2
                    guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                    v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(v) {
                    return nil
                }
                guard let scalar = Unicode.Scalar(v) else { return nil }
                bytes.append(contentsOf: String(Character(scalar)).utf8)
            default: return nil
            }
        }
        return nil
    }

    mutating func hex4() -> UInt32? {
        guard i + 4 <= buf.count else { return nil }
        var v: UInt32 = 0
        for k in 0..<4 {
            let c = buf[i + k]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        i += 4
        return v
    }

    /// A number by RFC 8259's grammar, as spelled.
    mutating func number() -> String? {
        skipSpace()
        let start = i
        func digits() -> Int { let s = i; while i < buf.count, (0x30...0x39).contains(buf[i]) { i += 1 }; return i - s }
        if i < buf.count, buf[i] == UInt8(ascii: "-") { i += 1 }
        guard i < buf.count else { return nil }
        if buf[i] == 0x30 { i += 1 } else if digits() == 0 { return nil }
        if i < buf.count, buf[i] == UInt8(ascii: ".") { i += 1; guard digits() > 0 else { return nil } }
        if i < buf.count, buf[i] == UInt8(ascii: "e") || buf[i] == UInt8(ascii: "E") {
            i += 1
            if i < buf.count, buf[i] == UInt8(ascii: "+") || buf[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return nil }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: buf[start..<i]), as: UTF8.self)
    }

    /// Any JSON value; nil on malformed input, a duplicate key or nesting deeper than
    /// `maxDepth`. - Complexity: O(n log k) for n bytes and k keys per object.
    mutating func value(depth: Int = 0) -> JSONValue? {
        guard depth < Self.maxDepth else {
            if failure == nil { failure = "nested more than \(Self.maxDepth) levels deep" + position }
            return nil
        }
        skipSpace()
        guard i < buf.count else { return nil }
        switch buf[i] {
        case UInt8(ascii: "\""): return string().map(JSONValue.string)
        case UInt8(ascii: "{"):
            var fields: [String: JSONValue] = [:]
            let ok = object { c, key in
                guard fields[key] == nil else { return c.duplicate(key) }
                guard let v = c.value(depth: depth + 1) else { return false }
                fields[key] = v
                return true
            }
            return ok ? .object(fields) : nil
        case UInt8(ascii: "["):
            return array { $0.value(depth: depth + 1) }.map(JSONValue.array)
        case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        default: return number().map(JSONValue.number)
        }
    }

    /// Calls `field` for each key of an object; false on malformed input or when `field` fails.
    mutating func object(_ field: (inout JSONCursor, String) -> Bool) -> Bool {
        guard eat(UInt8(ascii: "{")) else { return false }
        if eat(UInt8(ascii: "}")) { return true }
        repeat {
            guard let key = string(), eat(UInt8(ascii: ":")), field(&self, key) else { return false }
        } while eat(UInt8(ascii: ","))
        return eat(UInt8(ascii: "}"))
    }

    mutating func array<T>(_ element: (inout JSONCursor) -> T?) -> [T]? {
        guard eat(UInt8(ascii: "[")) else { return nil }
        var out: [T] = []
        if eat(UInt8(ascii: "]")) { return out }
        repeat {
            guard let e = element(&self) else { return nil }
            out.append(e)
        } while eat(UInt8(ascii: ","))
        return eat(UInt8(ascii: "]")) ? out : nil
    }
}

// A direct parser for the sidecar schema, about five times faster than JSONDecoder on a
// 10,000-annotation sidecar (loading is on every `reso` command and when the reader opens).
// It is only a fast path: anything it does not accept (bad JSON, a missing field, a wrong
// type, invalid UTF-8) returns nil and the JSONDecoder path decides and explains, so it can
// never accept a file the full decoder would reject with a different meaning.

enum FastSidecarParser {
    static func parse(_ bytes: [UInt8]) -> SidecarFile? {
        guard isValidUTF8(bytes) else { return nil }
        return bytes.withUnsafeBufferPointer { buf -> SidecarFile? in
            var p = Cursor(buf: buf)
            return p.sidecar()
        }
    }

    struct Cursor {
        let buf: UnsafeBufferPointer<UInt8>
        var i = 0

        mutating func skipSpace() {
            while i < buf.count, buf[i] == 0x20 || buf[i] == 0x0A || buf[i] == 0x0D || buf[i] == 0x09 { i += 1 }
        }

        mutating func eat(_ c: UInt8) -> Bool {
            skipSpace()
            guard i < buf.count, buf[i] == c else { return false }
            i += 1
            return true
        }

        /// Calls `field` for each key of an object; false on malformed input or when `field` fails.
        mutating func object(_ field: (inout Cursor, String) -> Bool) -> Bool {
            guard eat(UInt8(ascii: "{")) else { return false }
            if eat(UInt8(ascii: "}")) { return true }
            repeat {
                guard let key = string(), eat(UInt8(ascii: ":")), field(&self, key) else { return false }
            } while eat(UInt8(ascii: ","))
            return eat(UInt8(ascii: "}"))
        }

        mutating func array<T>(_ element: (inout Cursor) -> T?) -> [T]? {
            guard eat(UInt8(ascii: "[")) else { return nil }
            var out: [T] = []
            if eat(UInt8(ascii: "]")) { return out }
            repeat {
                guard let e = element(&self) else { return nil }
                out.append(e)
            } while eat(UInt8(ascii: ","))
            return eat(UInt8(ascii: "]")) ? out : nil
        }

        mutating func null() -> Bool {
            skipSpace()
            guard i + 4 <= buf.count, buf[i] == UInt8(ascii: "n"), buf[i + 1] == UInt8(ascii: "u"),
                  buf[i + 2] == UInt8(ascii: "l"), buf[i + 3] == UInt8(ascii: "l") else { return false }
            i += 4
            return true
        }

        /// A string or null (`.some(nil)`); nil when neither.
        mutating func optionalString() -> String?? {
            if null() { return .some(nil) }
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

        mutating func sidecar() -> SidecarFile? {
            var schema: String?, document: SidecarDocumentInfo?
            var annotations: [Annotation]?, orphans: [Annotation] = []
            let ok = object { c, key in
                switch key {
                case "schema": schema = c.string(); return schema != nil
                case "document": document = c.document(); return document != nil
                case "annotations": annotations = c.array { $0.annotation() }; return annotations != nil
                case "orphans": guard let o = c.array({ $0.annotation() }) else { return false }; orphans = o; return true
                default: return false     // unknown keys: let the full decoder judge
                }
            }
            skipSpace()
            guard ok, i == buf.count, let schema, let document, let annotations else { return nil }
            var file = SidecarFile(document: document, annotations: annotations, orphans: orphans)
            file.schema = schema
            return file
        }

        mutating func document() -> SidecarDocumentInfo? {
            var file: String?, sha: String?, symbol: String??
            let ok = object { c, key in
                switch key {
                case "file": file = c.string(); return file != nil
                case "sha256": sha = c.string(); return sha != nil
                case "symbol": symbol = c.optionalString(); return symbol != nil
                default: return false
                }
            }
            guard ok, let file, let sha else { return nil }
            return SidecarDocumentInfo(file: file, sha256: sha, symbol: symbol ?? nil)
        }

        mutating func annotation() -> Annotation? {
            var id: String?, paragraph: String?, anchor: Anchor?, tags: [String]?, note: String??
            var author: String?, created: String?, modified: String?
            let ok = object { c, key in
                switch key {
                case "id": id = c.string(); return id != nil
                case "paragraph": paragraph = c.string(); return paragraph != nil
                case "anchor": anchor = c.anchor(); return anchor != nil
                case "tags": tags = c.array { $0.string() }; return tags != nil
                case "note": note = c.optionalString(); return note != nil
                case "author": author = c.string(); return author != nil
                case "created": created = c.string(); return created != nil
                case "modified": modified = c.string(); return modified != nil
                default: return false
                }
            }
            guard ok, let id, let paragraph, let anchor, let tags, let author, let created, let modified else { return nil }
            var a = Annotation(id: id, paragraph: paragraph, anchor: anchor, note: note ?? nil, author: author,
                               created: created, modified: modified)
            a.tags = tags     // as stored, like the full decoder (not re-normalised)
            return a
        }

        mutating func anchor() -> Anchor? {
            var exact: String?, hash: String?, quote: String??
            let ok = object { c, key in
                switch key {
                case "exact": exact = c.string(); return exact != nil
                case "textHash": hash = c.string(); return hash != nil
                case "quote": quote = c.optionalString(); return quote != nil
                default: return false
                }
            }
            guard ok, let exact, let hash else { return nil }
            return Anchor(exact: exact, textHash: hash, quote: quote ?? nil)
        }
    }

    /// Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF), ASCII runs fast.
    static func isValidUTF8(_ b: [UInt8]) -> Bool {
        b.withUnsafeBufferPointer { b in
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                if c < 0x80 { i += 1; continue }
                func cont(_ k: Int) -> Bool { i + k < n && b[i + k] & 0xC0 == 0x80 }
                if c >= 0xC2 && c <= 0xDF {
                    guard cont(1) else { return false }; i += 2
                } else if c >= 0xE0 && c <= 0xEF {
                    guard cont(1), cont(2) else { return false }
                    let c1 = b[i + 1]
                    if c == 0xE0 && c1 < 0xA0 { return false }
                    if c == 0xED && c1 >= 0xA0 { return false }
                    i += 3
                } else if c >= 0xF0 && c <= 0xF4 {
                    guard cont(1), cont(2), cont(3) else { return false }
                    let c1 = b[i + 1]
                    if c == 0xF0 && c1 < 0x90 { return false }
                    if c == 0xF4 && c1 >= 0x90 { return false }
                    i += 4
                } else {
                    return false
                }
            }
            return true
        }
    }
}

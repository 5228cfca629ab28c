// A direct parser for the sidecar schema, about five times faster than a generic JSON tree
// (loading is on every `reso` command and when the reader opens). It is only a fast path:
// anything it does not accept (bad JSON, a missing field, a wrong type, invalid UTF-8, a
// duplicate key) returns nil and SidecarFile+Decoding decides and explains. Fields it does
// not know are kept as JSONValue, so that no save drops them.

import ResolutionKit

enum FastSidecarParser {
    /// - Complexity: O(n) in the file's bytes.
    static func parse(_ bytes: [UInt8]) -> SidecarFile? {
        guard TextDecoder.firstInvalidUTF8(bytes) == nil else { return nil }
        return bytes.withUnsafeBufferPointer { buf -> SidecarFile? in
            var p = JSONCursor(buf: buf)
            guard let file = p.sidecar(), p.atEnd else { return nil }
            return file
        }
    }
}

/// Stores an unknown field unless the key was already seen (a duplicate fails the parse).
/// `depth` is the value's nesting depth in the file (the top object is 0), so that the depth
/// limit is the same as the full decoder's.
private func keepUnknown(_ c: inout JSONCursor, _ key: String, depth: Int, in fields: inout [String: JSONValue]) -> Bool {
    guard fields[key] == nil else { return c.duplicate(key) }
    guard let v = c.value(depth: depth) else { return false }
    fields[key] = v
    return true
}

extension JSONCursor {
    /// Each known key is taken once: a second one fails the parse (`seen` is already set).
    mutating func sidecar() -> SidecarFile? {
        var schema: String?, document: SidecarDocumentInfo?
        var annotations: [Annotation]?, orphans: [Annotation]?
        var unknown: [String: JSONValue] = [:]
        let ok = object { c, key in
            switch key {
            case "schema": guard schema == nil else { return c.duplicate(key) }; schema = c.string(); return schema != nil
            case "document": guard document == nil else { return c.duplicate(key) }; document = c.document(); return document != nil
            case "annotations":
                guard annotations == nil else { return c.duplicate(key) }
                annotations = c.array { $0.annotation() }; return annotations != nil
            case "orphans":
                guard orphans == nil else { return c.duplicate(key) }
                orphans = c.array { $0.annotation() }; return orphans != nil
            default: return keepUnknown(&c, key, depth: 1, in: &unknown)
            }
        }
        guard ok, let schema, let document, let annotations else { return nil }
        var file = SidecarFile(document: document, annotations: annotations, orphans: orphans ?? [])
        file.schema = schema
        file.unknownFields = unknown
        return file
    }

    mutating func document() -> SidecarDocumentInfo? {
        var file: String?, sha: String?, symbol: String??
        var unknown: [String: JSONValue] = [:]
        let ok = object { c, key in
            switch key {
            case "file": guard file == nil else { return c.duplicate(key) }; file = c.string(); return file != nil
            case "sha256": guard sha == nil else { return c.duplicate(key) }; sha = c.string(); return sha != nil
            case "symbol": guard symbol == nil else { return c.duplicate(key) }; symbol = c.optionalString(); return symbol != nil
            default: return keepUnknown(&c, key, depth: 2, in: &unknown)
            }
        }
        guard ok, let file, let sha else { return nil }
        var info = SidecarDocumentInfo(file: file, sha256: sha, symbol: symbol ?? nil)
        info.unknownFields = unknown
        return info
    }

    mutating func annotation() -> Annotation? {
        var id: String?, paragraph: String?, anchor: Anchor?, tags: [String]?, note: String??
        var author: String?, created: String?, modified: String?
        var kind: String?, amendment: Amendment?
        var unknown: [String: JSONValue] = [:]
        // Spelled out per key: a generic helper here was not specialised and cost a third of
        // the load time at 10,000 annotations.
        let ok = object { c, key in
            switch key {
            case "id": guard id == nil else { return c.duplicate(key) }; id = c.string(); return id != nil
            case "paragraph":
                guard paragraph == nil else { return c.duplicate(key) }; paragraph = c.string(); return paragraph != nil
            case "anchor": guard anchor == nil else { return c.duplicate(key) }; anchor = c.anchor(); return anchor != nil
            case "tags": guard tags == nil else { return c.duplicate(key) }; tags = c.array { $0.string() }; return tags != nil
            case "note": guard note == nil else { return c.duplicate(key) }; note = c.optionalString(); return note != nil
            case "author": guard author == nil else { return c.duplicate(key) }; author = c.string(); return author != nil
            case "created": guard created == nil else { return c.duplicate(key) }; created = c.string(); return created != nil
            case "modified": guard modified == nil else { return c.duplicate(key) }; modified = c.string(); return modified != nil
            case "kind": guard kind == nil else { return c.duplicate(key) }; kind = c.string(); return kind != nil
            case "amendment":
                guard amendment == nil else { return c.duplicate(key) }; amendment = c.amendment(); return amendment != nil
            default: return keepUnknown(&c, key, depth: 3, in: &unknown)
            }
        }
        guard ok, let id, let paragraph, let anchor, let tags, let author, let created, let modified else { return nil }
        var a = Annotation(id: id, paragraph: paragraph, anchor: anchor, note: note ?? nil, author: author,
                           created: created, modified: modified)
        a.tags = tags     // as stored (not re-normalised)
        a.kind = kind
        a.amendment = amendment
        a.unknownFields = unknown
        return a
    }

    /// `{"action": …, "text": …}`; an action this version does not know declines (the full
    /// decoder then names it).
    mutating func amendment() -> Amendment? {
        var action: String?, text: String??
        var unknown: [String: JSONValue] = [:]
        let ok = object { c, key in
            switch key {
            case "action": guard action == nil else { return c.duplicate(key) }; action = c.string(); return action != nil
            case "text": guard text == nil else { return c.duplicate(key) }; text = c.optionalString(); return text != nil
            default: return keepUnknown(&c, key, depth: 4, in: &unknown)
            }
        }
        guard ok, let action, let act = Amendment.Action(rawValue: action) else { return nil }
        var m = Amendment(action: act, text: text ?? nil)
        m.unknownFields = unknown
        return m
    }

    mutating func anchor() -> Anchor? {
        var exact: String?, hash: String?, quote: String??, prefix: String??, suffix: String??
        var unknown: [String: JSONValue] = [:]
        let ok = object { c, key in
            switch key {
            case "exact": guard exact == nil else { return c.duplicate(key) }; exact = c.string(); return exact != nil
            case "textHash": guard hash == nil else { return c.duplicate(key) }; hash = c.string(); return hash != nil
            case "quote": guard quote == nil else { return c.duplicate(key) }; quote = c.optionalString(); return quote != nil
            case "prefix": guard prefix == nil else { return c.duplicate(key) }; prefix = c.optionalString(); return prefix != nil
            case "suffix": guard suffix == nil else { return c.duplicate(key) }; suffix = c.optionalString(); return suffix != nil
            default: return keepUnknown(&c, key, depth: 4, in: &unknown)
            }
        }
        guard ok, let exact, let hash else { return nil }
        var anchor = Anchor(exact: exact, textHash: hash, quote: quote ?? nil, prefix: prefix ?? nil, suffix: suffix ?? nil)
        anchor.unknownFields = unknown
        return anchor
    }
}

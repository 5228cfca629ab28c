// Reading a sidecar: the fast parser first; when it declines, a strict JSON tree and a typed
// reading of it that names what is wrong (`missing field 'id' in annotations[0]`). Both keep
// every field reso does not know and both reject duplicate keys, so a file means one thing.

import ResolutionKit

extension SidecarCodec {
    /// Decodes and validates; every failure names the reason (the caller adds the path).
    /// - Complexity: O(n) in the file's bytes.
    static func decode(_ bytes: [UInt8]) throws(SidecarDecodeFailure) -> SidecarFile {
        let file: SidecarFile
        if let fast = FastSidecarParser.parse(bytes) { file = fast } else { file = try fullDecode(bytes) }
        if let problem = schemaProblem(file.schema) { throw SidecarDecodeFailure(reason: problem) }
        var seen = Set<String>()
        // One tags-and-note annotation per paragraph; amendments may be many.
        for a in file.annotations where a.isParagraphNote {
            if !seen.insert(a.paragraph).inserted {
                throw SidecarDecodeFailure(reason: "two annotations for paragraph '\(a.paragraph)'")
            }
        }
        return file
    }

    /// The authority on files the fast parser did not take: says what is wrong, or reads the
    /// file the same way the fast parser would have.
    static func fullDecode(_ bytes: [UInt8]) throws(SidecarDecodeFailure) -> SidecarFile {
        if let bad = TextDecoder.firstInvalidUTF8(bytes) {
            throw SidecarDecodeFailure(reason: "not valid JSON: invalid UTF-8 at byte \(bad)")
        }
        let parsed: Result<JSONValue, SidecarDecodeFailure> = bytes.withUnsafeBufferPointer { buf in
            var c = JSONCursor(buf: buf)
            if let v = c.value(), c.atEnd { return .success(v) }
            return .failure(SidecarDecodeFailure(reason: c.failure ?? "not valid JSON" + c.position))
        }
        let tree = try parsed.get()
        guard case let .object(top) = tree else { throw SidecarDecodeFailure(reason: "not a JSON object") }
        // A newer schema may have another shape: say so rather than "missing field".
        if case let .string(s)? = top["schema"], let problem = schemaProblem(s) {
            throw SidecarDecodeFailure(reason: problem)
        }
        return try TreeReader.sidecar(top)
    }

    static func schemaProblem(_ schema: String) -> String? {
        if schema == sidecarSchema { return nil }
        let prefix = "reso.annotations/"
        if schema.hasPrefix(prefix), let v = Int(schema.dropFirst(prefix.count)), v > 1 {
            return "it was written by a newer reso (schema \(schema); this version reads \(sidecarSchema))"
        }
        return "unknown schema '\(schema)' (expected \(sidecarSchema))"
    }
}

/// The typed reading of a JSON tree, with the path of the first thing wrong.
private enum TreeReader {
    typealias Fields = [String: JSONValue]

    static func fail(_ reason: String) -> SidecarDecodeFailure { SidecarDecodeFailure(reason: reason) }

    static func string(_ fields: Fields, _ key: String, at path: String) throws(SidecarDecodeFailure) -> String {
        guard let v = fields[key] else { throw missing(key, at: path) }
        guard case let .string(s) = v else { throw wrongType(key, at: path) }
        return s
    }

    /// Absent or null → nil.
    static func optionalString(_ fields: Fields, _ key: String, at path: String) throws(SidecarDecodeFailure) -> String? {
        switch fields[key] {
        case nil, .null?: return nil
        case let .string(s)?: return s
        default: throw wrongType(key, at: path)
        }
    }

    static func object(_ v: JSONValue?, _ key: String, at path: String) throws(SidecarDecodeFailure) -> Fields {
        guard let v else { throw missing(key, at: path) }
        guard case let .object(o) = v else { throw wrongType(key, at: path) }
        return o
    }

    static func missing(_ key: String, at path: String) -> SidecarDecodeFailure {
        fail("missing field '\(key)'" + (path.isEmpty ? "" : " in \(path)"))
    }

    static func wrongType(_ key: String, at path: String) -> SidecarDecodeFailure {
        fail("wrong type at '\(path.isEmpty ? key : path + "." + key)'")
    }

    static func unknown(_ fields: Fields, known: Set<String>) -> Fields { fields.filter { !known.contains($0.key) } }

    static func sidecar(_ top: Fields) throws(SidecarDecodeFailure) -> SidecarFile {
        let schema = try string(top, "schema", at: "")
        let doc = try object(top["document"], "document", at: "")
        var info = SidecarDocumentInfo(file: try string(doc, "file", at: "document"),
                                       sha256: try string(doc, "sha256", at: "document"),
                                       symbol: try optionalString(doc, "symbol", at: "document"))
        info.unknownFields = unknown(doc, known: ["file", "sha256", "symbol"])
        let annotations = try list(top["annotations"], "annotations")
        // An absent orphans list means none; a present one must read (never silently dropped).
        let orphans = top["orphans"] == nil ? [] : try list(top["orphans"], "orphans")
        var file = SidecarFile(document: info, annotations: annotations, orphans: orphans)
        file.schema = schema
        file.unknownFields = unknown(top, known: ["schema", "document", "annotations", "orphans"])
        return file
    }

    static func list(_ v: JSONValue?, _ key: String) throws(SidecarDecodeFailure) -> [Annotation] {
        guard let v else { throw missing(key, at: "") }
        guard case let .array(items) = v else { throw wrongType(key, at: "") }
        var out: [Annotation] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            let path = "\(key)[\(i)]"
            guard case let .object(o) = item else { throw fail("wrong type at '\(path)'") }
            out.append(try annotation(o, at: path))
        }
        return out
    }

    static func annotation(_ o: Fields, at path: String) throws(SidecarDecodeFailure) -> Annotation {
        let id = try string(o, "id", at: path), paragraph = try string(o, "paragraph", at: path)
        let a = try object(o["anchor"], "anchor", at: path)
        var anchor = Anchor(exact: try string(a, "exact", at: path + ".anchor"),
                            textHash: try string(a, "textHash", at: path + ".anchor"),
                            quote: try optionalString(a, "quote", at: path + ".anchor"),
                            prefix: try optionalString(a, "prefix", at: path + ".anchor"),
                            suffix: try optionalString(a, "suffix", at: path + ".anchor"))
        anchor.unknownFields = unknown(a, known: ["exact", "textHash", "quote", "prefix", "suffix"])
        guard let tagValue = o["tags"] else { throw missing("tags", at: path) }
        guard case let .array(tagItems) = tagValue else { throw wrongType("tags", at: path) }
        var tags: [String] = []
        for (j, t) in tagItems.enumerated() {
            guard case let .string(s) = t else { throw fail("wrong type at '\(path).tags[\(j)]'") }
            tags.append(s)
        }
        var result = Annotation(id: id, paragraph: paragraph, anchor: anchor,
                                note: try optionalString(o, "note", at: path),
                                author: try string(o, "author", at: path), created: try string(o, "created", at: path),
                                modified: try string(o, "modified", at: path))
        result.tags = tags     // as stored (not re-normalised), like the fast parser
        result.kind = try optionalString(o, "kind", at: path)
        if o["amendment"] != nil {
            let m = try object(o["amendment"], "amendment", at: path)
            let action = try string(m, "action", at: path + ".amendment")
            guard let act = Amendment.Action(rawValue: action) else {
                let known = Amendment.Action.allCases.map(\.rawValue).joined(separator: ", ")
                throw fail("unknown amendment action '\(action)' at '\(path).amendment' (known: \(known))")
            }
            var amendment = Amendment(action: act, text: try optionalString(m, "text", at: path + ".amendment"))
            amendment.unknownFields = unknown(m, known: ["action", "text"])
            result.amendment = amendment
        }
        result.unknownFields = unknown(o, known: ["id", "paragraph", "anchor", "tags", "note", "author", "created",
                                                  "modified", "kind", "amendment"])
        return result
    }
}

// The annotation model of the `reso.annotations/1` sidecar (SPEC.md section 5).
// One annotation per paragraph id: tags and/or a note, plus an anchor that lets us find the
// paragraph again after the document is replaced by a revision.

import Foundation
import ResolutionKit

/// The tags offered before the user has made any of their own.
public let defaultTags = ["support", "oppose", "amend", "priority", "question", "agreed-language"]

/// Where an annotation points: the paragraph's text as it was when annotated, so that it can be
/// found again when ids shift, and a hash of it for a cheap "unchanged?" check.
public struct Anchor: Hashable, Sendable {
    /// The whole text of the paragraph (unit) when the annotation was last attached.
    public var exact: String
    /// SHA-256 (hex) of `exact`'s UTF-8 bytes.
    public var textHash: String
    /// An optional phrase inside the paragraph the annotation is about.
    public var quote: String?
    /// Fields of the anchor that this version of reso does not know, written back unchanged.
    var unknownFields: [String: JSONValue] = [:]

    public init(exact: String, textHash: String? = nil, quote: String? = nil) {
        self.exact = exact
        self.textHash = textHash ?? SHA256.hex(exact)
        self.quote = quote
    }

    /// Points the anchor at `text` (its paragraph's current text), keeping the quote and
    /// every field reso does not know.
    mutating func attach(to text: String) {
        if exact != text { exact = text; textHash = SHA256.hex(text) }
    }
}

public struct Annotation: Hashable, Sendable {
    public var id: String
    /// The unit id (`pp3`, `op24`, `op84.a`, `h2`, `fn2`); for an orphan, the id it last had.
    public var paragraph: String
    public var anchor: Anchor
    /// Sorted, without duplicates.
    public var tags: [String]
    public var note: String?
    public var author: String
    /// ISO-8601 UTC with `Z`, seconds precision.
    public var created: String
    public var modified: String
    /// Fields of the annotation that this version of reso does not know (a newer reso wrote
    /// them), written back unchanged on every save.
    var unknownFields: [String: JSONValue] = [:]

    public init(id: String = Annotation.newID(), paragraph: String, anchor: Anchor, tags: [String] = [],
                note: String? = nil, author: String = Annotation.defaultAuthor(),
                created: String = Timestamp.now(), modified: String? = nil) {
        self.id = id; self.paragraph = paragraph; self.anchor = anchor
        self.tags = Tags.normalized(tags); self.note = note; self.author = author
        self.created = created; self.modified = modified ?? created
    }

    /// True when the annotation carries nothing worth keeping (then it is removed, not stored).
    public var isEmpty: Bool { tags.isEmpty && (note ?? "").isEmpty }

    public static func newID() -> String { UUID().uuidString.lowercased() }

    /// `$RESO_AUTHOR`, else `$USER`, else `$LOGNAME`, else "unknown".
    public static func defaultAuthor() -> String {
        let env = ProcessInfo.processInfo.environment
        for key in ["RESO_AUTHOR", "USER", "LOGNAME"] {
            if let v = env[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty { return v }
        }
        return "unknown"
    }
}

/// How the annotations of one document were re-attached when its text changed.
public struct AnchorChange: Hashable, Sendable {
    public enum Kind: String, Sendable { case moved, orphaned, restored }
    public var kind: Kind
    public var annotationID: String
    public var from: String
    /// The new paragraph id (nil for `orphaned`).
    public var to: String?
}

/// What the reader and the commands see: annotations attached to current paragraphs (in document
/// order) and orphans whose paragraph could not be found any more.
public struct SidecarSnapshot: Sendable {
    public var annotations: [Annotation]
    public var orphans: [Annotation]
    /// Re-anchoring that happened while loading (empty when the document did not change).
    public var changes: [AnchorChange]
    /// The sidecar file this snapshot came from (it may not exist yet).
    public var sidecarPath: String

    public init(annotations: [Annotation] = [], orphans: [Annotation] = [], changes: [AnchorChange] = [],
                sidecarPath: String = "") {
        self.annotations = annotations; self.orphans = orphans; self.changes = changes
        self.sidecarPath = sidecarPath
    }

    public func annotation(for paragraph: String) -> Annotation? {
        annotations.first { $0.paragraph == paragraph }
    }

    /// Tags in use (attached and orphaned), sorted.
    public var allTags: [String] {
        Array(Set((annotations + orphans).flatMap(\.tags))).sorted()
    }

    /// Tags to offer in a prompt: the ones in use first, then the defaults not yet used.
    public var suggestedTags: [String] {
        let used = allTags
        return used + defaultTags.filter { !used.contains($0) }
    }
}

public enum Tags {
    /// Trimmed, lower-cased, inner whitespace turned into `-`; sorted and unique.
    public static func normalized(_ tags: [String]) -> [String] {
        Array(Set(tags.compactMap(normalize))).sorted()
    }

    public static func normalize(_ tag: String) -> String? {
        let parts = tag.lowercased().split(whereSeparator: { $0.isWhitespace })
        return parts.isEmpty ? nil : parts.joined(separator: "-")
    }

    /// Why a tag cannot be used, or nil. `;` joins tags in CSV and `,` is how people list them.
    public static func problem(with tag: String) -> String? {
        guard let t = normalize(tag) else { return "a tag cannot be empty" }
        if t.contains(";") || t.contains(",") { return "tag '\(t)' contains ';' or ',' (used to list tags)" }
        if t.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "tag '\(t)' contains control characters"
        }
        return nil
    }
}

public enum Timestamp {
    /// Now, as `2026-11-23T10:00:00Z`.
    public static func now() -> String { format(Date()) }

    public static func format(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var tm = tm()
        gmtime_r(&t, &tm)
        func pad(_ v: Int32, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(tm.tm_year + 1900, 4))-\(pad(tm.tm_mon + 1, 2))-\(pad(tm.tm_mday, 2))T"
            + "\(pad(tm.tm_hour, 2)):\(pad(tm.tm_min, 2)):\(pad(tm.tm_sec, 2))Z"
    }
}

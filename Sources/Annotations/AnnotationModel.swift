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
    /// An optional phrase inside the paragraph the annotation is about (a W3C
    /// TextQuoteSelector's `exact`; see QuoteSelector.swift).
    public var quote: String?
    /// Up to 32 code points of the paragraph just before and just after `quote`, so that a
    /// phrase that occurs twice is told apart and can be found again after a revision.
    public var prefix: String?
    public var suffix: String?
    /// Fields of the anchor that this version of reso does not know, written back unchanged.
    var unknownFields: [String: JSONValue] = [:]

    public init(exact: String, textHash: String? = nil, quote: String? = nil, prefix: String? = nil,
                suffix: String? = nil) {
        self.exact = exact
        self.textHash = textHash ?? SHA256.hex(exact)
        self.quote = quote
        self.prefix = prefix
        self.suffix = suffix
    }

    /// The quote with its context, when there is one.
    public var selector: QuoteSelector? {
        get { quote.map { QuoteSelector(exact: $0, prefix: prefix ?? "", suffix: suffix ?? "") } }
        set {
            quote = newValue?.exact
            prefix = newValue.flatMap { $0.prefix.isEmpty ? nil : $0.prefix }
            suffix = newValue.flatMap { $0.suffix.isEmpty ? nil : $0.suffix }
        }
    }

    /// Points the anchor at `text` (its paragraph's current text), keeping the quote and
    /// every field reso does not know.
    mutating func attach(to text: String) {
        if exact != text { exact = text; textHash = SHA256.hex(text) }
    }
}

/// A change to a resolution's text as a delegation proposes it. The text it acts on is the
/// annotation's `anchor.quote` (none for a new paragraph).
public struct Amendment: Hashable, Sendable {
    public enum Action: String, Sendable, CaseIterable {
        /// Replace the quote with `text`.
        case replace
        /// Delete the quote.
        case delete
        /// Insert `text` after the quote.
        case insertAfter = "insert-after"
        /// Insert `text` as a new paragraph after this one.
        case newParagraph = "new-paragraph"
    }
    public var action: Action
    /// The new words (nil for `delete`).
    public var text: String?
    var unknownFields: [String: JSONValue] = [:]

    public init(action: Action, text: String? = nil) { self.action = action; self.text = text }
}

public struct Annotation: Hashable, Sendable {
    public static let amendmentKind = "amendment"

    public var id: String
    /// nil for tags and notes (one such annotation per paragraph); `amendment` for a drafted
    /// amendment (any number per paragraph). Another value, written by a newer reso, is kept
    /// and never treated as the paragraph's tags-and-note annotation.
    public var kind: String?
    /// The drafted change when `kind` is `amendment`.
    public var amendment: Amendment?
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
        self.id = id; self.kind = nil; self.paragraph = paragraph; self.anchor = anchor
        self.tags = Tags.normalized(tags); self.note = note; self.author = author
        self.created = created; self.modified = modified ?? created
    }

    /// True when the annotation carries nothing worth keeping (then it is removed, not stored).
    public var isEmpty: Bool { kind == nil && tags.isEmpty && (note ?? "").isEmpty }

    /// True for the paragraph's one tags-and-note annotation.
    public var isParagraphNote: Bool { kind == nil }

    /// True for a drafted amendment this version of reso understands.
    public var isAmendment: Bool { kind == Annotation.amendmentKind && amendment != nil }

    public static func newID() -> String { UUID().uuidString.lowercased() }

    /// `$RESO_AUTHOR`, else `git config user.name`, else the login name (`$USER`, `$LOGNAME`,
    /// the password database), else "unknown" (see AuthorName.swift).
    public static func defaultAuthor() -> String { AuthorName.current() }
}

/// How the annotations of one document were re-attached when its text changed.
public struct AnchorChange: Hashable, Sendable {
    /// `quoteLost`: the paragraph was found, but the quoted phrase is no longer in it (the
    /// annotation stays on the paragraph and keeps the old quote).
    public enum Kind: String, Sendable { case moved, orphaned, restored, quoteLost }
    public var kind: Kind
    public var annotationID: String
    public var from: String
    /// The new paragraph id (nil for `orphaned`).
    public var to: String?
}

/// What the reader and the commands see: annotations attached to current paragraphs (in document
/// order) and orphans whose paragraph could not be found any more.
/// One paragraph's annotations after a change (see `SidecarSnapshot.edited`).
public struct EditedParagraph: Sendable {
    public var paragraph: String
    public var annotations: ArraySlice<Annotation>
    /// The paragraph's tags-and-note annotation, nil when it has none now.
    public var paragraphNote: Annotation? { annotations.first { $0.isParagraphNote } }
}

public struct SidecarSnapshot: Sendable {
    public var annotations: [Annotation]
    public var orphans: [Annotation]
    /// Re-anchoring that happened while loading (empty when the document did not change).
    public var changes: [AnchorChange]
    /// The sidecar file this snapshot came from (it may not exist yet).
    public var sidecarPath: String
    /// Set by a change when nothing but one paragraph's annotations differs from what this
    /// store last read or wrote (no other process wrote in between, no re-anchoring): that
    /// paragraph and its annotations now, so that a long-lived caller (the reader) can update
    /// its view of the notes in O(1) instead of rebuilding it from every annotation.
    public var edited: EditedParagraph?

    public init(annotations: [Annotation] = [], orphans: [Annotation] = [], changes: [AnchorChange] = [],
                sidecarPath: String = "") {
        self.annotations = annotations; self.orphans = orphans; self.changes = changes
        self.sidecarPath = sidecarPath
    }

    /// The paragraph's tags-and-note annotation.
    public func annotation(for paragraph: String) -> Annotation? {
        annotations.first { $0.paragraph == paragraph && $0.isParagraphNote }
    }

    /// Drafted amendments attached to paragraphs, in document order.
    public var amendments: [Annotation] { annotations.filter(\.isAmendment) }

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

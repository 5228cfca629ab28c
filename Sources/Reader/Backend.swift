// What the reader needs from the annotation store. The app implements it over
// Annotations.SidecarStore (Sources/reso/ReaderLaunch.swift); tests use InMemoryAnnotations.
// Documents are addressed by their index in the list the reader was opened with.
import Foundation

/// Tags and note of one paragraph.
public struct ParagraphNote: Hashable, Sendable {
    public var tags: [String]
    public var note: String?
    public init(tags: [String] = [], note: String? = nil) { self.tags = tags; self.note = note }
    public var isEmpty: Bool { tags.isEmpty && (note ?? "").isEmpty }
}

/// The annotations of one document, keyed by paragraph id.
public struct DocumentNotes: Hashable, Sendable {
    public var byParagraph: [String: ParagraphNote]
    /// Annotations whose paragraph disappeared (shown, never dropped).
    public var orphanCount: Int
    /// Something the user must know (e.g. where the sidecar went).
    public var notice: String?
    public init(byParagraph: [String: ParagraphNote] = [:], orphanCount: Int = 0, notice: String? = nil) {
        self.byParagraph = byParagraph; self.orphanCount = orphanCount; self.notice = notice
    }
}

public protocol AnnotationBackend: AnyObject {
    /// Offered first in the tag prompt and on keys 1–9.
    var defaultTags: [String] { get }
    var exportFormats: [String] { get }
    func load(document: Int) throws -> DocumentNotes
    func addTags(_ tags: [String], paragraph: String, document: Int) throws -> DocumentNotes
    func removeTags(_ tags: [String], paragraph: String, document: Int) throws -> DocumentNotes
    func toggleTag(_ tag: String, paragraph: String, document: Int) throws -> DocumentNotes
    func setNote(_ note: String?, paragraph: String, document: Int) throws -> DocumentNotes
    /// Writes an export of these documents' annotations; returns the path written.
    func export(format: String, documents: [Int]) throws -> String
}

/// Annotations kept in memory: for tests, and for the benchmark.
public final class InMemoryAnnotations: AnnotationBackend {
    public var notes: [Int: [String: ParagraphNote]] = [:]
    public let defaultTags: [String]
    public let exportFormats = ["md", "csv", "json", "w3c"]
    public private(set) var exports: [(format: String, documents: [Int])] = []

    public init(defaultTags: [String] = ["support", "oppose", "amend", "priority", "question", "agreed-language"]) {
        self.defaultTags = defaultTags
    }

    public func load(document: Int) throws -> DocumentNotes { DocumentNotes(byParagraph: notes[document] ?? [:]) }

    private func change(_ document: Int, _ paragraph: String, _ f: (inout ParagraphNote) -> Void) -> DocumentNotes {
        var n = notes[document]?[paragraph] ?? ParagraphNote()
        f(&n)
        notes[document, default: [:]][paragraph] = n.isEmpty ? nil : n
        return DocumentNotes(byParagraph: notes[document] ?? [:])
    }

    public func addTags(_ tags: [String], paragraph: String, document: Int) throws -> DocumentNotes {
        change(document, paragraph) { n in for t in tags where !n.tags.contains(t) { n.tags.append(t) } }
    }
    public func removeTags(_ tags: [String], paragraph: String, document: Int) throws -> DocumentNotes {
        change(document, paragraph) { n in n.tags.removeAll { tags.contains($0) } }
    }
    public func toggleTag(_ tag: String, paragraph: String, document: Int) throws -> DocumentNotes {
        change(document, paragraph) { n in
            if let i = n.tags.firstIndex(of: tag) { n.tags.remove(at: i) } else { n.tags.append(tag) }
        }
    }
    public func setNote(_ note: String?, paragraph: String, document: Int) throws -> DocumentNotes {
        change(document, paragraph) { n in n.note = (note?.isEmpty ?? true) ? nil : note }
    }
    public func export(format: String, documents: [Int]) throws -> String {
        exports.append((format, documents))
        return "/tmp/reso-export.\(format)"
    }
}

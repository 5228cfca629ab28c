// Annotations kept in memory: the backend `reso bench` times the reader with (no disk writes
// in the figures) and the reader's tests drive it with. One type serves both, so that what
// the benchmark measures is what the tests check.

/// An `AnnotationBackend` that keeps notes in a dictionary and records each export it is
/// asked for (returning a path it never writes).
public final class InMemoryAnnotations: AnnotationBackend {
    public var notes: [Int: [String: ParagraphNote]] = [:]
    public let defaultTags: [String]
    public let exportFormats = ["md", "csv", "json", "w3c"]
    /// Every export asked for, in order.
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

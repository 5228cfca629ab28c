// Annotations kept in memory, for the reader's tests (moved out of the Reader module: the
// product has no use for it).
import Reader

/// Records every change and export so that tests can check what the reader asked for.
final class InMemoryAnnotations: AnnotationBackend {
    var notes: [Int: [String: ParagraphNote]] = [:]
    let defaultTags: [String]
    let exportFormats = ["md", "csv", "json", "w3c"]
    private(set) var exports: [(format: String, documents: [Int])] = []

    init(defaultTags: [String] = ["support", "oppose", "amend", "priority", "question", "agreed-language"]) {
        self.defaultTags = defaultTags
    }

    func load(document: Int) throws -> DocumentNotes { DocumentNotes(byParagraph: notes[document] ?? [:]) }

    private func change(_ document: Int, _ paragraph: String, _ f: (inout ParagraphNote) -> Void) -> DocumentNotes {
        var n = notes[document]?[paragraph] ?? ParagraphNote()
        f(&n)
        notes[document, default: [:]][paragraph] = n.isEmpty ? nil : n
        return DocumentNotes(byParagraph: notes[document] ?? [:])
    }

    func addTags(_ tags: [String], paragraph: String, document: Int) throws -> DocumentNotes {
        change(document, paragraph) { n in for t in tags where !n.tags.contains(t) { n.tags.append(t) } }
    }
    func removeTags(_ tags: [String], paragraph: String, document: Int) throws -> DocumentNotes {
        change(document, paragraph) { n in n.tags.removeAll { tags.contains($0) } }
    }
    func toggleTag(_ tag: String, paragraph: String, document: Int) throws -> DocumentNotes {
        change(document, paragraph) { n in
            if let i = n.tags.firstIndex(of: tag) { n.tags.remove(at: i) } else { n.tags.append(tag) }
        }
    }
    func setNote(_ note: String?, paragraph: String, document: Int) throws -> DocumentNotes {
        change(document, paragraph) { n in n.note = (note?.isEmpty ?? true) ? nil : note }
    }
    func export(format: String, documents: [Int]) throws -> String {
        exports.append((format, documents))
        return "/tmp/reso-export.\(format)"
    }
}

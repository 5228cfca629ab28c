// Annotations kept in memory, for the reader benchmark: the reader is timed without disk
// writes. (The reader's tests keep their own copy; neither is part of the product.)
import Reader

final class InMemoryAnnotations: AnnotationBackend {
    var notes: [Int: [String: ParagraphNote]] = [:]
    let defaultTags = ["support", "oppose", "amend", "priority", "question", "agreed-language"]
    let exportFormats = ["md", "csv", "json", "w3c"]

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
    func export(format: String, documents: [Int]) throws -> String { "/dev/null" }
}

// `a` drafts an amendment to the current paragraph in one line:
//     old => new        replace the words `old` with `new`
//     -old              delete the words `old`
//     old +> new        insert `new` after the words `old`
//     + new text        add a new paragraph after this one
// When a search match is in the paragraph, the prompt starts with it (`match => `): a found
// phrase is the selection. The app stores the amendment and answers with the committee's
// wording of it.
import Terminal

/// An amendment as typed in the reader (the store checks the words are in the paragraph).
public struct DraftedAmendment: Hashable, Sendable {
    public enum Action: String, Hashable, Sendable { case replace, delete, insertAfter = "insert-after", newParagraph = "new-paragraph" }
    public var action: Action
    /// The paragraph's words it acts on (nil for a new paragraph).
    public var target: String?
    /// The new words (nil for a deletion).
    public var text: String?
    /// Which occurrence of `target` in the paragraph (1-based), when a selection chose it.
    public var occurrence: Int

    public init(action: Action, target: String?, text: String?, occurrence: Int = 1) {
        self.action = action; self.target = target; self.text = text; self.occurrence = occurrence
    }

    /// Reads the prompt's line; nil when it follows none of the forms.
    public static func parse(_ line: String) -> DraftedAmendment? {
        let s = line.trimmingCharacters(in: " ")
        func trimmed(_ x: Substring) -> String { String(x).trimmingCharacters(in: " ") }
        if s.hasPrefix("+") && !s.hasPrefix("+>") {
            let t = trimmed(s.dropFirst())
            return t.isEmpty ? nil : DraftedAmendment(action: .newParagraph, target: nil, text: t)
        }
        if let r = s.range(of: "=>") {
            let old = trimmed(s[..<r.lowerBound]), new = trimmed(s[r.upperBound...])
            return old.isEmpty || new.isEmpty ? nil : DraftedAmendment(action: .replace, target: old, text: new)
        }
        if let r = s.range(of: "+>") {
            let old = trimmed(s[..<r.lowerBound]), new = trimmed(s[r.upperBound...])
            return old.isEmpty || new.isEmpty ? nil : DraftedAmendment(action: .insertAfter, target: old, text: new)
        }
        if s.hasPrefix("-") {
            let old = trimmed(s.dropFirst())
            return old.isEmpty ? nil : DraftedAmendment(action: .delete, target: old, text: nil)
        }
        return nil
    }
}

extension ReaderState {
    /// The current search match, when it lies in the current paragraph: a found phrase is the
    /// selection that `a`, `t` and `e` act on.
    func selectedMatch(_ v: DocumentView) -> String? {
        guard let s = search, s.index < s.hits.count, s.hits[s.index].block == v.current else { return nil }
        let hit = s.hits[s.index]
        let block = models[v.doc].blocks[v.current].scalars
        guard hit.range.upperBound <= block.count else { return nil }
        return String(String.UnicodeScalarView(block[hit.range]))
    }

    mutating func startAmendment(_ id: String, _ v: DocumentView) {
        let start = selectedMatch(v).map { $0 + " => " } ?? ""
        overlay = .prompt(Prompt(kind: .amend, editor: LineEditor(start), paragraph: id))
    }

    mutating func submitAmendment(_ text: String, paragraph: String?, quote: String? = nil, occurrence: Int = 1) -> [Effect] {
        guard let id = paragraph, let doc = view?.doc, !text.isEmpty else { return [] }
        guard var draft = DraftedAmendment.parse(text) else {
            flash("Write old => new, -old, old +> new, or + new paragraph", error: true)
            return []
        }
        // The selected occurrence, as long as the words were left as selected.
        if let quote, draft.target == quote { draft.occurrence = occurrence }
        return [.amend(draft, paragraph: id, doc: doc)]
    }
}

extension AnnotationBackend {
    /// Backends without occurrences take the first one.
    public func setQuote(_ quote: String, occurrence: Int, paragraph: String, document: Int) throws -> DocumentNotes {
        try setQuote(quote, paragraph: paragraph, document: document)
    }

    /// Backends that keep no quotes (tests, the benchmark) say so.
    public func setQuote(_ quote: String, paragraph: String, document: Int) throws -> DocumentNotes {
        throw AmendmentUnsupported()
    }

    /// Backends that keep no amendments (tests, the benchmark) say so.
    public func amend(_ draft: DraftedAmendment, paragraph: String, document: Int) throws -> (DocumentNotes, String) {
        throw AmendmentUnsupported()
    }
}

struct AmendmentUnsupported: Error, CustomStringConvertible {
    var description: String { "Amendments are not kept here" }
}

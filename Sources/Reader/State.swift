// The reader's whole state as values (the "model" of model/update/view). Everything the
// screen shows is derived from it by `render`; everything that changes it goes through `update`.
import Terminal

public enum Pane: Hashable, Sendable { case text, outline, footnotes }

/// Reading position and focus inside one open document.
struct DocumentView {
    var doc: Int
    /// Index of the current block (the paragraph keys act on).
    var current = 0
    /// The first visible row: a block and a row inside it.
    var top = 0
    var topRow = 0
    var focus: Pane = .text
    var footnoteTarget = 0
    /// Where `Backspace` returns to after following a footnote citation or a reference.
    var back: [(doc: Int, block: Int)] = []
}

struct SearchState {
    var query: String
    var hits: [(block: Int, range: Range<Int>)] = []
    var index = 0
    /// Hit counts per document (library-wide search).
    var perDocument: [Int: Int] = [:]
}

/// A one-line text editor that moves by characters and measures by display columns,
/// so CJK input (two columns per character) edits and scrolls correctly.
public struct LineEditor: Hashable, Sendable {
    public var chars: [Character]
    public var cursor: Int
    public init(_ text: String = "") { chars = Array(text); cursor = chars.count }
    public var text: String { String(chars) }

    /// Returns false when the key is not an editing key.
    mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let s): chars.insert(Character(s), at: cursor); cursor += 1
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(chars.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = chars.count
        case .backspace: if cursor > 0 { chars.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .ctrl("d"): if cursor < chars.count { chars.remove(at: cursor) }
        case .ctrl("u"): chars.removeSubrange(0..<cursor); cursor = 0
        case .ctrl("k"): chars.removeSubrange(cursor...)
        case .ctrl("w"):
            var i = cursor
            while i > 0 && chars[i - 1] == " " { i -= 1 }
            while i > 0 && chars[i - 1] != " " { i -= 1 }
            chars.removeSubrange(i..<cursor); cursor = i
        default: return false
        }
        return true
    }
}

enum PromptKind: Hashable, Sendable { case search, tag, note, export, goTo, amend }

struct Prompt {
    var kind: PromptKind
    var editor: LineEditor
    /// Which completion Tab picks next (tag prompt).
    var completion = 0
    /// The paragraph the prompt acts on (tag, note).
    var paragraph: String?
    /// The words of the paragraph a tag or note is about: the current search match, when it
    /// lies in the paragraph (UpdateAmend.swift).
    var quote: String?
    /// Which occurrence of `quote` in the paragraph (1-based): a visual selection knows.
    var occurrence = 1
}

enum Overlay {
    case none
    case help(scroll: Int)
    case references(selection: Int)
    case prompt(Prompt)
}

public struct LibraryRow: Sendable {
    var path: String
    var title: String
    var label: String
    var body: String
    var date: String
    var preamble: Int
    var operative: Int
    var units: Int
}

public struct ReaderState {
    var models: [DocumentModel]
    var rows: [LibraryRow]
    var notes: [DocumentNotes]
    /// The open document, or nil in the library.
    var view: DocumentView?
    var librarySelection = 0
    var libraryTop = 0
    var overlay: Overlay = .none
    var search: SearchState?
    var width: Int
    var height: Int
    var theme: Theme
    var message: String?
    var messageIsError = false
    var defaultTags: [String]
    var exportFormats: [String]
    /// Where each document was left (doc → paragraph id): set when a document is closed; with
    /// the open document's current paragraph, `readingPositions` is what the app saves.
    var lastRead: [Int: String] = [:]
    /// Where to open each document (doc → paragraph id), from the app's saved positions.
    var resumeAt: [Int: String] = [:]
    /// Visual mode's selection inside the current paragraph (UpdateVisual.swift).
    var visual: Selection?
    /// After `m` or `'`: waiting for the mark's letter (UpdateGoTo.swift).
    var pendingKey: PendingKey?
    /// Marks per document: letter → block id (`#n` for a block without one).
    public internal(set) var marks: [Int: [Unicode.Scalar: String]] = [:]
    /// Keys as bound by the user's config (KeyBindings.swift).
    public var keyBindings = KeyBindings.standard
    /// The library list of a big library, from the index (Catalog.swift); nil when every
    /// document was parsed up front.
    var catalog: CatalogView?
    /// `reso compare`: the second pane and the pairing (ComparePane.swift); nil otherwise.
    var compare: CompareState?

    /// Foreground colours by role name (config.toml's [colours]); ignored without colour.
    public mutating func applyColours(_ colours: [String: Color]) {
        guard theme != .mono else { return }
        theme = theme.recoloured(colours)
    }

    /// One document opens straight into the document view and `q` quits; several open the library.
    public init(documents: [DocumentModel], notes: [DocumentNotes], width: Int, height: Int, color: Bool,
                defaultTags: [String], exportFormats: [String] = ["md", "csv", "json", "w3c"]) {
        models = documents
        self.notes = notes.count == documents.count ? notes : documents.map { _ in DocumentNotes() }
        rows = documents.map(LibraryRow.init)
        self.width = width; self.height = height
        theme = color ? .color : .mono
        self.defaultTags = defaultTags
        self.exportFormats = exportFormats
        if documents.count == 1 { view = DocumentView(doc: 0) }
        message = self.notes.compactMap(\.notice).first
        for n in self.notes { for p in n.byParagraph.values { for t in p.tags { tagUses[t, default: 0] += 1 } } }
    }

    /// Several documents open the library, except in the compare view (two panes, no library).
    var isLibrary: Bool { models.count > 1 && compare == nil }

    /// How many paragraphs use each tag, over the open documents' notes: kept up to date by
    /// `setNotes` so that the tag choices cost O(distinct tags), not O(notes), on every key.
    var tagUses: [String: Int] = [:]

    /// Default tags first, then every other tag used in the open documents: the completion
    /// list, whose first nine entries are on keys 1–9.
    /// - Complexity: O(t log t) for t distinct tags.
    var tagChoices: [String] {
        let defaults = Set(defaultTags)
        return defaultTags + tagUses.keys.filter { !defaults.contains($0) }.sorted()
    }

    /// Replaces one document's notes and the tag counts with them.
    /// - Complexity: O(1) when the backend names the one changed paragraph, else O(notes of the document).
    mutating func setNotes(_ doc: Int, _ n: DocumentNotes) {
        func count(_ note: ParagraphNote?, _ d: Int) {
            for t in note?.tags ?? [] {
                let c = tagUses[t, default: 0] + d
                tagUses[t] = c > 0 ? c : nil
            }
        }
        if let p = n.changedParagraph {
            count(notes[doc].byParagraph[p], -1)
            count(n.byParagraph[p], 1)
        } else {
            for old in notes[doc].byParagraph.values { count(old, -1) }
            for new in n.byParagraph.values { count(new, 1) }
        }
        notes[doc] = n
    }
}

extension LibraryRow {
    init(_ m: DocumentModel) {
        let d = m.document
        let file = m.path.split(separator: "/").last.map(String.init) ?? m.path
        path = m.path
        label = d.meta.number ?? d.meta.symbol ?? file
        title = d.meta.title ?? d.preface.last ?? file
        body = d.meta.body ?? ""
        date = d.meta.date ?? ""
        preamble = d.preamble.count
        operative = d.operative.count
        units = d.preamble.count + d.operative.count
    }
}

// The loop that connects the pure reader to the world: draw the frame, wait for an event,
// update, then carry out the effects (annotation writes, $EDITOR, export) and feed their
// results back as messages. Every annotation change is written before the next frame, except
// tag toggles with `writeBehind` on (Runtime+WriteBehind.swift).
import Foundation
import Terminal

public final class ReaderRuntime {
    public internal(set) var state: ReaderState
    let screen: Screen
    let backend: AnnotationBackend
    /// Edits a note outside the reader (the app runs $EDITOR): the new text without the line
    /// break an editor adds at the end, or nil when unchanged.
    let editNote: (String) throws -> String?

    /// Opens a link outside the reader (the app runs `xdg-open` when there is a display);
    /// returns what to tell the user. Without it the link is shown in the status line.
    let openLink: (String) -> String

    /// The library behind a catalog view (parses on open, searches the index); nil otherwise.
    public var catalog: LibraryCatalog?

    /// Messages from work on other threads (indexing a cold library), applied between events
    /// when the screen reports `.wake`.
    public let inbox = MessageInbox()

    /// Tag toggles are shown at once and saved on `saveQueue` (the app turns this on; tests
    /// that look at the store right after a key leave it off).
    public var writeBehind = false
    let saveQueue = DispatchQueue(label: "reso.reader.saves")
    let saves = SaveLedger()
    var lastAppliedSave = 0

    public init(state: ReaderState, screen: Screen, backend: AnnotationBackend,
                editNote: @escaping (String) throws -> String?,
                openLink: @escaping (String) -> String = { "Not in the library; the text is at \($0)" }) {
        self.state = state; self.screen = screen; self.backend = backend; self.editNote = editNote
        self.openLink = openLink
    }

    /// Runs until the user quits (nil) or a signal arrives (its number).
    public func run() -> Int32? {
        if state.width != screen.width || state.height != screen.height {
            _ = update(&state, .input(.resize(width: screen.width, height: screen.height)))
        }
        while true {
            screen.draw(render(state))
            let event = screen.nextEvent()
            if case .signal(let n) = event {
                finishSaves()
                return n
            }
            if case .wake = event {
                for m in inbox.takeAll() where deliver(m) { return nil }
                continue
            }
            if send(.input(event)) { return nil }
        }
    }

    /// A message from another thread; true when the reader should quit.
    func deliver(_ message: Message) -> Bool {
        if case .notesSaved(let doc, let notes, let number) = message {
            guard let m = storedNotes(doc, notes, save: number) else { return false }
            return send(m)
        }
        return send(message)
    }

    /// Applies a message and its effects; true when the reader should quit.
    @discardableResult
    public func send(_ message: Message) -> Bool {
        var queue = update(&state, message)
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            if effect == .quit {
                // A save that failed keeps the reader open, its error on screen.
                if finishSaves() { return true }
                continue
            }
            if let follow = perform(effect) { queue += update(&state, follow) }
        }
        return false
    }

    func perform(_ effect: Effect) -> Message? {
        do {
            switch effect {
            case .quit: return nil
            case .addTags(let tags, let p, let d):
                return saved(d, try withBackend { try $0.addTags(tags, paragraph: p, document: d) }, "Tagged \(p): \(tags.joined(separator: ", "))")
            case .removeTags(let tags, let p, let d):
                return saved(d, try withBackend { try $0.removeTags(tags, paragraph: p, document: d) }, "Removed from \(p): \(tags.joined(separator: ", "))")
            case .toggleTag(let tag, let p, let d):
                if writeBehind { return toggleBehind(tag, paragraph: p, document: d) }
                let n = try backend.toggleTag(tag, paragraph: p, document: d)
                let on = n.byParagraph[p]?.tags.contains(tag) ?? false
                return saved(d, n, "\(on ? "Tagged" : "Untagged") \(p): \(tag)")
            case .setNote(let note, let p, let d):
                return saved(d, try withBackend { try $0.setNote(note, paragraph: p, document: d) }, note == nil ? "Note on \(p) cleared" : "Note on \(p) saved")
            case .editNote(let p, let d, let current):
                guard let edited = try screen.suspend({ try editNote(current) }) else {
                    return .status("Note on \(p) unchanged", error: false)
                }
                return saved(d, try withBackend { try $0.setNote(edited.isEmpty ? nil : edited, paragraph: p, document: d) }, "Note on \(p) saved")
            case .setQuote(let quote, let occurrence, let p, let d):
                return saved(d, try withBackend { try $0.setQuote(quote, occurrence: occurrence, paragraph: p, document: d) }, "On \(p), about «\(quote)»")
            case .amend(let draft, let p, let d):
                let (notes, wording) = try withBackend { try $0.amend(draft, paragraph: p, document: d) }
                return saved(d, notes, "Amendment saved: \(wording)")
            case .clearReview(let p, let d):
                return saved(d, try withBackend { try $0.clearReview(paragraph: p, document: d) }, "Review flag on \(p) cleared")
            case .openLink(let url):
                return .status(openLink(url), error: false)
            case .openDocument(let doc, let paragraph):
                guard let catalog else { return .status("No library to open from", error: true) }
                let (model, notes) = try withBackend { _ in try catalog.open(document: doc) }
                return .documentOpened(doc: doc, OpenedDocument(model), notes, paragraph: paragraph)
            case .searchLibrary(let query):
                guard let catalog else { return nil }
                return .libraryHits(query: query, try catalog.search(query))
            case .export(let format, let docs):
                let path = try withBackend { try $0.export(format: format, documents: docs) }
                return .status("Exported to \(path)", error: false)
            }
        } catch {
            return .status("\(error)", error: true)
        }
    }

    private func saved(_ doc: Int, _ notes: DocumentNotes, _ text: String) -> Message {
        // Newer than any toggle still being saved behind the frame.
        if writeBehind { _ = saves.begin(doc) }
        _ = update(&state, .notesChanged(doc: doc, notes))
        return .status(notes.notice.map { "\(text) — \($0)" } ?? text, error: false)
    }
}

/// A queue of messages that other threads post and the reader's loop takes.
public final class MessageInbox: @unchecked Sendable {
    private var messages: [Message] = []
    private let lock = NSLock()

    public init() {}

    public func post(_ message: Message) { lock.withLock { messages.append(message) } }

    public var isEmpty: Bool { lock.withLock { messages.isEmpty } }

    /// Every message posted so far, oldest first.
    public func takeAll() -> [Message] {
        lock.withLock { defer { messages = [] }; return messages }
    }
}

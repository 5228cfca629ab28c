// Tag toggles saved behind the frame. A save rewrites the whole sidecar and waits for the disk
// (write, fsync, rename: about 2 ms a megabyte here), so on a sidecar of 10,000 notes the key
// that toggled a tag used to wait 15–20 ms for its frame. With `writeBehind` on, the toggle is
// shown at once (the same rule the store applies, computed on the reader's copy of the notes)
// and the store's save runs on one serial queue; the notes the store reports afterwards
// replace the reader's copy. Every other call into the store goes through the same queue and
// waits for the saves before it, so the store sees the user's changes in the order they were
// made. Quitting waits for the queue; a save that failed keeps the reader open with the error
// shown and the notes as they are on disk.
import Foundation

/// The store, handed to the save queue. Only that queue calls it while `writeBehind` is on.
struct BackendHandle: @unchecked Sendable {
    let backend: AnnotationBackend
}

/// Saves in flight, per document, shared by the main thread and the save queue.
final class SaveLedger: @unchecked Sendable {
    private let lock = NSLock()
    private var generation = 0
    private var latest: [Int: Int] = [:]
    private var failures: [String] = []

    /// A new save of `doc`'s notes; its number.
    func begin(_ doc: Int) -> Int {
        lock.withLock { generation += 1; latest[doc] = generation; return generation }
    }

    /// True when no save of `doc` began after save `number`: its notes are the newest.
    func isLatest(_ number: Int, of doc: Int) -> Bool { lock.withLock { latest[doc] == number } }

    func recordFailure(_ text: String) { lock.withLock { failures.append(text) } }

    /// The failures since the last call.
    func takeFailures() -> [String] { lock.withLock { defer { failures = [] }; return failures } }
}

extension DocumentNotes {
    /// The notes after toggling `tag` on `paragraph`, as the store does it: the tag removed
    /// when present, else added and the tags kept sorted; an annotation left empty goes.
    /// - Complexity: O(t log t) for the paragraph's t tags.
    public func togglingTag(_ tag: String, paragraph: String) -> DocumentNotes {
        var notes = self
        var note = byParagraph[paragraph] ?? ParagraphNote()
        if let i = note.tags.firstIndex(of: tag) { note.tags.remove(at: i) } else { note.tags = (note.tags + [tag]).sorted() }
        notes.byParagraph[paragraph] = note.isEmpty && note.quotes.isEmpty ? nil : note
        notes.changedParagraph = paragraph
        notes.notice = nil
        return notes
    }
}

extension ReaderRuntime {
    /// Runs `body` with the store: directly, or on the save queue after the saves before it.
    func withBackend<T>(_ body: (AnnotationBackend) throws -> T) rethrows -> T {
        guard writeBehind else { return try body(backend) }
        return try saveQueue.sync { try body(backend) }
    }

    /// Shows the toggle now and saves it on the save queue (see the top of this file).
    func toggleBehind(_ tag: String, paragraph p: String, document d: Int) -> Message {
        let shown = state.notes[d].togglingTag(tag, paragraph: p)
        _ = update(&state, .notesChanged(doc: d, shown))
        let number = saves.begin(d)
        let handle = BackendHandle(backend: backend), inbox = inbox, saves = saves
        saveQueue.async {
            do {
                let stored = try handle.backend.toggleTag(tag, paragraph: p, document: d)
                inbox.post(.notesSaved(doc: d, stored, save: number))
            } catch {
                saves.recordFailure("\(error)")
                // What is on disk now, so that the screen does not show a tag that was not saved.
                if let stored = try? handle.backend.load(document: d) {
                    inbox.post(.notesSaved(doc: d, stored, save: number))
                }
                inbox.post(.status("Not saved: \(error)", error: true))
            }
        }
        let on = shown.byParagraph[p]?.tags.contains(tag) ?? false
        return .status("\(on ? "Tagged" : "Untagged") \(p): \(tag)", error: false)
    }

    /// The store's notes after a save, unless a newer save of the document is on its way (its
    /// own result follows; taking this one would undo the newer toggle on screen meanwhile).
    /// The reader's copy may differ from the store's on other paragraphs after several saves,
    /// so the tag counts are recounted in full then.
    func storedNotes(_ doc: Int, _ notes: DocumentNotes, save number: Int) -> Message? {
        guard saves.isLatest(number, of: doc) else { return nil }
        var n = notes
        if number != lastAppliedSave + 1 { n.changedParagraph = nil }
        lastAppliedSave = number
        return .notesChanged(doc: doc, n)
    }

    /// Waits until every save has reached the store. True when all of them succeeded; the
    /// messages they left (the store's notes, a failure) are applied either way.
    @discardableResult
    public func finishSaves() -> Bool {
        guard writeBehind else { return true }
        saveQueue.sync {}
        for m in inbox.takeAll() { _ = deliver(m) }
        return saves.takeFailures().isEmpty
    }
}

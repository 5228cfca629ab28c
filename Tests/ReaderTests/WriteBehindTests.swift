// Tag toggles saved behind the frame (Runtime+WriteBehind.swift): the frame shows the toggle
// before the store has it; the store gets every change in the order it was made; quitting
// waits for the saves; a save that fails is shown and the notes go back to what is stored.
import Foundation
@testable import Reader
import Terminal
import Testing

/// The in-memory store behind a gate: a toggle waits until the test opens the gate, and can
/// be made to fail. Calls are recorded in order.
final class GatedAnnotations: AnnotationBackend, @unchecked Sendable {
    let inner = InMemoryAnnotations()
    let gate = DispatchSemaphore(value: 0)
    var failToggles = false
    private let lock = NSLock()
    private var log: [String] = []
    var calls: [String] { lock.withLock { log } }
    private func record(_ s: String) { lock.withLock { log.append(s) } }

    var defaultTags: [String] { inner.defaultTags }
    var exportFormats: [String] { inner.exportFormats }
    func load(document: Int) throws -> DocumentNotes { record("load"); return try inner.load(document: document) }
    func addTags(_ tags: [String], paragraph: String, document: Int) throws -> DocumentNotes {
        record("add \(paragraph)"); return try inner.addTags(tags, paragraph: paragraph, document: document)
    }
    func removeTags(_ tags: [String], paragraph: String, document: Int) throws -> DocumentNotes {
        try inner.removeTags(tags, paragraph: paragraph, document: document)
    }
    func toggleTag(_ tag: String, paragraph: String, document: Int) throws -> DocumentNotes {
        gate.wait()
        record("toggle \(tag) \(paragraph)")
        struct DiskFull: Error, CustomStringConvertible { var description: String { "no space left on device" } }
        if failToggles { throw DiskFull() }
        return try inner.toggleTag(tag, paragraph: paragraph, document: document)
    }
    func setNote(_ note: String?, paragraph: String, document: Int) throws -> DocumentNotes {
        record("note \(paragraph)"); return try inner.setNote(note, paragraph: paragraph, document: document)
    }
    func export(format: String, documents: [Int]) throws -> String { try inner.export(format: format, documents: documents) }
}

@Suite struct WriteBehindTests {
    func key(_ c: Character) -> Message { .input(.key(.char(c.unicodeScalars.first!))) }

    func runtime(_ store: GatedAnnotations, _ events: [InputEvent] = []) -> ReaderRuntime {
        let r = ReaderRuntime(state: Fixtures.state([Fixtures.chinese]), screen: ScriptedScreen(events), backend: store,
                              editNote: { _ in nil })
        r.writeBehind = true
        return r
    }

    @Test func theFrameShowsTheToggleBeforeTheStoreHasIt() throws {
        let store = GatedAnnotations()
        let r = runtime(store)
        r.send(key("o"))
        let first = store.defaultTags[0]
        // Were the save made before the frame, this opens the gate: the test fails, not hangs.
        DispatchQueue.global().asyncAfter(deadline: .now() + 2) { store.gate.signal() }
        r.send(key("1"))
        // The store is still waiting at its gate: only the reader's copy has the tag.
        #expect(r.state.notes[0].byParagraph["op1"]?.tags == [first])
        #expect(render(r.state).text.contains("[\(first)]"))
        #expect(store.calls.isEmpty)
        store.gate.signal()
        #expect(r.finishSaves())
        #expect(store.calls == ["toggle \(first) op1"])
        #expect(store.inner.notes[0]?["op1"]?.tags == [first])
        #expect(r.state.notes[0].byParagraph["op1"]?.tags == [first])
    }

    @Test func changesReachTheStoreInTheOrderTheyWereMade() throws {
        let store = GatedAnnotations()
        let r = runtime(store)
        r.send(key("o"))
        r.send(key("1")); r.send(key("2")); r.send(key("1"))
        let opened = DispatchWorkItem { for _ in 0..<3 { store.gate.signal() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05, execute: opened)
        // A note is saved synchronously, after the toggles queued before it.
        r.send(key("e"))
        for c in "议" { r.send(key(c)) }
        r.send(.input(.key(.enter)))
        #expect(r.finishSaves())
        let (a, b) = (store.defaultTags[0], store.defaultTags[1])
        #expect(store.calls == ["toggle \(a) op1", "toggle \(b) op1", "toggle \(a) op1", "note op1"])
        #expect(store.inner.notes[0]?["op1"] == ParagraphNote(tags: [b], note: "议"))
        #expect(r.state.notes[0].byParagraph["op1"]?.tags == [b])
        #expect(r.state.notes[0].byParagraph["op1"]?.note == "议")
    }

    @Test func quittingWaitsForTheSaves() {
        let store = GatedAnnotations()
        let r = runtime(store, [.key(.char("o")), .key(.char("1")), .key(.char("q"))])
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { store.gate.signal() }
        #expect(r.run() == nil)
        #expect(store.inner.notes[0]?["op1"]?.tags == [store.defaultTags[0]])
    }

    @Test func aFailedSaveIsShownAndTheReaderStaysOpen() {
        let store = GatedAnnotations()
        store.failToggles = true
        store.gate.signal()
        let screen = ScriptedScreen([.key(.char("o")), .key(.char("1")), .key(.char("q")), .key(.char("q"))])
        let r = ReaderRuntime(state: Fixtures.state([Fixtures.chinese]), screen: screen, backend: store, editNote: { _ in nil })
        r.writeBehind = true
        #expect(r.run() == nil)
        // The first `q` found the failure: the frame after it shows the error and no tag.
        let afterFirstQuit = screen.frames.last!.text
        #expect(afterFirstQuit.contains("Not saved: no space left on device"))
        #expect(!afterFirstQuit.contains("[\(store.defaultTags[0])]"))
        #expect(r.state.notes[0].byParagraph["op1"] == nil)
        #expect(store.inner.notes[0]?["op1"] == nil)
    }
}

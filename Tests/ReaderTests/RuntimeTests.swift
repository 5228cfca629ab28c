// The runtime with a scripted screen and the in-memory store: effects reach the store and
// their results come back into the state before the next frame.
@testable import Reader
import Terminal
import Testing

final class ScriptedScreen: Screen {
    var events: [InputEvent]
    var frames: [CellGrid] = []
    var suspended = 0
    init(_ events: [InputEvent]) { self.events = events }
    var width: Int { 80 }
    var height: Int { 24 }
    var colorEnabled: Bool { true }
    func draw(_ grid: CellGrid) { frames.append(grid) }
    func nextEvent() -> InputEvent { events.isEmpty ? .signal(1) : events.removeFirst() }
    func suspend<T>(_ body: () throws -> T) rethrows -> T { suspended += 1; return try body() }
}

@Suite struct RuntimeTests {
    func keys(_ s: String) -> [InputEvent] { s.unicodeScalars.map { InputEvent.key(.char($0)) } }

    @Test func tagsNotesAndEditorGoThroughTheStore() {
        let store = InMemoryAnnotations()
        let events: [InputEvent] = keys("ot") + keys("priority") + [.key(.enter)] + keys("j4e") + keys("中文笔记") + [.key(.enter)]
            + keys("jE") + keys("q")
        let screen = ScriptedScreen(events)
        let runtime = ReaderRuntime(state: Fixtures.state([Fixtures.chinese]), screen: screen, backend: store,
                                    editNote: { _ in "长笔记\n第二行" })
        #expect(runtime.run() == nil)
        #expect(store.notes[0]?["op1"]?.tags == ["priority"])
        #expect(store.notes[0]?["op2"] == ParagraphNote(tags: ["priority"], note: "中文笔记"))
        #expect(store.notes[0]?["op3"]?.note == "长笔记\n第二行")
        #expect(screen.suspended == 1)
        #expect(screen.frames.last!.text.contains("[priority]"))
    }

    @Test func aSignalEndsTheLoopWithItsNumber() {
        let runtime = ReaderRuntime(state: Fixtures.state([Fixtures.chinese]), screen: ScriptedScreen([.signal(15)]),
                                    backend: InMemoryAnnotations(), editNote: { _ in nil })
        #expect(runtime.run() == 15)
    }
}

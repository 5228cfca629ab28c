// The seam between the reader and a terminal: CursesScreen in the app, scripted screens in tests.

/// Where frames go and events come from: ncurses in the app, a script in tests.
public protocol Screen: AnyObject {
    var width: Int { get }
    var height: Int { get }
    /// False under NO_COLOR or on a terminal without colours.
    var colorEnabled: Bool { get }
    func draw(_ grid: CellGrid)
    /// Blocks until something happens.
    func nextEvent() -> InputEvent
    /// Leaves full-screen mode while `body` runs (for `$EDITOR`), then comes back.
    func suspend<T>(_ body: () throws -> T) rethrows -> T
}

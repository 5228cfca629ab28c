// What the terminal reports: keys (already decoded from escape sequences by ncurses),
// mouse, resize, and a caught signal. The reader's update function consumes these.

public enum Key: Hashable, Sendable {
    /// A printable character, including CJK input from an input method.
    case char(Unicode.Scalar)
    /// Ctrl plus a letter (`ctrl("a")`), other than the ones with their own case.
    case ctrl(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, tab, backTab, backspace, delete, escape
    case function(Int)
}

public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case click, wheelUp, wheelDown }
    public var kind: Kind
    public var row: Int
    public var column: Int
    public init(kind: Kind, row: Int, column: Int) { self.kind = kind; self.row = row; self.column = column }
}

public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// SIGINT, SIGTERM or SIGHUP arrived: restore the terminal and re-raise.
    case signal(Int32)
    /// Work running off the reader's thread has something to show (`CursesScreen.wake`).
    case wake
}

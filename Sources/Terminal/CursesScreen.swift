// The only code that talks to ncurses. It draws a CellGrid, reads keys with get_wch and
// restores the terminal on every way out (quit, signal, crash, thrown error).
import CNCurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum TerminalError: Error, CustomStringConvertible {
    case unusable(term: String)
    public var description: String {
        switch self {
        case .unusable(let term):
            return "cannot use the terminal: TERM=\(term.isEmpty ? "(empty)" : term) is unknown here or not a terminal; " +
                "try TERM=xterm-256color, or pipe the output to print text"
        }
    }
}

public final class CursesScreen: Screen {
    private let window: UnsafeMutablePointer<WINDOW>
    public private(set) var colorEnabled: Bool
    private var pairs: [UInt16: Int16] = [:]
    private var ended = false
    private var defaultColorsWork = true

    /// Sets up curses. `noColor` is the NO_COLOR convention (https://no-color.org).
    public init(noColor: Bool) throws {
        shim_install_signal_handlers()
        setlocale(LC_ALL, "")
        // newterm (unlike initscr) returns NULL instead of exiting on an unknown TERM.
        guard shim_newterm() != 0 else {
            throw TerminalError.unusable(term: getenv("TERM").map { String(cString: $0) } ?? "")
        }
        window = shim_stdscr()
        cbreak(); noecho(); nonl()
        Self.disableFlowControl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        // Poll so that a signal flag is noticed even if get_wch restarts after EINTR.
        wtimeout(window, 250)
        _ = mousemask(shim_mouse_mask(), nil)
        mouseinterval(0)
        colorEnabled = !noColor && has_colors()
        if colorEnabled {
            start_color()
            defaultColorsWork = use_default_colors() == OK
        }
    }

    deinit { end() }

    /// XON/XOFF flow control off: with `ixon` on, Ctrl-S makes the tty stop our output, the
    /// reader blocks in write() and not even SIGTERM gets through. `def_prog_mode` records the
    /// change as curses' program mode, so `reset_prog_mode` after `$EDITOR` keeps it off, while
    /// `endwin` (quit, signal) and the crash handler put back the modes saved before newterm.
    private static func disableFlowControl() {
        var t = termios()
        guard tcgetattr(STDOUT_FILENO, &t) == 0 else { return }
        t.c_iflag &= ~tcflag_t(IXON | IXOFF)
        guard tcsetattr(STDOUT_FILENO, TCSANOW, &t) == 0 else { return }
        def_prog_mode()
    }

    public var width: Int { Int(getmaxx(window)) }
    public var height: Int { Int(getmaxy(window)) }

    /// Leaves curses mode; safe to call more than once.
    public func end() {
        guard !ended else { return }
        ended = true
        endwin()
    }

    /// Ends curses and dies of `signal` as if we had not caught it (exit status 128+n).
    public func exit(bySignal signal: Int32) -> Never {
        end()
        shim_reraise(signal)
        #if canImport(Glibc)
        Glibc.exit(128 + signal)
        #else
        Darwin.exit(128 + signal)
        #endif
    }

    public func draw(_ grid: CellGrid) {
        werase(window)
        let h = min(grid.height, height), w = min(grid.width, width)
        var buffer: [wchar_t] = []
        for row in 0..<h {
            for col in 0..<w {
                let cell = grid[row, col]
                if cell.isContinuation { continue }
                if cell.text == " " && cell.style == .plain { continue }
                // The bottom-right cell would scroll the screen; it is always left blank.
                if row == height - 1 && col == width - 1 { continue }
                buffer.removeAll(keepingCapacity: true)
                for s in cell.text.unicodeScalars { buffer.append(wchar_t(bitPattern: s.value)) }
                apply(cell.style)
                _ = mvwaddnwstr(window, Int32(row), Int32(col), buffer, Int32(buffer.count))
            }
        }
        wattr_set(window, shim_a_normal(), 0, nil)
        if let c = grid.cursor, c.row < height, c.column < width {
            curs_set(1)
            wmove(window, Int32(c.row), Int32(c.column))
        } else {
            curs_set(0)
        }
        wrefresh(window)
    }

    private func apply(_ style: Style) {
        var attrs = shim_a_normal()
        if style.bold { attrs |= shim_a_bold() }
        if style.underline { attrs |= shim_a_underline() }
        if style.reverse { attrs |= shim_a_reverse() }
        if style.dim { attrs |= shim_a_dim() }
        wattr_set(window, attrs, colorEnabled ? pair(style.foreground, style.background) : 0, nil)
    }

    private func pair(_ fg: Color, _ bg: Color) -> Int16 {
        if fg == .standard && bg == .standard { return 0 }
        let key = UInt16(fg.rawValue) << 8 | UInt16(bg.rawValue)
        if let p = pairs[key] { return p }
        let n = Int16(pairs.count + 1)
        guard Int32(n) < shim_color_pairs() else { return 0 }
        init_pair(n, code(fg, background: false), code(bg, background: true))
        pairs[key] = n
        return n
    }

    private func code(_ c: Color, background: Bool) -> Int16 {
        switch c {
        case .standard: return defaultColorsWork ? -1 : Int16(background ? COLOR_BLACK : COLOR_WHITE)
        case .black: return Int16(COLOR_BLACK)
        case .red: return Int16(COLOR_RED)
        case .green: return Int16(COLOR_GREEN)
        case .yellow: return Int16(COLOR_YELLOW)
        case .blue: return Int16(COLOR_BLUE)
        case .magenta: return Int16(COLOR_MAGENTA)
        case .cyan: return Int16(COLOR_CYAN)
        case .white: return Int16(COLOR_WHITE)
        }
    }

    /// Asked between keys (every 100 ms while set): true when work running on another thread
    /// has messages for the reader, and `nextEvent` then returns `.wake`. Input never waits
    /// for that work.
    public var wake: (@Sendable () -> Bool)? {
        didSet { wtimeout(window, wake == nil ? 250 : 100) }
    }

    public func nextEvent() -> InputEvent {
        while true {
            let pending = shim_take_pending_signal()
            if pending != 0 { return .signal(pending) }
            if let wake, wake() { return .wake }
            var ch: wint_t = 0
            let r = wget_wch(window, &ch)
            if r == ERR { continue }  // timeout or EINTR: look at the signal flag again
            if r == KEY_CODE_YES {
                if let e = decodeKeyCode(Int32(bitPattern: ch)) { return e }
                continue
            }
            if let e = decodeCharacter(UInt32(ch)) { return e }
        }
    }

    private func decodeKeyCode(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_BTAB: return .key(.backTab)
        case KEY_RESIZE: return .resize(width: width, height: height)
        case KEY_MOUSE: return readMouse()
        case KEY_F0 + 1...KEY_F0 + 12: return .key(.function(Int(code - KEY_F0)))
        default: return nil
        }
    }

    private func decodeCharacter(_ v: UInt32) -> InputEvent? {
        switch v {
        case 0x0D, 0x0A: return .key(.enter)
        case 0x09: return .key(.tab)
        case 0x1B: return .key(.escape)
        case 0x08, 0x7F: return .key(.backspace)
        case 0x01...0x1A: return .key(.ctrl(Character(Unicode.Scalar(0x60 + v)!)))
        default:
            guard let s = Unicode.Scalar(v) else { return nil }
            return .key(.char(s))
        }
    }

    private func readMouse() -> InputEvent? {
        var m = MEVENT()
        guard getmouse(&m) == OK else { return nil }
        let row = Int(m.y), col = Int(m.x)
        if m.bstate & shim_button4_pressed() != 0 { return .mouse(MouseEvent(kind: .wheelUp, row: row, column: col)) }
        if m.bstate & shim_button5_pressed() != 0 { return .mouse(MouseEvent(kind: .wheelDown, row: row, column: col)) }
        if m.bstate & (shim_button1_pressed() | shim_button1_clicked()) != 0 {
            return .mouse(MouseEvent(kind: .click, row: row, column: col))
        }
        return nil
    }

    public func suspend<T>(_ body: () throws -> T) rethrows -> T {
        def_prog_mode()
        endwin()
        shim_ignore_interactive_signals(1)
        defer {
            shim_ignore_interactive_signals(0)
            reset_prog_mode()
            clearok(window, true)  // the editor drew over everything: repaint fully once
            wrefresh(window)
        }
        return try body()
    }
}
